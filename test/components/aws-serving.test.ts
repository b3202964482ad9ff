// @ts-nocheck
import { describe, expect, it } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import { Role } from "@pulumi/aws/iam";
import { AwsServingTrack, type AwsServingTrackArgs } from "@aitracks/components";
import { previewInline, type GraphResource, type ResourceGraph } from "@aitracks/preview";
import { REQUIRED_TAG_KEYS, standardTags } from "@aitracks/core";
import { jsonInput, ofType, one } from "../helpers/graph";

const tags = standardTags({ track: "serving", owner: "support-ml", costCenter: "cc-2210", reviewDate: "2027-05-01" });
const base: AwsServingTrackArgs = {
  region: "us-east-1",
  image: "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.31.0-lmi13.0.0-cu124",
  modelDataUrl: "s3://acme-models/support/v3/model.tar.gz",
  instanceType: "ml.g5.2xlarge",
  minInstances: 2,
  maxInstances: 6,
  targetInvocationsPerInstance: 45,
  dataCapture: { samplingPercentage: 25 },
  tags,
};

function build(args: Partial<AwsServingTrackArgs> = {}, extra?: (t: AwsServingTrack) => void): Promise<ResourceGraph> {
  return previewInline({
    program: () => {
      const t = new AwsServingTrack("support", { ...base, ...args });
      extra?.(t);
    },
  });
}
const attempt = (args: Partial<AwsServingTrackArgs>) =>
  build(args).then(
    () => "no error",
    (e: Error & { registered?: number }) => `${e.message} (${e.registered})`,
  );
const named = (g: ResourceGraph, type: string, name: string): GraphResource => {
  const r = g.resources.find((x) => x.type === type && x.name === name);
  if (!r) throw new Error(`no ${type} ${name}`);
  return r;
};
const variant = (g: ResourceGraph) => (one(g, "aws:sagemaker/endpointConfiguration:EndpointConfiguration").inputs.productionVariants as any[])[0];

describe("serving on AWS (SageMaker endpoint)", async () => {
  const graph = await build();

  it("serves the model from the catalog instance type with the initial count at the minimum", () => {
    expect(variant(graph)).toMatchObject({ variantName: "primary", instanceType: "ml.g5.2xlarge", initialInstanceCount: 2, initialVariantWeight: 1 });
    const model = one(graph, "aws:sagemaker/model:Model").inputs as any;
    expect(model.primaryContainer.image).toBe(base.image);
    expect(model.primaryContainer.modelDataUrl).toBe("s3://acme-models/support/v3/model.tar.gz");
    expect(one(graph, "aws:sagemaker/endpoint:Endpoint").inputs.name).toBe("support");
  });

  it("autoscales between min and max on invocations per instance", () => {
    const target = one(graph, "aws:appautoscaling/target:Target").inputs;
    expect(target).toMatchObject({
      minCapacity: 2,
      maxCapacity: 6,
      serviceNamespace: "sagemaker",
      scalableDimension: "sagemaker:variant:DesiredInstanceCount",
      resourceId: "endpoint/support/variant/primary",
    });
    const policy = one(graph, "aws:appautoscaling/policy:Policy").inputs as any;
    expect(policy.policyType).toBe("TargetTrackingScaling");
    expect(policy.resourceId).toBe("endpoint/support/variant/primary");
    expect(policy.targetTrackingScalingPolicyConfiguration).toEqual({
      predefinedMetricSpecification: { predefinedMetricType: "SageMakerVariantInvocationsPerInstance" },
      targetValue: 45,
      scaleInCooldown: 300,
      scaleOutCooldown: 60,
    });
  });

  it("encrypts captured traffic with the customer-managed key in a private, versioned bucket", () => {
    const capture = one(graph, "aws:sagemaker/endpointConfiguration:EndpointConfiguration").inputs.dataCaptureConfig as any;
    expect(capture.enableCapture).toBe(true);
    expect(capture.initialSamplingPercentage).toBe(25);
    expect(capture.kmsKeyId).toMatch(/^arn:aws:kms:us-east-1:123456789012:key\//);
    expect(capture.destinationS3Uri).toMatch(/^s3:\/\/support-capture-[0-9a-f]+\/capture\/$/);
    expect(capture.captureOptions).toEqual([{ captureMode: "Input" }, { captureMode: "Output" }]);
    const sse = one(graph, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration").inputs.rules as any[];
    expect(sse[0].applyServerSideEncryptionByDefault).toEqual({ sseAlgorithm: "aws:kms", kmsMasterKeyId: capture.kmsKeyId });
    const pab = one(graph, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").inputs;
    expect([pab.blockPublicAcls, pab.blockPublicPolicy, pab.ignorePublicAcls, pab.restrictPublicBuckets]).toEqual([true, true, true, true]);
    expect(one(graph, "aws:kms/key:Key").inputs.enableKeyRotation).toBe(true);
  });

  it("leaves the volume key out on local-NVMe instances (hardware-encrypted) and sets it on EBS ones", async () => {
    expect(one(graph, "aws:sagemaker/endpointConfiguration:EndpointConfiguration").inputs.kmsKeyArn).toBeUndefined();
    const ebs = await build({ instanceType: "ml.inf2.xlarge" });
    expect(one(ebs, "aws:sagemaker/endpointConfiguration:EndpointConfiguration").inputs.kmsKeyArn).toMatch(/^arn:aws:kms:us-east-1:123456789012:key\//);
    expect(variant(ebs).instanceType).toBe("ml.inf2.xlarge");
  });

  it("isolates the model in a private VPC: no internet path, instances talk to each other, S3 and the VPC's endpoints only", () => {
    const model = one(graph, "aws:sagemaker/model:Model").inputs as any;
    expect(model.enableNetworkIsolation).toBe(true);
    const subnets = ofType(graph, "aws:ec2/subnet:Subnet");
    expect(subnets.map((s) => s.inputs.cidrBlock)).toEqual(["10.42.0.0/20", "10.42.16.0/20"]);
    expect(subnets.every((s) => s.inputs.mapPublicIpOnLaunch === false)).toBe(true);
    expect(model.vpcConfig.subnets).toEqual(subnets.map((s) => s.id));
    const sg = named(graph, "aws:ec2/securityGroup:SecurityGroup", "support-instances");
    expect(model.vpcConfig.securityGroupIds).toEqual([sg.id]);
    const types = new Set(graph.resources.map((r) => r.type));
    for (const t of ["aws:ec2/internetGateway:InternetGateway", "aws:ec2/natGateway:NatGateway", "aws:ec2/eip:Eip"]) expect(types.has(t)).toBe(false);
    const egress = ofType(graph, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").filter((r) => r.inputs.securityGroupId === sg.id);
    expect(egress.map((r) => [r.inputs.ipProtocol, r.inputs.fromPort ?? null, r.inputs.cidrIpv4 ?? r.inputs.prefixListId ?? r.inputs.referencedSecurityGroupId]).sort()).toEqual(
      [
        ["-1", null, sg.id],
        ["tcp", 443, "10.42.0.0/16"],
        ["tcp", 443, expect.stringMatching(/^pl-/)],
      ].sort(),
    );
    const gateway = ofType(graph, "aws:ec2/vpcEndpoint:VpcEndpoint").find((e) => e.inputs.vpcEndpointType === "Gateway")!;
    expect(gateway.inputs.serviceName).toBe("com.amazonaws.us-east-1.s3");
    const interfaces = ofType(graph, "aws:ec2/vpcEndpoint:VpcEndpoint").filter((e) => e.inputs.vpcEndpointType === "Interface");
    expect(interfaces.map((e) => e.inputs.serviceName).sort()).toEqual(
      ["ecr.api", "ecr.dkr", "logs", "sagemaker.api", "sagemaker.runtime", "sts"].map((s) => `com.amazonaws.us-east-1.${s}`),
    );
    expect(interfaces.every((e) => e.inputs.privateDnsEnabled === true)).toBe(true);
  });

  it("lets the execution role read only the model's artifacts, use only the track's key and attach only to its VPC", () => {
    const role = named(graph, "aws:iam/role:Role", "support-execution");
    const trust = jsonInput(role, "assumeRolePolicy").Statement[0];
    expect(trust.Principal.Service).toBe("sagemaker.amazonaws.com");
    expect(trust.Condition.StringEquals["aws:SourceAccount"]).toBe("123456789012");
    const statements: any[] = jsonInput(named(graph, "aws:iam/rolePolicy:RolePolicy", "support-execution-policy"), "policy").Statement;
    const sid = (s: string) => statements.find((x) => x.Sid === s);
    expect(sid("ListTrackBuckets").Resource).toEqual(["arn:aws:s3:::acme-models"]);
    expect(sid("ReadTrackData").Resource).toEqual(["arn:aws:s3:::acme-models/support/v3/model.tar.gz*"]);
    expect(sid("WriteTrackData")).toBeUndefined();
    expect(sid("UseTrackKey").Resource).toEqual([expect.stringMatching(/^arn:aws:kms:us-east-1:123456789012:key\//)]);
    const vpc = one(graph, "aws:ec2/vpc:Vpc");
    expect(sid("AttachToTrackVpc").Condition.ArnEquals["ec2:Vpc"]).toBe(`arn:aws:ec2:us-east-1:123456789012:vpc/${vpc.id}`);
    // A "*" resource only where AWS offers no resource-level permission.
    for (const s of statements.filter((x) => [x.Resource].flat().includes("*"))) {
      expect(["DescribeNetwork", "AttachToTrackVpc", "SageMakerMetrics"]).toContain(s.Sid);
    }
    for (const s of statements) for (const a of [s.Action].flat()) expect(a).not.toMatch(/^s3:\*|^\*$/);
  });

  it("tags every taggable resource with track, owner, cost centre and review date", () => {
    const taggable = graph.resources.filter((r) => r.custom && "tags" in r.inputs);
    expect(taggable.length).toBeGreaterThan(20);
    for (const r of taggable) for (const k of REQUIRED_TAG_KEYS) expect((r.inputs.tags as Record<string, string>)[k], `${r.name} ${k}`).toBeTruthy();
  });

  it("deploys a model package (JumpStart, Model Registry) and may describe only that package", async () => {
    const pkg = "arn:aws:sagemaker:us-east-1:123456789012:model-package/support-tuned/3";
    const g = await build({ image: undefined, modelDataUrl: undefined, modelPackageArn: pkg });
    expect((one(g, "aws:sagemaker/model:Model").inputs.primaryContainer as any).modelPackageName).toBe(pkg);
    const statements: any[] = jsonInput(named(g, "aws:iam/rolePolicy:RolePolicy", "support-execution-policy"), "policy").Statement;
    expect(statements.find((s) => s.Sid === "DescribeModelPackage")).toMatchObject({ Action: "sagemaker:DescribeModelPackage", Resource: pkg });
  });

  it("deploys uncompressed weights under a prefix through modelDataSource", async () => {
    const g = await build({ modelDataUrl: "s3://acme-models/support/v3/" });
    expect((one(g, "aws:sagemaker/model:Model").inputs.primaryContainer as any).modelDataSource).toEqual({
      s3DataSources: [{ s3Uri: "s3://acme-models/support/v3/", s3DataType: "S3Prefix", compressionType: "None" }],
    });
  });

  it("joins an existing VPC without creating one", async () => {
    const g = await build({ network: { vpcId: "vpc-0a1b2c3d4e5f67890", subnetIds: ["subnet-0aaa1111", "subnet-0bbb2222"], securityGroupIds: ["sg-0ccc3333"] } });
    expect(ofType(g, "aws:ec2/vpc:Vpc")).toHaveLength(0);
    expect(ofType(g, "aws:ec2/securityGroup:SecurityGroup")).toHaveLength(0);
    expect((one(g, "aws:sagemaker/model:Model").inputs as any).vpcConfig).toEqual({ subnets: ["subnet-0aaa1111", "subnet-0bbb2222"], securityGroupIds: ["sg-0ccc3333"] });
  });

  it("runs serverless inference without instances, autoscaling, VPC or capture (SageMaker's serverless limits)", async () => {
    const g = await build({ instanceType: undefined, minInstances: undefined, maxInstances: undefined, dataCapture: undefined, serverless: { memorySizeInMb: 4096, maxConcurrency: 20, provisionedConcurrency: 2 } });
    expect(variant(g).serverlessConfig).toEqual({ memorySizeInMb: 4096, maxConcurrency: 20, provisionedConcurrency: 2 });
    expect(variant(g).instanceType).toBeUndefined();
    expect(ofType(g, "aws:appautoscaling/target:Target")).toHaveLength(0);
    expect(ofType(g, "aws:ec2/vpc:Vpc")).toHaveLength(0);
    expect(one(g, "aws:sagemaker/endpointConfiguration:EndpointConfiguration").inputs.dataCaptureConfig).toBeUndefined();
  });

  it("adds a SageMaker budget when given one, and grants invoke on this endpoint only", async () => {
    const g = await build({ monthlyBudgetUsd: 6000, alertEmails: ["ml@example.com"] }, (t) => {
      t.grantInvoke("app-invoke", new Role("app", { assumeRolePolicy: pulumi.output("{}") }));
    });
    const budget = one(g, "aws:budgets/budget:Budget").inputs as any;
    expect(budget.limitAmount).toBe("6000.00");
    expect(budget.costFilters[0]).toEqual({ name: "Service", values: ["Amazon SageMaker"] });
    const grant = jsonInput(named(g, "aws:iam/rolePolicy:RolePolicy", "app-invoke"), "policy").Statement[0];
    expect(grant.Action).toEqual(["sagemaker:InvokeEndpoint", "sagemaker:InvokeEndpointWithResponseStream"]);
    expect(grant.Resource).toBe("arn:aws:sagemaker:us-east-1:123456789012:endpoint/support");
  });

  it("rejects impossible settings before registering anything, naming the field", async () => {
    expect(await attempt({ instanceType: "ml.g5.3xlarge" })).toMatch(/^instanceType: unknown aws SKU "ml\.g5\.3xlarge" in the price catalog; did you mean .*ml\.g5\.2xlarge.* \(0\)$/);
    expect(await attempt({ instanceType: "ml.p5.48xlarge", region: "ap-southeast-2" })).toMatch(/^instanceType: ml\.p5\.48xlarge is not offered in ap-southeast-2; the price catalog has it in us-east-1, .* \(0\)$/);
    expect(await attempt({ minInstances: 0 })).toBe("minInstances: expected at least 1 instance (an instance-based endpoint cannot scale to zero), got 0 (0)");
    expect(await attempt({ minInstances: 5, maxInstances: 3 })).toBe("minInstances: expected at most maxInstances (3), got 5 (0)");
    expect(await attempt({ modelPackageArn: "arn:aws:sagemaker:us-east-1:123456789012:model-package/x/1" })).toBe(
      "modelPackageArn: expected either an inference image (with modelDataUrl) or a model package, not both or neither\nmodelDataUrl: expected no model data with a model package (the package names its artifacts) (0)",
    );
    expect(await attempt({ dataCapture: { samplingPercentage: 0 } })).toBe("dataCapture.samplingPercentage: expected a whole percentage from 1 to 100, got 0 (0)");
    expect(await attempt({ instanceType: undefined, minInstances: undefined, maxInstances: undefined, serverless: { memorySizeInMb: 4096, maxConcurrency: 5 }, network: { cidrBlock: "10.9.0.0/16" } })).toBe(
      "network: serverless endpoints cannot run in a VPC; use instances to keep the endpoint in a VPC (0)",
    );
    expect(await attempt({ network: { vpcId: "vpc-123" } })).toBe('network.vpcId: expected a VPC id such as vpc-0a1b2c3d4e5f67890, got "vpc-123" (0)');
  });
});
