// @ts-nocheck
import { describe, expect, it } from "vitest";
import { Provider } from "@pulumi/aws/provider";
import { AwsBuildTrack, DATA_LAKE_ZONES, type AwsBuildTrackArgs } from "@aitracks/components";
import { previewInline, type GraphResource, type ResourceGraph } from "@aitracks/preview";
import { REQUIRED_TAG_KEYS, standardTags } from "@aitracks/core";
import { jsonInput, ofType, one } from "../helpers/graph";

const tags = standardTags({ track: "build", owner: "foundation-models", costCenter: "cc-9001", reviewDate: "2027-05-01" });
const base: AwsBuildTrackArgs = {
  region: "us-west-2",
  instanceCount: 4,
  maxRuntimeHours: 120,
  imageTag: "2026-11-29",
  hyperparameters: { model_size: "7b" },
  labeling: { oidcGroups: ["domain-annotators"] },
  tags,
};

function build(args: Partial<AwsBuildTrackArgs> = {}): Promise<ResourceGraph> {
  return previewInline({
    program: () => {
      // An explicit provider for the track's region, as the stack program passes one.
      const region = args.region ?? base.region;
      new AwsBuildTrack("lm", { ...base, ...args }, { providers: [new Provider(`aws-${region}`, { region: region as never })] });
    },
  });
}
const attempt = (args: Partial<AwsBuildTrackArgs>) =>
  build(args).then(
    () => "no error",
    (e: Error & { registered?: number }) => `${e.message} (${e.registered})`,
  );
const named = (g: ResourceGraph, type: string, name: string): GraphResource => {
  const r = g.resources.find((x) => x.type === type && x.name === name);
  if (!r) throw new Error(`no ${type} ${name}`);
  return r;
};
const bucketName = (g: ResourceGraph, zone: string) => named(g, "aws:s3/bucket:Bucket", `lm-${zone}`).id;

describe("build on AWS (SageMaker + Trainium)", async () => {
  const graph = await build();
  const job = () => one(graph, "aws:sagemaker/trainingJob:TrainingJob").inputs as any;

  it("trains on Trainium by default, multi-node as configured, stopped at the maximum runtime", () => {
    expect(job().resourceConfig).toMatchObject({ instanceType: "ml.trn1.32xlarge", instanceCount: 4, volumeSizeInGb: 512 });
    expect(job().stoppingCondition).toEqual({ maxRuntimeInSeconds: 432_000 }); // 120 h
    expect(job().trainingJobName).toBe("lm-run-1");
    expect(job().algorithmSpecification.trainingImage).toBe("123456789012.dkr.ecr.us-west-2.amazonaws.com/lm-training:2026-11-29");
    expect(job().hyperParameters).toEqual({ model_size: "7b" });
  });

  it("isolates the job, encrypts traffic between nodes, runs it in the private VPC", () => {
    expect(job().enableNetworkIsolation).toBe(true);
    expect(job().enableInterContainerTrafficEncryption).toBe(true);
    expect(job().vpcConfig.subnets).toEqual(ofType(graph, "aws:ec2/subnet:Subnet").map((s) => s.id));
    const sg = named(graph, "aws:ec2/securityGroup:SecurityGroup", "lm-instances");
    expect(job().vpcConfig.securityGroupIds).toEqual([sg.id]);
    // Nodes reach each other on every port (collectives), nothing else but HTTPS inside the VPC and to S3.
    const selfIn = named(graph, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "lm-instances-self-in").inputs;
    expect(selfIn).toMatchObject({ ipProtocol: "-1", referencedSecurityGroupId: sg.id, securityGroupId: sg.id });
    expect(ofType(graph, "aws:ec2/internetGateway:InternetGateway")).toHaveLength(0);
  });

  it("encrypts output with the key and checkpoints to the checkpoints bucket; Trainium's NVMe is hardware-encrypted", async () => {
    expect(job().outputDataConfig.kmsKeyId).toMatch(/^arn:aws:kms:us-west-2:123456789012:key\//);
    expect(job().outputDataConfig.s3OutputPath).toBe(`s3://${bucketName(graph, "artifacts")}/models/`);
    expect(job().checkpointConfig).toEqual({ s3Uri: `s3://${bucketName(graph, "checkpoints")}/checkpoints/run-1/`, localPath: "/opt/ml/checkpoints" });
    expect(job().inputDataConfigs[0].dataSource.s3DataSource.s3Uri).toBe(`s3://${bucketName(graph, "curated")}/train/`);
    expect(job().resourceConfig.volumeKmsKeyId).toBeUndefined();
    const ebs = await build({ instanceType: "ml.m5.xlarge", instanceCount: 1, labeling: undefined });
    expect((one(ebs, "aws:sagemaker/trainingJob:TrainingJob").inputs as any).resourceConfig.volumeKmsKeyId).toMatch(/:key\//);
  });

  it("keeps a data lake of four KMS-encrypted, versioned, non-public buckets that require TLS", () => {
    expect(ofType(graph, "aws:s3/bucket:Bucket").map((b) => b.name).sort()).toEqual(DATA_LAKE_ZONES.map((z) => `lm-${z}`).sort());
    const keyUrn = one(graph, "aws:kms/key:Key").urn;
    for (const sse of ofType(graph, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration")) {
      expect((sse.inputs.rules as any[])[0].applyServerSideEncryptionByDefault.sseAlgorithm).toBe("aws:kms");
      expect(sse.dependencies).toContain(keyUrn);
    }
    expect(ofType(graph, "aws:s3/bucketVersioning:BucketVersioning").every((v) => (v.inputs.versioningConfiguration as any).status === "Enabled")).toBe(true);
    expect(ofType(graph, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock")).toHaveLength(4);
    expect(ofType(graph, "aws:s3/bucketPolicy:BucketPolicy")).toHaveLength(4);
  });

  it("keeps the training image in an immutable, scanned, KMS-encrypted repository", () => {
    const repo = one(graph, "aws:ecr/repository:Repository").inputs as any;
    expect(repo.imageTagMutability).toBe("IMMUTABLE");
    expect(repo.imageScanningConfiguration).toEqual({ scanOnPush: true });
    expect(repo.encryptionConfigurations).toEqual([{ encryptionType: "KMS", kmsKey: expect.stringMatching(/:key\//) }]);
  });

  it("scopes the execution role to the data lake zones, the repository and the key", () => {
    const statements: any[] = jsonInput(named(graph, "aws:iam/rolePolicy:RolePolicy", "lm-training-policy"), "policy").Statement;
    const sid = (s: string) => statements.find((x) => x.Sid === s);
    const [raw, curated, artifacts, checkpoints] = DATA_LAKE_ZONES.map((z) => `arn:aws:s3:::${bucketName(graph, z)}`);
    expect(sid("ListTrackBuckets").Resource).toEqual([raw, curated, artifacts, checkpoints]);
    expect(sid("WriteTrackData").Resource).toEqual([`${artifacts}/models/*`, `${checkpoints}/*`]);
    expect(sid("ReadTrackData").Resource).toEqual([`${raw}/*`, `${curated}/*`, `${artifacts}/models/*`, `${checkpoints}/*`]);
    expect(sid("PullTrackImages").Resource).toEqual(["arn:aws:ecr:us-west-2:123456789012:repository/lm-training"]);
    expect(sid("UseTrackKey").Resource).toEqual([expect.stringMatching(/^arn:aws:kms:us-west-2:123456789012:key\//)]);
    expect(sid("LogToTrackingServer").Resource).toBe("arn:aws:sagemaker:us-west-2:123456789012:mlflow-tracking-server/lm-experiments");
    for (const s of statements.filter((x) => [x.Resource].flat().includes("*"))) expect(["EcrLogin", "DescribeNetwork", "AttachToTrackVpc", "SageMakerMetrics"]).toContain(s.Sid);
  });

  it("tracks experiments in managed MLflow with artifacts in the encrypted artifacts zone", () => {
    const server = one(graph, "aws:sagemaker/mlflowTrackingServer:MlflowTrackingServer").inputs as any;
    expect(server).toMatchObject({ trackingServerName: "lm-experiments", trackingServerSize: "Small", artifactStoreUri: `s3://${bucketName(graph, "artifacts")}/mlflow/` });
    expect(job().mlflowConfig).toEqual({ mlflowResourceArn: "arn:aws:sagemaker:us-west-2:123456789012:mlflow-tracking-server/lm-experiments", mlflowExperimentName: "lm", mlflowRunName: "run-1" });
  });

  it("adds a Ground Truth work team and a labelling role that reads raw data and writes labels only", () => {
    const team = one(graph, "aws:sagemaker/workteam:Workteam").inputs as any;
    expect(team.memberDefinitions).toEqual([{ oidcMemberDefinition: { groups: ["domain-annotators"] } }]);
    const statements: any[] = jsonInput(named(graph, "aws:iam/rolePolicy:RolePolicy", "lm-labeling-policy"), "policy").Statement;
    expect(statements.find((s) => s.Sid === "WriteTrackData").Resource).toEqual([`arn:aws:s3:::${bucketName(graph, "curated")}/labels/*`]);
  });

  it("provisions the platform without a job when told, and tags everything", async () => {
    const platform = await build({ runTraining: false, labeling: undefined, experimentTracking: { enabled: false } });
    expect(ofType(platform, "aws:sagemaker/trainingJob:TrainingJob")).toHaveLength(0);
    expect(ofType(platform, "aws:sagemaker/mlflowTrackingServer:MlflowTrackingServer")).toHaveLength(0);
    expect(ofType(platform, "aws:ecr/repository:Repository")).toHaveLength(1);
    const taggable = graph.resources.filter((r) => r.custom && "tags" in r.inputs);
    expect(taggable.length).toBeGreaterThan(25);
    for (const r of taggable) for (const k of REQUIRED_TAG_KEYS) expect((r.inputs.tags as Record<string, string>)[k], `${r.name} ${k}`).toBeTruthy();
  });

  it("rejects impossible settings before registering anything, naming the field", async () => {
    expect(await attempt({ instanceType: "ml.trn1.64xlarge" })).toMatch(/^instanceType: unknown aws SKU "ml\.trn1\.64xlarge" in the price catalog; did you mean .*ml\.trn1\.32xlarge.* \(0\)$/);
    expect(await attempt({ region: "ap-northeast-1" })).toBe(
      "instanceType: ml.trn1.32xlarge is not offered in ap-northeast-1; the price catalog has it in us-east-1, us-east-2, us-west-2, eu-west-1 (0)",
    );
    expect(await attempt({ instanceType: "s3-standard" })).toMatch(/^instanceType: expected a SageMaker ML instance type such as ml\.g5\.2xlarge, got "s3-standard" \(a s3 storage\) \(0\)$/);
    expect(await attempt({ instanceCount: 0 })).toBe("instanceCount: expected at least 1 training instance, got 0 (0)");
    expect(await attempt({ imageTag: "latest" })).toMatch(/^imageTag: expected a versioned tag/);
    expect(await attempt({ labeling: { oidcGroups: ["a"], cognito: { userPool: "p", clientId: "c", userGroup: "g" } } })).toMatch(/^labeling: expected the work team's members/);
    expect(await attempt({ maxRuntimeHours: 1000 })).toBe("maxRuntimeHours: expected more than 0 and at most 672 hours (28 days), got 1000 (0)");
  });
});
