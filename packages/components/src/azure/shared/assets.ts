import * as pulumi from "@pulumi/pulumi";
import { CodeVersion, DataVersion } from "@pulumi/azure-native/machinelearningservices";
import { fieldError } from "../../common/errors";
import type { AzureFoundation } from "./foundation";
import type { MlWorkspace } from "./workspace";

/** A curated Azure ML environment for PyTorch on CUDA GPUs (the ACPT image). */
export const DEFAULT_GPU_ENVIRONMENT = "azureml://registries/azureml/environments/acpt-pytorch-2.2-cuda12.1/labels/latest";
/** A curated CPU environment with the Azure AI evaluation SDK's dependencies. */
export const DEFAULT_CPU_ENVIRONMENT = "azureml://registries/azureml/environments/sklearn-1.5/labels/latest";

const ASSET_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/;
const ENVIRONMENT = /^(azureml:\/\/registries\/[^/]+\/environments\/[^/]+\/(versions|labels)\/[^/]+|azureml:[A-Za-z0-9_-]+(:[A-Za-z0-9._-]+|@latest)|\/subscriptions\/.+\/environments\/.+)$/;

/**
 * Where data lives, as Azure ML addresses it. A relative path is a folder of the workspace's own
 * (customer-key-encrypted) blob datastore; azureml:// and https:// blob URIs pass through.
 */
export function dataUri(field: string, uri: string): string {
  if (/^azureml:\/\/datastores\/[A-Za-z0-9_]+\/paths\/.+/.test(uri)) return uri;
  if (/^https:\/\/[a-z0-9]{3,24}\.blob\.core\.windows\.net\/[a-z0-9-]{3,63}\/.*/.test(uri)) return uri;
  if (/^[A-Za-z0-9._-][A-Za-z0-9._/-]*$/.test(uri) && !uri.includes("..")) return `azureml://datastores/workspaceblobstore/paths/${uri}`;
  fieldError(field, `expected a folder of the workspace's datastore (corpus/v1/), an azureml://datastores/<name>/paths/<path> URI or an https://<account>.blob.core.windows.net/<container>/<path> URL, got ${JSON.stringify(uri)}`);
}

export function assetName(field: string, name: string): string {
  if (!ASSET_NAME.test(name)) fieldError(field, `expected a name of letters, digits, dashes and underscores, got ${JSON.stringify(name)}`);
  return name;
}

export function environmentId(field: string, env: string): string {
  if (!ENVIRONMENT.test(env)) fieldError(field, `expected an Azure ML environment (azureml://registries/<r>/environments/<name>/versions/<v>, azureml:<name>:<version>), got ${JSON.stringify(env)}`);
  return env;
}

/** A job input key for an asset name: job input names are identifiers. */
export function inputKey(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, "_");
}

/** A registered, versioned data asset (a folder or a file) in the workspace. */
export function dataAsset(
  name: string,
  ws: MlWorkspace,
  f: AzureFoundation,
  a: { assetName: string; version: string; type: "uri_folder" | "uri_file"; uri: string; description: string },
  parent: pulumi.Resource,
): DataVersion {
  return new DataVersion(
    name,
    {
      name: a.assetName,
      version: a.version,
      workspaceName: ws.workspaceName,
      resourceGroupName: f.resourceGroupName,
      properties: a.type === "uri_folder" ? { dataType: "uri_folder", dataUri: a.uri, description: a.description } : { dataType: "uri_file", dataUri: a.uri, description: a.description },
    },
    { parent },
  );
}

/** The job's code, registered as a versioned code asset from a folder in blob storage. */
export function codeAsset(name: string, ws: MlWorkspace, f: AzureFoundation, a: { assetName: string; uri: string }, parent: pulumi.Resource): CodeVersion {
  return new CodeVersion(
    name,
    { name: a.assetName, version: "1", workspaceName: ws.workspaceName, resourceGroupName: f.resourceGroupName, properties: { codeUri: a.uri } },
    { parent },
  );
}
