import { z } from "zod";
import { parseSettings, type Cell } from "../cells";
import { AzureBuildTrack, resolveAzureBuildArgs, type AzureBuildTrackArgs } from "./build";
import { azureBaseArgs, azureBaseSettings, strip } from "./shared/cell";

const settings = z.object({
  ...azureBaseSettings,
  cluster: z
    .object({
      vmSize: z.string({ error: "expected an ND-series VM size such as Standard_ND96amsr_A100_v4" }).optional(),
      minNodes: z.number({ error: "expected a number of nodes" }).optional(),
      maxNodes: z.number({ error: "expected a number of nodes" }).optional(),
      priority: z.enum(["Dedicated", "LowPriority"], { error: "expected Dedicated or LowPriority" }).optional(),
      idleMinutes: z.number().optional(),
    })
    .strict()
    .optional(),
  corpus: z
    .array(
      z
        .object({
          name: z.string({ error: "expected the data asset's name" }),
          uri: z.string({ error: "expected where the corpus is (a datastore folder or a blob URL)" }),
          version: z.union([z.string(), z.number()]).transform(String).optional(),
          type: z.enum(["uri_folder", "uri_file"], { error: "expected uri_folder or uri_file" }).optional(),
        })
        .strict(),
      { error: "expected a list of corpus data assets" },
    )
    .min(1, { error: "expected at least one corpus data asset" }),
  training: z
    .object({
      command: z.string().optional(),
      codeUri: z.string().optional(),
      environment: z.string().optional(),
      instanceCount: z.number().optional(),
      processesPerNode: z.number().optional(),
      timeoutHours: z.number().optional(),
      submit: z.boolean().optional(),
      experimentName: z.string().optional(),
    })
    .strict()
    .optional(),
});

/** Build on Azure: Azure ML + ND GPUs. */
export const azureBuildCell: Cell<AzureBuildTrackArgs> = {
  track: "build",
  cloud: "azure",
  service: "Azure ML + ND GPUs",
  args(entry, ctx) {
    const s = parseSettings(settings, entry);
    const args: AzureBuildTrackArgs = {
      ...azureBaseArgs(entry, ctx, s),
      corpus: s.corpus.map(strip),
      ...(s.cluster ? { cluster: strip(s.cluster) } : {}),
      ...(s.training ? { training: strip(s.training) } : {}),
    };
    resolveAzureBuildArgs(args);
    return args;
  },
  create: (name, args, opts) => new AzureBuildTrack(name, args, opts),
};
