import { InputError, loadCatalog, type CatalogEntry } from "@aitracks/core";
import { fieldError } from "../../common/errors";

/** Catalog accelerator types -> Vertex AI `MachineSpec.acceleratorType` enum values. */
export const VERTEX_ACCELERATORS: Readonly<Record<string, string>> = {
  "nvidia-a100-40gb": "NVIDIA_TESLA_A100",
  "nvidia-a100-80gb": "NVIDIA_A100_80GB",
  "nvidia-h100": "NVIDIA_H100_80GB",
  "nvidia-l4": "NVIDIA_L4",
};

function gcpEntry(field: string, sku: string): CatalogEntry {
  try {
    return loadCatalog().get(sku, field, "gcp");
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${field}: ${(err as Error).message}`);
  }
}

function offeredIn(field: string, entry: CatalogEntry, region: string): void {
  if (!entry.regions.includes(region)) {
    fieldError(field, `${entry.sku} is not offered in ${region}; the price catalog has it in ${entry.regions.join(", ")}`);
  }
}

/** Every GPU type the catalog knows for GCP machines (for "unknown accelerator" messages). */
export function knownGpuTypes(): string[] {
  const types = loadCatalog()
    .entries.filter((e) => e.cloud === "gcp" && e.kind === "instance" && e.accelerator)
    .map((e) => e.accelerator!.type);
  return [...new Set(types)].sort();
}

export interface VertexMachine {
  readonly entry: CatalogEntry;
  readonly machineType: string;
  /** The Vertex AI enum (NVIDIA_L4 …), undefined for CPU-only machines. */
  readonly acceleratorType?: string;
  readonly acceleratorCount?: number;
}

/**
 * A Vertex AI machine type the price catalog knows and offers in the region, with the GPU type and
 * count that machine type carries (a2/a3/g2 machines have a fixed number of GPUs). A stated
 * `acceleratorType`/`acceleratorCount` must agree with the catalog.
 */
export function vertexMachine(
  path: string,
  machineType: string,
  region: string,
  stated: { readonly acceleratorType?: string | undefined; readonly acceleratorCount?: number | undefined } = {},
): VertexMachine {
  const field = path ? `${path}.machineType` : "machineType";
  const accField = path ? `${path}.acceleratorType` : "acceleratorType";
  const countField = path ? `${path}.acceleratorCount` : "acceleratorCount";
  if (stated.acceleratorType !== undefined) {
    const known = knownGpuTypes();
    if (!known.includes(stated.acceleratorType)) {
      fieldError(accField, `unknown accelerator ${JSON.stringify(stated.acceleratorType)}; the price catalog knows ${known.join(", ")}`);
    }
  }
  const entry = gcpEntry(field, machineType);
  if (entry.kind !== "instance" || entry.service !== "vertex-ai") {
    fieldError(field, `expected a Vertex AI machine type such as g2-standard-12 or a3-highgpu-8g, got ${JSON.stringify(machineType)} (a ${entry.service} ${entry.kind})`);
  }
  offeredIn(field, entry, region);
  const acc = entry.accelerator ?? undefined;
  if (stated.acceleratorType !== undefined && stated.acceleratorType !== acc?.type) {
    fieldError(accField, `${machineType} carries ${acc ? acc.type : "no accelerator"}, not ${stated.acceleratorType}`);
  }
  if (stated.acceleratorCount !== undefined && stated.acceleratorCount !== (acc?.count ?? 0)) {
    fieldError(countField, `${machineType} carries ${acc?.count ?? 0} accelerator(s), got ${stated.acceleratorCount}`);
  }
  if (!acc) return { entry, machineType };
  const vertexType = VERTEX_ACCELERATORS[acc.type];
  if (!vertexType) fieldError(accField, `no Vertex AI accelerator type is mapped for ${acc.type}`);
  return { entry, machineType, acceleratorType: vertexType, acceleratorCount: acc.count };
}

/** The TPU generations the track provisions, with the TPU API's names for them. */
const TPU_GENERATIONS: Readonly<
  Record<string, { readonly acceleratorType: (chips: number) => string; readonly runtime: string; readonly chipsPerHost: number; readonly sizes: (chips: number) => boolean; readonly sizesText: string }>
> = {
  // v5e slices are named by chips (v5litepod-16 = 16 chips); a host holds up to 8.
  "tpu-v5e": {
    acceleratorType: (c) => `v5litepod-${c}`,
    runtime: "v2-alpha-tpuv5-lite",
    chipsPerHost: 8,
    sizes: (c) => [1, 4, 8, 16, 32, 64, 128, 256].includes(c),
    sizesText: "1, 4, 8, 16, 32, 64, 128 or 256",
  },
  // v5p slices are named by TensorCores, two per chip (v5p-8 = 4 chips); a host holds 4 chips.
  "tpu-v5p": {
    acceleratorType: (c) => `v5p-${c * 2}`,
    runtime: "v2-alpha-tpuv5",
    chipsPerHost: 4,
    sizes: (c) => c >= 4 && c <= 6144 && c % 4 === 0,
    sizesText: "a multiple of 4 from 4 to 6144",
  },
  "tpu-v6e": {
    acceleratorType: (c) => `v6e-${c}`,
    runtime: "v2-alpha-tpuv6e",
    chipsPerHost: 8,
    sizes: (c) => [1, 4, 8, 16, 32, 64, 128, 256].includes(c),
    sizesText: "1, 4, 8, 16, 32, 64, 128 or 256",
  },
};

export interface TpuSlice {
  readonly entry: CatalogEntry;
  /** The TPU API's accelerator type, e.g. `v5litepod-16`. */
  readonly acceleratorType: string;
  readonly chips: number;
  readonly hosts: number;
  readonly defaultRuntimeVersion: string;
}

/** A TPU slice of a generation the catalog offers in the region, of a size that generation comes in. */
export function tpuSlice(path: string, type: string, chips: number, region: string): TpuSlice {
  const entry = gcpEntry(`${path}.type`, type);
  const gen = TPU_GENERATIONS[type];
  if (entry.service !== "tpu" || !gen) {
    fieldError(`${path}.type`, `expected a TPU generation (${Object.keys(TPU_GENERATIONS).join(", ")}), got ${JSON.stringify(type)}`);
  }
  offeredIn(`${path}.type`, entry, region);
  if (!Number.isInteger(chips) || !gen.sizes(chips)) fieldError(`${path}.chips`, `expected ${gen.sizesText} chips for ${type}, got ${chips}`);
  return {
    entry,
    acceleratorType: gen.acceleratorType(chips),
    chips,
    hosts: Math.max(1, Math.ceil(chips / gen.chipsPerHost)),
    defaultRuntimeVersion: gen.runtime,
  };
}
