import { at } from "../../graph";
import type { CostModule } from "../../module";
import { catalogEntry, fmt, monthly, num, regionNotes } from "../../price";
import { BYTES_PER_TOKEN, HORIZON_MONTHS, LOG_RECORD_OVERHEAD_BYTES, averageStoredGb, requestLogGbPerMonth, trackDataGb } from "../../storage";
import { bedrockShare, invocationLoggersOf } from "./traffic-logs";
import { zeroVolumeNote } from "../../to-count";

const ENDPOINT_CONFIGURATION = "aws:sagemaker/endpointConfiguration:EndpointConfiguration";

/**
 * S3 bucket (Standard): GB-months. What lands in it is sized from the workload where the stack
 * says who writes there: Bedrock invocation logs and SageMaker data capture accumulate (nothing
 * expires them), priced at their average over the three-year horizon. A bucket whose contents
 * the workload does not describe is shown at 0 GB, and says so.
 */
export const s3Bucket: CostModule = {
  service: "Amazon S3",
  price(r, ctx) {
    const e = catalogEntry(ctx, "s3-standard", "storage price");
    let gbPerMonth = 0;
    const sources: string[] = [];
    if (invocationLoggersOf(ctx.graph, r, "loggingConfig.s3Config.bucketName", r.inputs.bucket).length) {
      gbPerMonth += requestLogGbPerMonth(ctx.usage, bedrockShare(ctx, ctx.region));
      sources.push("Bedrock invocation logs");
    }
    for (const ec of ctx.graph.dependentsOfType(r, ENDPOINT_CONFIGURATION)) {
      const capture = at(ec.inputs, "dataCaptureConfig");
      if (!capture || at(capture, "enableCapture") === false) continue;
      const pct = num(at(capture, "initialSamplingPercentage"), "dataCaptureConfig.initialSamplingPercentage", 100);
      const bytes = (ctx.usage.inputTokensPerRequest + ctx.usage.outputTokensPerRequest) * BYTES_PER_TOKEN + LOG_RECORD_OVERHEAD_BYTES;
      gbPerMonth += (ctx.usage.requestsPerMonth * (pct / 100) * bytes) / 1e9;
      sources.push(`SageMaker data capture (${fmt(pct)}% of requests)`);
    }
    const data = trackDataGb(ctx, r);
    if (sources.length === 0 && data) {
      return { components: [monthly(e, `S3 Standard storage: ${data.what}`, data.gb)], notes: [`${fmt(data.gb)} GB at ${BYTES_PER_TOKEN} bytes a token (aitracks:workload)`, ...regionNotes(ctx, e)] };
    }
    if (sources.length === 0) {
      return {
        components: [monthly(e, "S3 Standard storage (volume not in the workload)", 0)],
        notes: [zeroVolumeNote("what this bucket holds", "the GB it holds", e)],
      };
    }
    const avg = averageStoredGb(gbPerMonth);
    return {
      components: [monthly(e, `S3 Standard storage: ${sources.join(" + ")} (average over the horizon)`, avg)],
      notes: [`${fmt(gbPerMonth)} GB added a month, kept: ${fmt(avg)} GB on average over ${HORIZON_MONTHS} months`, ...regionNotes(ctx, e)],
    };
  },
};
