import { join } from "node:path";
import type * as Esbuild from "esbuild";

/**
 * The page's script: client.ts (the sliders, the table, the chart) with @aitracks/core/browser
 * (decide, resolveTco, tcoReport: the code `decide` and `tco` run) bundled by esbuild into one
 * script. Bundled when the command runs, from the built files, so the page never computes with
 * code older than the CLI's. esbuild loads here only: `--help` and the other commands never load it.
 *
 * Two Node-only modules are replaced: the catalog file loader (the page passes resolveTco the
 * catalog entries the workload uses) and @pydantic/genai-prices (the page passes the token prices
 * Node looked up: its 0.5 MB of data stay out). Any other Node module fails the bundle.
 */
export async function bundleClient(): Promise<string> {
  const esbuild = require("esbuild") as typeof Esbuild;
  const nodeOnly: Esbuild.Plugin = {
    name: "aitracks-node-only",
    setup(build) {
      build.onResolve({ filter: /^(\.\.\/pricing\/catalog|@pydantic\/genai-prices)$/ }, (args) => ({ path: args.path, namespace: "node-only" }));
      build.onLoad({ filter: /.*/, namespace: "node-only" }, (args) => ({
        loader: "js",
        contents: `const fail = () => { throw new Error(${JSON.stringify(`${args.path} is not in the page: its data is passed in`)}); };\nmodule.exports = { loadCatalog: fail, calcPrice: fail };`,
      }));
    },
  };
  const result = await esbuild.build({
    entryPoints: [join(__dirname, "client.js")],
    bundle: true,
    write: false,
    platform: "browser",
    format: "iife",
    target: "es2022",
    minify: true,
    legalComments: "none",
    logLevel: "silent",
    plugins: [nodeOnly],
  });
  const js = result.outputFiles[0]!.text;
  // esbuild escapes "</script" in strings; check anyway, so the inline script cannot end early.
  if (/<\/script/i.test(js)) throw new Error("the bundled explore script contains </script");
  return js;
}
