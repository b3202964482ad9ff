import { asArray } from "../../graph";
import type { CostModule } from "../../module";
import { catalogEntry, monthly, regionNotes } from "../../price";

/** Secrets Manager secret: a monthly fee per secret and per replica (API calls, $0.05 per 10,000, are negligible here). */
export const secretsManagerSecret: CostModule = {
  service: "AWS Secrets Manager",
  price(r, ctx) {
    const e = catalogEntry(ctx, "secretsmanager-secret", "secret price");
    const replicas = asArray(r.inputs.replicas).length;
    return { components: [monthly(e, replicas ? `secret + ${replicas} replica${replicas === 1 ? "" : "s"}` : "secret", 1 + replicas)], notes: regionNotes(ctx, e) };
  },
};
