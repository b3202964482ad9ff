// @ts-nocheck
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { InputError, issueLines, parseOrThrow } from "../../packages/core/src/errors";
import { loadFile } from "../../packages/core/src/io/load";
import { CRITERIA, decisionSchema } from "../../packages/core/src/schema/decision";

function valid(): Record<string, any> {
  return {
    useCase: "Claims triage",
    criteria: Object.fromEntries(CRITERIA.map((c) => [c, { score: 3, weight: 10 }])),
    facts: { accuracyTarget: 0.9, apiBaselineAccuracy: 0.8, decidedOn: "2026-11-30" },
  };
}

/** The lines an InputError carries for this (mutated) decision file. */
function lines(mutate: (d: Record<string, any>) => void): readonly string[] {
  const data = valid();
  mutate(data);
  try {
    parseOrThrow(decisionSchema, data, "d.yaml: ");
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).lines;
  }
  throw new Error("expected the file to be rejected");
}

describe("decision file errors: one line per problem, naming the field and what was expected", () => {
  it("accepts a valid file", () => {
    expect(parseOrThrow(decisionSchema, valid()).criteria.budget).toEqual({ score: 3, weight: 10 });
  });

  it.each([
    ["out-of-range score", (d: any) => (d.criteria.budget.score = 7), "d.yaml: criteria.budget.score: expected an integer from 1 to 5, got 7"],
    ["non-integer score", (d: any) => (d.criteria.teamSkills.score = 3.5), "d.yaml: criteria.teamSkills.score: expected an integer from 1 to 5, got 3.5"],
    ["score as text", (d: any) => (d.criteria.accuracy.score = "4"), 'd.yaml: criteria.accuracy.score: expected an integer from 1 to 5, got "4"'],
    ["missing score", (d: any) => delete d.criteria.accuracy.score, "d.yaml: criteria.accuracy.score: expected an integer from 1 to 5, got nothing"],
    ["missing criterion", (d: any) => delete d.criteria.regulatory, "d.yaml: criteria.regulatory: expected {score: 1-5, weight: 0-100}, got nothing"],
    ["criterion not an object", (d: any) => (d.criteria.budget = 3), "d.yaml: criteria.budget: expected {score: 1-5, weight: 0-100}, got 3"],
    ["negative weight", (d: any) => (d.criteria.budget.weight = -1), "d.yaml: criteria.budget.weight: expected a weight from 0 to 100, got -1"],
    ["weight above 100", (d: any) => (d.criteria.budget.weight = 101), "d.yaml: criteria.budget.weight: expected a weight from 0 to 100, got 101"],
    [
      "unknown criterion",
      (d: any) => (d.criteria.budgt = { score: 1, weight: 1 }),
      "d.yaml: criteria: unknown key budgt; expected only accuracy, dataAvailability, timeToMarket, budget, teamSkills, differentiation, regulatory",
    ],
    ["unknown key in a criterion", (d: any) => (d.criteria.budget.note = "x"), "d.yaml: criteria.budget: unknown key note; expected only score, weight"],
    ["unknown top-level key", (d: any) => (d.owner = "me"), "d.yaml: (root): unknown key owner; expected only useCase, criteria, facts, checklist"],
    [
      "unknown fact",
      (d: any) => (d.facts.budget = 1),
      "d.yaml: facts: unknown key budget; expected only accuracyTarget, apiBaselineAccuracy, labeledExamples, budgetUsd, mlEngineers, dataSharingAllowed, decidedOn, reviewAfterMonths",
    ],
    ["bad date (no such day)", (d: any) => (d.facts.decidedOn = "2026-02-30"), 'd.yaml: facts.decidedOn: expected a date YYYY-MM-DD, got "2026-02-30"'],
    ["bad date (month 13)", (d: any) => (d.facts.decidedOn = "2026-13-01"), 'd.yaml: facts.decidedOn: expected a date YYYY-MM-DD, got "2026-13-01"'],
    ["bad date (words)", (d: any) => (d.facts.decidedOn = "last week"), 'd.yaml: facts.decidedOn: expected a date YYYY-MM-DD, got "last week"'],
    ["bad fraction (a percentage)", (d: any) => (d.facts.accuracyTarget = 95), "d.yaml: facts.accuracyTarget: expected a fraction above 0, up to 1, got 95"],
    ["zero accuracy target", (d: any) => (d.facts.accuracyTarget = 0), "d.yaml: facts.accuracyTarget: expected a fraction above 0, up to 1, got 0"],
    ["bad baseline fraction", (d: any) => (d.facts.apiBaselineAccuracy = 1.2), "d.yaml: facts.apiBaselineAccuracy: expected a fraction from 0 to 1, got 1.2"],
    ["negative examples", (d: any) => (d.facts.labeledExamples = -5), "d.yaml: facts.labeledExamples: expected a whole number of 0 or more, got -5"],
    ["boolean as text", (d: any) => (d.facts.dataSharingAllowed = "no"), 'd.yaml: facts.dataSharingAllowed: expected true or false, got "no"'],
    ["review interval", (d: any) => (d.facts.reviewAfterMonths = 0), "d.yaml: facts.reviewAfterMonths: expected an integer from 1 to 36, got 0"],
    ["empty use case", (d: any) => (d.useCase = ""), 'd.yaml: useCase: expected a name, got ""'],
    ["checklist value", (d: any) => (d.checklist = { costProjected: "yes" }), 'd.yaml: checklist.costProjected: expected true or false, got "yes"'],
    ["criteria as a list", (d: any) => (d.criteria = []), "d.yaml: criteria: expected the seven criteria accuracy, dataAvailability, timeToMarket, budget, teamSkills, differentiation, regulatory, got an empty list"],
    [
      "all weights zero",
      (d: any) => CRITERIA.forEach((c) => (d.criteria[c].weight = 0)),
      "d.yaml: criteria: expected at least one criterion with a weight above 0",
    ],
  ])("%s", (_name, mutate, line) => {
    expect(lines(mutate)).toEqual([line]);
  });

  it("reports every problem at once, in file order", () => {
    expect(
      lines((d) => {
        d.criteria.budget.score = 7;
        delete d.criteria.regulatory;
        d.facts.accuracyTarget = 95;
      }),
    ).toEqual([
      "d.yaml: criteria.budget.score: expected an integer from 1 to 5, got 7",
      "d.yaml: criteria.regulatory: expected {score: 1-5, weight: 0-100}, got nothing",
      "d.yaml: facts.accuracyTarget: expected a fraction above 0, up to 1, got 95",
    ]);
  });

  it("names an empty or non-object file", () => {
    for (const [data, got] of [
      [null, "null"],
      ["hello", '"hello"'],
      [[1], "a list"],
    ] as const) {
      try {
        parseOrThrow(decisionSchema, data, "d.yaml: ");
        throw new Error("accepted");
      } catch (err) {
        expect((err as InputError).lines).toEqual([`d.yaml: (root): expected a decision: an object with criteria, got ${got}`]);
      }
    }
  });

  it("reads YAML files, with the file's path in front", () => {
    const dir = mkdtempSync(join(tmpdir(), "aitracks-decision-"));
    const file = join(dir, "x.yaml");
    writeFileSync(
      file,
      ["criteria:", ...CRITERIA.map((c) => `  ${c}: { score: ${c === "budget" ? 7 : 3}, weight: 1 }`), "facts:", "  decidedOn: 2026-02-29", ""].join("\n"),
    );
    expect(() => loadFile(decisionSchema, file)).toThrow(InputError);
    try {
      loadFile(decisionSchema, file);
    } catch (err) {
      expect((err as InputError).lines).toEqual([
        `${file}: criteria.budget.score: expected an integer from 1 to 5, got 7`,
        `${file}: facts.decidedOn: expected a date YYYY-MM-DD, got "2026-02-29"`,
      ]);
    }
    writeFileSync(file, ["criteria:", ...CRITERIA.map((c) => `  ${c}: { score: 3, weight: 1 }`), "facts:", "  decidedOn: 2028-02-29", ""].join("\n"));
    expect(loadFile(decisionSchema, file).facts?.decidedOn).toBe("2028-02-29");
  });
});

describe("issueLines (shared): zod's default type messages in our words", () => {
  it("rewrites 'Invalid input: expected string, received number'", () => {
    const r = z.object({ name: z.string(), tags: z.array(z.string()) }).safeParse({ name: 5, tags: "x" }, { reportInput: true });
    expect(r.success).toBe(false);
    if (!r.success) expect(issueLines(r.error)).toEqual(["name: expected a string, got 5", 'tags: expected a list, got "x"']);
  });

  it("keeps custom messages and the default unknown-key line", () => {
    const r = z.object({ a: z.number() }).strict().safeParse({ a: 1, b: 2, c: 3 }, { reportInput: true });
    if (!r.success) expect(issueLines(r.error, "f: ")).toEqual(["f: (root): unknown keys b, c"]);
    else throw new Error("accepted");
  });
});
