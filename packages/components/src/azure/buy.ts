import * as pulumi from "@pulumi/pulumi";
import type { Account, Deployment, RaiPolicy } from "@pulumi/azure-native/cognitiveservices";
import type { RoleAssignment } from "@pulumi/azure-native/authorization";
import type { UserAssignedIdentity } from "@pulumi/azure-native/managedidentity";
import { fieldError } from "../common/errors";
import { trackIdentity, type TrackComponent } from "../common/track";
import {
  DEPLOYMENT_SKUS,
  azureFoundation,
  azureOffering,
  azureOpenAiModel,
  contentFilter,
  deploymentCapacity,
  grantOpenAiInvoke,
  modelDeployment,
  openAiAccount,
  openAiApplicationIdentity,
  resolveAzureBaseArgs,
  resolveContentFilter,
  type AzureContentFilterArgs,
  type AzureFoundation,
  type AzureTrackBaseArgs,
} from "./shared";

/** One Azure OpenAI model deployment. */
export interface AzureOpenAiDeploymentArgs {
  /** Azure OpenAI model name, e.g. "gpt-4o" or "gpt-4.1-mini". */
  readonly model: string;
  /** Model version. @default the newest version the component knows */
  readonly version?: string;
  /**
   * Deployment SKU: "GlobalStandard", "DataZoneStandard", "Standard" (pay per token) or
   * "GlobalProvisionedManaged", "DataZoneProvisionedManaged", "ProvisionedManaged" (PTUs). @default "GlobalStandard"
   */
  readonly sku?: string;
  /**
   * Capacity: thousands of tokens per minute for pay-per-token SKUs, provisioned throughput units
   * for provisioned ones. @default 30 for pay-per-token SKUs; required for provisioned ones
   */
  readonly capacity?: number;
  /** The deployment name the application calls. @default the model name */
  readonly name?: string;
}

export interface AzureBuyTrackArgs extends AzureTrackBaseArgs {
  /**
   * Model deployments in priority order: the first serves, the rest are fallbacks the application
   * moves to when it is throttled or down. A provisioned deployment spills over to the next one.
   */
  readonly deployments: readonly AzureOpenAiDeploymentArgs[];
  /** The content filter attached to every deployment. @default Medium threshold, Prompt Shields and protected material on */
  readonly contentFilter?: AzureContentFilterArgs;
  /** Monthly spend of the track's resource group that the consumption budget alerts against (USD). Required. */
  readonly monthlyBudgetUsd: number;
  /** Object ids of existing Entra ID groups given the Cognitive Services OpenAI User role (apps: use grantInvoke). @default [] */
  readonly invokerPrincipalIds?: readonly string[];
}

const DEPLOYMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every default of the buy-on-Azure track, applied in one place. */
export function resolveAzureBuyArgs(args: AzureBuyTrackArgs) {
  const base = resolveAzureBaseArgs(args, { budgetRequired: true });
  if (args.deployments.length === 0) fieldError("deployments", "expected at least one Azure OpenAI model deployment");
  const deployments = args.deployments.map((d, i) => {
    const field = `deployments[${i}]`;
    const model = azureOpenAiModel(field, d.model, d.version);
    const sku = d.sku ?? "GlobalStandard";
    const rule = DEPLOYMENT_SKUS[sku];
    if (!rule) fieldError(`${field}.sku`, `expected one of ${Object.keys(DEPLOYMENT_SKUS).join(", ")}, got ${JSON.stringify(sku)}`);
    if (rule.provisioned && d.capacity === undefined) fieldError(`${field}.capacity`, `expected the number of provisioned throughput units for ${sku}`);
    const capacity = deploymentCapacity(field, sku, d.capacity ?? 30);
    if (rule.ptuSku) azureOffering(rule.ptuSku, `${field}.sku`, base.location, `${sku} capacity`);
    const name = d.name ?? model.name;
    if (!DEPLOYMENT_NAME.test(name)) fieldError(`${field}.name`, `expected 2-64 letters, digits, dots, dashes or underscores, got ${JSON.stringify(name)}`);
    return { name, model: model.name, version: model.version, sku, capacity, provisioned: rule.provisioned };
  });
  const seen = new Map<string, number>();
  deployments.forEach((d, i) => {
    const first = seen.get(d.name);
    if (first !== undefined) fieldError(`deployments[${i}].name`, `expected a unique deployment name; "${d.name}" is also deployments[${first}] (set name: to tell them apart)`);
    seen.set(d.name, i);
  });
  const invokerPrincipalIds = [...(args.invokerPrincipalIds ?? [])];
  invokerPrincipalIds.forEach((p, i) => {
    if (!GUID.test(p)) fieldError(`invokerPrincipalIds[${i}]`, `expected an Entra ID object id (a GUID), got ${JSON.stringify(p)}`);
  });
  return { ...base, deployments, contentFilter: resolveContentFilter("contentFilter", args.contentFilter), invokerPrincipalIds };
}
export type ResolvedAzureBuyArgs = ReturnType<typeof resolveAzureBuyArgs>;

/**
 * Buy on Azure: Azure OpenAI Service, secure by default. In its own resource group: an Azure
 * OpenAI account with local (key) auth off in favour of Entra ID, public network access off
 * behind a private endpoint, encrypted with a customer-managed key from a purge-protected RBAC
 * vault; a content filter (RAI policy) attached to every model deployment; the deployments in
 * priority order (provisioned ones spill over to the next); diagnostic logs to Log Analytics; a
 * consumption budget with alert thresholds; and an application identity that may call the models.
 */
export class AzureBuyTrack extends pulumi.ComponentResource implements TrackComponent {
  readonly track = "buy" as const;
  readonly cloud = "azure" as const;
  readonly foundation: AzureFoundation;
  readonly account: Account;
  readonly contentFilter: RaiPolicy;
  readonly deployments: readonly Deployment[];
  readonly applicationIdentity: UserAssignedIdentity;
  readonly outputs: Record<string, pulumi.Input<unknown>>;

  constructor(name: string, args: AzureBuyTrackArgs, opts?: pulumi.ComponentResourceOptions) {
    const cfg = resolveAzureBuyArgs(args);
    super("aitracks:azure:BuyTrack", name, trackIdentity("buy", "azure", cfg.location, { models: cfg.deployments.map((d) => d.model) }), opts);
    const f = azureFoundation(name, cfg, this);
    this.foundation = f;
    this.account = openAiAccount(name, f, this);
    this.contentFilter = contentFilter(name, this.account, f, cfg.contentFilter, this);

    const deployments: Deployment[] = [];
    cfg.deployments.forEach((d, i) => {
      const next = cfg.deployments[i + 1];
      // Spillover moves a provisioned deployment's excess traffic to a pay-per-token one.
      const spilloverTo = d.provisioned && next && !next.provisioned ? next.name : undefined;
      deployments.push(
        modelDeployment(
          `${name}-deployment-${i}`,
          this.account,
          this.contentFilter,
          f,
          { deploymentName: d.name, model: d.model, version: d.version, sku: d.sku, capacity: d.capacity, ...(spilloverTo ? { spilloverTo } : {}) },
          this,
          deployments.slice(-1),
        ),
      );
    });
    this.deployments = deployments;

    this.applicationIdentity = openAiApplicationIdentity(name, f, this.account, this);
    cfg.invokerPrincipalIds.forEach((p, i) => this.grantInvoke(`${name}-invoker-${i}`, p, "Group"));

    const routing = cfg.deployments.map((d, i) => ({ priority: i, deployment: d.name, model: `${d.model}@${d.version}`, sku: d.sku, capacity: d.capacity }));
    this.outputs = {
      location: cfg.location,
      resourceGroup: f.resourceGroupName,
      endpoint: this.account.properties.apply((p) => p.endpoint ?? ""),
      primaryDeployment: cfg.deployments[0]!.name,
      deploymentsInPriorityOrder: routing,
      contentFilter: this.contentFilter.name,
      applicationIdentityClientId: this.applicationIdentity.clientId,
      keyVault: f.cmk.vault.name,
      logAnalyticsWorkspaceId: f.logs.id,
    };
    this.registerOutputs(this.outputs);
  }

  /**
   * Let a principal call the track's deployments with an Entra ID token (Cognitive Services
   * OpenAI User on the account: inference only, no keys, no management).
   */
  grantInvoke(name: string, principalId: pulumi.Input<string>, principalType = "ServicePrincipal"): RoleAssignment {
    return grantOpenAiInvoke(name, this.foundation, this.account, principalId, principalType, this);
  }
}
