import { Unpriced, type CostModule } from "../../module";
import { catalogEntry, fmt, HOURS, monthly, regionNotes, str, usage } from "../../price";
import { bytesPerRequest, workloadRequests } from "../../serverless";

/**
 * Application and Network Load Balancer: an hourly fee x 730 h, and capacity units as usage. An
 * ALB's LCU is the largest of its dimensions an hour: 25 new connections a second or 1 GB
 * processed (active connections and rule evaluations are far below at a request per connection);
 * an NLB's NLCU: 800 new flows a second or 1 GB. The workload's requests (one connection each) and
 * their bytes give both; the hourly average is billed every hour.
 */
export const loadBalancer: CostModule = {
  service: "Elastic Load Balancing",
  price(r, ctx) {
    const type = str(r.inputs.loadBalancerType, "loadBalancerType", "application");
    if (type !== "application" && type !== "network") throw new Unpriced(`loadBalancerType ${JSON.stringify(type)}: only application and network load balancers are priced`);
    const alb = type === "application";
    const hour = catalogEntry(ctx, alb ? "alb-hour" : "nlb-hour", "loadBalancerType");
    const lcu = catalogEntry(ctx, alb ? "alb-lcu" : "nlb-nlcu", "loadBalancerType");
    const reqs = workloadRequests(ctx, "connections");
    const perSecond = reqs.perMonth / (HOURS * 3_600);
    const gbPerHour = (reqs.perMonth * bytesPerRequest(ctx)) / 1e9 / HOURS;
    const perHour = Math.max(perSecond / (alb ? 25 : 800), gbPerHour);
    const unit = alb ? "LCU" : "NLCU";
    return {
      components: [
        monthly(hour, `${alb ? "application" : "network"} load balancer x ${HOURS} h`, HOURS),
        usage(lcu, `${unit}s: ${fmt(perHour)} an hour x ${HOURS} h`, perHour * HOURS),
      ],
      notes: [...reqs.notes, `${fmt(perSecond)} new connections a second, ${fmt(gbPerHour)} GB an hour: ${fmt(perHour)} ${unit} an hour`, ...regionNotes(ctx, hour)],
    };
  },
};
