// @ts-nocheck
import { describe, expect, it } from "vitest";
import { costMarkdown, estimateJson, UNCOUNTED_USAGE, workloadProfileSchema } from "@aitracks/core";
import { estimate, priced, res } from "./helpers";

/**
 * Usage the estimate leaves at zero or out says what would count it (cost/to-count.ts): the real
 * aitracks:workload.workload field where one sizes it, else what the stack would have to state.
 */

/** Every workload field a text names: `aitracks:workload.workload.x` or `aitracks:workload.workload (x, y)`. */
function namedFields(text: string): string[] {
  return [...text.matchAll(/aitracks:workload\.workload(?:\.(\w+)| \(([^)]+)\))/g)].flatMap((m) => (m[1] ? [m[1]] : m[2]!.split(", ")));
}

const GUARDRAIL = { contentPolicyConfig: { filtersConfigs: [{ type: "HATE", inputStrength: "HIGH", outputStrength: "HIGH" }] } };

describe("usage not counted names what to add to the workload", () => {
  it("a guardrail and a Lambda function with no workload: the fields that would count their usage", () => {
    const e = estimate([res("aws:bedrock/guardrail:Guardrail", "guard", GUARDRAIL), res("aws:lambda/function:Function", "fn", { memorySize: 512 })], { "aws:region": "us-east-1" });
    // Text units are the workload's tokens x 4 characters per request: requests and both token counts size them.
    expect(priced(e, "guard").notes).toContain(
      "no aitracks:workload in the stack: text units counted as 0; add aitracks:workload.workload (requestsPerDay, inputTokensPerRequest, outputTokensPerRequest) to count it",
    );
    // A function's invocations are one per request.
    expect(priced(e, "fn").notes[0]).toBe("no aitracks:workload in the stack: invocations counted as 0; add aitracks:workload.workload.requestsPerDay to count it");
    expect(e.assumptions.join(" ")).toContain("add aitracks:workload.workload (requestsPerDay, inputTokensPerRequest, outputTokensPerRequest) to count them");

    // With those fields the same guardrail counts: 1,200 requests a day x 365/12 = 36,500 a month; 250 tokens
    // x 4 = 1,000 characters = 1 text unit each side: 36.5 thousand units x $0.15 = $5.475 a side, $10.95.
    const counted = estimate([res("aws:bedrock/guardrail:Guardrail", "guard", GUARDRAIL)], {
      "aws:region": "us-east-1",
      "aitracks:workload": { workload: { requestsPerDay: 1_200, inputTokensPerRequest: 250, outputTokensPerRequest: 250 } },
    });
    expect(priced(counted, "guard").monthlyUsd).toBeCloseTo(10.95, 9);
    expect(priced(counted, "guard").notes.join(" ")).not.toMatch(/counted as 0/);
  });

  it("an SQS queue and an Aurora cluster: the per-request figure no field states, and the field that would size the total", () => {
    const e = estimate([res("aws:sqs/queue:Queue", "jobs", {}), res("aws:rds/cluster:Cluster", "db", { engine: "aurora-postgresql" })]);
    const jobs = e.free.find((f) => f.name === "jobs")!.uncountedUsage;
    expect(jobs).toBe(
      "SQS bills requests beyond the first million a month; to count it: the messages the application sends per request (no aitracks:workload field states it; with it, aitracks:workload.workload.requestsPerDay would size the total)",
    );
    expect(e.free.find((f) => f.name === "db")!.uncountedUsage).toMatch(/to count it: the GB the database stores and its I\/O requests per request of the application \(no aitracks:workload field states it; with it, aitracks:workload\.workload\.requestsPerDay would size the total\)$/);
    // The JSON and the PR comment carry the same text.
    const json = estimateJson(e);
    expect(json.free.find((f) => f.urn.endsWith("::jobs")).uncountedUsage).toBe(jobs);
    expect(costMarkdown(json)).toContain(`- ${jobs}`);
  });

  it("a store the workload does not size: 0 GB, what would count it, and each unit's price", () => {
    const e = estimate([res("aws:s3/bucket:Bucket", "files", {}), res("aws:ec2/natGateway:NatGateway", "nat", {})], { "aws:region": "us-east-1" });
    // S3 Standard in us-east-1 at $0.023 per GB-month: 100 GB would add 100 x $0.023 = $2.30 a month.
    expect(priced(e, "files").notes[0]).toBe("what this bucket holds is not sized by the workload: 0 GB counted; to count it: the GB it holds (no aitracks:workload field states it), $0.023 per GB-month");
    expect(priced(e, "nat").notes[0]).toBe(
      "data processed through the gateway is not sized by the workload: 0 GB counted; to count it: the GB a month the subnets behind it send and fetch (no aitracks:workload field states it), $0.045 per GB",
    );
  });

  it("names only fields the workload schema has", () => {
    const fields = Object.keys(workloadProfileSchema.shape);
    const e = estimate([res("aws:bedrock/guardrail:Guardrail", "guard", GUARDRAIL), res("aws:lambda/function:Function", "fn", {})], {});
    const texts = [...Object.values(UNCOUNTED_USAGE), ...e.resources.flatMap((r) => r.notes), ...e.assumptions];
    const named = texts.flatMap(namedFields);
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((f) => !fields.includes(f))).toEqual([]);
  });
});
