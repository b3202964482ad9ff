// @ts-nocheck
// The readers every policy shares (policies/lib): IAM documents, property values, stack facts and
// where each came from, tags in both SDK shapes with the provider's defaults, local-NVMe instance
// families and the unknown-value helpers. Each alternative on both sides, exact values. Run
// `npx tsc -b` first (reads policies/bin).
import { createRequire } from "node:module";
import { afterEach, describe, expect, it } from "vitest";

const req = createRequire(import.meta.url);
const iam = req("../../policies/bin/lib/iam.js");
const values = req("../../policies/bin/lib/values.js");
const facts = req("../../policies/bin/lib/facts.js");
const resources = req("../../policies/bin/lib/resources.js");
const { hasLocalNvme } = req("../../policies/bin/lib/instances.js");
const unknown = req("../../policies/bin/lib/unknown.js");
const { setStackConfig } = req("../../policies/bin/lib/stack-config.js");

afterEach(() => setStackConfig(undefined));
const config = (values: Record<string, unknown>) =>
  setStackConfig({ values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])), secretKeys: [] });

describe("iam: statements, actions, conditions", () => {
  it("reads a document given as JSON or as an object, in either spelling; anything else is not one", () => {
    const doc = { Version: "2012-10-17", Statement: [{ Sid: "a", Effect: "Allow", Action: "s3:GetObject", Resource: ["arn:x"], Condition: { StringEquals: { "aws:SourceVpc": "vpc-1" } }, Principal: "*" }] };
    const expected = [{ Sid: "a", Effect: "Allow", Action: ["s3:GetObject"], NotAction: [], Resource: ["arn:x"], Condition: { StringEquals: { "aws:SourceVpc": "vpc-1" } }, Principal: "*" }];
    expect(iam.statements(doc)).toEqual(expected);
    expect(iam.statements(JSON.stringify(doc))).toEqual(expected);
    // The SDK's getPolicyDocument output spelling.
    expect(iam.statements({ statements: [{ effect: "Deny", actions: ["bedrock:*"], notActions: ["bedrock:Get*"], resources: "*" }] })).toEqual([
      { Sid: undefined, Effect: "Deny", Action: ["bedrock:*"], NotAction: ["bedrock:Get*"], Resource: ["*"], Condition: undefined, Principal: undefined },
    ]);
    expect(iam.statements({ Statement: { Effect: "Allow", NotAction: "iam:*", Sid: 7, Condition: "x" } })).toEqual([
      { Sid: undefined, Effect: "Allow", Action: [], NotAction: ["iam:*"], Resource: [], Condition: undefined, Principal: undefined },
    ]);
    expect(iam.statements({ Statement: ["not a statement", { Effect: "Allow" }] })).toHaveLength(1);
    expect(iam.statements({ Statement: [{}] })[0].Effect).toBe("");
    expect(iam.statements("not json")).toBeUndefined();
    expect(iam.statements("[1]")).toBeUndefined();
    expect(iam.statements(undefined)).toBeUndefined();
  });

  it("wildcard actions: * and service:*; a pattern grants what it matches whole, any case", () => {
    for (const a of ["*", "s3:*", "Bedrock-Agent:*", "bedrock-agentcore:*"]) expect(iam.isWildcardAction(a), a).toBe(true);
    for (const a of ["s3:Get*", "s3:", ":*", "s3:**", "x s3:*", "s3:*x", "s3.x:*"]) expect(iam.isWildcardAction(a), a).toBe(false);
    expect(iam.grants("s3:*", "s3:GetObject")).toBe(true);
    expect(iam.grants("S3:get*", "s3:GetObject")).toBe(true);
    expect(iam.grants("s3:Get*", "s3:PutObject")).toBe(false);
    expect(iam.grants("s3:GetObject", "s3:GetObjectAcl")).toBe(false);
    expect(iam.grants("s3:GetObject", "xs3:GetObject")).toBe(false);
    expect(iam.grants("s3:Get?bject", "s3:GetObject")).toBe(false); // `?` is literal here, not a wildcard
    expect(iam.grants("s3:Get.bject", "s3:GetObject")).toBe(false);
    expect(iam.grants("*", "anything:At-All")).toBe(true);
    expect(iam.grants("bedrock:*Model*", "bedrock:InvokeModelWithResponseStream")).toBe(true);
  });

  it("condition keys of every operator, lower-case", () => {
    const s = { Condition: { StringEquals: { "Bedrock:GuardrailIdentifier": "g" }, Bool: { "aws:SecureTransport": "true" }, Null: "x" } };
    expect([...iam.conditionKeys(s)]).toEqual(["bedrock:guardrailidentifier", "aws:securetransport"]);
    expect([...iam.conditionKeys({})]).toEqual([]);
  });
});

describe("values", () => {
  it("isObject, asArray, asString, isSet", () => {
    expect([{}, [], null, "a", 1].map(values.isObject)).toEqual([true, false, false, false, false]);
    expect([values.asArray([1]), values.asArray(1), values.asArray(undefined), values.asArray(null), values.asArray(0)]).toEqual([[1], [1], [], [], [0]]);
    expect([values.asString("a"), values.asString(1)]).toEqual(["a", undefined]);
    expect(["a", " ", "", 0, false, null, undefined].map(values.isSet)).toEqual([true, false, false, true, true, false, false]);
  });

  it("get by a dotted path, stopping at null or undefined", () => {
    const v = { a: { b: [{ c: 1 }], n: null } };
    expect(values.get(v, "a.b.0.c")).toBe(1);
    expect(values.get(v, "a.n.c")).toBeUndefined();
    expect(values.get(v, "a.x.c")).toBeUndefined();
    expect(values.get(undefined, "a")).toBeUndefined();
  });

  it("parseJson, equalsIgnoreCase, publicAccessViolation", () => {
    expect(values.parseJson('{"a":1}')).toEqual({ a: 1 });
    expect(values.parseJson("{")).toBeUndefined();
    expect(values.parseJson({ a: 1 })).toEqual({ a: 1 });
    expect(values.equalsIgnoreCase("DISABLED", "Disabled")).toBe(true);
    expect(values.equalsIgnoreCase("Disabledx", "Disabled")).toBe(false);
    expect(values.equalsIgnoreCase(1, "1")).toBe(false);
    expect(values.publicAccessViolation("disabled", "p")).toBeUndefined();
    expect(values.publicAccessViolation("Enabled", "properties.publicNetworkAccess")).toBe('properties.publicNetworkAccess is "Enabled"; expected "Disabled"');
    expect(values.publicAccessViolation(undefined, "p")).toBe('p is not set (Enabled); expected "Disabled"');
    expect(values.publicAccessViolation("", "p")).toBe('p is not set (Enabled); expected "Disabled"');
  });
});

describe("stack facts and where each came from", () => {
  const r = (name: string, tags: Record<string, string>, type = "aws:s3/bucket:Bucket") => ({ urn: `urn:${name}`, type, name, props: { tags } });
  const stackTags = (t: Record<string, string> = {}) => new Map(Object.entries(t));

  it("the review date: the decision's, else the earliest valid tag, else a valid stack tag", () => {
    config({ "aitracks:decision": { track: "buy", reviewDate: "2027-06-01" } });
    expect(facts.reviewDate([r("a", { "decision-review-date": "2027-01-01" })], stackTags())).toEqual({ value: "2027-06-01", source: "stack config aitracks:decision.reviewDate" });
    config({ "aitracks:decision": { track: "buy", reviewDate: "next year" } });
    const tagged = [r("a", { "decision-review-date": "2027-03-01" }), r("b", { "decision-review-date": "2027-02-01" }), r("c", { "decision-review-date": "soon" }), r("d", { "decision-review-date": "2027-02-15" })];
    expect(facts.reviewDate(tagged, stackTags())).toEqual({ value: "2027-02-01", source: "tag decision-review-date on urn:b" });
    // Two tags of the same date: the first resource's.
    const same = [r("a", { "decision-review-date": "2027-02-01" }), r("b", { "decision-review-date": "2027-02-01" })];
    expect(facts.reviewDate(same, stackTags())).toEqual({ value: "2027-02-01", source: "tag decision-review-date on urn:a" });
    setStackConfig(undefined);
    expect(facts.reviewDate([r("c", { "decision-review-date": "2027-1-1" })], stackTags({ "aitracks:review-date": "2027-05-05" }))).toEqual({ value: "2027-05-05", source: "stack tag aitracks:review-date" });
    expect(facts.reviewDate([], stackTags({ "aitracks:review-date": "05/05/2027" }))).toBeUndefined();
    expect(facts.reviewDate([], stackTags({ "aitracks:review-date": "2027-05-05x" }))).toBeUndefined();
  });

  it("environment and data classification: config, else the first tagged resource, else the stack tag", () => {
    config({ "aitracks:environment": "production", "aitracks:dataClassification": "restricted" });
    expect(facts.environment([r("a", { environment: "dev" })], stackTags())).toEqual({ value: "production", source: "stack config aitracks:environment" });
    expect(facts.dataClassification([], stackTags())).toEqual({ value: "restricted", source: "stack config aitracks:dataClassification" });
    config({ "aitracks:environment": "", "aitracks:dataClassification": "" });
    expect(facts.environment([r("a", {}), r("b", { environment: "dev" }), r("c", { environment: "prod" })], stackTags())).toEqual({ value: "dev", source: "tag environment on urn:b" });
    expect(facts.dataClassification([r("a", { "aitracks-data-classification": "internal" })], stackTags())).toEqual({ value: "internal", source: "tag aitracks-data-classification on urn:a" });
    setStackConfig(undefined);
    expect(facts.environment([], stackTags({ "aitracks:environment": "staging" }))).toEqual({ value: "staging", source: "stack tag aitracks:environment" });
    expect(facts.dataClassification([], stackTags({ "aitracks:data-classification": "public" }))).toEqual({ value: "public", source: "stack tag aitracks:data-classification" });
    expect(facts.environment([], stackTags())).toBeUndefined();
  });

  it("labelled examples: a numeric tag, else the workload's count or its range's low end, else a numeric stack tag", () => {
    expect(facts.labeledExamples([r("a", { "aitracks-labeled-examples": "5000" })], stackTags())).toEqual({ value: 5000, source: "tag aitracks-labeled-examples on urn:a" });
    config({ "aitracks:workload": { fineTune: { labeledExamples: 250 } } });
    expect(facts.labeledExamples([r("a", { "aitracks-labeled-examples": "many" })], stackTags())).toEqual({ value: 250, source: "stack config aitracks:workload.fineTune.labeledExamples" });
    config({ "aitracks:workload": { fineTune: { labeledExamples: { low: 80, high: 900 } } } });
    expect(facts.labeledExamples([], stackTags())).toEqual({ value: 80, source: "stack config aitracks:workload.fineTune.labeledExamples.low" });
    config({ "aitracks:workload": { fineTune: { labeledExamples: { high: 900 } } } });
    expect(facts.labeledExamples([], stackTags({ "aitracks:labeled-examples": "1200" }))).toEqual({ value: 1200, source: "stack tag aitracks:labeled-examples" });
    config({ "aitracks:workload": { fineTune: "lots" } });
    expect(facts.labeledExamples([], stackTags({ "aitracks:labeled-examples": "lots" }))).toBeUndefined();
    expect(facts.labeledExamples([], stackTags())).toBeUndefined();
  });

  it("configured tracks: objects only, with defaults for what they leave out", () => {
    expect(facts.configuredTracks()).toEqual([]);
    config({ "aitracks:tracks": [{ track: "buy", cloud: "aws", name: "assistant", models: ["m1", 2, "m2"] }, "junk", { track: "build", cloud: "gcp" }, {}] });
    expect(facts.configuredTracks()).toEqual([
      { track: "buy", cloud: "aws", name: "assistant", models: ["m1", "m2"] },
      { track: "build", cloud: "gcp", name: "build-gcp", models: [] },
      { track: "", cloud: "", name: "undefined-undefined", models: [] },
    ]);
    config({ "aitracks:tracks": { track: "buy" } });
    expect(facts.configuredTracks()).toEqual([]);
  });

  it("today: the asOf date when it is one, else the UTC date", () => {
    expect(facts.today("2026-01-31")).toBe("2026-01-31");
    expect(facts.today("2026-1-31")).toBe(new Date().toISOString().slice(0, 10));
    expect(facts.today("x2026-01-31")).toBe(new Date().toISOString().slice(0, 10));
    expect(facts.today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("tags in both SDK shapes, over the provider's defaults", () => {
  const provider = (props: Record<string, unknown>) => ({ props });

  it("a map, or aws-native's list of {key, value} / {Key, Value}; non-string values left out", () => {
    expect(resources.tagsOf({ urn: "u1", type: "aws:s3/bucket:Bucket", name: "b", props: { tags: { a: "1", n: 2 } } })).toEqual({ a: "1" });
    expect(
      resources.tagsOf({ urn: "u2", type: "aws-native:s3:Bucket", name: "b", props: { tags: [{ key: "a", value: "1" }, { Key: "b", Value: "2" }, { key: 3, value: "x" }, "junk"] } }),
    ).toEqual({ a: "1", b: "2" });
    expect(resources.tagsOf({ urn: "u3", type: "aws:s3/bucket:Bucket", name: "b", props: { tags: "a=1" } })).toEqual({});
  });

  it("the provider's default tags (AWS) or labels (GCP), given as JSON, under the resource's own", () => {
    const aws = provider({ defaultTags: JSON.stringify({ tags: { owner: "platform", team: "x" } }) });
    expect(resources.tagsOf({ urn: "u4", type: "aws:s3/bucket:Bucket", name: "b", props: { tags: { team: "ml" } }, provider: aws })).toEqual({ owner: "platform", team: "ml" });
    const gcp = provider({ defaultLabels: JSON.stringify({ owner: "platform" }) });
    expect(resources.tagsOf({ urn: "u5", type: "gcp:storage/bucket:Bucket", name: "b", props: { labels: { team: "ml" } }, provider: gcp })).toEqual({ owner: "platform", team: "ml" });
    // Azure has no provider-level tags; a GCP provider's defaultTags are not its labels.
    expect(resources.tagsOf({ urn: "u6", type: "azure-native:storage:StorageAccount", name: "b", props: { tags: { team: "ml" } }, provider: aws })).toEqual({ team: "ml" });
    expect(resources.tagsOf({ urn: "u7", type: "gcp:storage/bucket:Bucket", name: "b", props: {}, provider: aws })).toEqual({});
    expect(resources.tagsOf({ urn: "u8", type: "aws:s3/bucket:Bucket", name: "b", props: {}, provider: provider({ defaultTags: "{not json" }) })).toEqual({});
  });

  it("behind the runtime's proxy: the same tags, and an unknown value read anywhere throws the runtime's own error", () => {
    // tagsOf reads the values the proxies wrap when none it reads is unknown, and otherwise goes
    // through the proxies; both ways must say what reading through the proxy says.
    const { unknownCheckingProxy, unknownStringValue: U, unknownObjectValue: UO, UnknownValueError } = req("@pulumi/policy/proxy");
    const viaProxy = (type: string, props: Record<string, unknown>, providerProps?: Record<string, unknown>) => ({
      urn: `u-${Math.random()}`,
      type,
      name: "b",
      props: unknownCheckingProxy(props),
      ...(providerProps ? { provider: { props: unknownCheckingProxy(providerProps) } } : {}),
    });
    const aws = { defaultTags: JSON.stringify({ tags: { owner: "platform" } }) };
    expect(resources.tagsOf(viaProxy("aws:s3/bucket:Bucket", { tags: { team: "ml", n: 2 } }, aws))).toEqual({ owner: "platform", team: "ml" });
    expect(resources.tagsOf(viaProxy("aws-native:s3:Bucket", { tags: [{ key: "a", value: "1" }, { Key: "b", Value: "2" }, "junk"] }))).toEqual({ a: "1", b: "2" });
    expect(resources.tagsOf(viaProxy("gcp:storage/bucket:Bucket", { labels: { team: "ml" } }, { defaultLabels: JSON.stringify({ owner: "p" }) }))).toEqual({ owner: "p", team: "ml" });
    // A secret is no unknown: read through the proxy, as before.
    expect(resources.tagsOf(viaProxy("aws:s3/bucket:Bucket", { tags: { team: "[secret]" } }))).toEqual({ team: "[secret]" });

    const throwsAt = (r: object, path: string) => {
      let err: unknown;
      try {
        resources.tagsOf(r);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(UnknownValueError);
      expect((err as Error).message).toContain(`value at ${path} can't be known`);
    };
    throwsAt(viaProxy("aws:s3/bucket:Bucket", { tags: UO }), ".tags");
    throwsAt(viaProxy("aws:s3/bucket:Bucket", { tags: { team: U } }), ".tags.team");
    throwsAt(viaProxy("aws:s3/bucket:Bucket", { tags: { team: "ml" } }, { defaultTags: U }), ".defaultTags");
    throwsAt(viaProxy("aws:s3/bucket:Bucket", { tags: { team: "ml" } }, { defaultTags: { tags: UO } }), ".defaultTags.tags");
    throwsAt(viaProxy("aws-native:s3:Bucket", { tags: [{ key: "a", value: "1" }, UO] }), ".tags.1");
    throwsAt(viaProxy("aws-native:s3:Bucket", { tags: [{ key: U, value: "1" }] }), ".tags.0.key");
    throwsAt(viaProxy("aws-native:s3:Bucket", { tags: [{ Key: "a", Value: U }] }), ".tags.0.Value");
    throwsAt(viaProxy("gcp:storage/bucket:Bucket", { labels: { team: "ml" } }, { defaultLabels: U }), ".defaultLabels");
  });
});

describe("URNs, regions, references", () => {
  it("urnTypeChain: the type chain of a full URN, nothing of anything else", () => {
    expect(resources.urnTypeChain("urn:pulumi:dev::app::aitracks:aws:BuyTrack$aws:s3/bucket:Bucket::data")).toBe("aitracks:aws:BuyTrack$aws:s3/bucket:Bucket");
    expect(resources.urnTypeChain("urn:pulumi:dev::app::x")).toBe("");
    expect(resources.urnTypeChain("not a urn")).toBe("");
    // A name may hold "::": the chain is still the third part.
    expect(resources.urnTypeChain("urn:pulumi:dev::app::aws:s3/bucket:Bucket::a::b")).toBe("aws:s3/bucket:Bucket");
    expect(resources.urnTypeChain("urn:pulumi:dev::app::::b")).toBe("");
  });

  it("trackOf: the track tag, else the track component in the URN's type chain", () => {
    const res = (urn: string, tags: Record<string, string> = {}) => ({ urn, type: "aws:s3/bucket:Bucket", name: "b", props: { tags } });
    expect(resources.trackOf(res("urn:pulumi:dev::app::aitracks:gcp:FineTuneTrack$mycorp:index:Box$aws:s3/bucket:Bucket::b"))).toBe("fine-tune");
    expect(resources.trackOf(res("urn:pulumi:dev::app::aitracks:gcp:FineTuneTrack$aws:s3/bucket:Bucket::b", { "aitracks-track": "buy" }))).toBe("buy");
    expect(resources.trackOf(res("urn:pulumi:dev::app::mycorp:index:Box$aws:s3/bucket:Bucket::b"))).toBeUndefined();
  });

  it("regionOf: a zone's region, the resource's own before its provider's", () => {
    const at = (props: Record<string, unknown>, provider?: Record<string, unknown>) =>
      resources.regionOf({ urn: "u", type: "gcp:tpu/v2Vm:V2Vm", name: "t", props, ...(provider ? { provider: { props: provider } } : {}) });
    expect(at({ zone: "us-central1-a" })).toBe("us-central1");
    expect(at({ zone: "us-central1" })).toBe("us-central1");
    expect(at({}, { zone: "europe-west4-b" })).toBe("europe-west4");
    expect(at({}, { location: "westeurope" })).toBe("westeurope");
    expect(at({ region: "us-east1" }, { region: "europe-west1" })).toBe("us-east1");
  });

  it("referenced: the resources a property refers to, or none", () => {
    const bucket = { urn: "b" };
    const r = { propertyDependencies: { bucket: [bucket] } };
    expect(resources.referenced(r, "bucket")).toEqual([bucket]);
    expect(resources.referenced(r, "key")).toEqual([]);
  });

  it("safeTag: an unknown tag map reads as no tag; other errors go through", () => {
    const throwing = (err: Error) => ({ urn: `u-${err.message}`, type: "aws:s3/bucket:Bucket", name: "b", props: { get tags() { throw err; } } });
    expect(resources.safeTag(throwing(new Error("the value at .tags can't be known during preview")), "owner")).toBeUndefined();
    expect(() => resources.safeTag(throwing(new Error("boom")), "owner")).toThrow("boom");
  });
});

describe("instances and unknown values", () => {
  it("local-NVMe families, with or without the ml. prefix", () => {
    for (const t of ["ml.g5.2xlarge", "p4d.24xlarge", "ml.trn1n.32xlarge", "ml.m5d.large"]) expect(hasLocalNvme(t), t).toBe(true);
    for (const t of ["ml.m5.large", "ml.g4dn", "xml.g5.2xlarge", "ml.g5x.2xlarge", "", "ml..g5"]) expect(hasLocalNvme(t), t).toBe(t === "ml.g4dn");
  });

  it("whenKnown: the value, or what onUnknown makes of the path; other errors go through", () => {
    const unknownErr = new Error("the value at .kmsKeyArn can't be known during preview");
    expect(unknown.whenKnown(() => 1, () => 2)).toBe(1);
    expect(unknown.whenKnown(() => { throw unknownErr; }, (p) => `unknown ${p}`)).toBe("unknown .kmsKeyArn");
    expect(unknown.whenKnown(() => { throw new Error("can't be known during preview"); }, (p) => p)).toBe("a value");
    expect(() => unknown.whenKnown(() => { throw new Error("boom"); }, () => 0)).toThrow("boom");
    class UnknownValueError extends Error {}
    expect(unknown.isUnknownError(new UnknownValueError("x"))).toBe(true);
    expect(unknown.isUnknownError("can't be known during preview")).toBe(false);
  });

  it("Undecided: one note for everything undecided, and none when all was decided", () => {
    const skipped: string[] = [];
    const args = { notApplicable: (r: string) => skipped.push(r) };
    const u = new unknown.Undecided();
    u.finish(args);
    expect(skipped).toEqual([]);
    u.check("bucket a", () => { throw new Error("value at .acl can't be known during preview"); });
    u.check("bucket b", () => undefined);
    u.outside("the key of bucket c is defined outside the stack");
    expect(u.size).toBe(2);
    u.finish(args);
    expect(skipped).toEqual(["could not decide for bucket a (.acl not known until deploy); the key of bucket c is defined outside the stack"]);
    expect(() => new unknown.Undecided().check("x", () => { throw new TypeError("boom"); })).toThrow("boom");
  });
});
