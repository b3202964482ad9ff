import { z } from "zod";
import type { StackContext } from "../../cells";

/** Zod shapes the AWS cells share: the network block and budget fallbacks. */
export const networkSettings = z
  .object({
    vpcId: z.string({ error: "expected a VPC id such as vpc-0a1b2c3d4e5f67890" }).optional(),
    subnetIds: z.array(z.string({ error: "expected a subnet id" }), { error: "expected a list of subnet ids" }).optional(),
    securityGroupIds: z.array(z.string({ error: "expected a security group id" }), { error: "expected a list of security group ids" }).optional(),
    cidrBlock: z.string({ error: "expected a private /16 such as 10.42.0.0/16" }).optional(),
    availabilityZones: z.number({ error: "expected a number of availability zones" }).int({ error: "expected a whole number of availability zones" }).optional(),
    interfaceEndpoints: z.array(z.string(), { error: "expected a list of service suffixes such as ecr.api" }).optional(),
  })
  .strict();

export const instanceType = z.string({ error: "expected a SageMaker instance type from the price catalog, such as ml.g5.2xlarge" });
export const count = (what: string) => z.number({ error: `expected a number of ${what}` }).int({ error: `expected a whole number of ${what}` });
export const s3Uri = z.string({ error: "expected an S3 URI such as s3://my-bucket/data/train.jsonl" });
export const stringMap = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String), { error: "expected a map of names to values" });
export const flag = z.boolean({ error: "expected true or false" });
export const hours = z.number({ error: "expected a number of hours" });
export const runName = z.string({ error: "expected a run label such as run-1" });
export const bedrockModelId = z.string({ error: "expected a Bedrock model id" });
export const invocationsPerMinute = z.number({ error: "expected invocations per instance per minute" });
export const monthlyBudgetUsd = z.number({ error: "expected a monthly budget in USD" });

/** The track's budget settings: its own monthlyBudgetUsd, else the stack's aitracks:budget (limit, thresholds, emails). */
export function stackBudget(monthlyBudgetUsd: number | undefined, ctx: StackContext) {
  return {
    monthlyBudgetUsd: monthlyBudgetUsd ?? ctx.spec.budget?.maxMonthlyUsd,
    budgetAlertThresholds: ctx.spec.budget?.alertThresholds,
    alertEmails: ctx.spec.budget?.alertEmails,
  };
}

