import { at } from "../../graph";
import { Unpriced, type CostModule } from "../../module";
import { catalogEntry, fmt, HOURS, monthly, num, regionNotes, str } from "../../price";
import type { CostComponent } from "../../types";

/** Memory of the predefined n1 machine types Cloud SQL offers, GB per vCPU. */
const N1_GB_PER_VCPU: Readonly<Record<string, number>> = { standard: 3.75, highmem: 6.5 };

/**
 * Cloud SQL instance (Enterprise edition, MySQL or PostgreSQL): the tier's vCPUs and memory x 730 h
 * (shared-core tiers at their own hourly price), and its disk in GB-months; a regional (high
 * availability) instance bills both twice. SQL Server adds licences the catalog does not have.
 */
export const cloudSqlInstance: CostModule = {
  service: "Cloud SQL",
  price(r, ctx) {
    const version = str(r.inputs.databaseVersion, "databaseVersion");
    if (version.startsWith("SQLSERVER")) throw new Unpriced(`databaseVersion ${version}: SQL Server licences are not in the compute catalog`);
    if (str(at(r.inputs, "settings.edition"), "settings.edition", "ENTERPRISE") !== "ENTERPRISE") throw new Unpriced("settings.edition ENTERPRISE_PLUS: the compute catalog prices the Enterprise edition");
    const tier = str(at(r.inputs, "settings.tier"), "settings.tier");
    const ha = at(r.inputs, "settings.availabilityType") === "REGIONAL" ? 2 : 1;
    const x = ha === 2 ? " x 2 (regional)" : "";
    const components: CostComponent[] = [];
    let notes: string[] = [];
    if (tier === "db-f1-micro" || tier === "db-g1-small") {
      const e = catalogEntry(ctx, `cloudsql-${tier}`, "settings.tier");
      components.push(monthly(e, `${tier}${x} x ${HOURS} h`, ha * HOURS));
      notes = regionNotes(ctx, e);
    } else {
      const { vcpus, gb } = tierSize(tier);
      const cpu = catalogEntry(ctx, "cloudsql-vcpu-hour", "settings.tier");
      const mem = catalogEntry(ctx, "cloudsql-memory-gb-hour", "settings.tier");
      components.push(monthly(cpu, `${tier}: ${vcpus} vCPU${x} x ${HOURS} h`, vcpus * ha * HOURS), monthly(mem, `${tier}: ${fmt(gb)} GB${x} x ${HOURS} h`, gb * ha * HOURS));
      notes = regionNotes(ctx, cpu);
    }
    const disk = num(at(r.inputs, "settings.diskSize"), "settings.diskSize", 10);
    const type = str(at(r.inputs, "settings.diskType"), "settings.diskType", "PD_SSD");
    const d = catalogEntry(ctx, type === "PD_HDD" ? "cloudsql-hdd" : "cloudsql-ssd", "settings.diskType");
    components.push(monthly(d, `${fmt(disk)} GB ${type}${x}`, disk * ha));
    return { components, notes };
  },
};

/** vCPUs and GB of a Cloud SQL tier: db-custom-2-7680, db-n1-standard-4, db-n1-highmem-2. */
function tierSize(tier: string): { vcpus: number; gb: number } {
  const custom = /^db-custom-(\d+)-(\d+)$/.exec(tier);
  if (custom) return { vcpus: Number(custom[1]), gb: Number(custom[2]) / 1_024 };
  const n1 = /^db-n1-(standard|highmem)-(\d+)$/.exec(tier);
  if (n1) return { vcpus: Number(n1[2]), gb: Number(n1[2]) * N1_GB_PER_VCPU[n1[1]!]! };
  throw new Unpriced(`settings.tier ${JSON.stringify(tier)}: expected db-f1-micro, db-g1-small, db-custom-<vCPUs>-<MB> or db-n1-standard/highmem-<vCPUs>`);
}
