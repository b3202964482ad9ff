/**
 * Mock outputs for azure-native resources: ARM ids with their parents' segments (a deployment's
 * id is under its account's), the names applications use, and the outputs components read
 * (endpoints, vault URIs, identity ids). Also the Azure OpenAI dynamic resources (fine-tuning
 * jobs, evaluations), which have no provider to ask under mocks.
 */
import { MOCK_SUBSCRIPTION, MOCK_TENANT, lowerFirst, shortHash, type MockInput } from "./common";

const subscription = () => `/subscriptions/${MOCK_SUBSCRIPTION}`;

const PROVIDER_NAMESPACES: Record<string, string> = {
  machinelearningservices: "Microsoft.MachineLearningServices",
  cognitiveservices: "Microsoft.CognitiveServices",
  keyvault: "Microsoft.KeyVault",
  storage: "Microsoft.Storage",
  network: "Microsoft.Network",
  privatedns: "Microsoft.Network",
  monitor: "Microsoft.Insights",
  applicationinsights: "Microsoft.Insights",
  operationalinsights: "Microsoft.OperationalInsights",
  consumption: "Microsoft.Consumption",
  authorization: "Microsoft.Authorization",
  resources: "Microsoft.Resources",
  managedidentity: "Microsoft.ManagedIdentity",
};

/** A GUID derived from a string: stable principal, client and workspace ids. */
export function mockGuid(seed: string): string {
  const h = Array.from({ length: 4 }, (_, i) => shortHash(`${i}:${seed}`).padEnd(8, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}


export function azureMock(m: MockInput, module: string, kind: string, physical: string): { id: string; state: Record<string, unknown> } {
  const SUB = subscription();
  const i = m.inputs;
  const s = (k: string): string | undefined => (typeof i[k] === "string" && i[k] ? (i[k] as string) : undefined);
  const location = s("location") ?? m.region ?? "eastus";
  const rg = `${SUB}/resourceGroups/${s("resourceGroupName") ?? "rg"}`;
  const ns = (mod: string) => `${rg}/providers/${PROVIDER_NAMESPACES[mod] ?? mod}`;
  const ws = `${ns("machinelearningservices")}/workspaces/${s("workspaceName") ?? "workspace"}`;
  const account = `${ns("cognitiveservices")}/accounts/${s("accountName") ?? "account"}`;
  const storage = `${ns("storage")}/storageAccounts/${s("accountName") ?? "storage"}`;
  const state: Record<string, unknown> = { ...i, location };
  let name = physical;
  let id: string;
  switch (`${module}:${kind}`) {
    case "resources:ResourceGroup":
      name = s("resourceGroupName") ?? physical;
      id = `${SUB}/resourceGroups/${name}`;
      break;
    case "resources:Deployment":
      name = s("deploymentName") ?? physical;
      id = `${ns("resources")}/deployments/${name}`;
      break;
    case "managedidentity:UserAssignedIdentity":
      name = s("resourceName") ?? physical;
      id = `${ns("managedidentity")}/userAssignedIdentities/${name}`;
      Object.assign(state, { principalId: mockGuid(`principal:${id}`), clientId: mockGuid(`client:${id}`), tenantId: MOCK_TENANT });
      break;
    case "keyvault:Vault":
      name = s("vaultName") ?? physical;
      id = `${ns("keyvault")}/vaults/${name}`;
      state.properties = { ...(i.properties as object), vaultUri: `https://${name}.vault.azure.net/` };
      break;
    case "keyvault:Key": {
      name = s("keyName") ?? physical;
      const vault = s("vaultName") ?? "vault";
      id = `${ns("keyvault")}/vaults/${vault}/keys/${name}`;
      Object.assign(state, { keyUri: `https://${vault}.vault.azure.net/keys/${name}`, keyUriWithVersion: `https://${vault}.vault.azure.net/keys/${name}/0123456789abcdef0123456789abcdef` });
      break;
    }
    case "storage:StorageAccount":
      name = s("accountName") ?? physical;
      id = storage.replace(/[^/]+$/, name);
      state.primaryEndpoints = Object.fromEntries(["blob", "dfs", "file", "queue", "table"].map((k) => [k, `https://${name}.${k}.core.windows.net/`]));
      break;
    case "storage:BlobServiceProperties":
      name = "default";
      id = `${storage}/blobServices/default`;
      break;
    case "storage:BlobContainer":
      name = s("containerName") ?? physical;
      id = `${storage}/blobServices/default/containers/${name}`;
      break;
    case "network:VirtualNetwork":
      name = s("virtualNetworkName") ?? physical;
      id = `${ns("network")}/virtualNetworks/${name}`;
      break;
    case "network:PrivateEndpoint":
      name = s("privateEndpointName") ?? physical;
      id = `${ns("network")}/privateEndpoints/${name}`;
      break;
    case "network:PrivateDnsZoneGroup":
      name = s("privateDnsZoneGroupName") ?? physical;
      id = `${ns("network")}/privateEndpoints/${s("privateEndpointName") ?? "endpoint"}/privateDnsZoneGroups/${name}`;
      break;
    case "privatedns:PrivateZone":
      name = s("privateZoneName") ?? physical;
      id = `${ns("privatedns")}/privateDnsZones/${name}`;
      break;
    case "privatedns:VirtualNetworkLink":
      name = s("virtualNetworkLinkName") ?? physical;
      id = `${ns("privatedns")}/privateDnsZones/${s("privateZoneName") ?? "zone"}/virtualNetworkLinks/${name}`;
      break;
    case "operationalinsights:Workspace":
      name = s("workspaceName") ?? physical;
      id = `${ns("operationalinsights")}/workspaces/${name}`;
      state.customerId = mockGuid(`law:${id}`);
      break;
    case "applicationinsights:Component":
      name = s("resourceName") ?? physical;
      id = `${ns("applicationinsights")}/components/${name}`;
      state.instrumentationKey = mockGuid(`ikey:${id}`);
      state.connectionString = `InstrumentationKey=${state.instrumentationKey};IngestionEndpoint=https://${location}.in.applicationinsights.azure.com/`;
      break;
    case "monitor:DiagnosticSetting":
      id = `${s("resourceUri") ?? rg}/providers/Microsoft.Insights/diagnosticSettings/${physical}`;
      break;
    case "monitor:AutoscaleSetting":
      name = s("autoscaleSettingName") ?? physical;
      id = `${ns("monitor")}/autoscalesettings/${name}`;
      break;
    case "consumption:Budget":
      name = s("budgetName") ?? physical;
      id = `${s("scope") ?? SUB}/providers/Microsoft.Consumption/budgets/${name}`;
      break;
    case "authorization:RoleAssignment":
      name = s("roleAssignmentName") ?? mockGuid(`role:${m.name}`);
      id = `${s("scope") ?? SUB}/providers/Microsoft.Authorization/roleAssignments/${name}`;
      break;
    case "cognitiveservices:Account": {
      name = s("accountName") ?? physical;
      id = account.replace(/[^/]+$/, name);
      const sub = ((i.properties as Record<string, unknown> | undefined)?.customSubDomainName as string | undefined) ?? name;
      state.properties = { ...(i.properties as object), endpoint: `https://${sub}.openai.azure.com/`, provisioningState: "Succeeded" };
      break;
    }
    case "cognitiveservices:Deployment":
      name = s("deploymentName") ?? physical;
      id = `${account}/deployments/${name}`;
      break;
    case "cognitiveservices:RaiPolicy":
      name = s("raiPolicyName") ?? physical;
      id = `${account}/raiPolicies/${name}`;
      break;
    case "machinelearningservices:Workspace":
      name = s("workspaceName") ?? physical;
      id = ws.replace(/[^/]+$/, name);
      Object.assign(state, {
        workspaceId: mockGuid(`ws:${id}`),
        discoveryUrl: `https://${location}.api.azureml.ms/discovery`,
        mlFlowTrackingUri: `azureml://${location}.api.azureml.ms/mlflow/v1.0${id}`,
      });
      break;
    case "machinelearningservices:Compute":
      name = s("computeName") ?? physical;
      id = `${ws}/computes/${name}`;
      break;
    case "machinelearningservices:OnlineEndpoint":
      name = s("endpointName") ?? physical;
      id = `${ws}/onlineEndpoints/${name}`;
      state.properties = {
        ...(i.properties as object),
        scoringUri: `https://${name}.${location}.inference.ml.azure.com/score`,
        swaggerUri: `https://${name}.${location}.inference.ml.azure.com/swagger.json`,
      };
      break;
    case "machinelearningservices:OnlineDeployment":
      name = s("deploymentName") ?? physical;
      id = `${ws}/onlineEndpoints/${s("endpointName") ?? "endpoint"}/deployments/${name}`;
      break;
    case "machinelearningservices:ServerlessEndpoint":
      id = `${ws}/serverlessEndpoints/${physical}`;
      state.properties = { ...(i.properties as object), inferenceEndpoint: { uri: `https://${physical}.${location}.models.ai.azure.com` } };
      break;
    case "machinelearningservices:MarketplaceSubscription":
      id = `${ws}/marketplaceSubscriptions/${physical}`;
      break;
    case "machinelearningservices:DataContainer":
      id = `${ws}/data/${physical}`;
      break;
    case "machinelearningservices:DataVersion":
      id = `${ws}/data/${physical}/versions/${s("version") ?? "1"}`;
      break;
    case "machinelearningservices:CodeVersion":
      id = `${ws}/codes/${physical}/versions/${s("version") ?? "1"}`;
      break;
    case "machinelearningservices:ComponentVersion":
      id = `${ws}/components/${physical}/versions/${s("version") ?? "1"}`;
      break;
    case "machinelearningservices:EnvironmentVersion":
      id = `${ws}/environments/${physical}/versions/${s("version") ?? "1"}`;
      break;
    case "machinelearningservices:Job":
      id = `${ws}/jobs/${physical}`;
      break;
    case "machinelearningservices:Schedule":
      id = `${ws}/schedules/${physical}`;
      break;
    default:
      id = `${ns(module)}/${lowerFirst(kind)}s/${physical}`;
  }
  state.name = name;
  if (i.identity && typeof i.identity === "object" && !("principalId" in state)) {
    state.identity = { ...(i.identity as object), principalId: mockGuid(`system:${id}`), tenantId: MOCK_TENANT };
  }
  return { id, state: { ...state, id } };
}

/** `pulumi-nodejs:dynamic/azure-openai:<Type>`: what the data-plane API would have answered. */
export function azureOpenAiDynamicMock(m: MockInput): { id: string; state: Record<string, unknown> } | undefined {
  const kind = m.type.split(":").pop() ?? "";
  const h = shortHash(`${m.type}::${m.name}`);
  if (kind === "FineTuningJob") {
    const id = `ftjob-${h}${shortHash(h)}`;
    const base = typeof m.inputs.baseModel === "string" ? m.inputs.baseModel : "model";
    return { id, state: { ...m.inputs, jobId: id, status: "succeeded", fineTunedModel: `${base}.ft-${h}${shortHash(h)}`, trainedTokens: 0 } };
  }
  if (kind === "File") {
    const id = `file-${h}${shortHash(h)}${shortHash(`${h}f`)}`;
    return { id, state: { ...m.inputs, fileId: id, status: "processed", bytes: 0 } };
  }
  if (kind === "Evaluation") {
    const id = `eval_${h}${shortHash(h)}`;
    return { id, state: { ...m.inputs, evalId: id, runs: { base: `evalrun_${h}b`, tuned: `evalrun_${h}t` }, status: "queued" } };
  }
  return undefined;
}
