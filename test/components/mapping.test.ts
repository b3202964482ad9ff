// @ts-nocheck
// The cloud mapping (packages/components/src/mapping.ts): every (track, cloud) pair has its cell,
// and a cloud's column — its components and its provider SDK — loads only when a stack uses that
// cloud. Run in a child process so that the require cache is the program's own.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli";

const TRACKS = ["build", "buy", "fine-tune", "serving", "evaluation"];

/** Load the provisioning entry, ask for these cells, and say what got loaded. */
function loadedAfter(cells: [string, string][]) {
  const script = `
    const { cellFor } = require("@aitracks/components/provision");
    const got = ${JSON.stringify(cells)}.map(([track, cloud]) => { const c = cellFor(track, cloud); return [c.track, c.cloud, typeof c.create]; });
    const files = Object.keys(require.cache);
    const has = (re) => files.some((f) => re.test(f));
    console.log(JSON.stringify({
      got,
      components: ["aws", "gcp", "azure"].filter((c) => has(new RegExp("components[\\\\\\\\/]dist[\\\\\\\\/]" + c + "[\\\\\\\\/]"))),
      sdks: ["aws", "aws-native", "gcp", "azure-native"].filter((s) => has(new RegExp("node_modules[\\\\\\\\/]@pulumi[\\\\\\\\/]" + s + "[\\\\\\\\/]"))),
    }));`;
  const r = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout);
}

describe("the cloud mapping", () => {
  it("every (track, cloud) pair has the cell of that track and cloud", () => {
    const pairs = ["aws", "gcp", "azure"].flatMap((cloud) => TRACKS.map((track) => [track, cloud]));
    expect(loadedAfter(pairs).got).toEqual(pairs.map(([t, c]) => [t, c, "function"]));
  });

  it("an AWS track loads the AWS column only: no GCP or Azure component, no GCP or Azure SDK", () => {
    const r = loadedAfter([["buy", "aws"]]);
    expect(r.components).toEqual(["aws"]);
    expect(r.sdks.filter((s) => s === "gcp" || s === "azure-native")).toEqual([]);
  });

  it("an Azure track loads the Azure column only; a second cloud adds its own", () => {
    expect(loadedAfter([["serving", "azure"]]).components).toEqual(["azure"]);
    const both = loadedAfter([["serving", "azure"], ["fine-tune", "gcp"]]);
    expect(both.components).toEqual(["gcp", "azure"]);
    expect(both.sdks).toEqual(expect.arrayContaining(["gcp", "azure-native"]));
  });

  it("loading the provisioning entry loads no cloud at all", () => {
    expect(loadedAfter([])).toEqual({ got: [], components: [], sdks: [] });
  });
});
