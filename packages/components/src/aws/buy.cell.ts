import { z } from "zod";
import { InputError } from "@aitracks/core";
import { parseSettings, type Cell } from "../cells";
import { AwsBuyTrack, resolveAwsBuyArgs, type AwsBuyTrackArgs } from "./buy";
import { invocationLoggingOf } from "./shared/invocation-logging-owner";
import { bedrockModelId, monthlyBudgetUsd, stackBudget } from "./shared/settings";

const settings = z.object({
  models: z.array(bedrockModelId, { error: "expected a list of Bedrock model ids, primary first" }).min(1, {
    error: "expected at least one Bedrock model id",
  }),
  inferenceProfile: z.enum(["auto", "always", "never"], { error: "expected auto, always or never" }).optional(),
  guardrail: z
    .object({
      contentFilterStrength: z.enum(["NONE", "LOW", "MEDIUM", "HIGH"], { error: "expected NONE, LOW, MEDIUM or HIGH" }).optional(),
      promptAttackStrength: z.enum(["NONE", "LOW", "MEDIUM", "HIGH"], { error: "expected NONE, LOW, MEDIUM or HIGH" }).optional(),
      deniedTopics: z.array(z.object({ name: z.string(), definition: z.string(), examples: z.array(z.string()).optional() }).strict()).optional(),
      piiAction: z.enum(["ANONYMIZE", "BLOCK"], { error: "expected ANONYMIZE or BLOCK" }).optional(),
      piiTypes: z.array(z.string()).optional(),
    })
    .strict()
    .optional(),
  invocationLogging: z.enum(["create", "existing"], { error: "expected create or existing" }).optional(),
  logRetentionDays: z.number().int().optional(),
  monthlyBudgetUsd: monthlyBudgetUsd.optional(),
  invocationsPerHourAlarm: z.number().optional(),
  applicationPrincipals: z.array(z.string()).optional(),
});

/** Buy on AWS: Amazon Bedrock. */
export const awsBuyCell: Cell<AwsBuyTrackArgs> = {
  track: "buy",
  cloud: "aws",
  service: "Amazon Bedrock",
  args(entry, ctx) {
    const s = parseSettings(settings, entry);
    const budget = stackBudget(s.monthlyBudgetUsd, ctx);
    if (budget.monthlyBudgetUsd === undefined) {
      throw new InputError("monthlyBudgetUsd: expected a monthly budget for the track's AWS Budget (or set aitracks:budget.maxMonthlyUsd)");
    }
    // Bedrock's invocation logging is one per account and region: one track of the stack creates it.
    const invocationLogging = invocationLoggingOf(entry, s.invocationLogging, ctx.spec);
    const args: AwsBuyTrackArgs = { ...s, invocationLogging, region: entry.region, ...budget, monthlyBudgetUsd: budget.monthlyBudgetUsd, tags: ctx.tags };
    resolveAwsBuyArgs(args);
    return args;
  },
  create: (name, args, opts) => new AwsBuyTrack(name, args, opts),
};
