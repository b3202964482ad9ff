/** Mock outputs for @pulumi/gcp resources and the Vertex AI dynamic resources: resource names, emails, self links. */
import { MOCK_GCP_PROJECT, MOCK_GCP_PROJECT_NUMBER, lowerFirst, shortHash, type MockInput } from "./common";

export function gcp(m: MockInput, module: string, kind: string, physical: string) {
  const project = (m.inputs.project as string | undefined) ?? m.project ?? MOCK_GCP_PROJECT;
  const location = (m.inputs.region as string | undefined) ?? (m.inputs.location as string | undefined) ?? m.region ?? "us-central1";
  const collection = `${lowerFirst(kind)}s`;
  let id = `projects/${project}/locations/${location}/${collection}/${physical}`;
  const state: Record<string, unknown> = { ...m.inputs, name: physical, project, effectiveLabels: m.inputs.labels ?? {} };
  switch (`${module}:${kind}`) {
    case "serviceaccount:Account":
      id = `projects/${project}/serviceAccounts/${physical}@${project}.iam.gserviceaccount.com`;
      state.email = `${m.inputs.accountId ?? physical}@${project}.iam.gserviceaccount.com`;
      state.member = `serviceAccount:${state.email}`;
      break;
    case "kms:KeyRing":
      id = `projects/${project}/locations/${location}/keyRings/${physical}`;
      break;
    case "kms:CryptoKey":
      id = `${String(m.inputs.keyRing ?? `projects/${project}/locations/${location}/keyRings/ring`)}/cryptoKeys/${physical}`;
      break;
    case "storage:Bucket":
      id = physical;
      Object.assign(state, { url: `gs://${physical}`, selfLink: `https://www.googleapis.com/storage/v1/b/${physical}` });
      break;
    case "vertex:AiEndpoint":
      state.name = String(m.inputs.name ?? numericId(physical));
      id = `projects/${project}/locations/${location}/endpoints/${String(state.name)}`;
      break;
    case "projects:Service":
      id = `${project}/${String(m.inputs.service ?? physical)}`;
      break;
    // Vertex AI resources are named by a numeric id the service assigns.
    case "vertex:AiEndpointWithModelGardenDeployment":
      id = `projects/${project}/locations/${location}/endpoints/${numericId(physical)}`;
      Object.assign(state, { endpoint: numericId(physical), deployedModelId: numericId(`${physical}dm`), deployedModelDisplayName: physical });
      break;
    case "vertex:AiEvaluationMetric":
      id = `projects/${project}/locations/${location}/evaluationMetrics/${String(m.inputs.evaluationMetricId ?? numericId(physical))}`;
      state.name = id;
      break;
    case "vertex:AiTensorboard":
      id = `projects/${MOCK_GCP_PROJECT_NUMBER}/locations/${location}/tensorboards/${numericId(physical)}`;
      state.name = id;
      break;
    case "vertex:AiPersistentResource":
      id = `projects/${project}/locations/${location}/persistentResources/${physical}`;
      break;
    case "projects:IAMCustomRole":
      id = `projects/${project}/roles/${String(m.inputs.roleId ?? physical)}`;
      state.name = id;
      break;
    case "artifactregistry:Repository":
      id = `projects/${project}/locations/${location}/repositories/${String(m.inputs.repositoryId ?? physical)}`;
      Object.assign(state, { name: m.inputs.repositoryId ?? physical, registryUri: `${location}-docker.pkg.dev/${project}/${String(m.inputs.repositoryId ?? physical)}` });
      break;
    case "compute:Network":
      id = `projects/${project}/global/networks/${physical}`;
      state.selfLink = `https://www.googleapis.com/compute/v1/${id}`;
      break;
    case "compute:Subnetwork":
      id = `projects/${project}/regions/${location}/subnetworks/${physical}`;
      state.selfLink = `https://www.googleapis.com/compute/v1/${id}`;
      break;
    case "compute:GlobalAddress":
      id = `projects/${project}/global/addresses/${physical}`;
      break;
    case "parametermanager:RegionalParameter":
      id = `projects/${project}/locations/${location}/parameters/${String(m.inputs.parameterId ?? physical)}`;
      state.name = id;
      break;
    case "bigquery:Dataset":
      id = `projects/${project}/datasets/${String(m.inputs.datasetId ?? physical)}`;
      break;
    case "bigquery:Table":
      id = `projects/${project}/datasets/${String(m.inputs.datasetId ?? "dataset")}/tables/${String(m.inputs.tableId ?? physical)}`;
      break;
    case "monitoring:NotificationChannel":
      id = `projects/${project}/notificationChannels/${numericId(physical)}`;
      state.name = id;
      break;
    case "vertex-dynamic:TuningJob": {
      const n = numericId(physical);
      id = `projects/${project}/locations/${location}/tuningJobs/${n}`;
      Object.assign(state, {
        jobName: id,
        state: "JOB_STATE_SUCCEEDED",
        tunedModelName: `projects/${MOCK_GCP_PROJECT_NUMBER}/locations/${location}/models/${numericId(`${physical}m`)}@1`,
        tunedModelEndpoint: `projects/${MOCK_GCP_PROJECT_NUMBER}/locations/${location}/endpoints/${numericId(`${physical}e`)}`,
        experiment: `projects/${MOCK_GCP_PROJECT_NUMBER}/locations/${location}/metadataStores/default/contexts/tuning-experiment-${n}`,
        createTime: "2026-11-01T00:00:00Z",
      });
      state.name = physical;
      break;
    }
    case "vertex-dynamic:EvaluationRun":
      id = `projects/${project}/locations/${location}/evaluationRuns/${numericId(physical)}`;
      Object.assign(state, { runName: id, state: "SUCCEEDED", summaryMetrics: "", createTime: "2026-11-01T00:00:00Z" });
      break;
    case "vertex-dynamic:DeployedModel": {
      const dm = numericId(physical);
      id = `${String(m.inputs.endpoint ?? `projects/${project}/locations/${location}/endpoints/1`)}/deployedModels/${dm}`;
      state.deployedModelId = dm;
      break;
    }
    case "billing:Budget":
      id = `billingAccounts/${String(m.inputs.billingAccount ?? "000000-000000-000000")}/budgets/${shortHash(physical)}-budget`;
      state.name = id;
      break;
  }
  state.id = id;
  state.selfLink ??= `https://${module}.googleapis.com/v1/${id}`;
  return { id, state };
}

/** A stable numeric id (Vertex AI names endpoints and tensorboards by number). */
function numericId(s: string): string {
  return String(parseInt(shortHash(s), 16) + 1_000_000_000);
}

