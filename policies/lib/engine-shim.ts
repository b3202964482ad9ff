/**
 * Two small bridges from what the Pulumi engine sends a policy pack to what @pulumi/policy 1.21
 * hands policies (https://github.com/pulumi/pulumi-policy/issues/241). Installed once by `index.ts`
 * before the pack starts serving; remove when the SDK exposes both. test/policies/engine-shim.test.ts
 * pins the @pulumi/policy version it patches and fails on a new one.
 *
 * 1. Secrets: the SDK deserializes each resource's properties with secrets unwrapped. We wrap its
 *    `deserializeProperties` to record where the secrets were (SECRET_PATHS), so the
 *    no-plaintext-secrets policy can tell a secret from plain text.
 * 2. Stack config: `ConfigureStack` carries the stack's config and its secret keys; the SDK reads
 *    only the tags from that request. We record the config when the SDK reads the tags.
 */
import { attachSecretPaths, secretPathsOf } from "./secrets";
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
  deserialize.deserializeProperties = (struct, proxySecrets) => {
    const props = original(struct, proxySecrets);
    return attachSecretPaths(props, secretPathsOf(struct.toJavaScript()));
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
}
