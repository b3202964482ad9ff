// @ts-nocheck
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { previewProgram, type ResourceGraph } from "@aitracks/preview";
import { ROOT } from "../helpers/cli";

/**
 * Every example stack's graph of custom resources, pinned: refactoring how components take their
 * arguments, describe themselves or get recorded must not change what a stack creates. Only the
 * components' own inputs (not custom resources) may change. After an intended change to what a
 * stack creates, regenerate with `AITRACKS_UPDATE_GRAPHS=1 npx vitest run test/preview/graphs-baseline.test.ts`
 * and review `git diff test/fixtures/graphs/`.
 */
const DIR = join(ROOT, "test/fixtures/graphs");
const UPDATE = process.env.AITRACKS_UPDATE_GRAPHS === "1";
const STACKS = readdirSync(join(ROOT, "stacks"))
  .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
  .filter((s): s is string => s !== undefined)
  .sort();

/** The custom resources as the engine would get them (fields other helpers may add are left out). */
function customResources(graph: ResourceGraph) {
  return graph.resources
    .filter((r) => r.custom)
    .map((r) => ({
      urn: r.urn,
      parent: r.parent,
      provider: r.provider,
      // A dynamic resource's serialized provider is code, not what the stack creates: left out.
      inputs: relativeToRoot(withoutProvider(r.inputs)) as Record<string, unknown>,
      secretInputs: r.secretInputs,
      dependencies: [...r.dependencies].sort(),
    }))
    .sort((a, b) => a.urn.localeCompare(b.urn));
}

/** Paths under the checkout written as `<root>/…`, so the baseline holds wherever the repository is cloned. */
function relativeToRoot(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith(ROOT + "/") ? `<root>/${value.slice(ROOT.length + 1)}` : value;
  if (Array.isArray(value)) return value.map(relativeToRoot);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, relativeToRoot(v)]));
  return value;
}

function withoutProvider(inputs: Record<string, unknown>): Record<string, unknown> {
  const { __provider: _code, ...rest } = inputs;
  return rest;
}

describe("example stacks' graphs against the baseline", () => {
  it("covers all 17 example stacks", () => {
    expect(STACKS).toHaveLength(17);
  });
  for (const stack of STACKS) {
    it(`${stack}: custom resources unchanged`, async () => {
      const actual = customResources(await previewProgram({ programDir: ROOT, stack }));
      const file = join(DIR, `${stack}.json`);
      if (UPDATE) {
        mkdirSync(DIR, { recursive: true });
        writeFileSync(file, JSON.stringify(actual, null, 1) + "\n");
      }
      expect(existsSync(file), `${file} (regenerate with AITRACKS_UPDATE_GRAPHS=1)`).toBe(true);
      const expected = (JSON.parse(readFileSync(file, "utf8")) as { inputs: Record<string, unknown> }[]).map((r) => ({ ...r, inputs: withoutProvider(r.inputs) }));
      expect(actual).toEqual(expected);
    });
  }
});
