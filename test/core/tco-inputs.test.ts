// @ts-nocheck
import { describe, expect, it } from "vitest";
import { InputError, parseOrThrow } from "../../packages/core/src/errors";
import { findTokenPrices, tokenPrices } from "../../packages/core/src/pricing/tokens";
import { workloadFileSchema } from "../../packages/core/src/schema/workload";
import { resolveTco } from "../../packages/core/src/tco";
import { workload } from "./tco-helpers";

function linesOf(f: () => unknown): string[] {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return [...(err as InputError).lines];
  }
  throw new Error("expected an InputError");
}

describe("token prices (@pydantic/genai-prices)", () => {
  it("prices gpt-4o on openai at $2.50 / $10 per million tokens", () => {
    const p = tokenPrices({ provider: "openai", model: "gpt-4o" });
    expect(p.inputUsdPerMillionTokens).toBe(2.5);
    expect(p.outputUsdPerMillionTokens).toBe(10);
    expect(p.provider).toBe("openai");
  });

  it("prices a typical request, not a million-token one (long-context tiers)", () => {
    const p = findTokenPrices({ provider: "anthropic", model: "claude-sonnet-4-5", inputTokensPerRequest: 2_000, outputTokensPerRequest: 400 });
    expect(p?.inputUsdPerMillionTokens).toBe(3);
    expect(p?.outputUsdPerMillionTokens).toBe(15);
  });

  it("an unknown model is an InputError naming buy.model and the overrides", () => {
    expect(linesOf(() => tokenPrices({ provider: "openai", model: "gpt-nope" }))).toEqual([
      'buy.model: no price for "gpt-nope" on provider "openai" in @pydantic/genai-prices; give buy.inputUsdPerMillionTokens and buy.outputUsdPerMillionTokens',
    ]);
  });

  it("the model resolves prices from genai-prices unless both overrides are given", () => {
    const looked = resolveTco(workload({ buy: { provider: "openai", model: "gpt-4o", inputUsdPerMillionTokens: undefined, outputUsdPerMillionTokens: undefined } }));
    expect(looked.point.buyInputUsdPerM).toBe(2.5);
    expect(looked.point.buyOutputUsdPerM).toBe(10);
    const overridden = resolveTco(workload({ buy: { provider: "nobody", model: "private-model", inputUsdPerMillionTokens: 1, outputUsdPerMillionTokens: 2 } }));
    expect(overridden.point.buyInputUsdPerM).toBe(1);
    expect(overridden.buyPrices).toBeUndefined();
  });
});

describe("bad input", () => {
  it("schema problems: one line per field path, with what was expected and what was given", () => {
    const lines = linesOf(() =>
      parseOrThrow(workloadFileSchema, {
        workload: { requestsPerDay: "x", inputTokensPerRequest: 10, outputTokensPerRequest: -1 },
        buy: { provider: "openai" },
        fineTune: { retrainEveryMonths: 0 },
      }),
    );
    expect(lines).toContain('workload.requestsPerDay: expected a number of requests per day of 0 or more, or a range {low, high}, got "x"');
    expect(lines).toContain("workload.outputTokensPerRequest: expected a number of output tokens of 0 or more, got -1");
    expect(lines.some((l) => l.startsWith("buy.model: expected a model id"))).toBe(true);
    expect(lines).toContain("fineTune.retrainEveryMonths: expected an integer from 1 to 120, got 0");
  });

  it("a range with low above high names the field", () => {
    const lines = linesOf(() =>
      parseOrThrow(workloadFileSchema, {
        workload: { requestsPerDay: { low: 10, high: 5 }, inputTokensPerRequest: 1, outputTokensPerRequest: 1 },
        buy: { provider: "openai", model: "gpt-4o" },
      }),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^workload\.requestsPerDay\.high: expected low to be at most high/);
  });

  it("prices and SKUs are checked together, every problem reported", () => {
    const lines = linesOf(() =>
      resolveTco(
        workload({
          buy: { provider: "openai", model: "gpt-nope", inputUsdPerMillionTokens: undefined, outputUsdPerMillionTokens: undefined },
          fineTune: { training: { instance: "ml.p9.24xlarge" }, inference: { method: "hosted" } },
          build: { instance: "ml.m5.large" },
        }),
      ),
    );
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^buy\.model: no price for "gpt-nope"/);
    expect(lines[1]).toMatch(/^fineTune\.training\.instance: unknown SKU "ml\.p9\.24xlarge" .*did you mean ml\.p4d\.24xlarge/);
    expect(lines[2]).toBe("fineTune.inference: hosted inference needs provider and model, or inputUsdPerMillionTokens and outputUsdPerMillionTokens");
    expect(lines[3]).toMatch(/^build\.instance: ml\.m5\.large has no accelerators/);
  });
});
