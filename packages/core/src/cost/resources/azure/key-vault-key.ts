import { at } from "../../graph";
import type { CostModule } from "../../module";
import { catalogEntry, monthly, optStr } from "../../price";

/**
 * Key Vault key: an HSM-protected key (RSA-HSM, EC-HSM) has a monthly fee per key; a software
 * key is billed per 10,000 operations only, which a customer-managed key's wrap/unwrap calls
 * leave near zero.
 */
export const keyVaultKey: CostModule = {
  service: "Azure Key Vault",
  price(r, ctx) {
    const kty = optStr(at(r.inputs, "properties.kty")) ?? "";
    if (!kty.endsWith("-HSM")) return { components: [], free: "software-protected key: billed per operation only (negligible for a customer-managed key)" };
    return { components: [monthly(catalogEntry(ctx, "keyvault-hsm-key", "key price"), `${kty} key`, 1)] };
  },
};
