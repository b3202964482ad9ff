import { asArray } from "../../graph";
import type { CostModule } from "../../module";
import { catalogEntry, fmt, num, regionNotes, usage } from "../../price";
import { SECONDS_PER_REQUEST, workloadRequests } from "../../serverless";

/**
 * Lambda function: requests and GB-seconds (memory x duration), both usage. Each request of the
 * workload invokes the function once for one second (the workload has no duration); arm64
 * functions at the Graviton rate. The account's free tier is not subtracted.
 */
export const lambdaFunction: CostModule = {
  service: "AWS Lambda",
  price(r, ctx) {
    const memoryGb = num(r.inputs.memorySize, "memorySize", 128) / 1_024;
    const arm = asArray(r.inputs.architectures).includes("arm64");
    const req = catalogEntry(ctx, "lambda-requests", "request price");
    const gbs = catalogEntry(ctx, arm ? "lambda-arm-gb-second" : "lambda-gb-second", "architectures");
    const reqs = workloadRequests(ctx, "invocations");
    const seconds = reqs.perMonth * memoryGb * SECONDS_PER_REQUEST;
    return {
      components: [
        usage(req, `${fmt(reqs.perMonth)} requests`, reqs.perMonth / 1e6),
        usage(gbs, `${fmt(memoryGb)} GB x ${SECONDS_PER_REQUEST} s x ${fmt(reqs.perMonth)} invocations`, seconds),
      ],
      notes: [...reqs.notes, `${SECONDS_PER_REQUEST} s per invocation assumed (the workload has no duration)`, ...regionNotes(ctx, req)],
    };
  },
};
