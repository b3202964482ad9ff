import { Unpriced, type CostModule } from "../../module";
import { catalogEntry, fmt, regionNotes, str, usage } from "../../price";
import { workloadRequests } from "../../serverless";

/** API Gateway HTTP API (v2): $ per million requests, one per request of the workload. WebSocket APIs are not priced. */
export const apiGatewayV2: CostModule = {
  service: "Amazon API Gateway",
  price(r, ctx) {
    const protocol = str(r.inputs.protocolType, "protocolType");
    if (protocol !== "HTTP") throw new Unpriced(`protocolType ${JSON.stringify(protocol)}: WebSocket APIs bill messages and connection minutes, which the catalog does not price`);
    const e = catalogEntry(ctx, "apigw-http-requests", "request price");
    const reqs = workloadRequests(ctx, "API calls");
    return { components: [usage(e, `${fmt(reqs.perMonth)} HTTP API requests`, reqs.perMonth / 1e6)], notes: [...reqs.notes, ...regionNotes(ctx, e)] };
  },
};

/** API Gateway REST API: $ per million requests, one per request of the workload (the account's free tier not subtracted). */
export const apiGatewayRest: CostModule = {
  service: "Amazon API Gateway",
  price(_r, ctx) {
    const e = catalogEntry(ctx, "apigw-rest-requests", "request price");
    const reqs = workloadRequests(ctx, "API calls");
    return { components: [usage(e, `${fmt(reqs.perMonth)} REST API requests`, reqs.perMonth / 1e6)], notes: [...reqs.notes, ...regionNotes(ctx, e)] };
  },
};
