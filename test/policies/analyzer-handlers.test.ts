// @ts-nocheck
// The pack serves its own Analyze and AnalyzeStack handlers (policies/lib/analyzer-handlers.ts):
// @pulumi/policy's, building the stack's resources once per request and skipping validateTypes
// validators for other types, on requests whose Structs are read as JavaScript values
// (policies/lib/struct-reader.ts). They must answer exactly what the SDK's own handlers answer: the
// same bytes for every resource of every example stack, under a policy configuration, with
// policies that exercise every branch of the SDK's handlers (levels, typed validators, arrays,
// not-applicable, unknown values, violations as objects, errors, policies that reorder the list).
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { previewProgram } from "@aitracks/preview";
import { indexByUrn } from "../../packages/preview/dist/graph.js";
import { modules } from "../../packages/preview/dist/policy/analyzer.js";
import { resolvePackConfig } from "../../packages/preview/dist/policy/config.js";
import { packDir } from "../../packages/preview/dist/policy/pack.js";
import { writeAnalyzeStackRequest } from "../../packages/preview/dist/policy/encode.js";
import { analysedResources, providerOf, stackConfigOf, stackTagsOf } from "../../packages/preview/dist/policy/wire.js";
import { encodeResource } from "../helpers/analyzer-requests";
import { ROOT } from "../helpers/cli";

const { installEngineShim, sdkImplementationOf } = require("../../policies/bin/lib/engine-shim");
const { packPolicies, PACK_NAME } = require("../../policies/bin/lib/pack");
installEngineShim();

const m = modules(packDir());
const W = m.BinaryWriter;
const policyDir = dirname(require.resolve("@pulumi/policy/server"));
const grpc = require(require.resolve("@grpc/grpc-js", { paths: [policyDir] }));
const server = require("@pulumi/policy/server");

const typed = (type: string, fn) => Object.assign(fn, { __pulumiType: type });
/** Everything a validator is handed, as text, so that any difference shows in the answer. */
const describeArgs = (args) =>
  JSON.stringify({
    type: args.type,
    urn: args.urn,
    name: args.name,
    opts: args.opts,
    provider: args.provider ? { type: args.provider.type, urn: args.provider.urn, name: args.provider.name, props: Object.keys(args.provider.props) } : null,
    tags: [...args.stackTags],
    config: args.getConfig(),
    isBucket: args.isType(typed("aws:s3/bucket:Bucket", {})),
    asBucket: args.asType(typed("aws:s3/bucket:Bucket", {})) === undefined,
    props: Object.keys(args.props),
  });

const edge = [
  { name: "edge-remediate-only", description: "remediation only", enforcementLevel: "advisory", remediateResource: () => undefined },
  {
    name: "edge-typed",
    description: "a typed validator",
    enforcementLevel: "mandatory",
    validateResource: typed("aws:s3/bucket:Bucket", (args, report) => report(describeArgs(args))),
  },
  {
    name: "edge-array",
    description: "two validators",
    enforcementLevel: "advisory",
    severity: "high",
    validateResource: [
      (args, report) => {
        if (args.name.length % 3 === 0) report({ message: `object ${args.name}`, urn: args.urn, severity: "low" });
        if (args.name.length % 3 === 1) report();
      },
      (args) => {
        if (args.name.length % 2) args.notApplicable(`odd ${args.name}`);
        if (args.name.length % 5 === 0) args.notApplicable();
      },
    ],
  },
  { name: "edge-unknown", description: "reads every value", enforcementLevel: "advisory", validateResource: (args) => void JSON.stringify(args.props) },
  {
    name: "edge-config",
    description: "its configuration and arguments",
    enforcementLevel: "advisory",
    validateResource: (args, report) => {
      if (args.type.includes("Bucket") || args.type.startsWith("pulumi:providers:")) report(describeArgs(args));
    },
  },
  { name: "edge-disabled", description: "disabled by the configuration", enforcementLevel: "mandatory", validateResource: (args, report) => report("never") },
  { name: "edge-remediate-level", description: "configured as remediate", validateResource: (args, report) => args.name.length % 4 === 0 && report("reported as mandatory") },
  {
    name: "edge-throws",
    description: "fails on one resource",
    enforcementLevel: "advisory",
    validateResource: (args) => {
      if (args.name === "edge-boom") throw new Error("boom");
    },
  },
  {
    name: "edge-stack-reorders",
    description: "reverses and empties its list",
    enforcementLevel: "advisory",
    validateStack: (args, report) => {
      args.resources.reverse();
      report(`first ${args.resources[0]?.urn}`);
      args.resources.length = 0;
    },
  },
  {
    name: "edge-stack-graph",
    description: "the stack as the policies see it",
    enforcementLevel: "advisory",
    validateStack: (args, report) => {
      report(`tags ${JSON.stringify([...args.stackTags])} config ${JSON.stringify(args.getConfig())}`);
      for (const r of args.resources) {
        report(
          JSON.stringify({
            urn: r.urn,
            type: r.type,
            name: r.name,
            opts: r.opts,
            parent: r.parent?.urn ?? null,
            dependencies: r.dependencies.map((d) => d.urn),
            propertyDependencies: Object.entries(r.propertyDependencies).map(([k, v]) => [k, v.map((d) => d.urn)]),
            provider: r.provider ? r.provider.urn : null,
            isBucket: r.isType(typed("aws:s3/bucket:Bucket", {})),
          }),
          r.urn,
        );
      }
    },
  },
  { name: "edge-stack-typed", description: "a type no stack has", enforcementLevel: "advisory", validateStack: typed("edge:none/thing:Thing", () => undefined) },
  { name: "edge-stack-na", description: "not applicable", enforcementLevel: "advisory", validateStack: (args) => args.notApplicable("not for this stack") },
  { name: "edge-stack-unknown", description: "reads every value", enforcementLevel: "advisory", validateStack: (args) => args.resources.forEach((r) => JSON.stringify(r.props)) },
];

// Serve the pack as the PolicyPack does, without a port: the shim registers our handlers, and
// keeps the SDK's beside them.
let ours;
let served; // the service definition the shim registers (its request decoders)
const { addService, bindAsync } = grpc.Server.prototype;
grpc.Server.prototype.addService = function (service, impl) {
  ours = impl;
  served = service;
};
grpc.Server.prototype.bindAsync = () => undefined;
try {
  server.serve(PACK_NAME, "0.0.0-test", "advisory", { policies: [...packPolicies, ...edge] }, undefined);
} finally {
  Object.assign(grpc.Server.prototype, { addService, bindAsync });
}
const sdk = sdkImplementationOf(ours);

const call = (impl, method, request) =>
  new Promise((resolve) => {
    impl[method]({ request }, (err, resp) => resolve({ err, resp }));
  });
const hex = (resp) => Buffer.from(resp.serializeBinary()).toString("hex");

const generated = require(require.resolve("@pulumi/pulumi/proto/analyzer_grpc_pb", { paths: [policyDir] })).AnalyzerService;

/** Both handler sets on one request; Analyze and AnalyzeStack requests go through bytes, each decoded as its server decodes it. */
async function both(method, request) {
  if (method === "analyze" || method === "analyzeStack") {
    const bytes = Buffer.from(request.serializeBinary());
    const theirs = await call(sdk, method, generated[method].requestDeserialize(bytes));
    const mine = await call(ours, method, served[method].requestDeserialize(bytes));
    return { theirs, mine };
  }
  const theirs = await call(sdk, method, request);
  const mine = await call(ours, method, request);
  return { theirs, mine };
}

function configureRequest(levels: Record<string, string>, props: Record<string, Record<string, unknown>>) {
  const req = new m.pb.ConfigureAnalyzerRequest();
  const codes = { advisory: 0, mandatory: 1, disabled: 2, remediate: 3 };
  for (const [name, c] of resolvePackConfig(packPolicies, "advisory", undefined)) levels[name] ??= c.enforcementLevel;
  for (const [name, level] of Object.entries(levels)) {
    const pc = new m.pb.PolicyConfig();
    pc.setEnforcementlevel(codes[level]);
    pc.setProperties(m.Struct.fromJavaScript(props[name] ?? {}));
    req.getPolicyconfigMap().set(name, pc);
  }
  return req;
}

function stackConfigureRequest(graph) {
  const req = new m.pb.AnalyzerStackConfigureRequest();
  req.setStack(graph.stack);
  req.setProject(graph.project);
  const sc = stackConfigOf(graph);
  for (const [k, v] of Object.entries(sc.values)) req.getConfigMap().set(k, v);
  req.setConfigSecretKeysList(sc.secretKeys);
  for (const [k, v] of Object.entries(stackTagsOf(graph, { team: "ml" }))) req.getTagsMap().set(k, v);
  return req;
}

function requestsOf(graph) {
  const byUrn = indexByUrn(graph);
  const analyze = [];
  const stack = [];
  for (const r of analysedResources(graph)) {
    const bytes = encodeResource(W, r, providerOf(byUrn, r));
    analyze.push(m.pb.AnalyzeRequest.deserializeBinary(bytes.analyze));
    stack.push(bytes.stack);
  }
  return { analyze, stack: m.pb.AnalyzeStackRequest.deserializeBinary(writeAnalyzeStackRequest(W, stack)) };
}

describe("the pack's Analyze and AnalyzeStack handlers", () => {
  it("are served in place of @pulumi/policy's, which stay beside them", () => {
    expect(typeof ours.analyze).toBe("function");
    expect(sdk).toBeDefined();
    expect(ours.analyze).not.toBe(sdk.analyze);
    expect(ours.analyzeStack).not.toBe(sdk.analyzeStack);
    expect(ours.remediate).toBe(sdk.remediate);
    expect(ours.getAnalyzerInfo).toBe(sdk.getAnalyzerInfo);
    // Their requests are read by struct-reader.ts; every other method's as the SDK reads them.
    expect(served.analyze.requestDeserialize).not.toBe(generated.analyze.requestDeserialize);
    expect(served.analyzeStack.requestDeserialize).not.toBe(generated.analyzeStack.requestDeserialize);
    expect(served.remediate).toBe(generated.remediate);
    expect(served.configure).toBe(generated.configure);
  });

  it("answer every resource and every example stack with the SDK's bytes", async () => {
    const configured = await both(
      "configure",
      configureRequest({ "edge-disabled": "disabled", "edge-remediate-level": "remediate", "edge-config": "advisory" }, { "edge-config": { threshold: 3, names: ["a"] } }),
    );
    expect(configured.theirs.err ?? null).toBeNull();
    expect(configured.mine.err ?? null).toBeNull();

    const stacks = stacksOf();
    expect(stacks.length).toBeGreaterThanOrEqual(17);
    const seen = { resources: 0, violations: 0, notApplicable: 0, objectReports: 0, mandatory: 0, stackReports: 0 };
    for (const stack of stacks) {
      const graph = await previewProgram({ programDir: ROOT, stack });
      await both("configureStack", stackConfigureRequest(graph));
      const { analyze, stack: stackReq } = requestsOf(graph);
      for (const req of analyze) {
        const { theirs, mine } = await both("analyze", req);
        expect(theirs.err ?? null, `${stack} ${req.getUrn()}`).toBeNull();
        expect(hex(mine.resp), `${stack}: Analyze of ${req.getUrn()}`).toBe(hex(theirs.resp));
        seen.resources++;
        const ds = theirs.resp.getDiagnosticsList();
        seen.violations += ds.length;
        seen.notApplicable += theirs.resp.getNotApplicableList().length;
        seen.objectReports += ds.filter((d) => d.getMessage().startsWith("object ")).length;
        seen.mandatory += ds.filter((d) => d.getPolicyname() === "edge-remediate-level" && d.getEnforcementlevel() === 1).length;
      }
      const { theirs, mine } = await both("analyzeStack", stackReq);
      expect(theirs.err ?? null, stack).toBeNull();
      expect(hex(mine.resp), `${stack}: AnalyzeStack`).toBe(hex(theirs.resp));
      seen.stackReports += theirs.resp.getDiagnosticsList().filter((d) => d.getPolicyname() === "edge-stack-graph").length;
    }
    // The comparison went through every branch it is meant to cover.
    expect(seen.resources).toBeGreaterThan(300);
    expect(seen.violations).toBeGreaterThan(300);
    expect(seen.notApplicable).toBeGreaterThan(10_000);
    expect(seen.objectReports).toBeGreaterThan(0);
    expect(seen.mandatory).toBeGreaterThan(0);
    expect(seen.stackReports).toBeGreaterThan(300);
  }, 180_000);

  it("follow a new configuration, as the SDK's do", async () => {
    const graph = await previewProgram({ programDir: ROOT, stack: stacksOf()[0] });
    await both("configureStack", stackConfigureRequest(graph));
    await both("configure", configureRequest({ "edge-disabled": "advisory", "edge-typed": "disabled", "edge-stack-graph": "disabled" }, { "edge-stack-reorders": { x: 1 } }));
    const { analyze, stack } = requestsOf(graph);
    let neverReported = 0;
    for (const req of analyze) {
      const { theirs, mine } = await both("analyze", req);
      expect(hex(mine.resp)).toBe(hex(theirs.resp));
      neverReported += theirs.resp.getDiagnosticsList().filter((d) => d.getPolicyname() === "edge-disabled").length;
    }
    expect(neverReported).toBe(analyze.length);
    const { theirs, mine } = await both("analyzeStack", stack);
    expect(hex(mine.resp)).toBe(hex(theirs.resp));
  }, 60_000);

  it("report a value unknown during preview as the SDK's do", async () => {
    const unknown = require("@pulumi/pulumi/runtime/rpc").unknownValue;
    const req = new m.pb.AnalyzeRequest();
    req.setType("aws:s3/bucket:Bucket");
    req.setUrn("urn:pulumi:s::p::aws:s3/bucket:Bucket::u");
    req.setName("u");
    req.setProperties(m.Struct.fromJavaScript({ bucket: unknown, tags: { team: unknown } }));
    req.setOptions(new m.pb.AnalyzerResourceOptions());
    const a = await both("analyze", req);
    expect(a.theirs.err ?? null).toBeNull();
    const unknowns = a.theirs.resp.getDiagnosticsList().filter((d) => d.getMessage().includes("during preview"));
    expect(unknowns.map((d) => d.getPolicyname())).toContain("edge-unknown");
    expect(hex(a.mine.resp)).toBe(hex(a.theirs.resp));

    const stack = new m.pb.AnalyzeStackRequest();
    const r = new m.pb.AnalyzerResource();
    r.setType(req.getType());
    r.setUrn(req.getUrn());
    r.setName(req.getName());
    r.setProperties(req.getProperties());
    r.setOptions(new m.pb.AnalyzerResourceOptions());
    stack.addResources(r);
    const s = await both("analyzeStack", stack);
    expect(s.theirs.resp.getDiagnosticsList().filter((d) => d.getMessage().includes("during preview")).map((d) => d.getPolicyname())).toContain("edge-stack-unknown");
    expect(hex(s.mine.resp)).toBe(hex(s.theirs.resp));
  });

  it("fail as the SDK's do, naming the policy", async () => {
    const req = new m.pb.AnalyzeRequest();
    req.setType("aws:s3/bucket:Bucket");
    req.setUrn("urn:pulumi:s::p::aws:s3/bucket:Bucket::edge-boom");
    req.setName("edge-boom");
    req.setProperties(m.Struct.fromJavaScript({ bucket: "b" }));
    req.setOptions(new m.pb.AnalyzerResourceOptions());
    const { theirs, mine } = await both("analyze", req);
    const head = (err) => String(err?.message).split("\n").slice(0, 2).join("\n");
    expect(head(theirs.err)).toBe("Error validating resource with policy 'edge-throws' from policy pack 'aitracks@v0.0.0-test':\nError: boom");
    expect(head(mine.err)).toBe(head(theirs.err));

    // A request without options: "A more recent version of the Pulumi CLI is required".
    const old = new m.pb.AnalyzeRequest();
    old.setType("aws:s3/bucket:Bucket");
    old.setUrn("urn:pulumi:s::p::aws:s3/bucket:Bucket::b");
    old.setName("b");
    old.setProperties(m.Struct.fromJavaScript({}));
    const o = await both("analyze", old);
    expect(head(o.theirs.err)).toContain("A more recent version of the Pulumi CLI is required");
    expect(head(o.mine.err)).toBe(head(o.theirs.err));
    const oldStack = new m.pb.AnalyzeStackRequest();
    const r = new m.pb.AnalyzerResource();
    r.setType("aws:s3/bucket:Bucket");
    r.setUrn("urn:pulumi:s::p::aws:s3/bucket:Bucket::b");
    r.setName("b");
    r.setProperties(m.Struct.fromJavaScript({}));
    oldStack.addResources(r);
    const s = await both("analyzeStack", oldStack);
    expect(head(s.theirs.err)).toContain("A more recent version of the Pulumi CLI is required");
    expect(head(s.mine.err)).toBe(head(s.theirs.err));
  });
});

function stacksOf() {
  return readdirSync(join(ROOT, "stacks"))
    .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
    .filter(Boolean)
    .sort();
}
