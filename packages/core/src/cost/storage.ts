import type { PricingContext } from "./module";
import type { CostResource } from "./types";
import type { Usage } from "./usage";

/** Bytes a token takes as UTF-8 text, on average (English prose: about 4 characters a token). */
export const BYTES_PER_TOKEN = 4;
/** JSON envelope of one logged request (ids, timestamps, model, usage counts). */
export const LOG_RECORD_OVERHEAD_BYTES = 1_024;
/** The horizon the three-year figure covers, in months. */
export const HORIZON_MONTHS = 36;

/** GB a month of full request + response logs for a share of the workload's traffic. */
export function requestLogGbPerMonth(usage: Usage, share: number): number {
  const bytes = (usage.inputTokensPerRequest + usage.outputTokensPerRequest) * BYTES_PER_TOKEN + LOG_RECORD_OVERHEAD_BYTES;
  return (usage.requestsPerMonth * share * bytes) / 1e9;
}

/**
 * Data that accumulates with nothing expiring it: the average GB stored over the horizon when
 * `gbPerMonth` is added every month (month m holds m + 1 months of data). Priced every month at
 * this average, the horizon's total equals the sum of the growing monthly bills.
 */
export function averageStoredGb(gbPerMonth: number, horizonMonths = HORIZON_MONTHS): number {
  return (gbPerMonth * (horizonMonths + 1)) / 2;
}

/** Storage resource types whose first data store in a track holds the track's training data. */
export const DATA_STORE_TYPES = ["aws:s3/bucket:Bucket", "gcp:storage/bucket:Bucket", "azure-native:storage:StorageAccount"];
const DATA_NAME = /raw|data|corpus|dataset|training/i;

/**
 * The training data a track keeps, sized from the workload: a build track's pretraining corpus
 * (build.trainingTokens x BYTES_PER_TOKEN), a fine-tune track's labelled set (examples x tokens
 * per example x BYTES_PER_TOKEN). Counted once, on the track's first data store whose name says
 * data (raw, data, corpus, dataset, training), else its first store; undefined for the others.
 */
export function trackDataGb(ctx: PricingContext, r: CostResource): { gb: number; what: string } | undefined {
  const t = ctx.track;
  if (!t || (t.track !== "build" && t.track !== "fine-tune")) return undefined;
  // Each track's data stores, in one pass over the stores (a graph has many tracks).
  const storesByTrack = ctx.graph.memo("data-stores by track", () => {
    const byTrack = new Map<string, CostResource[]>();
    for (const s of DATA_STORE_TYPES.flatMap((type) => ctx.graph.ofType(type))) {
      const st = ctx.graph.trackOf(s);
      if (!st) continue;
      const key = `${st.cloud} ${st.name}`;
      const list = byTrack.get(key);
      if (list) list.push(s);
      else byTrack.set(key, [s]);
    }
    return byTrack;
  });
  const chosen = ctx.graph.memo(`data-store ${t.cloud} ${t.name}`, () => {
    const stores = storesByTrack.get(`${t.cloud} ${t.name}`) ?? [];
    return stores.find((s) => DATA_NAME.test(s.name ?? s.urn)) ?? stores[0];
  });
  if (chosen?.urn !== r.urn) return undefined;
  if (t.track === "build") {
    const tokens = ctx.usage.build.trainingTokens;
    return { gb: (tokens * BYTES_PER_TOKEN) / 1e9, what: `pretraining corpus (${tokens.toExponential(2)} tokens)` };
  }
  const ft = ctx.usage.fineTune;
  return { gb: (ft.examples * ft.tokensPerExample * BYTES_PER_TOKEN) / 1e9, what: `labelled training set (${Math.round(ft.examples).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",")} examples)` };
}
