import { cellArgs, stackContext, type Cell } from "../cells";
import { AwsFineTuneTrack, awsFineTuneTrackArgs, type AwsFineTuneTrackArgs } from "./fine-tune";
import { invocationLoggingOf } from "./shared/invocation-logging-owner";

/** Fine-tune on AWS: Bedrock model customisation or SageMaker JumpStart, evaluated against the base model. */
export const awsFineTuneCell: Cell<AwsFineTuneTrackArgs> = {
  track: "fine-tune",
  cloud: "aws",
  service: "SageMaker JumpStart / Bedrock customisation",
  args(entry, ctx) {
    // Bedrock's invocation logging is one per account and region: one track of the stack creates it.
    const own = entry.method === "bedrock" ? { ...entry, invocationLogging: invocationLoggingOf(entry, ctx.spec) } : entry;
    const context = stackContext(own, ctx, { budget: true });
    // The stack's workload may state the count once for the TCO model and the track alike.
    const fromWorkload = ctx.spec.workload?.fineTune?.labeledExamples;
    const fallbacks = { ...context.fallbacks, ...(typeof fromWorkload === "number" ? { labeledExamples: fromWorkload } : {}) };
    return cellArgs(awsFineTuneTrackArgs, own, { ...context, fallbacks });
  },
  create: (name, args, opts) => new AwsFineTuneTrack(name, args, opts),
};
