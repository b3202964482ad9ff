import { z } from "zod";
import type { Cell } from "../cells";
import { metricsSettings } from "./evaluation.cell";
import { GcpFineTuneTrack, resolveGcpFineTuneArgs, type GcpFineTuneTrackArgs } from "./fine-tune";
import { gcpCellArgs } from "./shared/cell";
import { servingSettings } from "./serving.cell";

const settings = z.object({
  baseModel: z.string({ error: "expected the model to tune, such as gemini-2.5-flash" }),
  trainingDataFile: z.string().optional(),
  trainingDataUri: z.string().optional(),
  validationDataFile: z.string().optional(),
  validationDataUri: z.string().optional(),
  evaluationDataFile: z.string().optional(),
  evaluationDataUri: z.string().optional(),
  epochs: z.number({ error: "expected a number of epochs" }).int({ error: "expected a whole number of epochs" }).optional(),
  adapterSize: z.number({ error: "expected an adapter size" }).int().optional(),
  learningRateMultiplier: z.number({ error: "expected a learning-rate multiplier" }).optional(),
  minTrainingExamples: z.number().int().optional(),
  metrics: metricsSettings.optional(),
  serving: servingSettings.optional(),
  baseModelEndpoint: z.string().optional(),
  waitForCompletion: z.boolean().optional(),
  apiEndpoint: z.url({ error: "expected a URL" }).optional(),
});

/** Fine-tune on GCP: Vertex AI tuning. */
export const gcpFineTuneCell: Cell<GcpFineTuneTrackArgs> = {
  track: "fine-tune",
  cloud: "gcp",
  service: "Vertex AI tuning",
  args: (entry, ctx) => gcpCellArgs(settings, entry, ctx, resolveGcpFineTuneArgs),
  create: (name, args, opts) => new GcpFineTuneTrack(name, args, opts),
};
