import { z } from "zod";
import type { Cell } from "../cells";
import { GcpBuildTrack, resolveGcpBuildArgs, type GcpBuildTrackArgs } from "./build";
import { gcpCellArgs } from "./shared/cell";

const settings = z.object({
  tpu: z
    .object({
      type: z.string({ error: "expected a TPU generation such as tpu-v5e" }),
      chips: z.number({ error: "expected the number of TPU chips" }).int({ error: "expected a whole number of chips" }),
      zone: z.string().optional(),
      runtimeVersion: z.string().optional(),
      provisioning: z.enum(["auto", "vm", "queued"], { error: "expected auto, vm or queued" }).optional(),
      spot: z.boolean().optional(),
    })
    .strict()
    .optional(),
  gpu: z
    .object({
      machineType: z.string({ error: "expected a Vertex AI machine type such as a3-highgpu-8g" }),
      acceleratorType: z.string().optional(),
      acceleratorCount: z.number().int().optional(),
      replicas: z.number().int({ error: "expected a whole number of machines" }).optional(),
      bootDiskGb: z.number().int().optional(),
    })
    .strict()
    .optional(),
  subnetCidr: z.string().optional(),
  tensorboard: z.boolean().optional(),
  checkpointVersionDays: z.number().int().optional(),
});

/** Build on GCP: Vertex AI training + TPUs. */
export const gcpBuildCell: Cell<GcpBuildTrackArgs> = {
  track: "build",
  cloud: "gcp",
  service: "Vertex AI training + TPUs",
  args: (entry, ctx) => gcpCellArgs(settings, entry, ctx, resolveGcpBuildArgs),
  create: (name, args, opts) => new GcpBuildTrack(name, args, opts),
};
