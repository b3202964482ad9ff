import { at } from "../../graph";
import type { CostModule } from "../../module";
import { catalogEntry, monthly, num, optStr, regionNotes } from "../../price";

/**
 * Key Vault key: an HSM-protected key (RSA-HSM, EC-HSM) has a monthly fee per key, higher for
 * 3072- and 4096-bit RSA and for EC keys than for 2048-bit RSA (RSA-HSM's default size); a
 * software key is billed per 10,000 operations only, which a customer-managed key's wrap/unwrap
 * calls leave near zero.
 */
export const keyVaultKey: CostModule = {
  service: "Azure Key Vault",
  price(r, ctx) {
    const kty = optStr(at(r.inputs, "properties.kty")) ?? "";
    if (!kty.endsWith("-HSM")) return { components: [], free: "software-protected key: billed per operation only (negligible for a customer-managed key)" };
    const bits = kty === "RSA-HSM" ? num(at(r.inputs, "properties.keySize"), "properties.keySize", 2048) : undefined;
    const advanced = bits === undefined || bits > 2048;
    const e = catalogEntry(ctx, advanced ? "keyvault-hsm-key-advanced" : "keyvault-hsm-key", "properties.kty");
    return { components: [monthly(e, `${kty}${bits ? ` ${bits}-bit` : ""} key`, 1)], notes: regionNotes(ctx, e) };
  },
};
