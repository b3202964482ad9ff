/**
 * The mocks object handed to `pulumi.runtime.setMocks`: every resource and lookup answered as the
 * cloud would answer it for this stack — in the region its provider (or the stack config) puts it,
 * with the provider's default tags, and with secrets kept secret the way the engine keeps them.
 */
import { packageOf, resolveRegion } from "../region";
import { mockResource } from "./index";
import { mockLookup } from "./lookups";
import { type Rpc, unwrapSecrets, wrapSecret } from "./secrets";

export type { Rpc } from "./secrets";

export interface MockContext {
  /** The stack config, fully-qualified keys to the string values Pulumi hands a program. */
  readonly config: Readonly<Record<string, string>>;
  /** The wire constants of the program's own `@pulumi/pulumi/runtime/rpc`. */
  readonly rpc: Rpc;
  /** The inputs of an explicit provider resource, by the `urn::id` reference resources name it by. */
  providerInputs(ref: string): Readonly<Record<string, unknown>> | undefined;
  /** Called for every provider function (invoke) the program calls; `mocked` is false for ones we only guess at. */
  onLookup(token: string, mocked: boolean): void;
}

interface ResourceArgs {
  readonly type: string;
  readonly name: string;
  readonly inputs: unknown;
  readonly provider?: string | undefined;
}
interface CallArgs {
  readonly token: string;
  readonly inputs: unknown;
  readonly provider?: string | undefined;
}

export function createMocks(ctx: MockContext): {
  newResource(args: ResourceArgs): { id: string; state: Record<string, unknown> };
  call(args: CallArgs): Record<string, unknown>;
} {
  const placement = (type: string, inputs: Record<string, unknown>, provider: string | undefined) => {
    const providerInputs = provider ? ctx.providerInputs(provider) : undefined;
    return {
      providerInputs,
      region: resolveRegion(type, inputs, providerInputs, ctx.config),
      project: projectOf(type, providerInputs, ctx.config),
    };
  };
  return {
    newResource(args) {
      const { value: inputs, secretKeys } = unwrapSecrets(args.inputs, ctx.rpc);
      const { providerInputs, region, project } = placement(args.type, inputs, args.provider);
      const defaultTags = packageOf(args.type) === "aws" && !args.type.startsWith("pulumi:providers:") ? awsDefaultTags(args.provider, providerInputs, ctx.config) : undefined;
      const { id, state } = mockResource({ type: args.type, name: args.name, inputs, region, project, defaultTags });
      // As the engine does: an output named like a secret input is secret. (Outputs the provider
      // declares secret come in the registration's additionalSecretOutputs; the run marks those.)
      for (const key of secretKeys) {
        if (key in state) state[key] = wrapSecret(state[key], ctx.rpc);
      }
      return { id, state };
    },
    call(args) {
      const { value: inputs } = unwrapSecrets(args.inputs, ctx.rpc);
      const { region, project } = placement(args.token, inputs, args.provider);
      const found = mockLookup(args.token, inputs, { region, project, config: ctx.config, rpc: ctx.rpc });
      ctx.onLookup(args.token, found !== undefined);
      // An unknown lookup answers with what it was asked: a plausible empty result, never a crash.
      return found ?? { ...inputs };
    },
  };
}

/** The GCP project of a resource's provider: its explicit provider's, else `gcp:project`. */
function projectOf(type: string, providerInputs: Readonly<Record<string, unknown>> | undefined, config: Readonly<Record<string, string>>): string | undefined {
  const pkg = packageOf(type);
  if (pkg !== "gcp" && pkg !== "google-native") return undefined;
  const p = providerInputs?.project;
  return typeof p === "string" && p && !p.startsWith("[") ? p : config[`${pkg}:project`];
}

/**
 * The tags an aws provider adds to every taggable resource (`defaultTags.tags`): an explicit
 * provider's own, or for the default provider the stack's `aws:defaultTags`. Provider inputs of
 * object type reach the engine JSON-encoded, as config values do.
 */
function awsDefaultTags(
  provider: string | undefined,
  providerInputs: Readonly<Record<string, unknown>> | undefined,
  config: Readonly<Record<string, string>>,
): Record<string, unknown> | undefined {
  const raw = provider && providerInputs ? providerInputs.defaultTags : config["aws:defaultTags"];
  let v: unknown = raw;
  if (typeof raw === "string") {
    try {
      v = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  const tags = v && typeof v === "object" ? (v as { tags?: unknown }).tags : undefined;
  return tags && typeof tags === "object" ? (tags as Record<string, unknown>) : undefined;
}
