// @ts-nocheck
// `aitracks explore` end to end, without a browser (test/browser/explore.test.ts drives the page):
// the page is written, self-contained, with its data escaped; bad input writes nothing.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { aitracks, ROOT } from "../helpers/cli";

const DECISION = "examples/decisions/clear-fine-tune.yaml";
const WORKLOAD = "examples/workloads/requests-10k.yaml";

describe("aitracks explore", () => {
  it("writes one self-contained page: the data as escaped JSON, the bundled core code inline, nothing from the network", () => {
    const dir = mkdtempSync(join(tmpdir(), "aitracks-explore-cli-"));
    const file = join(dir, "explore.html");
    const r = aitracks(["explore", DECISION, WORKLOAD, "--out", file, "--today", "2026-11-30"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Wrote .*explore\.html \(\d+ KB\): fine-tune, cheapest buy over 36 months\./);
    const html = readFileSync(file, "utf8");
    // Nothing to fetch: no external script, style sheet, font or image, and a policy that forbids it.
    expect(html).not.toMatch(/<script[^>]+src=|<link|@import|url\(|<img/i);
    expect(html).toContain(`content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"`);
    // Two scripts: the data and the code; the price data of @pydantic/genai-prices stays out.
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.length).toBeLessThan(250_000);
    const json = /<script type="application\/json" id="explore-data">(.*?)<\/script>/s.exec(html)![1]!;
    const data = JSON.parse(json);
    expect(data.decision.useCase).toBe("Insurance claim triage into 40 categories");
    expect(data.workload.workload.requestsPerDay).toBe(10_000);
    expect(data.today).toBe("2026-11-30");
    // Only the catalog entries the TCO looked up (the fine-tune and build instances), and the
    // token price @pydantic/genai-prices gave for the buy model.
    expect(data.catalog.entries.length).toBeGreaterThan(0);
    expect(data.catalog.entries.length).toBeLessThan(5);
    expect(data.tokenPrices).toEqual([{ provider: "anthropic", model: "claude-sonnet-4-5", prices: expect.objectContaining({ inputUsdPerMillionTokens: 3, outputUsdPerMillionTokens: 15 }) }]);
  });

  it("keeps text from the files inside the JSON: every < escaped, so </script> cannot end the element", () => {
    const dir = mkdtempSync(join(tmpdir(), "aitracks-explore-cli-"));
    const decision = join(dir, "decision.yaml");
    writeFileSync(decision, readFileSync(join(ROOT, DECISION), "utf8").replace(/^useCase: .*$/m, `useCase: "</script><script>alert(1)</script><!--"`));
    const file = join(dir, "explore.html");
    const r = aitracks(["explore", decision, WORKLOAD, "--out", file]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(file, "utf8");
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain(String.raw`"useCase":"\u003c/script>\u003cscript>alert(1)\u003c/script>\u003c!--"`);
    const json = /<script type="application\/json" id="explore-data">(.*?)<\/script>/s.exec(html)![1]!;
    expect(JSON.parse(json).decision.useCase).toBe("</script><script>alert(1)</script><!--");
  });

  it("bad input: one line naming the file and field, exit 2, nothing written", () => {
    const dir = mkdtempSync(join(tmpdir(), "aitracks-explore-cli-"));
    const workload = join(dir, "workload.yaml");
    writeFileSync(workload, readFileSync(join(ROOT, WORKLOAD), "utf8").replace("requestsPerDay: 10000", "requestsPerDay: -5"));
    const file = join(dir, "explore.html");
    const r = aitracks(["explore", DECISION, workload, "--out", file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^aitracks: .*workload\.yaml: workload\.requestsPerDay: expected a number of requests per day of 0 or more/);
    expect(existsSync(file)).toBe(false);

    // A bad flag, a missing file, an unknown model: the same.
    for (const args of [
      ["explore", DECISION, WORKLOAD, "--out", file, "--samples", "0"],
      ["explore", DECISION, WORKLOAD, "--out", file, "--today", "2026-02-30"],
      ["explore", DECISION, join(dir, "missing.yaml"), "--out", file],
    ]) {
      const bad = aitracks(args);
      expect(bad.code, args.join(" ")).toBe(2);
      expect(bad.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(bad.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(file)).toBe(false);
    }
    const unknown = join(dir, "unknown-model.yaml");
    writeFileSync(unknown, readFileSync(join(ROOT, WORKLOAD), "utf8").replace("model: claude-sonnet-4-5", "model: no-such-model-9"));
    const u = aitracks(["explore", DECISION, unknown, "--out", file]);
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/^aitracks: .*unknown-model\.yaml: buy/);
    expect(existsSync(file)).toBe(false);
  });

  it("never writes over one of its inputs", () => {
    const dir = mkdtempSync(join(tmpdir(), "aitracks-explore-cli-"));
    const decision = join(dir, "decision.yaml");
    const text = readFileSync(join(ROOT, DECISION), "utf8");
    writeFileSync(decision, text);
    const r = aitracks(["explore", decision, WORKLOAD, "--out", decision]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out/);
    expect(readFileSync(decision, "utf8")).toBe(text);
  });

  it("--json says what was written", () => {
    const dir = mkdtempSync(join(tmpdir(), "aitracks-explore-cli-"));
    const file = join(dir, "explore.html");
    const r = aitracks(["explore", DECISION, "examples/workloads/requests-100k.yaml", "--out", file, "--json", "--samples", "100"]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ out: file, bytes: readFileSync(file).length, recommendation: "fine-tune", cheapest: "fine-tune" });
    const tco = JSON.parse(aitracks(["tco", "examples/workloads/requests-100k.yaml", "--json", "--samples", "100"]).stdout);
    expect(j.crossovers).toEqual(tco.crossovers);
  });

  it("is listed in --help and has its own help", () => {
    const top = aitracks(["--help"]);
    expect(top.stdout).toMatch(/^\s+explore \[options\] <decision-file> <workload-file>/m);
    const own = aitracks(["explore", "--help"]);
    expect(own.code).toBe(0);
    expect(own.stdout).toContain("--out <file.html>");
    expect(own.stdout).toContain("URL");
  });
});
