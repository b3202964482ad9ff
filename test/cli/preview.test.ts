// @ts-nocheck
import { describe, expect, it } from "vitest";
import { aitracks } from "../helpers/cli";

describe("aitracks preview", () => {
  it("shows the Bedrock stack as a tree with counts by cloud and track", () => {
    const r = aitracks(["preview", "--stack", "buy-aws"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^pulumi:pulumi:Stack {2}aitracks-buy-aws$/m);
    expect(r.stdout).toMatch(/├─ aitracks:aws:BuyTrack {2}assistant/);
    expect(r.stdout).toMatch(/│ {2}├─ aws:bedrock\/guardrail:Guardrail {2}assistant-guardrail/);
    expect(r.stdout).toMatch(/aws:budgets\/budget:Budget {2}assistant-budget {2}limitAmount=4000\.00/);
    expect(r.stdout).toMatch(/^ {2}by cloud: aws: \d+$/m);
    expect(r.stdout).toMatch(/^ {2}by track: buy \(assistant, aws\): \d+$/m);
  });

  it("prints the versioned resource graph with --json", () => {
    const r = aitracks(["preview", "--stack", "buy-aws", "--json"]);
    expect(r.code).toBe(0);
    const graph = JSON.parse(r.stdout);
    expect(graph.version).toBe(1);
    expect(graph.stack).toBe("buy-aws");
    const types = graph.resources.map((x: { type: string }) => x.type);
    expect(types).toContain("aws:bedrock/guardrail:Guardrail");
    expect(types).toContain("aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration");
  });

  it("previews a user's own program with --program and --config", () => {
    const r = aitracks(["preview", "--program", "examples/programs/raw-aws", "--config", "examples/programs/raw-aws/Pulumi.dev.yaml"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/aws:sagemaker\/endpointConfiguration:EndpointConfiguration {2}ranker/);
    expect(r.stdout).toMatch(/by track: outside tracks: 5/);
  });

  it("exits 2 with one line for a missing stack, a throwing program, and bad flags", () => {
    const missing = aitracks(["preview", "--stack", "nope"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toMatch(/^aitracks: .*stacks\/Pulumi\.nope\.yaml: no such stack config file$/);
    const throws = aitracks(["preview", "--program", "test/fixtures/programs/throws", "--stack", "dev"]);
    expect(throws.code).toBe(2);
    expect(throws.stderr.trim().split("\n")).toEqual(["aitracks: program error: index.js:4: the model registry is not reachable: set registryUrl"]);
    expect(throws.stdout).toBe("");
    const bad = aitracks(["preview", "--stak", "buy-aws"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown option '--stak'/);
  });
});
