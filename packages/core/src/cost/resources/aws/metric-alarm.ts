import type { CostModule } from "../../module";
import { catalogEntry, monthly } from "../../price";

/** CloudWatch alarm: a flat monthly fee per standard-resolution metric alarm. */
export const metricAlarm: CostModule = {
  service: "Amazon CloudWatch alarms",
  price(_r, ctx) {
    return { components: [monthly(catalogEntry(ctx, "cloudwatch-alarm", "alarm price"), "standard metric alarm", 1)] };
  },
};
