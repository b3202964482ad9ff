/**
 * Which track and cloud a resource belongs to: the one home of that fact. Track components
 * register their identity (`{track, cloud, region, models…}`) as their inputs, so a reader of
 * the graph — the cost model, the policies, the preview's tree — reads it there, for any track,
 * including one added after this file was written. Graphs without component inputs (a
 * `pulumi preview --json` under `PULUMI_NODEJS_SKIP_COMPONENT_INPUTS`) fall back to the type
 * token, looked up in a table built from TRACKS and CLOUDS, never a pattern over names.
 */
// The names only, not the schemas: identity loads no zod (the preview child and the pack import it).
import { CLOUDS, TRACKS, type Cloud, type Track } from "./names";

/**
 * What a track component registers as its inputs. `models` and `instanceTypes` are what a cost
 * module or a policy needs to know without reading the stack config.
 */
export interface TrackIdentity {
  readonly track: string;
  readonly cloud: Cloud;
  /** The region (AWS, GCP) or location (Azure) the track provisions in. */
  readonly region: string;
  /** Model ids the track serves, primary first. */
  readonly models?: readonly string[];
  /** Instance, machine or VM types the track runs on. */
  readonly instanceTypes?: readonly string[];
}

/** Every aitracks component type token starts with this; a user's own component never does. */
export const COMPONENT_TYPE_PREFIX = "aitracks:";

/** `fine-tune` -> `FineTune`. */
function pascal(track: string): string {
  return track
    .split("-")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
}

/** The type token of a track's component: `aitracks:aws:FineTuneTrack`. */
export function trackComponentType(cloud: Cloud, track: string): string {
  return `${COMPONENT_TYPE_PREFIX}${cloud}:${pascal(track)}Track`;
}

const BY_TYPE: ReadonlyMap<string, { track: Track; cloud: Cloud }> = new Map(
  TRACKS.flatMap((track) => CLOUDS.map((cloud) => [trackComponentType(cloud, track), { track, cloud }] as const)),
);

/**
 * The identity of a component resource, or undefined when it is not a track component: its
 * registered inputs first (any track), else its type token among the known tracks.
 */
export function trackIdentityOf(type: string, inputs?: Readonly<Record<string, unknown>>): { track: string; cloud: Cloud } | undefined {
  if (!type.startsWith(COMPONENT_TYPE_PREFIX)) return undefined;
  const track = inputs?.track;
  const cloud = inputs?.cloud;
  if (typeof track === "string" && track !== "" && isCloud(cloud)) return { track, cloud };
  return BY_TYPE.get(type);
}

/** The models a track component registered, primary first ([] when it registered none). */
export function trackModelsOf(inputs: Readonly<Record<string, unknown>> | undefined): string[] {
  const models = inputs?.models;
  return Array.isArray(models) ? models.filter((m): m is string => typeof m === "string") : [];
}

export function isCloud(v: unknown): v is Cloud {
  return typeof v === "string" && (CLOUDS as readonly string[]).includes(v);
}

/** Pulumi packages by the cloud they provision (a provider's type is `pulumi:providers:<package>`). */
const CLOUD_PACKAGES: Readonly<Record<string, Cloud>> = {
  aws: "aws",
  "aws-native": "aws",
  gcp: "gcp",
  "google-native": "gcp",
  "azure-native": "azure",
  azure: "azure",
};

/**
 * The cloud of a type token: its Pulumi package's cloud, or the cloud segment of an aitracks
 * component type. Undefined for Pulumi's own types and dynamic resources (their track says).
 */
export function cloudOf(type: string): Cloud | undefined {
  const pkg = type.startsWith("pulumi:providers:") ? type.slice("pulumi:providers:".length) : type.split(":")[0]!;
  const byPackage = CLOUD_PACKAGES[pkg];
  if (byPackage) return byPackage;
  if (!type.startsWith(COMPONENT_TYPE_PREFIX)) return undefined;
  const cloud = type.slice(COMPONENT_TYPE_PREFIX.length).split(":")[0];
  return isCloud(cloud) ? cloud : undefined;
}

/** True for a type of a cloud's own Pulumi package (not providers, components, the stack or dynamic resources). */
export function isCloudPackageType(type: string): boolean {
  return CLOUD_PACKAGES[type.split(":")[0]!] !== undefined;
}

/** The prefix of every dynamic resource's type token. */
export const DYNAMIC_TYPE_PREFIX = "pulumi-nodejs:dynamic";

/**
 * The dynamic resources aitracks defines (no provider resource exists for them). Pulumi registers
 * each as `pulumi-nodejs:dynamic/<module>:<name>`; components, the cost registry, the free list
 * and the mocks all name them through this table.
 */
export const DYNAMIC_RESOURCES = {
  bedrockCustomizationJobWait: dynamic("bedrock", "CustomizationJobWait"),
  vertexTuningJob: dynamic("vertex", "TuningJob"),
  vertexEvaluationRun: dynamic("vertex", "EvaluationRun"),
  vertexDeployedModel: dynamic("vertex", "DeployedModel"),
  vertexPublisherModelLogging: dynamic("vertex", "PublisherModelLogging"),
  azureOpenAiFile: dynamic("azure-openai", "File"),
  azureOpenAiFineTuningJob: dynamic("azure-openai", "FineTuningJob"),
  azureOpenAiEvaluation: dynamic("azure-openai", "Evaluation"),
} as const;

/** The module of a dynamic resource's type (`vertex` for `pulumi-nodejs:dynamic/vertex:TuningJob`), else undefined. */
export function dynamicModuleOf(type: string): string | undefined {
  if (!type.startsWith(`${DYNAMIC_TYPE_PREFIX}/`)) return undefined;
  return type.slice(DYNAMIC_TYPE_PREFIX.length + 1).split(":")[0];
}

function dynamic<M extends string, N extends string>(module: M, name: N) {
  return { module, name, type: `${DYNAMIC_TYPE_PREFIX}/${module}:${name}` as const };
}
