import { cellArgs, stackContext, type Cell } from "../cells";
import { GcpBuildTrack, gcpBuildTrackArgs, type GcpBuildTrackArgs } from "./build";

/** Build on GCP: Vertex AI training + TPUs. */
export const gcpBuildCell: Cell<GcpBuildTrackArgs> = {
  track: "build",
  cloud: "gcp",
  service: "Vertex AI training + TPUs",
  args: (entry, ctx) => cellArgs(gcpBuildTrackArgs, entry, stackContext(entry, ctx)),
  create: (name, args, opts) => new GcpBuildTrack(name, args, opts),
};
