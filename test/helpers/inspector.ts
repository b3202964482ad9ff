import { isMainThread } from "node:worker_threads";
import { it } from "vitest";

/**
 * `it` for a test that previews a stack with a dynamic provider: serializing the provider needs
 * the inspector (Pulumi's closure serialization), which worker threads lack. `npm test` runs each
 * file in a forked process (vitest.config.mts, pool "forks"), where the test runs; StrykerJS's
 * vitest runner forces worker threads, where it is skipped (the mutation groups in
 * bench/mutation/run.mjs), so the rest of its file still judges the mutants.
 */
export const itWithInspector: typeof it = isMainThread ? it : (it.skip as typeof it);
