import { loadCatalog, type CatalogEntry } from "@aitracks/core";
import { fieldError } from "../../common/errors";

/** ND-series: the 8-GPU InfiniBand training sizes (ND A100 v4, ND H100 v5). */
export const ND_SERIES = /^Standard_ND\d+/;

/**
 * A VM size from the price catalog's Azure entries, offered in the track's region. Unknown sizes
 * fail with the closest known ones; `ndSeries` also demands an ND-series GPU size.
 */
export function azureVmSize(size: string, field: string, location: string, opts: { ndSeries?: boolean } = {}): CatalogEntry {
  const catalog = loadCatalog();
  const entry = catalog.get(size, field, "azure");
  if (entry.kind !== "instance") fieldError(field, `expected a VM size such as Standard_ND96amsr_A100_v4, got the ${entry.unit} SKU ${size}`);
  if (opts.ndSeries && !(ND_SERIES.test(size) && entry.accelerator)) {
    const nd = catalog.entries.filter((e) => e.cloud === "azure" && e.kind === "instance" && ND_SERIES.test(e.sku)).map((e) => e.sku);
    fieldError(field, `expected an ND-series GPU size (ND A100 v4 / ND H100 v5): ${nd.join(", ")}; got ${size}`);
  }
  if (!entry.regions.includes(location)) {
    fieldError(field, `${size} is not offered in ${location}; it is in ${entry.regions.join(", ")}`);
  }
  return entry;
}

/** The catalog entry of a non-VM Azure SKU the track relies on, offered in the region. */
export function azureOffering(sku: string, field: string, location: string, what: string): CatalogEntry {
  const entry = loadCatalog().get(sku, field, "azure");
  if (!entry.regions.includes(location)) fieldError(field, `${what} is not offered in ${location}; it is in ${entry.regions.join(", ")}`);
  return entry;
}
