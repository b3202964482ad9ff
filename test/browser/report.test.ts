// @ts-nocheck
// The report in a real browser: Debian's chromium driven by playwright-core. Every chart must
// render with a size, the page must load nothing but itself, and a screenshot is kept in
// test-artifacts/report.png. Without /usr/bin/chromium the test is skipped with a visible reason,
// except in CI (CI set), where .ci/run installs chromium and a missing browser is a failure.
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { aitracks, ROOT } from "../helpers/cli";

// The page callbacks below run in Chromium, where these DOM globals exist; the test program's lib
// (ES2023 and Node, no DOM) does not declare them, so the parts used are declared here, for this file only.
declare const document: { documentElement: { scrollWidth: number; clientWidth: number }; body: { clientWidth: number } };
declare function getComputedStyle(element: unknown): { fontSize: string };

const CHROMIUM = "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI);
const SKIP_REASON = `${CHROMIUM} not found: browser test skipped (install it with: apt-get install -y chromium; in CI it is required)`;
if (!haveChromium && !inCi) console.warn(`[test/browser/report.test.ts] ${SKIP_REASON}`);

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

describe("the HTML report in headless Chromium", () => {
  it.runIf(!haveChromium && inCi)("needs chromium in CI", () => {
    throw new Error(`${CHROMIUM} is missing in CI: .ci/run installs it (apt-get install -y chromium)`);
  });

  it.skipIf(!haveChromium)(haveChromium ? "renders every chart, loads nothing but itself, and is screenshotted" : `SKIPPED: ${SKIP_REASON}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "aitracks-browser-"));
    const file = join(dir, "report.html");
    // A ranged workload (P10-P90 band) and a stack (its resources and the stack section).
    const r = aitracks(["report", "examples/decisions/clear-fine-tune.yaml", "examples/workloads/requests-ranges.yaml", "--stack", "buy-aws", "--out", file, "--today", "2026-11-30"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);

    const { chromium } = await import("playwright-core");
    const profile = mkdtempSync(join(tmpdir(), "aitracks-chromium-profile-"));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: ARGS,
      viewport: { width: 1100, height: 900 },
    });
    try {
      const page = await context.newPage();
      const requests: string[] = [];
      const problems: string[] = [];
      page.on("request", (req) => requests.push(req.url()));
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") problems.push(m.text());
      });
      page.on("pageerror", (e) => problems.push(e.message));
      const url = pathToFileURL(file).href;
      await page.goto(url, { waitUntil: "load" });

      const charts = await page.$$eval("figure.chart", (figs) =>
        figs.map((f) => {
          const svg = f.querySelector("svg");
          const box = svg?.getBoundingClientRect();
          return { id: f.getAttribute("data-chart"), width: box?.width ?? 0, height: box?.height ?? 0, texts: svg?.querySelectorAll("text").length ?? 0 };
        }),
      );
      expect(charts.map((c) => c.id)).toEqual(["decision-matrix", "cumulative-cost", "cost-by-volume", "stack-cost"]);
      for (const c of charts) {
        expect(c.width, c.id!).toBeGreaterThan(300);
        expect(c.height, c.id!).toBeGreaterThan(150);
        expect(c.texts, c.id!).toBeGreaterThan(10); // axes, labels: the chart has words, not only shapes
      }

      // Readable at a glance: the recommendation in big type, the review date visible.
      const recSize = await page.$eval("#recommendation", (e) => parseFloat(getComputedStyle(e).fontSize));
      expect(recSize).toBeGreaterThanOrEqual(40);
      expect(await page.textContent("#recommendation")).toBe("Fine-tune");
      expect(await page.textContent("#review-date")).toBe("2027-05-30");
      expect(await page.isVisible("#tco-table")).toBe(true);
      expect(await page.isVisible("#checklist")).toBe(true);
      expect(await page.isVisible("#stack-resources")).toBe(true);
      // Nothing overflows the page sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      // Printed, the charts still fit the page width.
      await page.emulateMedia({ media: "print" });
      const printWidths = await page.$$eval("figure.chart svg", (svgs) => svgs.map((s) => s.getBoundingClientRect().right));
      const bodyWidth = await page.evaluate(() => document.body.clientWidth);
      for (const w of printWidths) expect(w).toBeLessThanOrEqual(bodyWidth + 1);
      await page.emulateMedia({ media: "screen" });

      expect(requests).toEqual([url]);
      expect(problems).toEqual([]);

      mkdirSync(join(ROOT, "test-artifacts"), { recursive: true });
      const shot = join(ROOT, "test-artifacts", "report.png");
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(50_000);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
