import type { ResourceValidationPolicy } from "@pulumi/policy";
import { costModuleFor, loadCatalog } from "@aitracks/core";
import type { AitracksPolicy } from "../lib/types";
import { plainProps } from "./context";

/**
 * The family of an instance or accelerator SKU: `ml.g5.2xlarge` -> `ml.g5`, `a2-highgpu-8g` ->
 * `a2-highgpu`, `Standard_ND96isr_H100_v5` -> `Standard_NDisr_H100_v5`, `v5litepod-16` -> `tpu-v5e`.
 */
export function instanceFamily(sku: string): string {
  const sm = /^(ml\.[a-z0-9]+)\./.exec(sku);
  if (sm) return sm[1]!;
  const tpu = /^(v\d+(?:litepod|lite|e|p)?)-\d+$/i.exec(sku);
  if (tpu) {
    const f = tpu[1]!.toLowerCase();
    return f.startsWith("v5lite") || f === "v5e" ? "tpu-v5e" : `tpu-${f}`;
  }
  const az = /^Standard_([A-Z]+)\d+([a-z]*)(_.*)?$/.exec(sku);
  if (az) return `Standard_${az[1]}${az[2]}${az[3] ?? ""}`;
  const gcp = /^([a-z]\d+-[a-z]+)-\d+g?$/.exec(sku);
  if (gcp) return gcp[1]!;
  return sku;
}

/** Families that look like accelerators even when the catalog does not know the SKU. */
const ACCELERATOR_LIKE = /^(ml\.(p|g|trn|inf|dl)\d|a\d-|g2-|tpu-|Standard_N)/;

let defaults: string[] | undefined;
/** The families of every catalog SKU with accelerators: the default allow-list. */
export function catalogAcceleratorFamilies(): string[] {
  defaults ??= [...new Set(loadCatalog().entries.filter((e) => e.accelerator).map((e) => instanceFamily(e.sku)))].sort();
  return defaults;
}

function allowed(family: string, list: readonly string[]): boolean {
  return list.some((a) => (a.endsWith("*") ? family.startsWith(a.slice(0, -1)) : a === family));
}

/** Accelerator instances (GPU, Trainium, Inferentia, TPU) only from allowed families. */
export const acceleratorAllowList: ResourceValidationPolicy & AitracksPolicy = {
  name: "cost-accelerator-families",
  description: "Accelerator instances (GPU, Trainium, Inferentia, TPU) come from the allowed instance families.",
  enforcementLevel: "advisory",
  severity: "medium",
  remediationSteps:
    "Use an instance family on the allow-list (the policy's allowedFamilies; by default every accelerator family the price catalog prices), or add the family to the list after checking its price and quota.",
  tags: ["any", "cost"],
  configSchema: {
    properties: {
      allowedFamilies: {
        type: "array",
        items: { type: "string" },
        description: "Allowed families, e.g. [\"ml.g5\", \"ml.inf2\", \"g2-standard\", \"Standard_NCads_A100_v4\", \"tpu-v5e\"]; a trailing * matches a prefix. Default: the catalog's accelerator families.",
      },
    },
  },
  validateResource: (args, report) => {
    const module = costModuleFor(args.type);
    if (!module?.instances) return args.notApplicable("not a resource that runs instances");
    const skus = module.instances({ urn: args.urn, type: args.type, name: args.name, inputs: plainProps(args.props) });
    const catalog = loadCatalog();
    const accelerators = skus.filter((s) => catalog.find(s)?.accelerator || (!catalog.has(s) && ACCELERATOR_LIKE.test(instanceFamily(s))));
    if (accelerators.length === 0) return args.notApplicable("runs no accelerator instances");
    const { allowedFamilies } = args.getConfig<{ allowedFamilies?: string[] }>();
    const list = allowedFamilies ?? catalogAcceleratorFamilies();
    for (const sku of accelerators) {
      const family = instanceFamily(sku);
      if (!allowed(family, list)) report(`${sku} (family ${family}) is not an allowed accelerator family (allowed: ${list.join(", ")})`);
    }
  },
};
