// @ts-nocheck
// Stryker's vitest runner runs tests in worker threads, where process.chdir() throws. The preview
// changes into the program's folder, which for the in-process tests is already the working
// directory: a chdir to where we are is a no-op here; any other still throws.
import { resolve } from "node:path";

const chdir = process.chdir.bind(process);
process.chdir = (dir: string) => {
  if (resolve(dir) !== process.cwd()) chdir(dir);
};
