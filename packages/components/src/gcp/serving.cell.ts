import { cellArgs, stackContext, type Cell } from "../cells";
import { GcpServingTrack, gcpServingTrackArgs, type GcpServingTrackArgs } from "./serving";

/** Serving on GCP: Vertex AI endpoints. */
export const gcpServingCell: Cell<GcpServingTrackArgs> = {
  track: "serving",
  cloud: "gcp",
  service: "Vertex AI endpoints",
  // apiEndpoint is a test override, not a stack setting.
  args: (entry, ctx) => cellArgs(gcpServingTrackArgs, entry, { ...stackContext(entry, ctx), programOnly: ["apiEndpoint"] }),
  create: (name, args, opts) => new GcpServingTrack(name, args, opts),
};
