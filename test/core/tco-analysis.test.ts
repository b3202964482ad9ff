import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadFile } from "../../packages/core/src/io/load";
import { workloadFileSchema } from "../../packages/core/src/schema/workload";
import { cheapestAt, costCurve, crossovers, logSpace, monteCarlo, resolveTco, runTco, totalAt } from "../../packages/core/src/tco";
import { workload } from "./tco-helpers";

describe("crossovers", () => {
  // Buy is linear in volume: 1,000 tokens x $10/M = $0.01 a request, x 365 days = $3.65 per
  // request/day a year. Fine-tune is flat: one ML engineer at $120,000 a year, nothing else.
  // They cross at 120,000 / 3.65 = 32,876.7 requests/day.
  const linear = workload({
    horizonMonths: 12,
    bridgeWithApi: false,
    workload: { requestsPerDay: 1_000, inputTokensPerRequest: 1_000, outputTokensPerRequest: 0 },
    buy: { inputUsdPerMillionTokens: 10, outputUsdPerMillionTokens: 0, monitoringUsdPerMonth: 0 },
    team: { developers: 0, mlEngineerAnnualUsd: 120_000 },
    fineTune: {
      labeledExamples: 0,
      engineers: 0,
      projectWeeks: 0,
      maintenanceFte: 1,
      training: { hours: 0 },
      inference: { method: "hosted", inputUsdPerMillionTokens: 0, outputUsdPerMillionTokens: 0 },
    },
  });

  it("solves a hand-computed linear case to 0.1%", () => {
    const model = resolveTco(linear);
    expect(totalAt(model, "buy", 1_000)).toBeCloseTo(3_650, 6);
    expect(totalAt(model, "fine-tune", 1_000)).toBeCloseTo(120_000, 6);
    const c = crossovers(model).filter((x) => [x.cheaper, x.than].sort().join() === "buy,fine-tune");
    expect(c).toHaveLength(1);
    expect(c[0]!.cheaper).toBe("fine-tune");
    expect(c[0]!.than).toBe("buy");
    expect(Math.abs(c[0]!.aboveRequestsPerDay / (120_000 / 3.65) - 1)).toBeLessThan(0.001);
  });

  it("names the option cheaper above each crossing whatever the options' order, lowest volume first", () => {
    // Build (its own fixed costs) also overtakes buy, far higher.
    const model = resolveTco(linear);
    const forward = crossovers(model);
    expect(model.options).toEqual(["buy", "fine-tune", "build"]);
    expect(forward.map((c) => [c.cheaper, c.than])).toEqual([
      ["fine-tune", "buy"],
      ["build", "buy"],
    ]);
    expect(forward[0]!.aboveRequestsPerDay).toBeLessThan(forward[1]!.aboveRequestsPerDay);
    // Reversed, the pairs are scanned build/buy before fine-tune/buy, and the cheaper option comes
    // first in each pair: the same crossings, still in order of volume.
    const reversed = crossovers({ ...model, options: [...model.options].reverse() });
    expect(reversed).toEqual(forward);
  });

  it("spaces scan volumes evenly on a log scale, both ends exact", () => {
    const v = logSpace(1, 1000, 4);
    expect(v).toHaveLength(4);
    expect(v[0]).toBe(1);
    expect(v[1]).toBeCloseTo(10, 9);
    expect(v[2]).toBeCloseTo(100, 9);
    expect(v[3]).toBe(1000);
    expect(logSpace(3, 7, 2)).toEqual([3, 7]);
  });

  it("cheapestAt and the cost curve agree with the crossover", () => {
    const model = resolveTco(linear);
    expect(cheapestAt(model, 30_000)).toBe("buy");
    expect(cheapestAt(model, 36_000)).toBe("fine-tune");
    const curve = costCurve(model, [10, 1_000, 100_000]);
    expect(curve).toHaveLength(9);
    expect(curve[0]).toEqual({ requestsPerDay: 10, option: "buy", totalUsd: totalAt(model, "buy", 10) });
  });
});

describe("Monte Carlo", () => {
  const ranged = workload({
    workload: { requestsPerDay: { low: 5_000, likely: 20_000, high: 80_000 }, inputTokensPerRequest: 1_500, outputTokensPerRequest: 300 },
  });

  it("is reproducible: same seed, same figures; another seed, other figures", () => {
    const model = resolveTco(ranged);
    const a = monteCarlo(model, { samples: 2_000, seed: 42 });
    const b = monteCarlo(model, { samples: 2_000, seed: 42 });
    const c = monteCarlo(model, { samples: 2_000, seed: 7 });
    expect(a.ran).toBe(true);
    expect(b.ranges).toEqual(a.ranges);
    expect(c.ranges.buy.p50).not.toBe(a.ranges.buy.p50);
    expect(c.ranges["fine-tune"].p10).not.toBe(a.ranges["fine-tune"].p10);
  });

  it("orders P10 <= P50 <= P90 and brackets a plausible spread", () => {
    const model = resolveTco(ranged);
    const r = monteCarlo(model, { samples: 3_000 });
    for (const o of model.options) {
      const { p10, p50, p90 } = r.ranges[o];
      expect(p10).toBeLessThanOrEqual(p50);
      expect(p50).toBeLessThanOrEqual(p90);
      expect(p90).toBeGreaterThan(p10); // the defaults are ranges, so the spread is real
    }
    const shares = Object.values(r.cheapestShare).reduce((x, y) => x + y, 0);
    expect(shares).toBeCloseTo(1, 9);
  });

  // Pinned figures, captured from the implementation before the Monte Carlo was made faster: a
  // faster loop must give the same draws in the same order and the same floating-point sums, so
  // every percentile and share is compared exactly (toEqual is Object.is on each number).
  const example = (name: string) => resolveTco(loadFile(workloadFileSchema, join(__dirname, "..", "..", "examples", "workloads", name)));

  it("pins requests-10k.yaml at 10,000 samples, seed 42, to the last bit", () => {
    expect(monteCarlo(example("requests-10k.yaml"), { samples: 10_000, seed: 42 })).toEqual({
      samples: 10_000,
      seed: 42,
      ran: true,
      ranges: {
        buy: { p10: 989177.1593748198, p50: 1285874.1963299545, p90: 1587525.480064756 },
        "fine-tune": { p10: 1915427.969237529, p50: 2235703.8997592498, p90: 2568490.201248455 },
        build: { p10: 9778769.591142934, p50: 12169600.8007446, p90: 15922112.007149115 },
      },
      cheapestShare: { buy: 1, "fine-tune": 0, build: 0 },
    });
  });

  it("pins requests-ranges.yaml (ranged traffic, tokens, growth, serving) at 10,000 samples, seed 42", () => {
    expect(monteCarlo(example("requests-ranges.yaml"), { samples: 10_000, seed: 42 })).toEqual({
      samples: 10_000,
      seed: 42,
      ran: true,
      ranges: {
        buy: { p10: 2052760.7391082118, p50: 2769219.44030391, p90: 3938865.5259989393 },
        "fine-tune": { p10: 2354840.2203575512, p50: 2570508.6841602167, p90: 2823230.327602604 },
        build: { p10: 10839023.198747728, p50: 13556283.364038344, p90: 17620418.435486995 },
      },
      cheapestShare: { buy: 0.3809, "fine-tune": 0.6191, build: 0 },
    });
  });

  it("pins hosted training and serving, cached and reasoning tokens, no bridge, a zero-length build", () => {
    const model = resolveTco(
      workload({
        horizonMonths: 30,
        bridgeWithApi: false,
        workload: {
          requestsPerDay: { low: 2_000, likely: 8_000, high: 40_000 },
          inputTokensPerRequest: 1_200,
          outputTokensPerRequest: { low: 100, likely: 250, high: 500 },
          cachedInputShare: { low: 0, likely: 0.4, high: 0.8 },
          reasoningTokensPerRequest: { low: 0, likely: 150, high: 600 },
          peakToAverage: { low: 2, likely: 3, high: 6 },
          monthlyGrowth: { low: 0, likely: 0.03, high: 0.08 },
        },
        buy: { inputUsdPerMillionTokens: { low: 2, likely: 3, high: 5 }, outputUsdPerMillionTokens: 15, monitoringUsdPerMonth: { low: 0, likely: 300, high: 1_000 } },
        fineTune: {
          tokensPerExample: { low: 500, likely: 1_000, high: 3_000 },
          epochs: { low: 1, likely: 3, high: 5 },
          training: { method: "hosted", usdPerMillionTrainingTokens: { low: 3, likely: 8, high: 25 } },
          retrainEveryMonths: 6,
          inference: { method: "hosted", inputUsdPerMillionTokens: { low: 0.2, likely: 0.5, high: 1 }, outputUsdPerMillionTokens: 2 },
        },
        build: { projectMonths: 0, refreshEveryMonths: 9, inference: { tokensPerSecondPerInstance: { low: 500, likely: 1_000, high: 3_000 }, minInstances: 0 } },
      }),
    );
    expect(model.uncertain).toHaveLength(19);
    expect(monteCarlo(model, { samples: 5_000, seed: 7 })).toEqual({
      samples: 5_000,
      seed: 7,
      ran: true,
      ranges: {
        buy: { p10: 900341.7362909251, p50: 1220753.1719207007, p90: 1606759.575778299 },
        "fine-tune": { p10: 1534010.419565508, p50: 1805981.4114846936, p90: 2080542.3956021052 },
        build: { p10: 5898791.552222358, p50: 6251102.8920957185, p90: 6633007.469947177 },
      },
      cheapestShare: { buy: 0.988, "fine-tune": 0.012, build: 0 },
    });
  });

  it("skips sampling when nothing is a range: every percentile is the point total", () => {
    const fixed = workload({
      team: { developers: 2 },
      fineTune: { labeledExamples: 10_000, training: { hours: 300 }, engineers: 5, projectWeeks: 4 },
      build: { dataUsd: 250_000, engineers: 20, projectMonths: 12 },
    });
    const model = resolveTco(fixed);
    expect(model.uncertain).toEqual([]);
    const report = runTco(fixed);
    for (const o of report.options) expect(o.range).toEqual({ p10: o.totalUsd, p50: o.totalUsd, p90: o.totalUsd });
  });
});

describe("the example workloads", () => {
  const root = join(__dirname, "..", "..");
  const run = (name: string) => runTco(loadFile(workloadFileSchema, join(root, "examples", "workloads", name)), { samples: 200 });

  it("show the cheapest option changing with volume", () => {
    const small = run("requests-100.yaml");
    const medium = run("requests-10k.yaml");
    const large = run("requests-100k.yaml");
    expect(small.cheapest).toBe("buy");
    expect(medium.cheapest).toBe("buy");
    expect(large.cheapest).toBe("fine-tune");
    // Same workload, so the same crossover, between 10k and 100k requests/day.
    const c = large.crossovers.find((x) => x.cheaper === "fine-tune" && x.than === "buy")!;
    expect(c.aboveRequestsPerDay).toBeGreaterThan(10_000);
    expect(c.aboveRequestsPerDay).toBeLessThan(100_000);
  });

  it("the ranges example runs with its ranges", () => {
    const r = run("requests-ranges.yaml");
    expect(r.monteCarlo.ran).toBe(true);
    expect(r.options).toHaveLength(3);
  });
});
