/**
 * Amazon SageMaker: notebooks, training jobs, models and endpoint configurations (the build,
 * fine-tune and serving tracks on AWS). What Checkov, KICS and AWS Security Hub check, and the
 * network isolation and encryption the secure-by-default components set.
 */
import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { on, validateKnown, validateTypes } from "../../lib/checks";
import { environment } from "../../lib/facts";
import { hasLocalNvme } from "../../lib/instances";
import { aws, awsNative } from "../../lib/sdk";
import type { AitracksPolicy } from "../../lib/types";
import { Undecided } from "../../lib/unknown";
import { asArray, equalsIgnoreCase, isSet, type Json } from "../../lib/values";
import { bucketEncryption, bucketsInStack } from "./s3";

const { Domain, EndpointConfiguration, FeatureGroup, FlowDefinition, Model, NotebookInstance, TrainingJob } = aws.sagemaker;
const { FeatureGroup: NativeFeatureGroup } = awsNative.sagemaker;

const shown = (v: unknown, unsetMeaning: string) => (v === undefined || v === null ? `not set (${unsetMeaning})` : JSON.stringify(v));

export const sagemakerNotebookNoDirectInternet: AitracksPolicy = {
  name: "aws-sagemaker-notebook-no-direct-internet",
  description: "SageMaker notebook instances have no direct internet access; they reach the network through a VPC subnet.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: 'Set directInternetAccess: "Disabled" and a subnetId (with securityGroups) on the notebook instance; give it egress through a NAT gateway or VPC endpoints you control.',
  tags: ["aws", "network"],
  validateResource: validateKnown(NotebookInstance, (nb, _args, report) => {
    if (!equalsIgnoreCase(nb.directInternetAccess, "Disabled")) {
      report(`directInternetAccess is ${shown(nb.directInternetAccess, "SageMaker enables it")}; expected "Disabled"`);
    } else if (!isSet(nb.subnetId)) {
      report('directInternetAccess is "Disabled" but no subnetId is set; the notebook needs a VPC subnet');
    }
  }),
};

export const sagemakerNotebookNoRootAccess: AitracksPolicy = {
  name: "aws-sagemaker-notebook-no-root-access",
  description: "SageMaker notebook instance users do not get root access.",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps: 'Set rootAccess: "Disabled" on the notebook instance; install packages through a lifecycle configuration instead.',
  tags: ["aws", "identity"],
  validateResource: validateKnown(NotebookInstance, (nb, _args, report) => {
    if (!equalsIgnoreCase(nb.rootAccess, "Disabled")) report(`rootAccess is ${shown(nb.rootAccess, "SageMaker enables it")}; expected "Disabled"`);
  }),
};

export const sagemakerNotebookKms: AitracksPolicy = {
  name: "aws-sagemaker-notebook-kms",
  description: "SageMaker notebook instance storage is encrypted with a customer-managed KMS key.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Set kmsKeyId on the notebook instance to the track's customer-managed key.",
  tags: ["aws", "encryption"],
  validateResource: validateKnown(NotebookInstance, (nb, _args, report) => {
    if (!isSet(nb.kmsKeyId)) report("kmsKeyId is not set; the ML storage volume would use an AWS-managed key");
  }),
};

export const sagemakerNotebookImdsv2: AitracksPolicy = {
  name: "aws-sagemaker-notebook-imdsv2",
  description: "SageMaker notebook instances accept only IMDSv2 (session-token) requests to the instance metadata service, so a request forged through the notebook cannot read the role's credentials.",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps: 'Set instanceMetadataServiceConfiguration: { minimumInstanceMetadataServiceVersion: "2" } on the notebook instance.',
  tags: ["aws", "identity"],
  validateResource: validateKnown(NotebookInstance, (nb, _args, report) => {
    const v = nb.instanceMetadataServiceConfiguration?.minimumInstanceMetadataServiceVersion;
    if (String(v ?? "") !== "2") report(`instanceMetadataServiceConfiguration.minimumInstanceMetadataServiceVersion is ${shown(v, "IMDSv1 allowed")}; expected "2"`);
  }),
};

/** Instance types of the variants that keep their storage on EBS (and so take a KMS key). */
function ebsVariants(variants: readonly unknown[]): string[] {
  return variants
    .map((v) => (v as { instanceType?: unknown; serverlessConfig?: unknown } | undefined)?.instanceType)
    .filter((t): t is string => typeof t === "string" && !hasLocalNvme(t));
}

export const sagemakerEndpointConfigKms: AitracksPolicy = {
  name: "aws-sagemaker-endpoint-config-kms",
  description:
    "SageMaker endpoint configurations encrypt EBS-backed instance storage, captured data and async outputs with a customer-managed KMS key (local NVMe instance storage is hardware-encrypted and takes no key; serverless variants have none).",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Set kmsKeyArn on the endpoint configuration, and kmsKeyId on dataCaptureConfig and asyncInferenceConfig.outputConfig when they are used.",
  tags: ["aws", "encryption"],
  validateResource: validateKnown(EndpointConfiguration, (ec, _args, report) => {
    const ebs = ebsVariants([...asArray(ec.productionVariants as Json), ...asArray(ec.shadowProductionVariants as Json)]);
    if (ebs.length && !isSet(ec.kmsKeyArn)) report(`kmsKeyArn is not set; the EBS storage volumes of ${[...new Set(ebs)].join(", ")} would not be encrypted with your key`);
    const capture = ec.dataCaptureConfig;
    if (capture && capture.enableCapture !== false && !isSet(capture.kmsKeyId)) report("dataCaptureConfig captures requests and responses but sets no kmsKeyId");
    const output = ec.asyncInferenceConfig?.outputConfig;
    if (output && !isSet(output.kmsKeyId)) report("asyncInferenceConfig.outputConfig sets no kmsKeyId for the async results");
  }),
};

/** Environments where an endpoint serves production traffic (the stack's `aitracks:environment`, else the resource's `environment` tag, else the stack tag). */
const PRODUCTION = ["production", "prod"];

export const sagemakerEndpointConfigProdInstanceCount: AitracksPolicy = {
  name: "aws-sagemaker-endpoint-config-prod-instance-count",
  description:
    "SageMaker endpoint configurations of a production stack start each instance-based production variant on at least two instances, which SageMaker spreads over Availability Zones, so one instance or zone failing does not take the endpoint down (serverless variants have no instances; a stack whose environment is not production is not judged).",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps: "Set initialInstanceCount: 2 or more on each instance-based production variant (aitracks serving components: minInstances: 2), or declare the stack's environment (aitracks:environment) when it is not production.",
  tags: ["aws", "availability"],
  validateResource: validateKnown(EndpointConfiguration, (ec, args, report) => {
    const env = environment([args], args.stackTags);
    if (env && !PRODUCTION.includes(env.value.toLowerCase())) return args.notApplicable(`the environment is ${JSON.stringify(env.value)} (${env.source}), not production`);
    for (const v of asArray(ec.productionVariants as Json) as { variantName?: unknown; initialInstanceCount?: unknown; serverlessConfig?: unknown }[]) {
      if (v?.serverlessConfig) continue;
      const n = v?.initialInstanceCount;
      if (typeof n !== "number" || n < 2) {
        report(`production variant ${JSON.stringify(v?.variantName ?? "(unnamed)")} has initialInstanceCount ${n === undefined || n === null ? "not set" : JSON.stringify(n)}; expected 2 or more, in more than one Availability Zone`);
      }
    }
  }),
};

export const sagemakerTrainingJobKms: AitracksPolicy = {
  name: "aws-sagemaker-training-job-kms",
  description:
    "SageMaker training jobs encrypt their output (model artifacts) and their EBS training volumes with a customer-managed KMS key (local NVMe instance storage is hardware-encrypted; serverless jobs have no volumes).",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Set outputDataConfig.kmsKeyId, and resourceConfig.volumeKmsKeyId for EBS-backed instance types, on the training job to the track's customer-managed key.",
  tags: ["aws", "encryption"],
  validateResource: validateKnown(TrainingJob, (job, _args, report) => {
    if (!isSet(job.outputDataConfig?.kmsKeyId)) report("outputDataConfig.kmsKeyId is not set; model artifacts would use an AWS-managed key");
    const rc = job.resourceConfig;
    const types = [rc?.instanceType, ...asArray(rc?.instanceGroups as Json).map((g) => (g as { instanceType?: unknown }).instanceType)].filter((t): t is string => typeof t === "string");
    const ebs = types.filter((t) => !hasLocalNvme(t));
    if (rc && (ebs.length || !types.length) && !isSet(rc.volumeKmsKeyId)) {
      report(`resourceConfig.volumeKmsKeyId is not set; the training volumes${ebs.length ? ` of ${[...new Set(ebs)].join(", ")}` : ""} would not be encrypted with your key`);
    }
  }),
};

export const sagemakerTrainingJobIsolation: AitracksPolicy = {
  name: "aws-sagemaker-training-job-network-isolation",
  description: "SageMaker training jobs run with network isolation inside a VPC, so training code cannot send data out.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Set enableNetworkIsolation: true and vpcConfig {subnets, securityGroupIds} on the training job; read data through S3 VPC endpoints.",
  tags: ["aws", "network"],
  validateResource: validateKnown(TrainingJob, (job, _args, report) => {
    if (job.enableNetworkIsolation !== true) report(`enableNetworkIsolation is ${shown(job.enableNetworkIsolation, "off")}; expected true`);
    if (!asArray(job.vpcConfig?.subnets).length) report("vpcConfig.subnets is empty; the job would run outside your VPC");
  }),
};

export const sagemakerTrainingJobInterContainer: AitracksPolicy = {
  name: "aws-sagemaker-training-job-inter-container-encryption",
  description: "SageMaker training jobs encrypt the traffic between their instances (distributed training).",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps: "Set enableInterContainerTrafficEncryption: true on the training job.",
  tags: ["aws", "encryption"],
  validateResource: validateKnown(TrainingJob, (job, _args, report) => {
    if (job.enableInterContainerTrafficEncryption !== true) {
      report(`enableInterContainerTrafficEncryption is ${shown(job.enableInterContainerTrafficEncryption, "off")}; expected true`);
    }
  }),
};

export const sagemakerModelIsolation: AitracksPolicy = {
  name: "aws-sagemaker-model-network-isolation",
  description: "SageMaker models run with network isolation: the inference containers make no outbound network calls.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Set enableNetworkIsolation: true on the model (SageMaker still loads the artifacts from S3 for the container).",
  tags: ["aws", "network"],
  validateResource: validateKnown(Model, (model, _args, report) => {
    if (model.enableNetworkIsolation !== true) report(`enableNetworkIsolation is ${shown(model.enableNetworkIsolation, "off")}; expected true`);
  }),
};

export const sagemakerModelInVpc: AitracksPolicy = {
  name: "aws-sagemaker-model-in-vpc",
  description: "SageMaker models run in your VPC (vpcConfig with subnets), so their traffic, artifact downloads included, goes through your network controls.",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps: "Set vpcConfig {subnets, securityGroupIds} on the model, with private subnets and VPC endpoints for S3 and ECR.",
  tags: ["aws", "network"],
  validateResource: validateKnown(Model, (model, _args, report) => {
    if (!asArray(model.vpcConfig?.subnets).length) report("vpcConfig.subnets is empty; the model containers would run outside your VPC");
  }),
};

/** S3 URIs a SageMaker model loads its artifacts from. */
function modelDataUris(props: Record<string, Json>): string[] {
  const containers = [props.primaryContainer, ...asArray(props.containers)];
  const uris: string[] = [];
  for (const c of containers) {
    if (!c || typeof c !== "object") continue;
    const o = c as Record<string, Json>;
    if (typeof o.modelDataUrl === "string") uris.push(o.modelDataUrl);
    for (const src of asArray((o.modelDataSource as Record<string, Json> | undefined)?.s3DataSources)) {
      const uri = (src as Record<string, Json>)?.s3Uri;
      if (typeof uri === "string") uris.push(uri);
    }
  }
  return uris;
}

export const sagemakerModelArtifactsCmk: StackValidationPolicy & AitracksPolicy = {
  name: "aws-sagemaker-model-artifacts-cmk",
  description: "The S3 buckets a SageMaker model loads its artifacts from are encrypted with a customer-managed KMS key.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Keep model artifacts in a bucket of the stack with SSE-KMS and the track's customer-managed key (the components' secureBucket does this).",
  tags: ["aws", "encryption"],
  validateStack: (args, report) => {
    const models = args.resources.filter((r) => r.isType(Model));
    if (!models.length) return args.notApplicable("no SageMaker models in the stack");
    const buckets = bucketsInStack(args.resources);
    const undecided = new Undecided();
    for (const model of models) {
      undecided.check(model.urn, () => {
        const linked = new Set<PolicyResource>(
          [...(model.propertyDependencies.primaryContainer ?? []), ...(model.propertyDependencies.containers ?? [])].filter((r) => buckets.has(r)),
        );
        for (const uri of modelDataUris(model.props)) {
          const name = /^s3:\/\/([^/]+)/.exec(uri)?.[1];
          const byName = [...buckets.keys()].find((b) => b.props.bucket === name);
          if (byName) linked.add(byName);
          else if (!linked.size) undecided.outside(`${model.urn}: artifacts in ${uri}, a bucket outside this stack whose encryption it cannot see`);
        }
        for (const bucket of linked) {
          const enc = bucketEncryption(bucket, buckets.get(bucket)!);
          if (!enc.cmk) report(`model artifacts are in bucket ${bucket.name}, which is ${enc.describe}`, model.urn);
        }
      });
    }
    undecided.finish(args);
  },
};

export const sagemakerDomainVpcOnly: AitracksPolicy = {
  name: "aws-sagemaker-domain-vpc-only",
  description: "SageMaker domains (Studio) send all app traffic through your VPC (appNetworkAccessType VpcOnly), not through SageMaker's internet-facing network.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps:
    'Set appNetworkAccessType: "VpcOnly" on the domain, with private subnetIds and security groups in defaultUserSettings; add VPC endpoints (SageMaker API and runtime, S3, STS, ECR) or a NAT gateway for the traffic Studio needs.',
  tags: ["aws", "network"],
  validateResource: validateKnown(Domain, (d, _args, report) => {
    if (d.appNetworkAccessType !== "VpcOnly") report(`appNetworkAccessType is ${shown(d.appNetworkAccessType, "PublicInternetOnly")}; expected "VpcOnly"`);
  }),
};

export const sagemakerDomainKms: AitracksPolicy = {
  name: "aws-sagemaker-domain-kms",
  description: "SageMaker domains (Studio) encrypt their home EFS volume and shared storage with a customer-managed KMS key.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Set kmsKeyId on the domain to the track's customer-managed key (it can only be set when the domain is created).",
  tags: ["aws", "encryption"],
  validateResource: validateKnown(Domain, (d, _args, report) => {
    if (!isSet(d.kmsKeyId)) report("kmsKeyId is not set; the domain's EFS volume would use an AWS-managed key");
  }),
};

export const sagemakerFlowDefinitionKms: AitracksPolicy = {
  name: "aws-sagemaker-flow-definition-kms",
  description: "SageMaker Augmented AI (A2I) human-review flow definitions encrypt the review results they write to S3 with a customer-managed KMS key.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Set outputConfig.kmsKeyId on the flow definition to the track's customer-managed key.",
  tags: ["aws", "encryption"],
  validateResource: validateKnown(FlowDefinition, (fd, _args, report) => {
    if (!isSet(fd.outputConfig?.kmsKeyId)) report("outputConfig.kmsKeyId is not set; the human-review results would use an AWS-managed key");
  }),
};

interface FeatureStores {
  readonly onlineStoreConfig?: { readonly enableOnlineStore?: boolean; readonly storageType?: string; readonly securityConfig?: { readonly kmsKeyId?: string } };
  readonly offlineStoreConfig?: { readonly s3StorageConfig?: { readonly kmsKeyId?: string } };
}

function featureStoresCmk(fg: FeatureStores, report: (m: string) => void): void {
  const online = fg.onlineStoreConfig;
  // An InMemory online store (ElastiCache) takes no KMS key; only Standard storage is judged, as AWS Config does.
  if (online && online.enableOnlineStore !== false && !equalsIgnoreCase(online.storageType, "InMemory") && !isSet(online.securityConfig?.kmsKeyId)) {
    report("onlineStoreConfig.securityConfig.kmsKeyId is not set; the online store would use an AWS-owned key");
  }
  const offline = fg.offlineStoreConfig;
  if (offline && !isSet(offline.s3StorageConfig?.kmsKeyId)) report("offlineStoreConfig.s3StorageConfig.kmsKeyId is not set; the offline store's S3 objects would not be encrypted with your key");
}

export const sagemakerFeatureGroupKms: AitracksPolicy = {
  name: "aws-sagemaker-feature-group-kms",
  description:
    "SageMaker Feature Store feature groups encrypt their online store (Standard storage) and their offline store's S3 objects with a customer-managed KMS key (an InMemory online store takes no key).",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Set onlineStoreConfig.securityConfig.kmsKeyId and offlineStoreConfig.s3StorageConfig.kmsKeyId on the feature group to the track's customer-managed key.",
  tags: ["aws", "encryption"],
  validateResource: validateTypes(
    on(FeatureGroup, (fg, _a, report) => featureStoresCmk(fg as FeatureStores, report)),
    on(NativeFeatureGroup, (fg, _a, report) => featureStoresCmk(fg as FeatureStores, report)),
  ),
};

export const sagemakerPolicies: AitracksPolicy[] = [
  sagemakerNotebookNoDirectInternet,
  sagemakerNotebookNoRootAccess,
  sagemakerNotebookKms,
  sagemakerNotebookImdsv2,
  sagemakerEndpointConfigKms,
  sagemakerEndpointConfigProdInstanceCount,
  sagemakerTrainingJobKms,
  sagemakerTrainingJobIsolation,
  sagemakerTrainingJobInterContainer,
  sagemakerModelIsolation,
  sagemakerModelInVpc,
  sagemakerModelArtifactsCmk,
  sagemakerDomainVpcOnly,
  sagemakerDomainKms,
  sagemakerFlowDefinitionKms,
  sagemakerFeatureGroupKms,
];
