// @ts-nocheck
// The explore page in a real browser (Debian's chromium driven by playwright-core, as
// report.test.ts): drag the requests/day slider past a crossover and a weight until the
// recommendation flips, then check the page shows what `aitracks tco --json` and
// `aitracks decide --json` print for files with the same values. Also: the settings round-trip
// through the URL fragment, text from the files stays text, and the page loads nothing but itself.
// A screenshot is kept in test-artifacts/explore.png. Without /usr/bin/chromium the test is
// skipped with a visible reason, except in CI (CI set), where a missing browser is a failure.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aitracks, ROOT } from "../helpers/cli";

const CHROMIUM = "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI);
const SKIP_REASON = `${CHROMIUM} not found: browser test skipped (install it with: apt-get install -y chromium; in CI it is required)`;
if (!haveChromium && !inCi) console.warn(`[test/browser/explore.test.ts] ${SKIP_REASON}`);

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const DECISION = "examples/decisions/clear-fine-tune.yaml";
const WORKLOAD = "examples/workloads/requests-10k.yaml";
const TODAY = "2026-11-30";

/** What the page shows, read from the data attributes beside the rounded text. */
async function shown(page) {
  return page.evaluate(() => ({
    recommendation: document.querySelector("#recommendation").dataset.option,
    scores: Object.fromEntries([...document.querySelectorAll("#matrix tfoot td[data-option]")].map((td) => [td.dataset.option, Number(td.dataset.score)])),
    totals: Object.fromEntries([...document.querySelectorAll("#tco-table tr[data-option]")].map((tr) => [tr.dataset.option, Number(tr.querySelector("td.total").dataset.usd)])),
    ranges: Object.fromEntries([...document.querySelectorAll("#tco-table tr[data-option]")].map((tr) => [tr.dataset.option, [Number(tr.querySelector("td.range").dataset.p10), Number(tr.querySelector("td.range").dataset.p90)]])),
    crossovers: [...document.querySelectorAll("#crossovers li[data-rpd]")].map((li) => ({ cheaper: li.dataset.cheaper, than: li.dataset.than, aboveRequestsPerDay: Number(li.dataset.rpd) })),
    error: document.querySelector("#error").hidden ? null : document.querySelector("#error").textContent,
  }));
}

/** What the CLI prints for the decision and workload files with these changes. */
function cliFigures(dir: string, criteria: Record<string, { score: number; weight: number }>, workload: Record<string, number>, buy: Record<string, number> = {}) {
  const d = parse(readFileSync(join(ROOT, DECISION), "utf8"));
  Object.assign(d.criteria, criteria);
  const w = parse(readFileSync(join(ROOT, WORKLOAD), "utf8"));
  Object.assign(w.workload, workload);
  Object.assign(w.buy, buy);
  const df = join(dir, "decision.json");
  const wf = join(dir, "workload.json");
  writeFileSync(df, JSON.stringify(d));
  writeFileSync(wf, JSON.stringify(w));
  const decide = aitracks(["decide", df, "--json", "--today", TODAY]);
  const tco = aitracks(["tco", wf, "--json"]);
  expect(decide.code, decide.stderr).toBe(0);
  expect(tco.code, tco.stderr).toBe(0);
  const dj = JSON.parse(decide.stdout);
  const tj = JSON.parse(tco.stdout);
  return {
    recommendation: dj.recommendation,
    scores: dj.scores,
    totals: Object.fromEntries(tj.options.map((o) => [o.option, o.totalUsd])),
    // The same Monte Carlo (2,000 samples, seed 42) over the workload's ranges.
    ranges: Object.fromEntries(tj.options.map((o) => [o.option, [o.range.p10, o.range.p90]])),
    crossovers: tj.crossovers,
    error: null,
  };
}

describe("the explore page in headless Chromium", () => {
  it.runIf(!haveChromium && inCi)("needs chromium in CI", () => {
    throw new Error(`${CHROMIUM} is missing in CI: .ci/run installs it (apt-get install -y chromium)`);
  });

  let dir: string;
  let profile: string;
  let context;
  let file: string;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    if (!haveChromium) return;
    dir = mkdtempSync(join(tmpdir(), "aitracks-explore-"));
    file = join(dir, "explore.html");
    const r = aitracks(["explore", DECISION, WORKLOAD, "--out", file, "--today", TODAY]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const { chromium } = await import("playwright-core");
    profile = mkdtempSync(join(tmpdir(), "aitracks-chromium-profile-"));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, viewport: { width: 1200, height: 900 } });
    context.on("request", (req) => requests.push(req.url()));
    context.on("page", (page) => {
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
      });
      page.on("pageerror", (e) => problems.push(e.message));
    });
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!haveChromium)(haveChromium ? "moves with the sliders and shows what tco --json and decide --json print for the same inputs" : `SKIPPED: ${SKIP_REASON}`, async () => {
    const page = await context.newPage();
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: "load" });
    await page.waitForSelector("#tco-table td.total");

    // As the files say.
    expect(await shown(page)).toEqual(cliFigures(dir, {}, {}));
    const before = await shown(page);
    expect(before.recommendation).toBe("fine-tune");
    // At 10,000 requests/day buy is cheaper than fine-tune; the crossover is above.
    const crossing = before.crossovers.find((c) => c.cheaper === "fine-tune" && c.than === "buy");
    expect(crossing.aboveRequestsPerDay).toBeGreaterThan(10_000);
    expect(crossing.aboveRequestsPerDay).toBeLessThan(100_000);
    expect(before.totals.buy).toBeLessThan(before.totals["fine-tune"]);

    // The requests/day slider (log10 scale) to 100,000: past the crossover, fine-tune is cheaper.
    await page.fill("#rpd", "5");
    // Time to market urgent (score 5, buy's ideal), then its weight up until hybrid leads.
    await page.fill("#score-timeToMarket", "5");
    await page.waitForFunction(() => document.body.dataset.state === "rpd=100000&timeToMarket=5%2C10");
    expect((await shown(page)).recommendation).toBe("fine-tune");
    await page.fill("#weight-timeToMarket", "30");
    await page.waitForFunction(() => document.body.dataset.state === "rpd=100000&timeToMarket=5%2C30");

    const after = await shown(page);
    expect(after.recommendation).toBe("hybrid");
    expect(after.totals["fine-tune"]).toBeLessThan(after.totals.buy);
    expect(after).toEqual(cliFigures(dir, { timeToMarket: { score: 5, weight: 30 } }, { requestsPerDay: 100_000 }));
    expect(await page.textContent("#recommendation")).toBe("Hybrid");
    expect(await page.textContent("#crossovers")).toContain("you are above it");
    // Both charts follow: one line per option, the crossovers and the current volume marked.
    const charts = await page.evaluate(() => ({
      cumulative: document.querySelectorAll("#cumulative-cost path[data-option]").length,
      volume: document.querySelectorAll("#cost-by-volume path[data-option]").length,
      crossings: [...document.querySelectorAll("#cost-by-volume line[data-rpd]")].map((l) => Number(l.getAttribute("data-rpd"))),
      now: document.querySelector("#current-volume + text").textContent,
    }));
    expect(charts).toEqual({ cumulative: 3, volume: 3, crossings: after.crossovers.map((c) => c.aboveRequestsPerDay), now: "100,000/day" });
    // The settings are in the address.
    expect(new URL(page.url()).hash).toBe("#rpd=100000&timeToMarket=5%2C30");

    mkdirSync(join(ROOT, "test-artifacts"), { recursive: true });
    const shot = join(ROOT, "test-artifacts", "explore.png");
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(50_000);
    await page.close();
  });

  it.skipIf(!haveChromium)(haveChromium ? "reads its settings from the URL fragment" : `SKIPPED: ${SKIP_REASON}`, async () => {
    const page = await context.newPage();
    const url = `${pathToFileURL(file).href}#rpd=250000&in=3000&pin=2.5&growth=4&accuracy=2,40`;
    await page.goto(url, { waitUntil: "load" });
    await page.waitForSelector("#tco-table td.total");
    expect(await page.inputValue("#rpd-value")).toBe("250000");
    expect(Number(await page.inputValue("#rpd"))).toBeCloseTo(Math.log10(250_000), 1);
    expect(await page.inputValue("#in-tokens-value")).toBe("3000");
    expect(await page.inputValue("#price-in-value")).toBe("2.5");
    // The output price follows the file (genai-prices' $15) once the input price is set.
    expect(await page.inputValue("#price-out-value")).toBe("15");
    expect(await page.inputValue("#growth-value")).toBe("4");
    expect(await page.inputValue("#score-accuracy")).toBe("2");
    expect(await page.inputValue("#weight-accuracy")).toBe("40");
    // Read back as written: the fragment is the page's state.
    expect(await page.evaluate(() => document.body.dataset.state)).toBe("rpd=250000&in=3000&growth=4&pin=2.5&accuracy=2%2C40");
    const figures = await shown(page);
    expect(figures).toEqual(
      cliFigures(dir, { accuracy: { score: 2, weight: 40 } }, { requestsPerDay: 250_000, inputTokensPerRequest: 3000, monthlyGrowth: 0.04 }, { inputUsdPerMillionTokens: 2.5, outputUsdPerMillionTokens: 15 }),
    );

    // A value out of range is left out and said so; the rest apply.
    await page.goto(`${pathToFileURL(file).href}#rpd=-5&out=800`, { waitUntil: "load" });
    await page.waitForSelector("#tco-table td.total");
    expect(await page.inputValue("#out-tokens-value")).toBe("800");
    expect(await page.inputValue("#rpd-value")).toBe("10000");
    expect(await page.textContent("#error")).toContain("Ignored in the address: rpd");

    // Every weight at 0: no decision file may say so (the schema's rule), and the page says why.
    const zero = "accuracy=4,0&dataAvailability=4,0&timeToMarket=3,0&budget=3,0&teamSkills=3,0&differentiation=4,0&regulatory=4,0";
    await page.goto(`${pathToFileURL(file).href}#${zero}`, { waitUntil: "load" });
    await page.waitForSelector("#error:not([hidden])");
    expect(await page.textContent("#error")).toBe("criteria: expected at least one criterion with a weight above 0");
    expect(await page.inputValue("#weight-accuracy")).toBe("0");
    expect(await page.evaluate(() => document.body.classList.contains("stale"))).toBe(true);
    // Back to a weight that counts: scored again.
    await page.fill("#weight-accuracy", "25");
    await page.waitForFunction(() => !document.body.classList.contains("stale"));
    expect(await page.evaluate(() => document.querySelector("#recommendation").dataset.option)).toBeTruthy();
    await page.close();
  });

  it.skipIf(!haveChromium)(haveChromium ? "shows text from the files as text, and loads nothing but itself" : `SKIPPED: ${SKIP_REASON}`, async () => {
    const d = parse(readFileSync(join(ROOT, DECISION), "utf8"));
    d.useCase = `</script><img src="https://example.com/x.png" onerror="document.title='pwned'"><b>bold</b>`;
    const df = join(dir, "hostile.json");
    writeFileSync(df, JSON.stringify(d));
    const hostile = join(dir, "hostile.html");
    const r = aitracks(["explore", df, WORKLOAD, "--out", hostile, "--today", TODAY]);
    expect(r.code, r.stderr).toBe(0);
    const page = await context.newPage();
    await page.goto(pathToFileURL(hostile).href, { waitUntil: "load" });
    await page.waitForSelector("#tco-table td.total");
    expect(await page.textContent("#use-case")).toBe(d.useCase);
    expect(await page.$$("img")).toHaveLength(0);
    expect(await page.$$("b")).toHaveLength(0);
    expect(await page.title()).toBe("aitracks explore");
    await page.close();

    // Every page of this file: nothing but the files themselves (no CDN, no font, no image).
    expect(requests.length).toBeGreaterThan(0);
    for (const u of requests) expect(u.startsWith("file:") || u.startsWith("data:"), u).toBe(true);
    expect(problems).toEqual([]);
  });
});
