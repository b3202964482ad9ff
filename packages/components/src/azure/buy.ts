import * as pulumi from "@pulumi/pulumi";
import type { Account, Deployment, RaiPolicy } from "@pulumi/azure-native/cognitiveservices";
import type { RoleAssignment } from "@pulumi/azure-native/authorization";
import type { UserAssignedIdentity } from "@pulumi/azure-native/managedidentity";
import { z } from "zod";
import { budgetUsdArg, parseArgs } from "../common/args";
import { fieldError } from "../common/errors";
import { trackIdentity, type TrackComponent } from "../common/track";
import { trackComponentType } from "@aitracks/core";
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
  azureBase,
  azureContentFilterArgs,
  azureTrackBaseArgs,
  type AzureFoundation,
} from "./shared";

const DEPLOYMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One Azure OpenAI model deployment. */
export const azureOpenAiDeploymentArgs = z.strictObject({
  /** Azure OpenAI model name, e.g. "gpt-4o" or "gpt-4.1-mini". */
  model: z.string({ error: "expected an Azure OpenAI model name such as gpt-4o" }),
  /** Model version. @default the newest version the component knows */
  version: z.string({ error: "expected a model version such as 2024-11-20" }).optional(),
  /**
   * Deployment SKU: "GlobalStandard", "DataZoneStandard", "Standard" (pay per token) or
   * "GlobalProvisionedManaged", "DataZoneProvisionedManaged", "ProvisionedManaged" (PTUs). @default "GlobalStandard"
   */
  sku: z
    .string({ error: "expected a deployment SKU such as GlobalStandard" })
    .refine((s) => s in DEPLOYMENT_SKUS, { error: `expected one of ${Object.keys(DEPLOYMENT_SKUS).join(", ")}` })
    .default("GlobalStandard"),
  /**
   * Capacity: thousands of tokens per minute for pay-per-token SKUs, provisioned throughput units
   * for provisioned ones. @default 30 for pay-per-token SKUs; required for provisioned ones
   */
  capacity: z.number({ error: "expected a capacity (thousands of tokens per minute, or PTUs)" }).optional(),
  /**
   * Provisioned SKUs only: how the PTUs are paid — "hourly", or an Azure reservation bought for a
   * "monthly" or "yearly" term (cheaper a PTU; bought separately, for the subscription). Tagged on
   * the deployment (aitracks-ptu-reservation) so `aitracks cost` prices each at its own rate. @default "hourly"
   */
  reservation: z.enum(["hourly", "monthly", "yearly"], { error: "expected hourly, monthly or yearly" }).optional(),
  /** The deployment name the application calls. @default the model name */
  name: z.string({ error: "expected a deployment name" }).regex(DEPLOYMENT_NAME, { error: "expected 2-64 letters, digits, dots, dashes or underscores" }).optional(),
});
export type AzureOpenAiDeploymentArgs = z.input<typeof azureOpenAiDeploymentArgs>;

/** The args of the buy-on-Azure track: every default and rule in one place. */
export const azureBuyTrackArgs = azureTrackBaseArgs
  .extend({
    /**
     * Model deployments in priority order: the first serves, the rest are fallbacks the application
     * moves to when it is throttled or down. A provisioned deployment spills over to the next one.
     */
    deployments: z
      .array(azureOpenAiDeploymentArgs, { error: "expected a list of model deployments, primary first" })
      .min(1, { error: "expected at least one Azure OpenAI model deployment" }),
    /** The content filter attached to every deployment. @default Medium threshold, Prompt Shields and protected material on */
    contentFilter: azureContentFilterArgs.prefault({}),
    /** Monthly spend of the track's resource group that the consumption budget alerts against (USD). Required. */
    monthlyBudgetUsd: budgetUsdArg,
    /** Object ids of existing Entra ID groups given the Cognitive Services OpenAI User role (apps: use grantInvoke). @default [] */
    invokerPrincipalIds: z.array(z.string({ error: "expected an Entra ID object id" }).regex(GUID, { error: "expected an Entra ID object id (a GUID)" })).default([]),
  })
  .transform((a) => {
    // The catalogue rules of each deployment: the model and version, the SKU's capacity steps and PTU offering.
    const deployments = a.deployments.map((d, i) => {
      const field = `deployments[${i}]`;
      const model = azureOpenAiModel(field, d.model, d.version);
      const rule = DEPLOYMENT_SKUS[d.sku]!;
      if (rule.provisioned && d.capacity === undefined) fieldError(`${field}.capacity`, `expected the number of provisioned throughput units for ${d.sku}`);
      const capacity = deploymentCapacity(field, d.sku, d.capacity ?? 30);
      if (rule.ptuSku) azureOffering(rule.ptuSku, `${field}.sku`, a.region, `${d.sku} capacity`);
      if (d.reservation && d.reservation !== "hourly" && !rule.provisioned) fieldError(`${field}.reservation`, `expected a provisioned SKU for a ${d.reservation} reservation; ${d.sku} is pay per token`);
      return { name: d.name ?? model.name, model: model.name, version: model.version, sku: d.sku, capacity, provisioned: rule.provisioned, ...(d.reservation ? { reservation: d.reservation } : {}) };
    });
    const seen = new Map<string, number>();
    deployments.forEach((d, i) => {
      const first = seen.get(d.name);
      if (first !== undefined) fieldError(`deployments[${i}].name`, `expected a unique deployment name; "${d.name}" is also deployments[${first}] (set name: to tell them apart)`);
      seen.set(d.name, i);
    });
    return { ...azureBase(a), deployments, contentFilter: a.contentFilter, invokerPrincipalIds: a.invokerPrincipalIds };
  });
export type AzureBuyTrackArgs = z.input<typeof azureBuyTrackArgs>;

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
    const cfg = parseArgs(azureBuyTrackArgs, args);
    super(trackComponentType("azure", "buy"), name, trackIdentity("buy", "azure", cfg.location, { models: cfg.deployments.map((d) => d.model) }), opts);
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
          { deploymentName: d.name, model: d.model, version: d.version, sku: d.sku, capacity: d.capacity, ...(spilloverTo ? { spilloverTo } : {}), ...(d.reservation ? { reservation: d.reservation } : {}) },
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
