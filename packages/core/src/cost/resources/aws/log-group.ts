import type { CostModule } from "../../module";
import { catalogEntry, fmt, regionNotes, usage } from "../../price";
import { requestLogGbPerMonth } from "../../storage";
import { bedrockShare, invocationLoggersOf } from "./traffic-logs";

/**
 * CloudWatch log group: ingestion per GB. Bedrock invocation logs (prompts and answers in full)
 * are sized from the workload; a log group nothing in the stack sizes writes to is free here.
 */
export const logGroup: CostModule = {
  service: "Amazon CloudWatch Logs",
  price(r, ctx) {
    const loggers = invocationLoggersOf(ctx.graph, r, "loggingConfig.cloudwatchConfig.logGroupName", r.inputs.name);
    if (loggers.length === 0) return { components: [], free: "no volume the workload can size is written here (ingestion is billed per GB)" };
    const share = bedrockShare(ctx, ctx.region);
    const gb = requestLogGbPerMonth(ctx.usage, share);
    const e = catalogEntry(ctx, "cloudwatch-logs-ingest", "log ingestion price");
    return {
      components: [usage(e, "Bedrock invocation logs ingested", gb)],
      notes: [`${fmt(ctx.usage.requestsPerMonth * share)} requests a month x (prompt + answer x 4 bytes a token + 1 KB); retained storage not priced`, ...regionNotes(ctx, e)],
    };
  },
};
