import { trackName } from "@aitracks/core";
import { cellArgs, stackContext, type Cell } from "../cells";
import { AzureFineTuneTrack, azureFineTuneTrackArgs, type AzureFineTuneTrackArgs } from "./fine-tune";

/** Fine-tune on Azure: Azure OpenAI fine-tuning. */
export const azureFineTuneCell: Cell<AzureFineTuneTrackArgs> = {
  track: "fine-tune",
  cloud: "azure",
  service: "Azure OpenAI fine-tuning",
  args: (entry, ctx) => cellArgs(azureFineTuneTrackArgs(trackName(entry)), entry, stackContext(entry, ctx, { budget: true })),
  create: (name, args, opts) => new AzureFineTuneTrack(name, args, opts),
};
