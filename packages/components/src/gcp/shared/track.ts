import type * as pulumi from "@pulumi/pulumi";
import { enableApis } from "./apis";
import { secureBucket, withDependencies, type SecureBucket } from "./bucket";
import { cmekKey, type Cmek } from "./kms";
import type { Labels } from "./labels";
import { gcpProject, type GcpProject } from "./project";

/** Where every GCP track starts: its project, the APIs it turns on, and the options its children take. */
export interface GcpTrackBase {
  /** `{ parent: track }`: for children that need no API (the API services themselves). */
  readonly parent: pulumi.CustomResourceOptions;
  readonly project: GcpProject;
  /** `parent` plus a dependency on every API the track turned on: what the track's resources take. */
  readonly after: pulumi.CustomResourceOptions;
}

/** Look up the track's project, turn on the APIs it needs, and make its resources wait for them. */
export function gcpTrackBase(name: string, track: pulumi.Resource, region: string, apis: readonly string[]): GcpTrackBase {
  const parent = { parent: track };
  const project = gcpProject(region, track);
  const services = enableApis(name, project, apis, parent);
  return { parent, project, after: withDependencies(parent, services) };
}

/** A track's data on Vertex AI: the key that the bucket, Vertex AI and BigQuery encrypt with, and the bucket. */
export interface VertexDataStore {
  readonly cmek: Cmek;
  readonly bucket: SecureBucket;
}

/**
 * The CMEK key (storage, aiplatform and bigquery agents) and the CMEK `<name>-data` bucket the
 * Vertex AI data tracks (fine-tune, evaluation) keep their datasets and results in.
 */
export function vertexDataStore(name: string, project: GcpProject, labels: Labels, opts: pulumi.CustomResourceOptions): VertexDataStore {
  const cmek = cmekKey(`${name}-key`, project, { agents: ["storage", "aiplatform", "bigquery"], labels }, opts);
  const bucket = secureBucket(`${name}-data`, project, { cmek, labels }, opts);
  return { cmek, bucket };
}
