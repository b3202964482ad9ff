// @ts-nocheck
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { estimateCost, type CostEstimate } from "@aitracks/core";
import { previewProgram } from "@aitracks/preview";
import { ROOT } from "../helpers/cli";

const STACKS = readdirSync(join(ROOT, "stacks"))
  .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
  .filter((s): s is string => s !== undefined)
  .sort();

describe("every example stack prices", () => {
  it("finds the example stacks", () => {
    expect(STACKS).toEqual(expect.arrayContaining(["buy-aws", "buy-gcp", "buy-azure", "build-aws", "fine-tune-gcp", "serving-azure", "hybrid"]));
  });

  const estimates = new Map<string, CostEstimate>();
  for (const stack of STACKS) {
    it(`${stack}: a full breakdown, every resource aitracks creates priced or free`, async () => {
      const graph = await previewProgram({ programDir: ROOT, stack });
      const e = estimateCost(graph);
      estimates.set(stack, e);
      expect(e.resources.length).toBeGreaterThan(0);
      for (const r of e.resources) {
        expect(r.components.length, `${r.name} has cost components`).toBeGreaterThan(0);
        for (const c of r.components) expect(Number.isFinite(c.monthlyUsd) && Number.isFinite(c.unitPriceUsd), `${r.name}: ${c.name}`).toBe(true);
      }
      expect(e.unpriced.filter((u) => !u.inTrack)).toEqual([]);
      // Nothing aitracks creates is left unpriced.
      expect(e.unpriced.map((u) => `${u.type} ${u.name}: ${u.reason}`)).toEqual([]);
      expect(e.threeYear.totalUsd).toBeGreaterThan(e.monthlyUsd * 36);
    });
  }
});
