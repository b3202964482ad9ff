import { cellArgs, stackContext, type Cell } from "../cells";
import { AzureBuildTrack, azureBuildTrackArgs, type AzureBuildTrackArgs } from "./build";

/** Build on Azure: Azure ML + ND GPUs. */
export const azureBuildCell: Cell<AzureBuildTrackArgs> = {
  track: "build",
  cloud: "azure",
  service: "Azure ML + ND GPUs",
  args: (entry, ctx) => cellArgs(azureBuildTrackArgs, entry, stackContext(entry, ctx, { budget: true })),
  create: (name, args, opts) => new AzureBuildTrack(name, args, opts),
};
