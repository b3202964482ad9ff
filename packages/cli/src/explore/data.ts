import type { CatalogEntry, DecisionInput, TokenPrices, WorkloadFile } from "@aitracks/core/browser";

/** What `aitracks explore` passes its page (as JSON): the parsed files and the prices Node looked up. */
export interface ExploreData {
  readonly version: 1;
  readonly decisionFile: string;
  readonly workloadFile: string;
  /** The decision file, parsed (decide's input). */
  readonly decision: DecisionInput;
  /** The workload file, parsed (resolveTco's input). */
  readonly workload: WorkloadFile;
  /** decide's today (YYYY-MM-DD). */
  readonly today: string;
  readonly samples: number;
  readonly seed: number;
  readonly horizonMonths?: number;
  /** The catalog (its version fields) with only the entries the workload's TCO looked up. */
  readonly catalog: { readonly [key: string]: unknown; readonly entries: readonly CatalogEntry[] };
  /** Token prices from @pydantic/genai-prices, by the provider and model the workload names. */
  readonly tokenPrices: readonly { readonly provider: string; readonly model: string; readonly prices: TokenPrices }[];
  /** The prices' as-of date, as `aitracks tco` prints it. */
  readonly pricesAsOf: string | null;
}
