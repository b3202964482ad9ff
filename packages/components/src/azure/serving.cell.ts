import { z } from "zod";
import { parseSettings, type Cell } from "../cells";
import { AzureServingTrack, resolveAzureServingArgs, type AzureServingTrackArgs } from "./serving";
import { azureBaseArgs, azureBaseSettings, strip } from "./shared/cell";

const settings = z.object({
  ...azureBaseSettings,
  authMode: z.enum(["Key", "AMLToken", "AADToken"], { error: "expected Key, AMLToken or AADToken" }).optional(),
  deployment: z
    .object({
      name: z.string().optional(),
      model: z.string({ error: "expected a registered model such as azureml:support-ranker:3" }),
      environment: z.string().optional(),
      codeUri: z.string().optional(),
      scoringScript: z.string().optional(),
      instanceType: z.string({ error: "expected a VM size such as Standard_NC24ads_A100_v4" }).optional(),
      instanceCount: z.number().optional(),
      minInstances: z.number().optional(),
      maxInstances: z.number().optional(),
      targetCpuPercent: z.number().optional(),
      maxConcurrentRequestsPerInstance: z.number().optional(),
      requestTimeoutMs: z.number().optional(),
    })
    .strict(),
  serverless: z
    .array(z.object({ name: z.string({ error: "expected the endpoint's name" }), modelId: z.string({ error: "expected a catalogue model id" }) }).strict())
    .optional(),
});

/** Serving on Azure: Azure ML online endpoints. */
export const azureServingCell: Cell<AzureServingTrackArgs> = {
  track: "serving",
  cloud: "azure",
  service: "Azure ML online endpoints",
  args(entry, ctx) {
    const s = parseSettings(settings, entry);
    const args: AzureServingTrackArgs = {
      ...azureBaseArgs(entry, ctx, s),
      deployment: strip(s.deployment),
      ...(s.authMode ? { authMode: s.authMode } : {}),
      ...(s.serverless ? { serverless: s.serverless } : {}),
    };
    resolveAzureServingArgs(args);
    return args;
  },
  create: (name, args, opts) => new AzureServingTrack(name, args, opts),
};
