/**
 * Preloaded (`node --require`) into the policy pack process the analyzer engine starts:
 *
 * - zod's locales load only if something reads them (@aitracks/core/defer-zod-locales);
 * - the pack's @pulumi/pulumi loads TypeScript only if a policy serializes a closure, and its
 *   Automation API only if a policy reads it (lazy-sdk.ts);
 * - the launcher (`@pulumi/pulumi/cmd/run-policy-pack`) always registers ts-node, so that a pack
 *   written in TypeScript runs uncompiled. Ours is compiled (package.json `main` is bin/index.js),
 *   so when the pack's `main` is a JavaScript file that exists, the launcher gets a ts-node whose
 *   `register` does nothing, a TypeScript that is only a version number and a tsconfig reader
 *   that reads nothing, instead of ts-node and the whole compiler (9 MB of JavaScript, about a
 *   third of the pack process's start-up). The policies run exactly as they would under
 *   `pulumi preview --policy-pack`; a `.ts` main keeps the real ts-node.
 */
import "@aitracks/core/defer-zod-locales";
import { existsSync, readFileSync } from "node:fs";
import Module from "node:module";
import { join, sep } from "node:path";
import { deferSdkExtras } from "../lazy-sdk";

deferSdkExtras([process.cwd()]);
skipTsNodeForCompiledPack(process.cwd());

function skipTsNodeForCompiledPack(dir: string): void {
  let main: string;
  try {
    main = (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { main?: unknown }).main as string;
  } catch {
    return;
  }
  if (typeof main !== "string" || !/\.c?js$/.test(main) || !existsSync(join(dir, main))) return;
  // Only the launcher's own requests are answered: what it asks of ts-node and TypeScript.
  const launcher = `${sep}@pulumi${sep}pulumi${sep}`;
  const fromLauncher = (parent: Module | undefined) =>
    !!parent?.filename && parent.filename.includes(launcher) && /[/\\](tsutils|cmd[/\\]run-policy-pack[/\\]run)\.js$/.test(parent.filename);
  const tsNode = { VERSION: "0.0.0", register: () => undefined };
  // The launcher reads only TypeScript's `version`, to pick the module setting it hands ts-node.
  const typescript = { version: "0.0.0" };
  // ... and reads tsconfig.json through TypeScript, for ts-node's compiler options.
  const tsconfigReader = { parseConfigFileTextToJson: () => ({ config: {} }) };
  const loader = Module as unknown as { _load(request: string, parent: Module | undefined, isMain: boolean): unknown };
  const load = loader._load;
  loader._load = function (request, parent, isMain) {
    if (fromLauncher(parent)) {
      if (request === "ts-node" || /[/\\]vendor[/\\]ts-node@/.test(request)) return tsNode;
      if (request === "typescript" || /[/\\]vendor[/\\]typescript@/.test(request)) return typescript;
      if (request === "./typescript-shim") return tsconfigReader;
    }
    return load.call(this, request, parent, isMain);
  };
}
