// @ts-nocheck
// Stryker's vitest runner runs tests in worker threads, where process.chdir() throws. The preview
// changes into the program's folder, which for the in-process tests is already the working
// directory: a chdir to where we are is a no-op here; any other still throws.
import { resolve } from "node:path";

const chdir = process.chdir.bind(process);
process.chdir = (dir: string) => {
  if (resolve(dir) !== process.cwd()) chdir(dir);
};

// The policy pack's module-level code (each policy object, its validateStack function) runs once,
// at load. Stryker judges such "static" mutants with every test, in a worker it may reuse from the
// last mutant, so: (1) drop the compiled packages from the require cache before the test file
// imports them, so this mutant's module-level code runs; (2) load the pack before any test starts,
// so that code counts as static (loaded inside the first test, it would count as covered by that
// test alone, and its mutants would be judged by that one test).
import { beforeAll } from "vitest";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
for (const file of Object.keys(require.cache)) {
  if (/[\\/](policies[\\/]bin|packages[\\/][a-z]+[\\/]dist)[\\/]/.test(file)) delete require.cache[file];
}

beforeAll(async () => {
  await require("../../packages/preview/dist/policy/pack.js").loadPack();
});
