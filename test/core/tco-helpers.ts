// @ts-nocheck
// Shared by the tco tests: a workload file from plain data, validated like the CLI does.
import { parseOrThrow } from "../../packages/core/src/errors";
import { workloadFileSchema, type WorkloadFile } from "../../packages/core/src/schema/workload";

export const ML_MONTH = 250_000 / 12;
export const DAYS = 365 / 12;

type Data = Record<string, unknown>;

/** A workload file: the given sections over a quiet baseline (no growth, fixed prices). */
export function workload(sections: Data = {}): WorkloadFile {
  const { workload: w, buy, ...rest } = sections as { workload?: Data; buy?: Data } & Data;
  return parseOrThrow(workloadFileSchema, {
    workload: { requestsPerDay: 1_000, inputTokensPerRequest: 1_000, outputTokensPerRequest: 0, ...w },
    buy: { provider: "openai", model: "gpt-4o", inputUsdPerMillionTokens: 10, outputUsdPerMillionTokens: 0, ...buy },
    ...rest,
  });
}
