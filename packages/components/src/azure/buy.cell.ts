import { cellArgs, stackContext, type Cell } from "../cells";
import { AzureBuyTrack, azureBuyTrackArgs, type AzureBuyTrackArgs } from "./buy";

/** Buy on Azure: Azure OpenAI Service. */
export const azureBuyCell: Cell<AzureBuyTrackArgs> = {
  track: "buy",
  cloud: "azure",
  service: "Azure OpenAI Service",
  args: (entry, ctx) => cellArgs(azureBuyTrackArgs, entry, stackContext(entry, ctx, { budget: true })),
  create: (name, args, opts) => new AzureBuyTrack(name, args, opts),
};
