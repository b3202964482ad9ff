/**
 * Two small bridges from what the Pulumi engine sends a policy pack to what @pulumi/policy 1.21
 * hands policies (https://github.com/pulumi/pulumi-policy/issues/241), and the pack's own Analyze
 * and AnalyzeStack handlers. Installed once by `index.ts` before the pack starts serving; remove
 * the bridges when the SDK exposes both. test/policies/engine-shim.test.ts pins the @pulumi/policy
 * version it patches and fails on a new one.
 *
 * 1. Secrets: the SDK deserializes each resource's properties with secrets unwrapped. We wrap its
 *    `deserializeProperties` to record where the secrets were (SECRET_PATHS), so the
 *    no-plaintext-secrets policy can tell a secret from plain text; and to deserialize each
 *    request's properties once, not once per policy.
 * 2. Stack config: `ConfigureStack` carries the stack's config and its secret keys; the SDK reads
 *    only the tags from that request. We record the config when the SDK reads the tags.
 * 3. Handlers: when the SDK's `serve` registers its AnalyzerService, Analyze and AnalyzeStack are
 *    replaced by ours (analyzer-handlers.ts: the SDK's, building the stack's resources once per
 *    request instead of once per stack policy; same answers, byte for byte), and their requests'
 *    Structs are read straight to the JavaScript values the handlers use (struct-reader.ts).
 */
import { dirname } from "node:path";
import { withFasterHandlers, type Served } from "./analyzer-handlers";
import { attachSecretPaths, secretPathsOf } from "./secrets";
import { structsAsJavaScript } from "./struct-reader";
import { setStackConfig } from "./stack-config";

let installed = false;

interface StructLike {
  toJavaScript(): unknown;
}
interface ProtoMap {
  forEach(cb: (v: string, k: string) => void): void;
}

export function installEngineShim(): void {
  if (installed) return;
  installed = true;
  // The same module instances the policy server uses (@pulumi/policy has no nested copies).
  const deserialize = require("@pulumi/policy/deserialize") as {
    deserializeProperties(struct: StructLike, proxySecrets: boolean): object;
  };
  const original = deserialize.deserializeProperties;
  // The server deserializes a request's properties again for every policy (makeAnalyzeRpcFun:
  // one Analyze of a resource = one deserialization per resource policy, the same Struct each
  // time). Done once per Struct here: the policies share one props object per resource, as they
  // do in the in-process engine (1,000 resources over the analyzer: 100 conversions each before).
  const done = [new WeakMap<object, object>(), new WeakMap<object, object>()];
  deserialize.deserializeProperties = (struct, proxySecrets) => {
    const memo = done[proxySecrets ? 1 : 0]!;
    const hit = memo.get(struct);
    if (hit) return hit;
    const props = attachSecretPaths(original(struct, proxySecrets), secretPathsOf(struct.toJavaScript()));
    memo.set(struct, props);
    return props;
  };

  const analyzerPb = require("@pulumi/pulumi/proto/analyzer_pb") as {
    AnalyzerStackConfigureRequest: { prototype: { getTagsMap(): unknown; getConfigMap(): ProtoMap; getConfigSecretKeysList(): string[] } };
  };
  const proto = analyzerPb.AnalyzerStackConfigureRequest.prototype;
  const getTags = proto.getTagsMap;
  proto.getTagsMap = function (this: typeof proto) {
    const values: Record<string, string> = {};
    this.getConfigMap().forEach((v, k) => {
      values[k] = v;
    });
    setStackConfig({ values, secretKeys: this.getConfigSecretKeysList() });
    return getTags.call(this);
  };

  serveOurHandlers();
}

/** The SDK's own implementation behind ours, for the test that compares their answers. */
const SDK_IMPLEMENTATION = new WeakMap<object, Record<string, unknown>>();
export function sdkImplementationOf(ours: object): Record<string, unknown> | undefined {
  return SDK_IMPLEMENTATION.get(ours);
}

/**
 * Wrap the SDK's `serve` (PolicyPack calls it through the module object): while it runs, the gRPC
 * server it builds registers our Analyze and AnalyzeStack for the AnalyzerService.
 */
function serveOurHandlers(): void {
  const server = require("@pulumi/policy/server") as { serve(name: string, version: string, level: Served["enforcementLevel"], args: { policies?: unknown[] }, initialConfig?: unknown): void };
  const policyDir = dirname(require.resolve("@pulumi/policy/server"));
  const fromSdk = <T>(id: string) => require(require.resolve(id, { paths: [policyDir] })) as T;
  const grpc = fromSdk<{ Server: { prototype: { addService(service: unknown, impl: Record<string, unknown>): void } } }>("@grpc/grpc-js");
  const analyzerService = fromSdk<{ AnalyzerService: Record<string, { requestDeserialize(buffer: Buffer): unknown }> }>("@pulumi/pulumi/proto/analyzer_grpc_pb").AnalyzerService;
  // The Struct class the generated request decoders read with: the SDK's google-protobuf, as
  // @pulumi/pulumi's proto modules resolve it (not a copy of our own).
  const protoDir = dirname(require.resolve("@pulumi/pulumi/proto/analyzer_pb", { paths: [policyDir] }));
  const fromProto = <T>(id: string) => require(require.resolve(id, { paths: [protoDir] })) as T;
  const struct = fromProto<{ Struct: Parameters<typeof structsAsJavaScript>[0] }>("google-protobuf/google/protobuf/struct_pb").Struct;
  const faster = (method: string) => ({ ...analyzerService[method]!, requestDeserialize: structsAsJavaScript(struct, analyzerService[method]!.requestDeserialize) });
  const serve = server.serve;
  server.serve = function (name, version, level, args, initialConfig) {
    const proto = grpc.Server.prototype;
    const addService = proto.addService;
    proto.addService = function (this: unknown, service, impl) {
      if (service !== analyzerService) return addService.call(this, service, impl);
      const ours = withFasterHandlers(impl as never, { name, version, enforcementLevel: level, policies: args.policies ?? [] });
      SDK_IMPLEMENTATION.set(ours, impl);
      return addService.call(this, { ...analyzerService, analyze: faster("analyze"), analyzeStack: faster("analyzeStack") }, ours);
    };
    try {
      return serve.call(this, name, version, level, args, initialConfig);
    } finally {
      proto.addService = addService;
    }
  };
}
