import { cellArgs, stackContext, type Cell } from "../cells";
import { AzureServingTrack, azureServingTrackArgs, type AzureServingTrackArgs } from "./serving";

/** Serving on Azure: Azure ML online endpoints. */
export const azureServingCell: Cell<AzureServingTrackArgs> = {
  track: "serving",
  cloud: "azure",
  service: "Azure ML online endpoints",
  args: (entry, ctx) => cellArgs(azureServingTrackArgs, entry, stackContext(entry, ctx, { budget: true })),
  create: (name, args, opts) => new AzureServingTrack(name, args, opts),
};
