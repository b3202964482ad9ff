// @ts-nocheck
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { estimateCost, graphFromPulumiPreview } from "@aitracks/core";
import { ROOT, aitracks } from "../helpers/cli";

// A `pulumi preview --json` document of the buy-aws stack as the Pulumi CLI writes it: config
// values as strings, steps {op, urn, provider, newState: {type, inputs, parent, provider …}},
// unknowns as Pulumi's sentinel, a provider id not known yet, 24 creates, 2 sames, 1 update and a
// delete of an alarm that the plan removes.
const FIXTURE = "test/fixtures/pulumi-preview/buy-aws.json";
const doc = JSON.parse(readFileSync(join(ROOT, FIXTURE), "utf8"));

describe("--from-preview: the plan of a real pulumi preview --json", () => {
  it("keeps what the plan leaves in place (creates, updates, sames) and drops deletes", () => {
    const g = graphFromPulumiPreview(doc, FIXTURE);
    expect(g.stack).toBe("buy-aws");
    expect(g.project).toBe("aitracks");
    expect(g.resources.length).toBe(27);
    expect(g.resources.some((r) => r.urn.endsWith("alarm-2"))).toBe(false);
    expect(g.resources.find((r) => r.urn.endsWith("::assistant-guardrail"))!.type).toBe("aws:bedrock/guardrail:Guardrail");
  });

  it("prices it like the offline preview: the workload from the document's config, regions from providers with unknown ids", () => {
    const e = estimateCost(graphFromPulumiPreview(doc, FIXTURE));
    expect(e.unpriced).toEqual([]);
    expect(e.monthlyUsd).toBeCloseTo(3714.348, 2); // the same figure as aitracks cost --stack buy-aws
    expect(e.resources.find((r) => r.name === "assistant-model-0")!.region).toBe("us-east-1");
    expect(e.resources.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm")).toHaveLength(2);
  });

  it("runs from the CLI, with the stack's config from --stack when the document has none", () => {
    const r = aitracks(["cost", "--from-preview", FIXTURE, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ monthlyUsd: 3714.35, currency: "USD", stack: "buy-aws", unpriced: [] });
    const stripped = { ...doc, config: undefined };
    const file = join(require("node:os").tmpdir(), `aitracks-preview-${process.pid}.json`);
    require("node:fs").writeFileSync(file, JSON.stringify(stripped));
    const noConfig = aitracks(["cost", "--from-preview", file, "--json"]);
    expect(JSON.parse(noConfig.stdout).monthlyUsd).toBe(1.2); // no workload: tokens and logs at 0; the key $1 and 2 alarms
    const withStack = aitracks(["cost", "--from-preview", file, "--stack", "buy-aws", "--json"]);
    expect(JSON.parse(withStack.stdout).monthlyUsd).toBe(3714.35);
  });

  it("rejects a document that is not a pulumi preview --json output, naming the field", () => {
    const file = join(require("node:os").tmpdir(), `aitracks-bad-preview-${process.pid}.json`);
    require("node:fs").writeFileSync(file, JSON.stringify({ steps: [{ op: "create" }] }));
    const r = aitracks(["cost", "--from-preview", file]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`aitracks: ${file}: steps[0].urn: expected the resource URN, got nothing`);
  });
});
