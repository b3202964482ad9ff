import { join } from "node:path";
import { parseOrThrow } from "../errors";
import { readJsonFile } from "../io/load";
import { catalogSchema } from "../schema/catalog";
import { PriceCatalog } from "./price-catalog";

export { PriceCatalog, closest, editDistance } from "./price-catalog";

/** Where the bundled catalog lives; `aitracks pricing refresh` rewrites this file (or AITRACKS_CATALOG). */
export const BUNDLED_CATALOG_PATH = join(__dirname, "..", "..", "catalog", "compute-prices.json");

export function catalogPath(): string {
  return process.env.AITRACKS_CATALOG ?? BUNDLED_CATALOG_PATH;
}

let cached: { path: string; catalog: PriceCatalog } | undefined;

/** Load and validate the catalog (cached per path). A bad catalog is an InputError naming the entry. */
export function loadCatalog(path = catalogPath()): PriceCatalog {
  if (cached?.path === path) return cached.catalog;
  const raw = readJsonFile(path, { what: "the price catalog" });
  const catalog = new PriceCatalog(parseOrThrow(catalogSchema, raw, `${path}: `));
  cached = { path, catalog };
  return catalog;
}
