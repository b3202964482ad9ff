/**
 * SageMaker Model Monitor and Clarify job definitions (the evaluation track on AWS): the data-quality
 * job (`aws` provider) and Clarify's model-quality, bias and explainability jobs, which only
 * aws-native (Cloud Control) has. They read captured requests and ground truth and write reports,
 * so they run network-isolated in a VPC and encrypt their outputs and volumes with the track's key.
 */
import type { ReportViolation } from "@pulumi/policy";
import { on, validateTypes } from "../../lib/checks";
import { hasLocalNvme } from "../../lib/instances";
import { aws, awsNative } from "../../lib/sdk";
import type { AitracksPolicy } from "../../lib/types";
import { asArray, isSet, type Json } from "../../lib/values";

const {
  DataQualityJobDefinition: NativeDataQualityJobDefinition,
  ModelBiasJobDefinition,
  ModelExplainabilityJobDefinition,
  ModelQualityJobDefinition,
} = awsNative.sagemaker;
const { DataQualityJobDefinition } = aws.sagemaker;

/** What every monitoring job definition has, whichever provider and monitoring type. */
interface MonitoringJob {
  readonly jobResources?: { readonly clusterConfig?: { readonly instanceType?: string; readonly volumeKmsKeyId?: string } };
  readonly networkConfig?: { readonly enableNetworkIsolation?: boolean; readonly enableInterContainerTrafficEncryption?: boolean; readonly vpcConfig?: { readonly subnets?: readonly string[] } };
}

const shown = (v: unknown) => (v === undefined || v === null ? "not set (off)" : JSON.stringify(v));

function isolated(job: MonitoringJob, report: ReportViolation): void {
  const net = job.networkConfig;
  if (net?.enableNetworkIsolation !== true) report(`networkConfig.enableNetworkIsolation is ${shown(net?.enableNetworkIsolation)}; expected true`);
  if (!asArray(net?.vpcConfig?.subnets as Json).length) report("networkConfig.vpcConfig has no subnets; the job would run outside your VPC");
}

function encrypted(job: MonitoringJob, outputConfig: string, output: { readonly kmsKeyId?: string } | undefined, report: ReportViolation): void {
  if (!isSet(output?.kmsKeyId)) report(`${outputConfig}.kmsKeyId is not set; the monitoring reports would use an AWS-managed key`);
  const cluster = job.jobResources?.clusterConfig;
  const type = cluster?.instanceType;
  if (typeof type === "string" && !hasLocalNvme(type) && !isSet(cluster?.volumeKmsKeyId)) {
    report(`jobResources.clusterConfig.volumeKmsKeyId is not set; the ${type} processing volume would not be encrypted with your key`);
  }
}

export const sagemakerMonitoringIsolation: AitracksPolicy = {
  name: "aws-sagemaker-monitoring-job-network-isolation",
  description:
    "SageMaker Model Monitor and Clarify job definitions (data quality, model quality, bias, explainability) run with network isolation inside a VPC, so the analysis containers cannot send captured data out.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps:
    "Set networkConfig {enableNetworkIsolation: true, vpcConfig {subnets, securityGroupIds}} on the job definition; reach S3 and the endpoint through VPC endpoints.",
  tags: ["aws", "network"],
  validateResource: validateTypes(
    on(DataQualityJobDefinition, (j, _a, report) => isolated(j as MonitoringJob, report)),
    on(NativeDataQualityJobDefinition, (j, _a, report) => isolated(j as MonitoringJob, report)),
    on(ModelQualityJobDefinition, (j, _a, report) => isolated(j as MonitoringJob, report)),
    on(ModelBiasJobDefinition, (j, _a, report) => isolated(j as MonitoringJob, report)),
    on(ModelExplainabilityJobDefinition, (j, _a, report) => isolated(j as MonitoringJob, report)),
  ),
};

export const sagemakerMonitoringKms: AitracksPolicy = {
  name: "aws-sagemaker-monitoring-job-kms",
  description:
    "SageMaker Model Monitor and Clarify job definitions encrypt their reports and their EBS processing volumes with a customer-managed KMS key (local NVMe instance storage is hardware-encrypted and takes no key).",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps:
    "Set kmsKeyId on the job's output config (dataQualityJobOutputConfig, modelQualityJobOutputConfig, modelBiasJobOutputConfig or modelExplainabilityJobOutputConfig), and jobResources.clusterConfig.volumeKmsKeyId for EBS-backed instance types, to the track's customer-managed key.",
  tags: ["aws", "encryption"],
  validateResource: validateTypes(
    on(DataQualityJobDefinition, (j, _a, report) => encrypted(j as MonitoringJob, "dataQualityJobOutputConfig", j.dataQualityJobOutputConfig, report)),
    on(NativeDataQualityJobDefinition, (j, _a, report) => encrypted(j as MonitoringJob, "dataQualityJobOutputConfig", j.dataQualityJobOutputConfig, report)),
    on(ModelQualityJobDefinition, (j, _a, report) => encrypted(j as MonitoringJob, "modelQualityJobOutputConfig", j.modelQualityJobOutputConfig, report)),
    on(ModelBiasJobDefinition, (j, _a, report) => encrypted(j as MonitoringJob, "modelBiasJobOutputConfig", j.modelBiasJobOutputConfig, report)),
    on(ModelExplainabilityJobDefinition, (j, _a, report) =>
      encrypted(j as MonitoringJob, "modelExplainabilityJobOutputConfig", j.modelExplainabilityJobOutputConfig, report),
    ),
  ),
};

function interContainer(job: MonitoringJob, report: ReportViolation): void {
  const v = job.networkConfig?.enableInterContainerTrafficEncryption;
  if (v !== true) report(`networkConfig.enableInterContainerTrafficEncryption is ${shown(v)}; expected true`);
}

export const sagemakerMonitoringInterContainer: AitracksPolicy = {
  name: "aws-sagemaker-monitoring-job-inter-container-encryption",
  description: "SageMaker Model Monitor and Clarify job definitions encrypt the traffic between their processing instances (captured requests and ground truth cross it).",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps: "Set networkConfig.enableInterContainerTrafficEncryption: true on the job definition.",
  tags: ["aws", "encryption"],
  validateResource: validateTypes(
    on(DataQualityJobDefinition, (j, _a, report) => interContainer(j as MonitoringJob, report)),
    on(NativeDataQualityJobDefinition, (j, _a, report) => interContainer(j as MonitoringJob, report)),
    on(ModelQualityJobDefinition, (j, _a, report) => interContainer(j as MonitoringJob, report)),
    on(ModelBiasJobDefinition, (j, _a, report) => interContainer(j as MonitoringJob, report)),
    on(ModelExplainabilityJobDefinition, (j, _a, report) => interContainer(j as MonitoringJob, report)),
  ),
};

export const sagemakerMonitoringPolicies: AitracksPolicy[] = [sagemakerMonitoringIsolation, sagemakerMonitoringKms, sagemakerMonitoringInterContainer];
