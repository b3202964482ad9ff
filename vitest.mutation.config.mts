// @ts-nocheck
import { defineConfig } from "vitest/config";
import base from "./vitest.config.mts";

// The tests that judge the mutated files. Stryker's vitest runner runs them in worker threads, where
// a mutant is switched on inside the test process; tests that spawn the CLI would run it unmutated,
// and previews that serialize a dynamic provider need the inspector (absent in workers), so the
// suite here is the in-process tests of the mutated files.
export default defineConfig({
  test: {
    ...base.test,
    include: (process.env.MUTATION_TESTS ?? "test/core/*.test.ts").split(","),
    setupFiles: ["bench/mutation/worker-setup.ts"],
  },
});
