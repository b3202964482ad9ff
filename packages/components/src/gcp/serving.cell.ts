import { z } from "zod";
import type { Cell } from "../cells";
import { GcpServingTrack, resolveGcpServingArgs, type GcpServingTrackArgs } from "./serving";
import { gcpCellArgs } from "./shared/cell";

/** The serving settings, shared with fine-tune's `serving:` block. */
export const servingSettings = z
  .object({
    machineType: z.string({ error: "expected a Vertex AI machine type such as g2-standard-12" }),
    acceleratorType: z.string().optional(),
    acceleratorCount: z.number().int().optional(),
    minReplicas: z.number({ error: "expected a number of replicas" }).int({ error: "expected a whole number of replicas" }).optional(),
    maxReplicas: z.number({ error: "expected a number of replicas" }).int({ error: "expected a whole number of replicas" }).optional(),
    access: z.enum(["private-service-connect", "vpc-peering"], { error: "expected private-service-connect or vpc-peering" }).optional(),
    subnetCidr: z.string().optional(),
    allowedProjects: z.array(z.string()).optional(),
    requestLogSamplingRate: z.number().optional(),
  })
  .strict();

const settings = servingSettings.extend({
  model: z.string().optional(),
  modelGardenModel: z.string().optional(),
  huggingFaceModel: z.string().optional(),
  acceptEula: z.boolean().optional(),
  googleManagedEncryption: z.boolean().optional(),
  apiEndpoint: z.url({ error: "expected a URL" }).optional(),
});

/** Serving on GCP: Vertex AI endpoints. */
export const gcpServingCell: Cell<GcpServingTrackArgs> = {
  track: "serving",
  cloud: "gcp",
  service: "Vertex AI endpoints",
  args: (entry, ctx) => gcpCellArgs(settings, entry, ctx, resolveGcpServingArgs),
  create: (name, args, opts) => new GcpServingTrack(name, args, opts),
};
