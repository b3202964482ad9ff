import { cellArgs, stackContext, type Cell } from "../cells";
import { GcpFineTuneTrack, gcpFineTuneTrackArgs, type GcpFineTuneTrackArgs } from "./fine-tune";

/** Fine-tune on GCP: Vertex AI tuning. */
export const gcpFineTuneCell: Cell<GcpFineTuneTrackArgs> = {
  track: "fine-tune",
  cloud: "gcp",
  service: "Vertex AI tuning",
  // apiEndpoint is a test override, not a stack setting.
  args: (entry, ctx) => cellArgs(gcpFineTuneTrackArgs, entry, { ...stackContext(entry, ctx), programOnly: ["apiEndpoint"] }),
  create: (name, args, opts) => new GcpFineTuneTrack(name, args, opts),
};
