import { cellArgs, stackContext, type Cell } from "../cells";
import { AwsBuyTrack, awsBuyTrackArgs, type AwsBuyTrackArgs } from "./buy";
import { invocationLoggingOf } from "./shared/invocation-logging-owner";

/** Buy on AWS: Amazon Bedrock. */
export const awsBuyCell: Cell<AwsBuyTrackArgs> = {
  track: "buy",
  cloud: "aws",
  service: "Amazon Bedrock",
  args: (entry, ctx) =>
    // Bedrock's invocation logging is one per account and region: one track of the stack creates it.
    cellArgs(awsBuyTrackArgs, { ...entry, invocationLogging: invocationLoggingOf(entry, ctx.spec) }, stackContext(entry, ctx, { budget: true })),
  create: (name, args, opts) => new AwsBuyTrack(name, args, opts),
};
