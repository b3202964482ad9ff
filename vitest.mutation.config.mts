import { defineConfig } from "vitest/config";
import base from "./vitest.config.mts";

// The tests that judge the mutated files. Stryker's vitest runner runs them in worker threads, where
// a mutant is switched on inside the test process; tests that spawn the CLI would run it unmutated,
// and previews that serialize a dynamic provider need the inspector (absent in workers), so the
// suite here is the in-process tests of the mutated files.
export default defineConfig({
  test: {
    ...base.test,
    include: ["test/core/*.test.ts", "test/cost/diff.test.ts", "test/cost/aws-modules.test.ts", "test/policies/aws.test.ts"],
    setupFiles: ["bench/mutation/worker-setup.ts"],
  },
});
