// @ts-nocheck
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checklistStatus, decide, renderAdr } from "../../packages/core/src/decision";
import { CRITERIA, type DecisionInput } from "../../packages/core/src/schema/decision";

const input: DecisionInput = {
  useCase: "Claims triage | EU",
  criteria: {
    accuracy: { score: 4, weight: 25 },
    dataAvailability: { score: 4, weight: 15 },
    timeToMarket: { score: 3, weight: 10 },
    budget: { score: 3, weight: 10 },
    teamSkills: { score: 3, weight: 10 },
    differentiation: { score: 4, weight: 15 },
    regulatory: { score: 4, weight: 15 },
  },
  facts: { accuracyTarget: 0.95, apiBaselineAccuracy: 0.78, labeledExamples: 12000, dataSharingAllowed: false, decidedOn: "2026-08-31" },
  checklist: { costProjected: true, lockInEvaluated: false },
};

function frontMatter(md: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(md);
  if (!m) throw new Error("no front matter");
  return parse(m[1] ?? "") as Record<string, unknown>;
}

describe("the decision record (ADR)", () => {
  const decision = decide(input, { today: "2026-09-01" });
  const md = renderAdr(input, decision, { source: "decisions/claims.yaml" });

  it("starts with front matter later tooling reads", () => {
    expect(frontMatter(md)).toEqual({
      track: "fine-tune",
      decidedOn: "2026-08-31",
      reviewDate: "2027-02-28",
      useCase: "Claims triage | EU",
      scores: { build: 71.3, buy: 41.3, "fine-tune": 93.1, hybrid: 83.8 },
      eligible: { build: true, buy: false, "fine-tune": true, hybrid: true },
      source: "decisions/claims.yaml",
    });
  });

  it("has the sections in order", () => {
    const headings = md.split("\n").filter((l) => l.startsWith("## "));
    expect(headings).toEqual(["## Context", "## Options and scores", "## Decision and why", "## Consequences", "## Architect's checklist", "## Review"]);
    expect(md).toContain("### The 90% rule");
    expect(md).toContain("### Sensitivity");
    expect(md).toContain("| **Score /100** |  |  | 71.3 | 41.3 (ineligible) | **93.1** (recommended) | 83.8 |");
    expect(md).toContain("| Data may go to a third-party API | no |");
    expect(md).toContain("- **caution** `buy-data-sharing`:");
  });

  it("ticks checklist items the file marks or the facts and the record prove", () => {
    const ticked = md.split("\n").filter((l) => l.startsWith("- [x]"));
    const open = md.split("\n").filter((l) => l.startsWith("- [ ]"));
    expect(ticked).toEqual([
      "- [x] Accuracy baseline measured with commercial APIs on the actual tasks _(facts.apiBaselineAccuracy: 0.78)_",
      "- [x] Cost projected for each option at production scale, not demo scale _(marked in the decision file)_",
      "- [x] Data availability assessed: volume, quality, labelling effort _(facts.labeledExamples: 12,000)_",
      "- [x] Decision documented with its rationale, not just the choice _(this record)_",
      "- [x] Review trigger defined: revisit the decision every six months _(this record: review by 2027-02-28)_",
      "- [x] IP and data privacy assessed: what data flows to third parties with buy _(facts.dataSharingAllowed: false)_",
    ]);
    expect(open).toHaveLength(5);
    expect(open).toContain("- [ ] Vendor lock-in risk evaluated: what if the provider changes pricing or terms");
    expect(md).toContain("6 of 11 done.");
  });

  it("without the record, only the file and the facts count", () => {
    const items = checklistStatus(input, decision, false);
    expect(items.filter((i) => i.done).map((i) => i.key)).toEqual(["apiBaselineMeasured", "costProjected", "dataAssessed", "privacyAssessed"]);
  });

  it("says so when no option is eligible", () => {
    const none: DecisionInput = {
      criteria: Object.fromEntries(CRITERIA.map((c) => [c, { score: 2, weight: 1 }])) as DecisionInput["criteria"],
      facts: { labeledExamples: 5, dataSharingAllowed: false },
    };
    const text = renderAdr(none, decide(none, { today: "2026-11-30" }));
    expect(frontMatter(text).track).toBeNull();
    expect(text).toContain("**No option is eligible.**");
  });
});
