import { z } from "zod";
import type { Cell } from "../cells";
import { GcpEvaluationTrack, resolveGcpEvaluationArgs, type GcpEvaluationTrackArgs } from "./evaluation";
import { gcpCellArgs } from "./shared/cell";

/** The metrics settings, shared with fine-tune's `metrics:` block. */
export const metricsSettings = z
  .object({
    computed: z.array(z.string()).optional(),
    judged: z
      .array(
        z
          .object({
            name: z.string({ error: "expected the metric's name" }),
            promptTemplate: z.string({ error: "expected the judge's prompt template" }),
            judgeModel: z.string().optional(),
          })
          .strict(),
      )
      .optional(),
    judgeModel: z.string().optional(),
  })
  .strict();

const settings = z.object({
  models: z.array(z.string(), { error: "expected a list of models to evaluate" }).min(1, { error: "expected at least one model to evaluate" }),
  evaluationDataFile: z.string().optional(),
  evaluationDataUri: z.string().optional(),
  bigqueryTable: z.string().optional(),
  promptColumn: z.string().optional(),
  metrics: metricsSettings.optional(),
  waitForCompletion: z.boolean().optional(),
  apiEndpoint: z.url({ error: "expected a URL" }).optional(),
});

/** Evaluation on GCP: Vertex AI evaluation. */
export const gcpEvaluationCell: Cell<GcpEvaluationTrackArgs> = {
  track: "evaluation",
  cloud: "gcp",
  service: "Vertex AI evaluation",
  args: (entry, ctx) => gcpCellArgs(settings, entry, ctx, resolveGcpEvaluationArgs),
  create: (name, args, opts) => new GcpEvaluationTrack(name, args, opts),
};
