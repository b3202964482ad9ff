// @ts-nocheck
// The wait for a Bedrock model customization job, driven through the real AWS SDK against a local
// Bedrock (AITRACKS_BEDROCK_ENDPOINT) with static test credentials from the environment.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BedrockCustomizationJobWait, customizationJobWaitProvider, type CustomizationJobWaitInputs, type CustomizationJobWaitOutputs } from "@aitracks/components";
import { previewInline } from "@aitracks/preview";
import { FakeBedrock } from "./aws-fake-bedrock";

const run = promisify(execFile);
const JOB = (id: string) => `arn:aws:bedrock:us-east-1:123456789012:model-customization-job/amazon.nova-lite-v1:0:300k/${id}`;
const MODEL = "arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-lite-v1:0:300k/abc123def456";
const CREDS = { AWS_ACCESS_KEY_ID: "AKIDAITRACKSTEST", AWS_SECRET_ACCESS_KEY: "aitracks-test-secret", AWS_EC2_METADATA_DISABLED: "true" };

let bedrock: FakeBedrock;
const saved = { ...process.env };

beforeAll(async () => {
  bedrock = await new FakeBedrock().start();
  bedrock
    .job(JOB("completes"), { statuses: ["InProgress", "InProgress", "Completed"], outputModelArn: MODEL })
    .job(JOB("fails"), { statuses: ["InProgress", "Failed"], failureMessage: "Training data is invalid:\nline 17 is not JSON" })
    .job(JOB("stopped"), { statuses: ["Stopping", "Stopped"] })
    .job(JOB("forever"), { statuses: ["InProgress"] })
    .job(JOB("hangs"), { statuses: ["InProgress"], hang: true })
    .job(JOB("done"), { statuses: ["Completed"], outputModelArn: MODEL })
    .job(JOB("elsewhere"), { statuses: ["InProgress", "InProgress", "Completed"], outputModelArn: MODEL });
  delete process.env.AWS_PROFILE;
  Object.assign(process.env, CREDS, { AITRACKS_BEDROCK_ENDPOINT: bedrock.url });
});
afterAll(async () => {
  process.env = saved;
  await bedrock.stop();
});
beforeEach(() => {
  bedrock.calls.length = 0;
});

const inputs = (job: string, over: Partial<CustomizationJobWaitInputs> = {}): CustomizationJobWaitInputs => ({
  jobArn: JOB(job),
  region: "us-east-1",
  timeoutSeconds: 5,
  pollIntervalSeconds: 0.02,
  ...over,
});
const failure = (p: Promise<unknown>) =>
  p.then(
    () => "no error",
    (e: Error) => e.message,
  );

describe("waiting for a Bedrock model customization job (against a local Bedrock)", () => {
  it("polls GetModelCustomizationJob with the job ARN, signed, until Completed, and returns the output model ARN", async () => {
    const { id, outs } = await customizationJobWaitProvider.create(inputs("completes"));
    // InProgress, InProgress, Completed: three GETs of the same job.
    expect(bedrock.calls.map((c) => `${c.method} ${c.jobIdentifier}`)).toEqual(Array(3).fill(`GET ${JOB("completes")}`));
    // The SDK percent-encodes the ARN into the path and signs with the environment's key for bedrock in the track's region.
    expect(bedrock.calls[0]!.path).toBe(`/model-customization-jobs/${encodeURIComponent(JOB("completes"))}`);
    expect(bedrock.calls[0]!.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDAITRACKSTEST\/\d{8}\/us-east-1\/bedrock\/aws4_request, /);
    expect(id).toBe(JOB("completes"));
    expect(outs).toMatchObject({ status: "Completed", outputModelArn: MODEL, jobName: "completes", jobArn: JOB("completes"), timeoutSeconds: 5 });
  });

  it("fails with Bedrock's failure message, on one line, when the job failed", async () => {
    expect(await failure(customizationJobWaitProvider.create(inputs("fails")))).toBe(
      `Bedrock model customization job ${JOB("fails")} Failed: Training data is invalid: line 17 is not JSON`,
    );
    expect(bedrock.calls).toHaveLength(2);
  });

  it("keeps polling through Stopping and fails when the job is Stopped", async () => {
    expect(await failure(customizationJobWaitProvider.create(inputs("stopped")))).toBe(`Bedrock model customization job ${JOB("stopped")} Stopped: no failure message`);
    expect(bedrock.calls).toHaveLength(2);
  });

  it("gives up after the timeout while the job is still in progress", async () => {
    const started = Date.now();
    const message = await failure(customizationJobWaitProvider.create(inputs("forever", { timeoutSeconds: 0.3, pollIntervalSeconds: 0.05 })));
    const took = Date.now() - started;
    // On a loaded machine the last poll may still be in flight at the deadline: the message then says so.
    expect(message.replace(", then no answer from Bedrock", "")).toBe(
      `Bedrock model customization job ${JOB("forever")} is not Completed after 0.3 s (customizationTimeoutHours; last status InProgress); run pulumi up again to keep waiting, or raise customizationTimeoutHours`,
    );
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(3000);
    // 0.3 s at one poll per 0.05 s: about six polls, certainly more than one and not dozens.
    expect(bedrock.calls.length).toBeGreaterThan(2);
    expect(bedrock.calls.length).toBeLessThanOrEqual(8);
  });

  it("gives up after the timeout when Bedrock never answers", async () => {
    const started = Date.now();
    const message = await failure(customizationJobWaitProvider.create(inputs("hangs", { timeoutSeconds: 0.5 })));
    expect(message).toMatch(new RegExp(`^Bedrock model customization job ${JOB("hangs").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is not Completed after 0\\.5 s \\(customizationTimeoutHours; last status unknown, then no answer from Bedrock\\)`));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(bedrock.calls).toHaveLength(1);
  });

  it("reports an unknown job on one line with the SDK's error name", async () => {
    expect(await failure(customizationJobWaitProvider.create(inputs("missing")))).toBe(
      `GetModelCustomizationJob ${JOB("missing")}: ResourceNotFoundException: Could not find job ${JOB("missing")}`,
    );
  });

  it("read re-fetches the job; a job that is gone reads as gone", async () => {
    const olds = { ...inputs("done"), status: "InProgress", outputModelArn: "", outputModelName: "", jobName: "done", failureMessage: "" };
    const read = await customizationJobWaitProvider.read!(JOB("done"), olds);
    expect(read).toEqual({ id: JOB("done"), props: { ...olds, status: "Completed", outputModelArn: MODEL, outputModelName: "tune-run-1" } });
    expect(bedrock.calls.map((c) => c.jobIdentifier)).toEqual([JOB("done")]);
    expect((await customizationJobWaitProvider.read!(JOB("missing"), { ...olds, jobArn: JOB("missing") })).id).toBe("");
  });

  it("replaces only for a new job; delete leaves the job to the CustomModel", async () => {
    // Pulumi hands diff and delete the resource's last outputs.
    const olds: CustomizationJobWaitOutputs = { ...inputs("done"), status: "Completed", outputModelArn: MODEL, outputModelName: "", jobName: "", failureMessage: "" };
    expect(await customizationJobWaitProvider.diff!(JOB("done"), olds, inputs("completes"))).toEqual({ changes: true, replaces: ["jobArn"], deleteBeforeReplace: false });
    expect(await customizationJobWaitProvider.diff!(JOB("done"), olds, inputs("done", { timeoutSeconds: 7200 }))).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    expect((await customizationJobWaitProvider.diff!(JOB("done"), olds, inputs("done"))).changes).toBe(false);
    await customizationJobWaitProvider.delete!(JOB("done"), olds);
    expect(bedrock.calls).toHaveLength(0);
  });
});

describe("the serialized provider runs on its own", async () => {
  const graph = await previewInline({ program: () => new BedrockCustomizationJobWait("wait", { jobArn: JOB("completes"), region: "us-east-1" }) });
  const wait = graph.resources.find((r) => r.type === "pulumi-nodejs:dynamic/bedrock:CustomizationJobWait")!;
  const serialized = String(wait.inputs.__provider);

  it("registers with its defaults and requires only the Bedrock SDK", () => {
    expect(wait.inputs).toMatchObject({ jobArn: JOB("completes"), region: "us-east-1", timeoutSeconds: 86400, pollIntervalSeconds: 60 });
    expect(serialized).not.toMatch(/@pulumi\/|@aitracks/);
    expect([...new Set([...serialized.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))]).toEqual(["@aws-sdk/client-bedrock"]);
  });

  it("waits for the job from a fresh Node process, with credentials and endpoint from its environment", async () => {
    const dir = mkdtempSync(join(tmpdir(), "aitracks-bedrock-wait-"));
    const file = join(dir, "provider.js");
    writeFileSync(file, serialized);
    // Loaded the way Pulumi's dynamic provider host loads it: from the text, resolving modules from the program's folder.
    const script = `const rfs = require(require.resolve("require-from-string", { paths: [require.resolve("@pulumi/pulumi")] }));
const p = rfs(require("node:fs").readFileSync(${JSON.stringify(file)}, "utf8")).handler();
p.create(${JSON.stringify(inputs("elsewhere"))}).then((r) => process.stdout.write(JSON.stringify(r)), (e) => { process.stderr.write(e.message); process.exit(3); });`;
    const { stdout } = await run(process.execPath, ["-e", script], { cwd: process.cwd(), env: { PATH: process.env.PATH ?? "", ...CREDS, AITRACKS_BEDROCK_ENDPOINT: bedrock.url } });
    const result = JSON.parse(stdout);
    expect(result.outs.outputModelArn).toBe(MODEL);
    expect(bedrock.calls.map((c) => c.jobIdentifier)).toEqual(Array(3).fill(JOB("elsewhere")));
    expect(bedrock.calls[0]!.authorization).toContain("Credential=AKIDAITRACKSTEST/");
  });
});
