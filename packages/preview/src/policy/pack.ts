/**
 * Where the policy pack lives and how to load its policies without serving it: `policies/lib/pack`
 * exports the arrays `policies/index.ts` wraps in a PolicyPack (importing index.ts itself would start
 * the pack's gRPC server).
 */
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { deferPolicyServer, deferSdkExtras } from "../lazy-sdk";
import type { EnforcementLevel, Policies, ResourceValidation } from "@pulumi/policy";

export interface LoadedPack {
  readonly name: string;
  readonly version: string;
  readonly dir: string;
  readonly enforcementLevel: EnforcementLevel;
  readonly policies: Policies;
  /** Hooks into the pack's own lib (the same module instances its policies read). */
  readonly setStackConfig: (c: { values: Record<string, string>; secretKeys: string[] } | undefined) => void;
  readonly attachSecretPaths: <T extends object>(props: T, paths: readonly string[]) => T;
  /** The types a validator applies to and its note for the rest, when the pack says (policies/lib/checks.ts). */
  readonly typeFilterOf: (validation: ResourceValidation) => { readonly types: ReadonlySet<string>; readonly reason: string } | undefined;
}

/** The folder of the @aitracks/policies package (PulumiPolicy.yaml, package.json, bin/). */
export function packDir(): string {
  return dirname(require.resolve("@aitracks/policies/package.json"));
}

let loaded: Promise<LoadedPack> | undefined;

/** The pack's policies, loaded once per process (policy modules are plain data and functions). */
export function loadPack(): Promise<LoadedPack> {
  loaded ??= (async () => {
    const dir = packDir();
    deferSdkExtras([dir]);
    // The policies are evaluated here, never served.
    deferPolicyServer([dir]);
    const pack = require("@aitracks/policies/pack") as typeof import("@aitracks/policies/pack");
    const version = (JSON.parse(readFileSync(`${dir}/package.json`, "utf8")) as { version: string }).version;
    return {
      name: pack.PACK_NAME,
      version,
      dir,
      enforcementLevel: pack.PACK_ENFORCEMENT_LEVEL,
      policies: pack.packPolicies,
      setStackConfig: pack.setStackConfig,
      attachSecretPaths: pack.attachSecretPaths,
      typeFilterOf: pack.typeFilterOf ?? (() => undefined),
    };
  })();
  return loaded;
}
