import * as pulumi from "@pulumi/pulumi";
import { Dataset } from "@pulumi/gcp/bigquery";
import { withDependencies } from "./bucket";
import type { Cmek } from "./kms";
import type { Labels } from "./labels";
import type { GcpProject } from "./project";

export interface RequestLogDataset {
  readonly dataset: Dataset;
  /** The BigQuery dataset id (`<name>_request_logs`). */
  readonly datasetId: pulumi.Output<string>;
  /** `bq://project.dataset`, or `bq://project.dataset.table` with a table: what Vertex AI logging configs take. */
  uri(table?: string): pulumi.Output<string>;
}

/**
 * The BigQuery dataset Vertex AI writes sampled requests and responses to (an endpoint's
 * request-response logging, a publisher model's logging config): in the track's region, encrypted
 * by default with the track's key (created after the BigQuery agent may use it), its tables kept
 * when the stack is destroyed.
 */
export function requestLogDataset(
  name: string,
  project: GcpProject,
  args: { readonly cmek: Cmek; readonly labels: Labels; readonly description: string },
  opts: pulumi.CustomResourceOptions,
): RequestLogDataset {
  const dataset = new Dataset(
    `${name}-request-logs`,
    {
      project: project.projectId,
      datasetId: `${name.replace(/-/g, "_")}_request_logs`,
      location: project.region,
      description: args.description,
      defaultEncryptionConfiguration: { kmsKeyName: args.cmek.id },
      deleteContentsOnDestroy: false,
      labels: args.labels,
    },
    withDependencies(opts, args.cmek.grants),
  );
  return {
    dataset,
    datasetId: dataset.datasetId,
    uri: (table) => pulumi.interpolate`bq://${project.projectId}.${dataset.datasetId}${table ? `.${table}` : ""}`,
  };
}
