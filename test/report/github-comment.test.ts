// Pull-request Markdown for `aitracks cost` and `aitracks check` (--format github-comment), on two
// versions of one stack: the base branch and the pull request.
import { describe, expect, it } from "vitest";
import {
  checkCommentMarker,
  costCommentMarker,
  renderCheckComment,
  renderCostComment,
  resourceChanges,
} from "../../packages/cli/src/render/github-comment";
import type { CostEstimateLike } from "../../packages/cli/src/report";

const urn = (type: string, name: string) => `urn:pulumi:fine-tune-aws::aitracks::aitracks:aws:FineTuneTrack$${type}::${name}`;
const EC = "aws:sagemaker/endpointConfiguration:EndpointConfiguration";
const BUCKET = "aws:s3/bucket:Bucket";
const LOGS = "aws:cloudwatch/logGroup:LogGroup";
const NOTEBOOK = "aws:sagemaker/notebookInstance:NotebookInstance";
const PT = "aws:bedrock/provisionedModelThroughput:ProvisionedModelThroughput";

// Version 1 (base branch): one ml.g5.2xlarge serving instance ($1.515/h x 730 h = $1,105.95),
// 100 GB of data ($0.023 x 100 = $2.30), $5 of logs, a notebook ($0.05 x 730 h = $36.50).
// Total $1,149.75.
const base: CostEstimateLike = {
  monthlyUsd: 1149.75,
  threeYearUsd: 41_391,
  currency: "USD",
  pricesAsOf: "2026-11-01",
  resources: [
    { urn: urn(EC, "ft-serving"), type: EC, monthlyUsd: 1105.95, components: [{ name: "instance hours", unit: "h", monthlyQuantity: 730, unitPriceUsd: 1.515, monthlyUsd: 1105.95 }] },
    { urn: urn(BUCKET, "ft-data"), type: BUCKET, monthlyUsd: 2.3, components: [{ name: "storage", unit: "GB-month", monthlyQuantity: 100, unitPriceUsd: 0.023, monthlyUsd: 2.3 }] },
    { urn: urn(LOGS, "ft-logs"), type: LOGS, monthlyUsd: 5 },
    { urn: urn(NOTEBOOK, "old-notebook"), type: NOTEBOOK, monthlyUsd: 36.5 },
  ],
  unpriced: [],
};

// Version 2 (the pull request): two serving instances (1,460 h = $2,211.90), logs up to $7.50,
// the notebook removed, one Bedrock model unit added ($2.50 x 730 h = $1,825.00). Total $4,046.70:
// +$2,896.95 (+252.0%), over a $4,000 budget by $46.70.
const current: CostEstimateLike = {
  monthlyUsd: 4046.7,
  threeYearUsd: 145_681.2,
  currency: "USD",
  pricesAsOf: "2026-11-01",
  resources: [
    { urn: urn(PT, "assistant-throughput"), type: PT, monthlyUsd: 1825, components: [{ name: "model units", unit: "MU-hours", monthlyQuantity: 730, unitPriceUsd: 2.5, monthlyUsd: 1825 }] },
    { urn: urn(BUCKET, "ft-data"), type: BUCKET, monthlyUsd: 2.3 },
    { urn: urn(LOGS, "ft-logs"), type: LOGS, monthlyUsd: 7.5 },
    { urn: urn(EC, "ft-serving"), type: EC, monthlyUsd: 2211.9, components: [{ name: "instance hours", unit: "h", monthlyQuantity: 1460, unitPriceUsd: 1.515, monthlyUsd: 2211.9 }] },
    { urn: urn("aws:iam/role:Role", "ft-role"), type: "aws:iam/role:Role", monthlyUsd: 0 },
  ],
  unpriced: [{ urn: urn("aws:foo/bar:Baz", "mystery"), type: "aws:foo/bar:Baz", reason: "no cost module" }],
};

describe("cost comment", () => {
  it("matches each resource across versions and says what it adds or removes, largest first", () => {
    expect(resourceChanges(base, current).map((c) => [c.name, c.change, c.deltaUsd])).toEqual([
      ["assistant-throughput", "added", 1825],
      ["ft-serving", "changed", 1105.95],
      ["old-notebook", "removed", -36.5],
      ["ft-logs", "changed", 2.5],
    ]);
    // The changes add up to the change of the total.
    expect(resourceChanges(base, current).reduce((s, c) => s + c.deltaUsd, 0)).toBeCloseTo(current.monthlyUsd - base.monthlyUsd, 2);
  });

  it("leads with the monthly total, the delta and the budget, and warns when the change crosses the budget", () => {
    const md = renderCostComment({ stack: "fine-tune-aws", base, current, budgetUsd: 4000 });
    const lines = md.split("\n");
    expect(lines[0]).toBe("<!-- aitracks:cost stack=fine-tune-aws -->");
    expect(lines[1]).toBe("### aitracks cost: `fine-tune-aws`");
    expect(lines[3]).toBe("**$4,046.70 / month** (+$2,896.95, +252.0% vs base $1,149.75) · 3 years: $145,681.20 · budget $4,000.00 a month (101.2% used)");
    expect(md).toContain("> [!WARNING]\n> This change takes the stack over its monthly budget of $4,000.00 by $46.70.");
  });

  it("tables the top changed resources and folds the rest into details", () => {
    const md = renderCostComment({ stack: "fine-tune-aws", base, current, top: 3 });
    expect(md).toContain(
      [
        "**4 resources change its monthly cost** (the 3 largest):",
        "",
        "| Resource | Type | Change | Base | Now | Per month |",
        "| --- | --- | --- | ---: | ---: | ---: |",
        "| `assistant-throughput` | aws bedrock ProvisionedModelThroughput | added | - | $1,825.00 | **+$1,825.00** |",
        "| `ft-serving` | aws sagemaker EndpointConfiguration | changed | $1,105.95 | $2,211.90 | **+$1,105.95** |",
        "| `old-notebook` | aws sagemaker NotebookInstance | removed | $36.50 | - | **-$36.50** |",
        "",
        "<details><summary>1 more changed resources</summary>",
        "",
        "| Resource | Type | Change | Per month |",
        "| --- | --- | --- | ---: |",
        "| `ft-logs` | aws cloudwatch LogGroup | changed | +$2.50 |",
        "",
        "</details>",
      ].join("\n"),
    );
    // Without a budget there is no budget line nor warning.
    expect(md).not.toContain("budget");
  });

  it("details every priced resource with its cost components, and what is unpriced", () => {
    const md = renderCostComment({ stack: "fine-tune-aws", base, current });
    expect(md).toContain("<details><summary>Monthly cost by resource (4 priced)</summary>");
    expect(md).toContain("| `ft-serving` | aws sagemaker EndpointConfiguration | aws | instance hours (1,460 h x $1.515) | $2,211.90 |");
    expect(md).toContain("| **Total** | | | | **$4,046.70** |");
    expect(md).not.toContain("ft-role"); // free
    expect(md).toContain("<details><summary>1 unpriced resource (not counted in the total)</summary>\n\n- `mystery` (aws:foo/bar:Baz: no cost module)");
    expect(md).toContain("prices as of 2026-11-01");
  });

  it("is stable: the same estimates in any order give the same bytes", () => {
    const a = renderCostComment({ stack: "fine-tune-aws", base, current, budgetUsd: 4000 });
    const shuffled = { ...current, resources: [...current.resources].reverse() };
    const b = renderCostComment({ stack: "fine-tune-aws", base: { ...base, resources: [...base.resources].reverse() }, current: shuffled, budgetUsd: 4000 });
    expect(b).toBe(a);
    expect(a).not.toMatch(/\d{4}-\d{2}-\d{2}T|\d{2}:\d{2}/); // no timestamps
    expect(a.startsWith(costCommentMarker("fine-tune-aws"))).toBe(true);
  });

  it("says when nothing changes, and when the stack was already over budget", () => {
    const md = renderCostComment({ stack: "s", base: current, current, budgetUsd: 4000 });
    expect(md).toContain("**$4,046.70 / month** ($0.00, 0.0% vs base $4,046.70)");
    expect(md).toContain("No resource changes its monthly cost.");
    expect(md).toContain("(it already was on the base branch)");
    expect(md).not.toContain("This change takes");
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
