// @ts-nocheck
// The corpus of user programs (test/corpus/<name>/, see its README): each is installed from its
// own lock by test/corpus/install.mjs (npm test runs it first) and run through the CLI as a user
// runs it. Each must preview with exactly the resources its code creates, price, and check with
// both policy engines agreeing.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { aitracks, ROOT } from "../helpers/cli";

interface Program {
  readonly stack: string;
  /** [type, name] of every resource the program's code creates, in any order. */
  readonly resources: readonly (readonly [string, string])[];
}

const PROGRAMS: Record<string, Program> = {
  "aws-ts-new": {
    stack: "dev",
    resources: [
      ["aws:s3/bucket:Bucket", "my-bucket"],
      ["aws:s3/bucketVersioning:BucketVersioning", "my-bucket-versioning"],
    ],
  },
  "gcp-ts-new": { stack: "dev", resources: [["gcp:storage/bucket:Bucket", "my-bucket"]] },
  "azure-ts-new": {
    stack: "dev",
    resources: [
      ["azure-native:resources:ResourceGroup", "resourceGroup"],
      ["azure-native:storage:StorageAccount", "sa"],
    ],
  },
  "gcp-js-esm": {
    stack: "prod",
    resources: [
      ["gcp:pubsub/topic:Topic", "orders"],
      ["gcp:serviceaccount/account:Account", "orders-invoker"],
      ["gcp:cloudrunv2/service:Service", "orders-service"],
      ["gcp:cloudrunv2/serviceIamMember:ServiceIamMember", "orders-invoker-binding"],
      ["gcp:projects/iAMMember:IAMMember", "pubsub-token-creator"],
      ["gcp:pubsub/subscription:Subscription", "orders-push"],
    ],
  },
  "aws-js-s3-folder": {
    stack: "website",
    resources: [
      ["aws:s3/bucket:Bucket", "s3-website-bucket"],
      ["aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration", "s3-website"],
      ["aws:s3/bucketOwnershipControls:BucketOwnershipControls", "ownership-controls"],
      ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "public-access-block"],
      // one object per file of www/
      ["aws:s3/bucketObject:BucketObject", "favicon.png"],
      ["aws:s3/bucketObject:BucketObject", "index.html"],
      ["aws:s3/bucketObject:BucketObject", "style.css"],
      ["aws:s3/bucketPolicy:BucketPolicy", "bucketPolicy"],
    ],
  },
  "aws-ts-pinned-old": {
    stack: "prod",
    resources: [
      ["aws:dynamodb/table:Table", "orders"],
      ["aws:sqs/queue:Queue", "order-events-dlq"],
      ["aws:sqs/queue:Queue", "order-events"],
      ["aws:cloudwatch/logGroup:LogGroup", "order-api-logs"],
    ],
  },
  "aws-ts-lambda-policy": {
    stack: "dev",
    resources: [
      ["aws:dynamodb/table:Table", "uploads"],
      ["aws:iam/role:Role", "uploads-fn-role"],
      ["aws:iam/rolePolicyAttachment:RolePolicyAttachment", "uploads-fn-logs"],
      ["aws:iam/rolePolicy:RolePolicy", "uploads-fn-table"],
      ["aws:cloudwatch/logGroup:LogGroup", "uploads-fn-logs"],
      ["aws:lambda/function:Function", "uploads-fn"],
    ],
  },
  "aws-ts-sagemaker-endpoint": {
    stack: "dev",
    resources: [
      ["aws:iam/role:Role", "llm-execution-role"],
      ["aws:iam/rolePolicyAttachment:RolePolicyAttachment", "llm-execution-sagemaker"],
      ["aws:sagemaker/model:Model", "llm-model"],
      ["aws:sagemaker/endpointConfiguration:EndpointConfiguration", "llm-endpoint-config"],
      ["aws:sagemaker/endpoint:Endpoint", "llm-endpoint"],
    ],
  },
  "gcp-ts-vertex-endpoint": {
    stack: "dev",
    resources: [
      ["random:index/randomId:RandomId", "suffix"],
      ["gcp:storage/bucket:Bucket", "prompt-logs"],
      ["gcp:serviceaccount/account:Account", "llm-caller"],
      ["gcp:projects/iAMMember:IAMMember", "llm-caller-vertex-user"],
      ["gcp:storage/bucketIAMMember:BucketIAMMember", "llm-caller-writes-logs"],
      ["gcp:vertex/aiEndpointWithModelGardenDeployment:AiEndpointWithModelGardenDeployment", "gemma"],
    ],
  },
  "azure-ts-openai": {
    stack: "prod",
    resources: [
      ["azure-native:resources:ResourceGroup", "support-ai"],
      ["azure-native:cognitiveservices:Account", "support-openai"],
      ["azure-native:cognitiveservices:Deployment", "gpt-4o"],
    ],
  },
};

/** Programs that do not load yet, with the error they stop on (issue 13); remove as they pass. */
const KNOWN_BROKEN: Record<string, string> = {};

// A program runs under mocks in a child process; its own TypeScript may type-check it first.
const TIMEOUT = 180_000;

function run(cmd: string, name: string, stack: string, extra: readonly string[] = []) {
  return aitracks([cmd, "--program", join(ROOT, "test", "corpus", name), "--stack", stack, "--json", ...extra], { timeoutMs: TIMEOUT });
}

const key = ([type, name]: readonly [string, string]) => `${type} ${name}`;

describe("corpus programs", () => {
  for (const [name, program] of Object.entries(PROGRAMS)) {
    const test = KNOWN_BROKEN[name] ? it.skip : it;
    test(`${name}: previews exactly the resources its code creates, prices them, and both engines check it alike`, { timeout: 3 * TIMEOUT }, () => {
      const preview = run("preview", name, program.stack);
      expect(preview.stderr).toBe("");
      expect(preview.code).toBe(0);
      const graph = JSON.parse(preview.stdout) as { resources: { type: string; name: string; custom: boolean }[] };
      const created = graph.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:")).map((r) => key([r.type, r.name]));
      expect(created.sort()).toEqual(program.resources.map(key).sort());

      const cost = run("cost", name, program.stack);
      expect(cost.code).toBe(0);
      const bill = JSON.parse(cost.stdout) as { monthlyUsd: number; unpriced: unknown };
      expect(Number.isFinite(bill.monthlyUsd)).toBe(true);

      // exit 1 = a mandatory policy failed (a finding, not a crash); the two engines must agree.
      const check = run("check", name, program.stack, ["--engine", "both"]);
      expect([0, 1], check.stderr).toContain(check.code);
      const verdict = JSON.parse(check.stdout) as { engines: string[] };
      expect(verdict.engines).toEqual(["in-process", "analyzer"]);
    });
  }

  it("every program in the corpus folder is listed here, and every listed one exists", async () => {
    const { readdirSync, existsSync } = await import("node:fs");
    const dirs = readdirSync(join(ROOT, "test", "corpus"), { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(ROOT, "test", "corpus", e.name, "package.json")))
      .map((e) => e.name);
    expect(dirs.sort()).toEqual(Object.keys(PROGRAMS).sort());
    for (const broken of Object.keys(KNOWN_BROKEN)) expect(PROGRAMS).toHaveProperty([broken]);
  });
});
