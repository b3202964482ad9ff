import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The corpus programs carry their own node_modules: never collect tests from them.
    exclude: [...configDefaults.exclude, "test/corpus/*/**"],
    // A temporary folder per run, removed at its end (test/global-tmp.ts).
    globalSetup: ["test/global-tmp.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Pulumi's runtime keeps global state (mocks, stack resource): one file per worker process.
    pool: "forks",
  },
});
