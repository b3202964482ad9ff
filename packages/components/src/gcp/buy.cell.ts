import { cellArgs, stackContext, type Cell } from "../cells";
import { GcpBuyTrack, gcpBuyTrackArgs, type GcpBuyTrackArgs } from "./buy";

/** Buy on GCP: Vertex AI Model Garden. */
export const gcpBuyCell: Cell<GcpBuyTrackArgs> = {
  track: "buy",
  cloud: "gcp",
  service: "Vertex AI Model Garden",
  // apiEndpoint is a test override, not a stack setting.
  args: (entry, ctx) => cellArgs(gcpBuyTrackArgs, entry, { ...stackContext(entry, ctx, { budget: true }), programOnly: ["apiEndpoint"] }),
  create: (name, args, opts) => new GcpBuyTrack(name, args, opts),
};
