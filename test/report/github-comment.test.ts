// @ts-nocheck
// Pull-request Markdown for `aitracks cost` and `aitracks check` (--format github-comment): the
// cost comment end to end on two versions of a real stack (base branch and pull request), the
// policy comment from verdicts.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCommentMarker, renderCheckComment } from "../../packages/cli/src/render/github-comment";
import { aitracks, ROOT } from "../helpers/cli";

const urn = (type: string, name: string) => `urn:pulumi:fine-tune-aws::aitracks::aitracks:aws:FineTuneTrack$${type}::${name}`;
const EC = "aws:sagemaker/endpointConfiguration:EndpointConfiguration";
const BUCKET = "aws:s3/bucket:Bucket";

describe("cost comment (aitracks cost --format github-comment) on two versions of the buy-aws stack", () => {
  // Version 1: stacks/Pulumi.buy-aws.yaml as committed (10,000 requests/day, budget $4,000).
  // Version 2: the same stack at 30,000 requests/day. Claude Sonnet 4 on Bedrock at $3 / $15 per
  // million tokens: 30,000 x 1,500 input tokens x 365/12 days = 1,368.75M tokens = $4,106.25, and
  // 30,000 x 300 output tokens x 365/12 = 273.75M tokens = $4,106.25: $8,212.50 a month for the
  // model, against $2,737.50 at 10,000 requests/day (+$5,475.00).
  const dir = mkdtempSync(join(tmpdir(), "aitracks-comment-"));
  const v2 = join(dir, "Pulumi.buy-aws.yaml");
  writeFileSync(v2, readFileSync(join(ROOT, "stacks", "Pulumi.buy-aws.yaml"), "utf8").replace("requestsPerDay: 10000", "requestsPerDay: 30000"));
  const base = join(dir, "base.json");
  const comment = (...extra: string[]) =>
    aitracks(["cost", "--stack", "buy-aws", "--config", v2, "--diff", base, "--format", "github-comment", ...extra]);

  it("leads with a stable marker, the new monthly total and its delta, and the budget crossing", () => {
    const b = aitracks(["cost", "--stack", "buy-aws", "--json"]);
    expect(b.code).toBe(0);
    writeFileSync(base, b.stdout);
    const before = JSON.parse(b.stdout).monthlyUsd as number;
    const after = JSON.parse(aitracks(["cost", "--stack", "buy-aws", "--config", v2, "--json"]).stdout).monthlyUsd as number;
    const money = (x: number) => `$${x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

    const r = comment("--fail-on-budget-crossing");
    expect(r.code).toBe(1); // the budget gate
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("<!-- aitracks-cost:buy-aws -->");
    expect(r.stdout).toContain(`**${money(after)} a month** (+${money(after - before)}, +${(((after - before) / before) * 100).toFixed(1)}% against the base)`);
    expect(r.stdout).toContain(`crosses the budget**: ${money(before)} -> ${money(after)} a month`);
    expect(r.stderr).toContain("crosses the budget of $4,000.00");
  });

  it("lists the changed resources, largest change first, with hand-checked figures, and folds the breakdown", () => {
    const r = comment();
    expect(r.code).toBe(0); // no gate asked for
    const rows = r.stdout.split("\n").filter((l) => /^\| (changed|added|removed) \|/.test(l));
    expect(rows[0]).toBe("| changed | `assistant-model-0` | `aws:bedrock/inferenceProfile:InferenceProfile` | $2,737.50 | $8,212.50 | +$5,475.00 |");
    expect(rows.length).toBeGreaterThan(1);
    expect(r.stdout).toMatch(/<details><summary>Breakdown: \d+ priced, \d+ free, \d+ unpriced resources<\/summary>/);
    // 1,368.75M input tokens x $3 per million.
    expect(r.stdout).toMatch(/\| `assistant-model-0` \| [^|]*input tokens \| 1,369M tokens \| \$3 \| \$4,106\.25 \|/);
  });

  it("is stable: the same two versions give the same bytes, and --format github-comment is the estimator's Markdown", () => {
    const a = comment();
    expect(comment().stdout).toBe(a.stdout);
    expect(a.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    const md = aitracks(["cost", "--stack", "buy-aws", "--config", v2, "--diff", base, "--format", "markdown"]);
    expect(a.stdout).toBe(md.stdout);
  });

  it("refuses an unknown format in one line", () => {
    const r = aitracks(["cost", "--stack", "buy-aws", "--format", "html"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('aitracks: --format: expected text, markdown or github-comment, got "html"\n');
  });
});

describe("check comment", () => {
  const violations = [
    { policy: "review-trigger", level: "advisory", message: "The decision's review date 2026-05-01 has passed." },
    { policy: "sagemaker-endpoint-kms", level: "mandatory", urn: urn(EC, "ft-serving"), message: "kmsKeyArn is not set | the endpoint's volumes are not encrypted with a CMK" },
    { policy: "required-tags", level: "mandatory", urn: urn(BUCKET, "ft-data"), message: "missing tags: owner,\ncost-center" },
  ];

  it("groups the violations by level, mandatory first and in the open, advisory folded", () => {
    const md = renderCheckComment({ stack: "fine-tune-aws", violations, resources: 27, pack: { name: "aitracks", version: "0.1.0" }, notes: [{ policy: "private-endpoint", urn: urn(EC, "ft-serving"), reason: "vpcConfig is not known until deploy" }] });
    expect(md.split("\n").slice(0, 5)).toEqual([
      "<!-- aitracks:check stack=fine-tune-aws -->",
      "### aitracks check: `fine-tune-aws` fails",
      "",
      "2 mandatory, 1 advisory violations in 27 resources: mandatory violations fail the pipeline.",
      "",
    ]);
    expect(md).toContain(
      [
        "**Mandatory (2)**",
        "",
        "| Policy | Resource | Message |",
        "| --- | --- | --- |",
        "| `required-tags` | `ft-data` | missing tags: owner,<br>cost-center |",
        "| `sagemaker-endpoint-kms` | `ft-serving` | kmsKeyArn is not set \\| the endpoint's volumes are not encrypted with a CMK |",
      ].join("\n"),
    );
    expect(md).toContain("<details><summary>Advisory (1)</summary>\n\n| Policy | Resource | Message |\n| --- | --- | --- |\n| `review-trigger` | stack | The decision's review date 2026-05-01 has passed. |");
    expect(md).toContain("- `private-endpoint` on `ft-serving`: vpcConfig is not known until deploy");
    expect(md).toContain("with policy pack aitracks 0.1.0");
    expect(md.indexOf("Mandatory")).toBeLessThan(md.indexOf("Advisory"));
  });

  it("passes with advisory violations only, shown open", () => {
    const md = renderCheckComment({ stack: "buy-aws", violations: [violations[0]!] });
    expect(md).toContain("### aitracks check: `buy-aws` passes");
    expect(md).toContain("1 advisory violation: advisory only, the pipeline passes.");
    expect(md).toContain("<details open><summary>Advisory (1)</summary>");
  });

  it("passes cleanly, and is stable", () => {
    const md = renderCheckComment({ stack: "buy-aws", violations: [], resources: 26 });
    expect(md).toContain("### aitracks check: `buy-aws` passes\n\nNo policy violations in 26 resources.");
    expect(renderCheckComment({ stack: "fine-tune-aws", violations: [...violations].reverse() })).toBe(renderCheckComment({ stack: "fine-tune-aws", violations }));
    // A stack name cannot close the marker early.
    expect(checkCommentMarker("a --> b")).toBe("<!-- aitracks:check stack=a_-__b -->");
  });
});

describe("check comment, long lists", () => {
  const many = (n: number, level: string) =>
    Array.from({ length: n }, (_, i) => ({ policy: `p-${String(i).padStart(3, "0")}`, level, urn: urn(BUCKET, `b${i}`), message: `m${i}` }));

  it("shows 20 mandatory violations in the open and folds the rest", () => {
    const md = renderCheckComment({ stack: "s", violations: many(25, "mandatory") });
    const [open, folded] = md.split("<details><summary>5 more mandatory</summary>");
    expect(open!.match(/^\| `p-\d+` /gm)).toHaveLength(20);
    expect(folded!.match(/^\| `p-\d+` /gm)).toHaveLength(5);
    expect(folded).toContain("| `p-024` | `b24` | m24 |");
  });

  it("lists at most 150 violations per level, saying how many more there are", () => {
    const md = renderCheckComment({ stack: "s", violations: many(200, "advisory") });
    expect(md.match(/^\| `p-\d+` /gm)).toHaveLength(150);
    expect(md).toContain("| | | 50 more: run `aitracks check` for all of them |");
    expect(md.length).toBeLessThan(65_536);
  });
});

describe("aitracks check --format github-comment", () => {
  it("fails the insecure example with its mandatory violations, as many as --json counts", () => {
    const json = aitracks(["check", "--program", "examples/insecure", "--stack", "insecure", "--engine", "in-process", "--json"]);
    const doc = JSON.parse(json.stdout) as { summary: { mandatory: number; advisory: number }; resources: number };
    const summary = doc.summary;
    expect(summary.mandatory).toBeGreaterThan(20);
    const r = aitracks(["check", "--program", "examples/insecure", "--stack", "insecure", "--engine", "in-process", "--format", "github-comment"]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "<!-- aitracks:check stack=insecure -->",
      "### aitracks check: `insecure` fails",
      "",
      `${summary.mandatory} mandatory, ${summary.advisory} advisory violations in ${doc.resources} resources: mandatory violations fail the pipeline.`,
    ]);
    expect(r.stdout).toContain(`**Mandatory (${summary.mandatory})**`);
    expect(r.stdout).toContain("| `aws-sagemaker-notebook-no-root-access` | `notebook` |");
    expect(r.stdout).toContain(`<details><summary>${summary.mandatory - 20} more mandatory</summary>`);
    // Stable: the same stack gives the same bytes.
    expect(aitracks(["check", "--program", "examples/insecure", "--stack", "insecure", "--engine", "in-process", "--format", "github-comment"]).stdout).toBe(r.stdout);
  });

  it("passes an example stack, and refuses a bad format or --json with it, in one line", () => {
    const ok = aitracks(["check", "--stack", "buy-aws", "--engine", "in-process", "--format", "github-comment"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^<!-- aitracks:check stack=buy-aws -->\n### aitracks check: `buy-aws` passes\n\n/);
    const bad = aitracks(["check", "--stack", "buy-aws", "--format", "html"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('aitracks: --format: expected one of text, github-comment, sarif, got "html"\n');
    const both = aitracks(["check", "--stack", "buy-aws", "--format", "github-comment", "--json"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe("aitracks: --json: give --json or --format github-comment, not both\n");
  });
});
