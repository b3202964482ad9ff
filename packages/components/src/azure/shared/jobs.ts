import type * as pulumi from "@pulumi/pulumi";
import type { CodeVersion } from "@pulumi/azure-native/machinelearningservices";
import type * as inputs from "@pulumi/azure-native/types/input";
import type { AzureFoundation } from "./foundation";

type CommandJobArgs = inputs.machinelearningservices.CommandJobArgs;

/** What differs between the tracks' Azure ML command jobs. */
export interface CommandJobSpec {
  readonly displayName: string;
  readonly experimentName: string;
  readonly command: string;
  readonly environmentId: string;
  readonly computeId: pulumi.Input<string>;
  /** The code asset the command runs from. @default none (the environment holds the code) */
  readonly code?: CodeVersion | undefined;
  readonly inputs: CommandJobArgs["inputs"];
  readonly outputs: CommandJobArgs["outputs"];
  /** Distributed training: the framework and processes per node. @default none */
  readonly distribution?: CommandJobArgs["distribution"];
  /** How many nodes. @default none (one) */
  readonly resources?: CommandJobArgs["resources"];
  /** The job's time limit, an ISO 8601 duration such as PT4H. */
  readonly timeout: string;
}

/**
 * An Azure ML command job as the tracks define it (a Job's `properties`, or a Schedule's
 * `jobDefinition`): it runs as the track's identity, within its time limit, with the track's tags.
 */
export function commandJob(f: AzureFoundation, spec: CommandJobSpec): CommandJobArgs {
  return {
    jobType: "Command",
    displayName: spec.displayName,
    experimentName: spec.experimentName,
    command: spec.command,
    environmentId: spec.environmentId,
    computeId: spec.computeId,
    ...(spec.code ? { codeId: spec.code.id } : {}),
    identity: { identityType: "Managed", resourceId: f.identity.id },
    inputs: spec.inputs,
    outputs: spec.outputs,
    ...(spec.distribution ? { distribution: spec.distribution } : {}),
    ...(spec.resources ? { resources: spec.resources } : {}),
    limits: { jobLimitsType: "Command", timeout: spec.timeout },
    tags: f.tags,
  };
}
