// The component provider as the Pulumi engine runs it (issue 20, "every Pulumi language"): the
// built entry PulumiPlugin.yaml names is started as a process with an engine address, prints its
// port, and is called over the ResourceProvider protocol — GetSchema (all fifteen cells with their
// inputs, types, enums and defaults) and Construct of an aitracks:aws:BuyTrack against a mock
// resource monitor of ours, which records the child resources the TypeScript component registers
// (answered with the offline preview's mocks).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse } from "yaml";
import { createMocks } from "@aitracks/preview";
import { ROOT } from "../pack/packages";

/* eslint-disable @typescript-eslint/no-explicit-any */

const providerPb = require("@pulumi/pulumi/proto/provider_pb") as any;
const providerRpc = require("@pulumi/pulumi/proto/provider_grpc_pb") as any;
const resourcePb = require("@pulumi/pulumi/proto/resource_pb") as any;
const resourceRpc = require("@pulumi/pulumi/proto/resource_grpc_pb") as any;
const enginePb = require("@pulumi/pulumi/proto/engine_pb") as any;
const engineRpc = require("@pulumi/pulumi/proto/engine_grpc_pb") as any;
// The protobuf classes of @pulumi/pulumi's own google-protobuf (message classes must match).
const fromPulumi = (m: string) => require(require.resolve(m, { paths: [dirname(require.resolve("@pulumi/pulumi/package.json"))] }));
const { Struct } = fromPulumi("google-protobuf/google/protobuf/struct_pb") as any;
const { Empty } = fromPulumi("google-protobuf/google/protobuf/empty_pb") as any;
const grpc = fromPulumi("@grpc/grpc-js") as typeof import("@grpc/grpc-js");
const rpcWire = require("@pulumi/pulumi/runtime/rpc") as { specialSigKey: string; specialSecretSig: string; unknownValue: string };

const COMPONENTS = join(ROOT, "packages", "components");
const plugin = parse(readFileSync(join(COMPONENTS, "PulumiPlugin.yaml"), "utf8")) as { runtime: string; main: string };

interface Registered {
  type: string;
  name: string;
  custom: boolean;
  parent: string;
}
const registered: Registered[] = [];
const logs: string[] = [];
let server: InstanceType<typeof grpc.Server>;
let address = "";
let child: ChildProcess;
let client: any;
let stderr = "";

/** JSON values only (a protobuf Struct has no undefined). */
const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as Record<string, unknown>;
const call = <T>(method: string, req: unknown): Promise<T> => new Promise((ok, ko) => client[method](req, (e: Error | null, r: T) => (e ? ko(e) : ok(r))));

beforeAll(async () => {
  const mocks = createMocks({ config: { "aws:region": "us-east-1" }, rpc: rpcWire, providerInputs: () => undefined, onLookup: () => {} });
  server = new grpc.Server();
  const urnOf = (type: string, name: string, parent: string) =>
    `urn:pulumi:dev::platform-ai::${parent ? `${parent.split("::")[2]}$` : ""}${type}::${name}`;
  server.addService(resourceRpc.ResourceMonitorService, {
    supportsFeature: (c: any, cb: any) => {
      const resp = new resourcePb.SupportsFeatureResponse();
      resp.setHassupport(["secrets", "resourceReferences", "outputValues"].includes(c.request.getId()));
      cb(null, resp);
    },
    registerResource: (c: any, cb: any) => {
      const r = c.request;
      const inputs = r.getObject()?.toJavaScript() ?? {};
      const entry = { type: r.getType(), name: r.getName(), custom: r.getCustom(), parent: r.getParent() };
      registered.push(entry);
      const resp = new resourcePb.RegisterResourceResponse();
      resp.setUrn(urnOf(entry.type, entry.name, entry.parent));
      if (entry.custom) {
        const { id, state } = mocks.newResource({ type: entry.type, name: entry.name, inputs, provider: r.getProvider() || undefined });
        resp.setId(id);
        resp.setObject(Struct.fromJavaScript(plain(state)));
      } else {
        resp.setObject(Struct.fromJavaScript({}));
      }
      cb(null, resp);
    },
    registerResourceOutputs: (_c: any, cb: any) => cb(null, new Empty()),
    invoke: (c: any, cb: any) => {
      const resp = new resourcePb.ResourceInvokeResponse();
      resp.setReturn(Struct.fromJavaScript(plain(mocks.call({ token: c.request.getTok(), inputs: c.request.getArgs()?.toJavaScript() ?? {}, provider: c.request.getProvider() || undefined }))));
      cb(null, resp);
    },
  });
  server.addService(engineRpc.EngineService, {
    log: (c: any, cb: any) => (logs.push(c.request.getMessage()), cb(null, new Empty())),
    getRootResource: (_c: any, cb: any) => cb(null, new enginePb.GetRootResourceResponse()),
    setRootResource: (_c: any, cb: any) => cb(null, new enginePb.SetRootResourceResponse()),
  });
  const port = await new Promise<number>((ok, ko) => server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? ko(e) : ok(p))));
  address = `127.0.0.1:${port}`;

  // As the engine starts a plugin: its entry with the engine's address; it prints its port.
  child = spawn(process.execPath, [join(COMPONENTS, plugin.main), address], { cwd: COMPONENTS, stdio: ["ignore", "pipe", "pipe"] });
  stderr = "";
  child.stderr!.on("data", (d) => (stderr += d));
  const providerPort = await new Promise<number>((ok, ko) => {
    let out = "";
    child.stdout!.on("data", (d) => {
      out += d;
      const m = /^(\d+)\s*$/m.exec(out);
      if (m) ok(Number(m[1]));
    });
    child.once("exit", (code) => ko(new Error(`the provider exited with ${code}: ${stderr}`)));
  });
  client = new providerRpc.ResourceProviderClient(`127.0.0.1:${providerPort}`, grpc.credentials.createInsecure());
}, 120_000);

afterAll(async () => {
  client?.close();
  child?.kill();
  server?.forceShutdown();
});

describe("the component provider", () => {
  it("PulumiPlugin.yaml: a nodejs plugin whose main is the built provider entry", () => {
    expect(plugin.runtime).toBe("nodejs");
    expect(plugin.main).toBe("dist/provider/main.js");
  });

  let schema: any;
  it("GetSchema lists all fifteen cells with their inputs", async () => {
    const req = new providerPb.GetSchemaRequest();
    req.setVersion(0);
    const resp = await call<any>("getSchema", req);
    schema = JSON.parse(resp.getSchema());
    expect(schema.name).toBe("aitracks");
    expect(schema.version).toBe(JSON.parse(readFileSync(join(COMPONENTS, "package.json"), "utf8")).version);
    const tokens = Object.keys(schema.resources).sort();
    const expected = ["aws", "gcp", "azure"].flatMap((cloud) => ["Build", "Buy", "FineTune", "Serving", "Evaluation"].map((t) => `aitracks:${cloud}:${t}Track`)).sort();
    expect(tokens).toEqual(expected);
    for (const token of tokens) {
      const r = schema.resources[token];
      expect(r.isComponent, token).toBe(true);
      expect(Object.keys(r.inputProperties).length, token).toBeGreaterThan(2);
      expect(r.inputProperties.region, `${token} region`).toMatchObject({ type: "string" });
      expect(r.description, token).toMatch(/Track: the /);
    }
  });

  it("field docs: each field's JSDoc in the zod schema is its description, for every language's SDK", () => {
    const buy = schema.resources["aitracks:aws:BuyTrack"];
    // The field's own JSDoc (aws/buy.ts) ...
    expect(buy.inputProperties.models.description).toMatch(/^Bedrock model ids in priority order: the first serves/);
    // ... a nested object's field (the guardrail's), with the zod default added, not the JSDoc's @default ...
    expect(schema.types["aitracks:aws:BuyTrackGuardrail"].properties.contentFilterStrength.description).toBe(
      'Strength of the hate, insults, sexual, violence and misconduct filters. One of "NONE", "LOW", "MEDIUM", "HIGH". Default: `"HIGH"`.',
    );
    // ... a reused schema's doc where the field has none (common/args.ts alertEmailsArg), and each cloud's own region doc.
    expect(buy.inputProperties.alertEmails.description).toMatch(/^Who gets the budget emails/);
    expect(schema.resources["aitracks:gcp:BuyTrack"].inputProperties.region.description).toMatch(/GCP region/);
    // Nearly every field is described: a field added without a doc, or a generator that finds none, shows here.
    const fields = [...Object.values<any>(schema.resources).map((r) => r.inputProperties), ...Object.values<any>(schema.types).map((t) => t.properties)].flatMap((p) => Object.values<any>(p));
    const described = fields.filter((f) => typeof f.description === "string" && f.description.length > 0).length;
    expect(described / fields.length).toBeGreaterThan(0.9);
  });

  it("the generated field docs are those of the sources (node scripts/field-docs.mjs --check)", async () => {
    const { execFileSync } = await import("node:child_process");
    expect(() => execFileSync(process.execPath, [join(ROOT, "scripts/field-docs.mjs"), "--check"], { stdio: "pipe" })).not.toThrow();
  });

  it("the buy track's inputs: required fields, enums, defaults, nested types", () => {
    const buy = schema.resources["aitracks:aws:BuyTrack"];
    expect(buy.requiredInputs).toEqual(expect.arrayContaining(["region", "models", "monthlyBudgetUsd"]));
    expect(buy.requiredInputs).not.toContain("inferenceProfile");
    expect(buy.inputProperties.models).toMatchObject({ type: "array", items: { type: "string" } });
    expect(buy.inputProperties.monthlyBudgetUsd).toMatchObject({ type: "number" });
    expect(buy.inputProperties.inferenceProfile).toMatchObject({ type: "string", default: "auto" });
    expect(buy.inputProperties.inferenceProfile.description).toContain('One of "auto", "always", "never"');
    expect(buy.inputProperties.guardrail).toMatchObject({ $ref: "#/types/aitracks:aws:BuyTrackGuardrail" });
    const guardrail = schema.types["aitracks:aws:BuyTrackGuardrail"];
    expect(guardrail.properties.contentFilterStrength).toMatchObject({ type: "string", default: "HIGH" });
    expect(guardrail.properties.deniedTopics.items).toEqual({ $ref: "#/types/aitracks:aws:BuyTrackGuardrailDeniedTopics" });
    expect(schema.types["aitracks:aws:BuyTrackGuardrailDeniedTopics"].required).toEqual(["name", "definition"]);
    // Every $ref names a type the schema defines.
    const refs = [...JSON.stringify(schema).matchAll(/"\$ref":"#\/types\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.filter((r) => !schema.types[r])).toEqual([]);
  });

  it("the YAML example sets only properties the schema has, with matching types, and every required input", () => {
    const program = parse(readFileSync(join(ROOT, "examples", "yaml", "buy-aws", "Pulumi.yaml"), "utf8")) as { runtime: string; resources: Record<string, { type: string; properties: Record<string, unknown> }> };
    expect(program.runtime).toBe("yaml");
    const problems: string[] = [];
    for (const [name, res] of Object.entries(program.resources)) {
      const spec = schema.resources[res.type];
      if (!spec) {
        problems.push(`${name}: unknown type ${res.type}`);
        continue;
      }
      for (const req of spec.requiredInputs ?? []) if (!(req in res.properties)) problems.push(`${name}: required input ${req} missing`);
      for (const [k, v] of Object.entries(res.properties)) checkValue(`${name}.${k}`, v, spec.inputProperties[k], problems);
    }
    expect(problems).toEqual([]);
    // The check itself fails on a wrong property, type or enum-free mismatch.
    const bad: string[] = [];
    checkValue("x", "500", schema.resources["aitracks:aws:BuyTrack"].inputProperties.monthlyBudgetUsd, bad);
    checkValue("g", { contentFilterStrength: "HIGH", colour: "red" }, schema.resources["aitracks:aws:BuyTrack"].inputProperties.guardrail, bad);
    expect(bad).toEqual(["x: expected number, got string", "g.colour: not in the schema"]);
  });

  /** A value against a schema property: type, array items, object types' properties and required ones. */
  function checkValue(path: string, v: unknown, spec: any, problems: string[]): void {
    if (!spec) return void problems.push(`${path}: not in the schema`);
    if (spec.$ref === "pulumi.json#/Any") return;
    if (typeof spec.$ref === "string") {
      const t = schema.types[spec.$ref.replace("#/types/", "")];
      if (!v || typeof v !== "object" || Array.isArray(v)) return void problems.push(`${path}: expected an object`);
      for (const req of t.required ?? []) if (!(req in (v as object))) problems.push(`${path}.${req}: required, missing`);
      for (const [k, x] of Object.entries(v as object)) checkValue(`${path}.${k}`, x, t.properties[k], problems);
      return;
    }
    const got = Array.isArray(v) ? "array" : v === null ? "null" : typeof v;
    const want = spec.type === "integer" ? "number" : spec.type;
    if (got !== want) return void problems.push(`${path}: expected ${want}, got ${got}`);
    if (spec.type === "array") (v as unknown[]).forEach((x, i) => checkValue(`${path}[${i}]`, x, spec.items, problems));
    if (spec.type === "object" && spec.additionalProperties) for (const [k, x] of Object.entries(v as object)) checkValue(`${path}.${k}`, x, spec.additionalProperties, problems);
  }

  it("Construct of an aitracks:aws:BuyTrack registers the component and the children the TypeScript component creates", async () => {
    const req = new providerPb.ConstructRequest();
    req.setProject("platform-ai");
    req.setStack("dev");
    req.setOrganization("organization");
    req.setDryrun(true);
    req.setParallel(4);
    req.setMonitorendpoint(address);
    req.setType("aitracks:aws:BuyTrack");
    req.setName("support-assistant");
    req.setAcceptsOutputValues(true);
    req.getConfigMap().set("aws:region", "us-east-1");
    req.setInputs(Struct.fromJavaScript({ region: "us-east-1", models: ["anthropic.claude-3-5-haiku-20241022-v1:0"], monthlyBudgetUsd: 500, tags: { team: "platform" } }));
    const resp = await call<any>("construct", req);
    expect(resp.getUrn()).toBe("urn:pulumi:dev::platform-ai::aitracks:aws:BuyTrack::support-assistant");
    const state = resp.getState().toJavaScript();
    expect(state.track).toBe("buy");
    expect(state.cloud).toBe("aws");
    const component = registered.find((r) => r.type === "aitracks:aws:BuyTrack");
    expect(component).toMatchObject({ name: "support-assistant", custom: false });
    const children = registered.filter((r) => r.custom).map((r) => `${r.type} ${r.name}`);
    expect(children).toEqual(
      expect.arrayContaining([
        "aws:bedrock/guardrail:Guardrail support-assistant-guardrail",
        "aws:budgets/budget:Budget support-assistant-budget",
        "aws:kms/key:Key support-assistant-key",
        "aws:iam/role:Role support-assistant-app-role",
      ]),
    );
  });

  it("Construct of a type it does not serve fails, naming it", async () => {
    const req = new providerPb.ConstructRequest();
    req.setProject("platform-ai");
    req.setStack("dev");
    req.setMonitorendpoint(address);
    req.setType("aitracks:aws:NoSuchTrack");
    req.setName("x");
    req.setInputs(Struct.fromJavaScript({}));
    await expect(call("construct", req)).rejects.toThrow(/unknown resource type aitracks:aws:NoSuchTrack/);
  });
});
