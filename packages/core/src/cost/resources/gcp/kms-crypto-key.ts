import { at } from "../../graph";
import { Unpriced, type CostModule } from "../../module";
import { catalogEntry, monthly } from "../../price";

/** Cloud KMS key: one active software key version a month (rotation adds versions over time). */
export const kmsCryptoKey: CostModule = {
  service: "Cloud KMS",
  price(r, ctx) {
    const level = at(r.inputs, "versionTemplate.protectionLevel");
    if (level === "HSM" || level === "EXTERNAL") throw new Unpriced(`versionTemplate.protectionLevel ${level}: the compute catalog prices software keys only`);
    return { components: [monthly(catalogEntry(ctx, "kms-key-version", "key price"), "active key version", 1)], notes: ["each rotation keeps an old version: about one more version a rotation period"] };
  },
};
