// @ts-nocheck
// Bedrock model invocation logging: the shared helper behind the buy track and the Bedrock
// fine-tune track, and the once-per-(stack, region) rule for Bedrock's one configuration per
// account and region.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { AwsFineTuneTrack, type AwsFineTuneTrackArgs } from "@aitracks/components";
import { previewInline, previewProgram, type GraphResource, type ResourceGraph } from "@aitracks/preview";
import { standardTags } from "@aitracks/core";
import { aitracks, ROOT } from "../helpers/cli";
import { jsonInput, ofType, one } from "../helpers/graph";

const LOGGING = "aws:bedrockmodel/invocationLoggingConfiguration:InvocationLoggingConfiguration";
const tags = standardTags({ track: "fine-tune", owner: "support-ml", costCenter: "cc-2210", reviewDate: "2027-05-01" });
const bedrock: AwsFineTuneTrackArgs = {
  region: "us-east-1",
  method: "bedrock",
  labeledExamples: 5000,
  baseModel: "amazon.nova-lite-v1:0:300k",
  trainingDataUri: "s3://acme-data/support/train.jsonl",
  evaluation: { dataset: { name: "support-holdout", s3Uri: "s3://acme-data/support/holdout.jsonl" } },
  tags,
};
const jumpstart: AwsFineTuneTrackArgs = {
  region: "us-east-1",
  method: "jumpstart",
  labeledExamples: 12000,
  baseModel: "meta-textgeneration-llama-3-1-8b-instruct",
  acceptEula: true,
  trainingDataUri: "s3://acme-data/support/train/",
  evaluation: { enabled: false },
  tags,
};

const build = (args: AwsFineTuneTrackArgs): Promise<ResourceGraph> =>
  previewInline({
    program: () => {
      new AwsFineTuneTrack("tune", args);
    },
  });
const attempt = (args: AwsFineTuneTrackArgs) =>
  build(args).then(
    () => "no error",
    (e: Error & { registered?: number }) => `${e.message} (${e.registered})`,
  );
const named = (g: ResourceGraph, type: string, name: string): GraphResource => {
  const r = g.resources.find((x) => x.type === type && x.name === name);
  if (!r) throw new Error(`no ${type} ${name}`);
  return r;
};
const keyServices = (g: ResourceGraph): string[] =>
  jsonInput(one(g, "aws:kms/key:Key"), "policy").Statement.find((s: any) => s.Sid === "ServicesEncrypt").Principal.Service;

describe("a Bedrock fine-tune track logs the invocations of the model it serves", async () => {
  const graph = await build(bedrock);
  const keyUrn = one(graph, "aws:kms/key:Key").urn;
  const bucket = named(graph, "aws:s3/bucket:Bucket", "tune-invocation-logs");

  it("to an S3 bucket encrypted with the track's key, versioned, with every public path blocked and TLS required", () => {
    const sse = named(graph, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "tune-invocation-logs-encryption");
    const rule = (sse.inputs.rules as any[])[0];
    expect(rule.applyServerSideEncryptionByDefault).toMatchObject({ sseAlgorithm: "aws:kms", kmsMasterKeyId: expect.stringMatching(/^arn:aws:kms:us-east-1:123456789012:key\//) });
    expect(sse.dependencies).toEqual([bucket.urn, keyUrn]);
    const pab = named(graph, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "tune-invocation-logs-public-access").inputs;
    expect([pab.blockPublicAcls, pab.blockPublicPolicy, pab.ignorePublicAcls, pab.restrictPublicBuckets]).toEqual([true, true, true, true]);
    expect((named(graph, "aws:s3/bucketVersioning:BucketVersioning", "tune-invocation-logs-versioning").inputs.versioningConfiguration as any).status).toBe("Enabled");
    const policy = jsonInput(named(graph, "aws:s3/bucketPolicy:BucketPolicy", "tune-invocation-logs-policy"), "policy");
    expect(policy.Statement.find((s: any) => s.Sid === "DenyInsecureTransport").Condition.Bool["aws:SecureTransport"]).toBe("false");
    const writes = policy.Statement.find((s: any) => s.Sid === "BedrockWritesInvocationLogs");
    expect(writes).toMatchObject({ Effect: "Allow", Principal: { Service: "bedrock.amazonaws.com" }, Action: "s3:PutObject" });
    expect(writes.Resource).toMatch(/^arn:aws:s3:::tune-invocation-logs-[^/]+\/bedrock\/\*$/);
    expect(writes.Condition).toEqual({
      StringEquals: { "aws:SourceAccount": "123456789012" },
      ArnLike: { "aws:SourceArn": "arn:aws:bedrock:us-east-1:123456789012:*" },
    });
  });

  it("and to a CloudWatch log group encrypted with the key, kept 365 days; the key lets CloudWatch Logs of the region use it", () => {
    const group = one(graph, "aws:cloudwatch/logGroup:LogGroup");
    expect(group.name).toBe("tune-invocations");
    expect(group.inputs).toMatchObject({ name: "/aitracks/tune/bedrock-invocations", retentionInDays: 365 });
    expect(group.inputs.kmsKeyId).toMatch(/^arn:aws:kms:us-east-1:123456789012:key\//);
    expect(group.dependencies).toContain(keyUrn);
    expect(keyServices(graph)).toContain("logs.us-east-1.amazonaws.com");
  });

  it("with one configuration that points at that bucket and log group, written through a role only Bedrock of the account assumes", () => {
    const cfg = one(graph, LOGGING);
    const lc = cfg.inputs.loggingConfig as any;
    expect(lc.textDataDeliveryEnabled).toBe(true);
    expect(lc.s3Config).toEqual({ bucketName: expect.stringMatching(/^tune-invocation-logs-/), keyPrefix: "bedrock" });
    expect(cfg.propertyDependencies.loggingConfig).toContain(bucket.urn);
    expect(lc.cloudwatchConfig.logGroupName).toBe("/aitracks/tune/bedrock-invocations");
    const role = named(graph, "aws:iam/role:Role", "tune-logging-role");
    expect(lc.cloudwatchConfig.roleArn).toMatch(/^arn:aws:iam::123456789012:role\/tune-logging-role/);
    const trust = jsonInput(role, "assumeRolePolicy").Statement[0];
    expect(trust.Principal.Service).toBe("bedrock.amazonaws.com");
    const rolePolicy = named(graph, "aws:iam/rolePolicy:RolePolicy", "tune-logging-policy");
    const st = jsonInput(rolePolicy, "policy").Statement[0];
    expect(st.Action).toEqual(["logs:CreateLogStream", "logs:PutLogEvents"]);
    expect(st.Resource).toMatch(/:log-group:\/aitracks\/tune\/bedrock-invocations:log-stream:\*$/);
    expect(cfg.dependencies).toContain(rolePolicy.urn);
    expect(cfg.parent).toMatch(/aitracks:aws:FineTuneTrack::tune$/);
  });

  it("keeps CloudWatch's retention periods: logRetentionDays 90 is used, 42 refused", async () => {
    const g = await build({ ...bedrock, logRetentionDays: 90 });
    expect(one(g, "aws:cloudwatch/logGroup:LogGroup").inputs.retentionInDays).toBe(90);
    expect(await attempt({ ...bedrock, logRetentionDays: 42 })).toMatch(/^logRetentionDays: expected one of CloudWatch's retention periods \(1, 3, 5, .*\), got 42 \(0\)$/);
  });
});

describe("invocationLogging: existing, and the JumpStart method", () => {
  it("existing: no configuration, no log bucket or group, no logs principal on the key", async () => {
    const g = await build({ ...bedrock, invocationLogging: "existing" });
    expect(ofType(g, LOGGING)).toHaveLength(0);
    expect(ofType(g, "aws:cloudwatch/logGroup:LogGroup")).toHaveLength(0);
    expect(ofType(g, "aws:s3/bucket:Bucket").map((b) => b.name)).toEqual(["tune-output"]);
    expect(keyServices(g)).not.toContain("logs.us-east-1.amazonaws.com");
    expect(ofType(g, "aws:bedrock/provisionedModelThroughput:ProvisionedModelThroughput")).toHaveLength(1);
  });

  it("JumpStart serves on SageMaker: no Bedrock invocation logging, and the settings are refused there", async () => {
    const g = await build(jumpstart);
    expect(ofType(g, LOGGING)).toHaveLength(0);
    expect(keyServices(g)).not.toContain("logs.us-east-1.amazonaws.com");
    expect(await attempt({ ...jumpstart, invocationLogging: "create" })).toBe("invocationLogging: applies to method bedrock only (0)");
    expect(await attempt({ ...jumpstart, logRetentionDays: 365 })).toBe("logRetentionDays: applies to method bedrock only (0)");
  });

  it("refuses other values, and a retention with existing logging", async () => {
    expect(await attempt({ ...bedrock, invocationLogging: "shared" })).toBe(
      'invocationLogging: expected create or existing (another track or stack sets the region\'s Bedrock invocation logging), got "shared" (0)',
    );
    expect(await attempt({ ...bedrock, invocationLogging: "existing", logRetentionDays: 90 })).toBe("logRetentionDays: applies with invocationLogging create only (0)");
  });
});

// Stacks with several tracks: run through the real program (stacks/) and the cells.
const tmp = mkdtempSync(join(tmpdir(), "aitracks-invocation-logging-"));
const example = (stack: string) => parse(readFileSync(join(ROOT, "stacks", `Pulumi.${stack}.yaml`), "utf8"));
const buyTrack = () => example("buy-aws").config["aitracks:tracks"][0];
const tuneTrack = (extra: Record<string, unknown> = {}) => {
  const t = { ...example("fine-tune-bedrock-aws").config["aitracks:tracks"][0] };
  delete t.invocationLogging;
  delete t.logRetentionDays;
  return { ...t, ...extra };
};
/** The fine-tune-bedrock-aws example with these tracks instead of its own; returns the file. */
function stackWith(stack: string, tracks: Record<string, unknown>[]): string {
  const doc = example("fine-tune-bedrock-aws");
  doc.config["aitracks:tracks"] = tracks;
  doc.config["aitracks:budget"].maxMonthlyUsd = 100_000;
  const file = join(tmp, `Pulumi.${stack}.yaml`);
  writeFileSync(file, stringify(doc));
  return file;
}
const run = (stack: string, file: string) => previewProgram({ programDir: ROOT, stack, configFile: file });
const failure = (stack: string, file: string) =>
  run(stack, file).then(
    () => "no error",
    (e: Error & { registered?: number }) => `${e.message} (${e.registered})`,
  );
/** Which component (track name) owns each invocation logging configuration, with its provider's region. */
const owners = (g: ResourceGraph) => {
  const regionOf = (r: GraphResource) => g.resources.find((p) => r.provider?.startsWith(`${p.urn}::`))?.inputs.region;
  return ofType(g, LOGGING)
    .map((r) => `${r.parent!.split("::").pop()}@${regionOf(r)}`)
    .sort();
};

describe("one invocation logging configuration per (stack, region)", () => {
  it("buy and a Bedrock fine-tune in one region: the buy track creates it, the fine-tune track uses it", async () => {
    const file = stackWith("both-aws", [buyTrack(), tuneTrack()]);
    const g = await run("both-aws", file);
    expect(owners(g)).toEqual(["assistant@us-east-1"]);
    expect(ofType(g, "aws:s3/bucket:Bucket").map((b) => b.name).filter((n) => n.endsWith("invocation-logs"))).toEqual(["assistant-invocation-logs"]);
    expect((g.outputs.tracks as any)["support-tune-bedrock"].invocationLogging).toBe("existing");
    expect((g.outputs.tracks as any).assistant.invocationLogGroup).toBe("/aitracks/assistant/bedrock-invocations");
  });

  it("the same whichever comes first in the config", async () => {
    const g = await run("both-reversed-aws", stackWith("both-reversed-aws", [tuneTrack(), buyTrack()]));
    expect(owners(g)).toEqual(["assistant@us-east-1"]);
  });

  it("and that stack passes the mandatory invocation-logging policy (both engines)", () => {
    const file = stackWith("both-check-aws", [buyTrack(), tuneTrack()]);
    const r = aitracks(["check", "--stack", "both-check-aws", "--config", file]);
    expect(r.stdout).toContain("in-process and analyzer runs agree");
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("aws-bedrock-invocation-logging");
  });

  it("two Bedrock fine-tunes: the first in a region creates it; another region gets its own", async () => {
    const g = await run(
      "two-tunes-aws",
      stackWith("two-tunes-aws", [tuneTrack({ name: "tune-a" }), tuneTrack({ name: "tune-b" }), tuneTrack({ name: "tune-west", region: "us-west-2" })]),
    );
    expect(owners(g)).toEqual(["tune-a@us-east-1", "tune-west@us-west-2"]);
    const out = g.outputs.tracks as any;
    expect(out["tune-b"].invocationLogging).toBe("existing");
    expect(out["tune-a"].invocationLogging.logGroup).toBe("/aitracks/tune-a/bedrock-invocations");
  });

  it("a track that says existing hands the region to the next one", async () => {
    const g = await run("handed-on-aws", stackWith("handed-on-aws", [tuneTrack({ name: "tune-a", invocationLogging: "existing" }), tuneTrack({ name: "tune-b" })]));
    expect(owners(g)).toEqual(["tune-b@us-east-1"]);
  });

  it("an explicit create where another track already creates it is refused, naming the track, before anything registers", async () => {
    expect(await failure("clash-aws", stackWith("clash-aws", [buyTrack(), tuneTrack({ invocationLogging: "create" })]))).toBe(
      'aitracks:tracks[1].invocationLogging: expected existing (or leave it out): the buy track "assistant" already creates the Bedrock invocation logging of us-east-1, which is one per account and region (0)',
    );
    expect(
      await failure("clash-tunes-aws", stackWith("clash-tunes-aws", [tuneTrack({ name: "tune-a" }), tuneTrack({ name: "tune-b", invocationLogging: "create" })])),
    ).toBe(
      'aitracks:tracks[1].invocationLogging: expected existing (or leave it out): the fine-tune track "tune-a" already creates the Bedrock invocation logging of us-east-1, which is one per account and region (0)',
    );
  });

  it("two buy tracks in one region: the first creates it, the second says existing and keeps its guardrail and models", async () => {
    const g = await run("two-buys-aws", stackWith("two-buys-aws", [buyTrack(), { ...buyTrack(), name: "prototype" }]));
    expect(owners(g)).toEqual(["assistant@us-east-1"]);
    const out = g.outputs.tracks as any;
    expect(out.prototype.invocationLogGroup).toBe("existing");
    expect(out.prototype.invocationLogBucket).toBe("existing");
    expect(ofType(g, "aws:bedrock/guardrail:Guardrail").map((r) => r.name).sort()).toEqual(["assistant-guardrail", "prototype-guardrail"]);
    expect(
      await failure("two-buys-clash-aws", stackWith("two-buys-clash-aws", [buyTrack(), { ...buyTrack(), name: "prototype", invocationLogging: "create" }])),
    ).toBe(
      'aitracks:tracks[1].invocationLogging: expected existing (or leave it out): the buy track "assistant" already creates the Bedrock invocation logging of us-east-1, which is one per account and region (0)',
    );
  });
});
