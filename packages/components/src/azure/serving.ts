import * as pulumi from "@pulumi/pulumi";
import type { RoleAssignment } from "@pulumi/azure-native/authorization";
import { MarketplaceSubscription, OnlineDeployment, OnlineEndpoint, ServerlessEndpoint } from "@pulumi/azure-native/machinelearningservices";
import { AutoscaleSetting } from "@pulumi/azure-native/monitor";
import { Deployment as ArmDeployment } from "@pulumi/azure-native/resources";
import { z } from "zod";
import { issue, parseArgs, wholeArg } from "../common/args";
import { trackIdentity, type TrackComponent } from "../common/track";
import { trackComponentType } from "@aitracks/core";
import {
  ONLINE_ENDPOINT_NAME,
  azureFoundation,
  azureName,
  azureVmSize,
  codeAsset,
  dataUri,
  environmentId,
  grantRole,
  mlWorkspace,
  azureBase,
  azureTrackBaseArgs,
  type AzureFoundation,
  type MlWorkspace,
} from "./shared";

const MODEL = /^(azureml:[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+|azureml:\/\/registries\/[A-Za-z0-9_.-]+\/models\/[A-Za-z0-9_.-]+\/versions\/[A-Za-z0-9_.-]+)$/;
const CATALOGUE_MODEL = /^azureml:\/\/registries\/([A-Za-z0-9_.-]+)\/models\/[A-Za-z0-9_.-]+(\/versions\/[A-Za-z0-9_.-]+)?$/;
const ENDPOINT_NAME = /^[A-Za-z][A-Za-z0-9-]{1,30}[A-Za-z0-9]$/;

/** The managed online deployment behind the endpoint. */
export const azureOnlineDeploymentArgs = z
  .strictObject({
    /** The deployment's name (traffic is routed to it). @default "blue" */
    name: z.string({ error: "expected a deployment name" }).regex(/^[a-z][a-z0-9-]{2,31}$/, { error: "expected 3-32 lower-case letters, digits and dashes" }).default("blue"),
    /** The registered model: azureml:<name>:<version> or azureml://registries/<registry>/models/<name>/versions/<version>. */
    model: z
      .string({ error: "expected a registered model such as azureml:support-ranker:3" })
      .regex(MODEL, { error: "expected azureml:<name>:<version> or azureml://registries/<registry>/models/<name>/versions/<version>" }),
    /** The serving environment (not needed for MLflow models). @default none */
    environment: z.string({ error: "expected an Azure ML environment" }).optional(),
    /** A blob folder with the scoring script (with scoringScript). @default none (MLflow no-code deployment) */
    codeUri: z.string({ error: "expected a blob folder" }).optional(),
    /** The scoring script's file name in codeUri. @default none */
    scoringScript: z.string({ error: "expected a file name such as score.py" }).optional(),
    /** VM size from the price catalog. @default "Standard_NC24ads_A100_v4" */
    instanceType: z.string({ error: "expected a VM size such as Standard_NC24ads_A100_v4" }).default("Standard_NC24ads_A100_v4"),
    /** Instances to start with. @default minInstances */
    instanceCount: wholeArg(1).optional(),
    /** Autoscale lower bound (managed online deployments keep at least one instance). @default 1 */
    minInstances: wholeArg(1).default(1),
    /** Autoscale upper bound. @default 3 (or minInstances, if more) */
    maxInstances: wholeArg(1, 100).optional(),
    /** Average CPU percentage above which a node is added (below half of it, one is removed). @default 70 */
    targetCpuPercent: wholeArg(20, 95).default(70),
    /** Concurrent requests one instance takes. @default 1 */
    maxConcurrentRequestsPerInstance: wholeArg(1, 1000).default(1),
    /** Scoring timeout in milliseconds (at most 180000). @default 5000 */
    requestTimeoutMs: wholeArg(1, 180_000).default(5000),
  })
  .transform((d, ctx) => {
    const maxInstances = d.maxInstances ?? Math.max(3, d.minInstances);
    const instanceCount = d.instanceCount ?? d.minInstances;
    if (d.minInstances > maxInstances) issue(ctx, ["minInstances"], `expected at most deployment.maxInstances (${maxInstances}), got ${d.minInstances}`);
    else if (instanceCount < d.minInstances || instanceCount > maxInstances) {
      issue(ctx, ["instanceCount"], `expected from deployment.minInstances (${d.minInstances}) to deployment.maxInstances (${maxInstances}), got ${instanceCount}`);
    }
    if ((d.codeUri === undefined) !== (d.scoringScript === undefined)) {
      issue(ctx, [d.codeUri === undefined ? "codeUri" : "scoringScript"], "expected codeUri and scoringScript together (or neither, for an MLflow model)");
    }
    return { ...d, maxInstances, instanceCount };
  });
export type AzureOnlineDeploymentArgs = z.input<typeof azureOnlineDeploymentArgs>;

/** A serverless (pay-per-token) endpoint for a model from the Azure AI model catalogue. */
export const azureServerlessEndpointArgs = z.strictObject({
  /** The endpoint's name: 3-32 letters, digits and dashes. */
  name: z.string({ error: "expected the endpoint's name" }).regex(ENDPOINT_NAME, { error: "expected 3-32 letters, digits and dashes starting with a letter" }),
  /** The catalogue model, azureml://registries/<registry>/models/<name>. */
  modelId: z.string({ error: "expected a catalogue model id" }).regex(CATALOGUE_MODEL, { error: "expected a catalogue model azureml://registries/<registry>/models/<name>" }),
});
export type AzureServerlessEndpointArgs = z.input<typeof azureServerlessEndpointArgs>;

/** The args of the serving-on-Azure track: every default and rule in one place. */
export const azureServingTrackArgs = azureTrackBaseArgs
  .extend({
    /** How callers authenticate: "Key", "AMLToken" (Azure ML tokens) or "AADToken" (Entra ID). @default "AADToken" */
    authMode: z.enum(["Key", "AMLToken", "AADToken"], { error: "expected Key, AMLToken or AADToken" }).default("AADToken"),
    /** The managed online deployment behind the endpoint. */
    deployment: azureOnlineDeploymentArgs,
    /** Serverless endpoints for catalogue models. @default [] */
    serverless: z.array(azureServerlessEndpointArgs, { error: "expected a list of serverless endpoints, each {name, modelId}" }).default([]),
  })
  .transform((a, ctx) => {
    const names = new Set<string>();
    a.serverless.forEach((e, i) => {
      if (names.has(e.name)) issue(ctx, ["serverless", i, "name"], `expected a unique endpoint name; "${e.name}" appears twice`);
      names.add(e.name);
    });
    const d = a.deployment;
    const vm = azureVmSize(d.instanceType, "deployment.instanceType", a.region);
    return {
      ...azureBase(a),
      authMode: a.authMode,
      deployment: {
        name: d.name,
        model: d.model,
        environment: d.environment === undefined ? undefined : environmentId("deployment.environment", d.environment),
        code: d.codeUri === undefined ? undefined : { uri: dataUri("deployment.codeUri", d.codeUri), scoringScript: d.scoringScript! },
        instanceType: d.instanceType,
        gpus: vm.accelerator?.count ?? 0,
        instanceCount: d.instanceCount,
        minInstances: d.minInstances,
        maxInstances: d.maxInstances,
        targetCpuPercent: d.targetCpuPercent,
        scaleInCpuPercent: Math.round(d.targetCpuPercent / 2),
        requestTimeoutMs: d.requestTimeoutMs,
        maxConcurrent: d.maxConcurrentRequestsPerInstance,
      },
      // Microsoft's own registry needs no Marketplace subscription; partners' models (Meta, Mistral, Cohere …) do.
      serverless: a.serverless.map((e) => ({ ...e, marketplace: CATALOGUE_MODEL.exec(e.modelId)![1] !== "azureml" })),
    };
  });
export type AzureServingTrackArgs = z.input<typeof azureServingTrackArgs>;
export type ResolvedAzureServingArgs = z.output<typeof azureServingTrackArgs>;

const DEPLOYMENT_METRICS = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments";

/**
 * Serving on Azure: Azure ML managed online endpoints, secure by default. In its own resource
 * group and Azure ML workspace (customer-managed key, managed network, private endpoint): a
 * managed online endpoint with key, Azure ML token or Entra ID auth per config and public network
 * access off; a deployment of the model on the chosen instance type and count, with egress off
 * and Application Insights on; CPU-based autoscale between the configured bounds; all traffic to
 * the deployment; and serverless endpoints, with content safety on, for catalogue models.
 */
export class AzureServingTrack extends pulumi.ComponentResource implements TrackComponent {
  readonly track = "serving" as const;
  readonly cloud = "azure" as const;
  readonly foundation: AzureFoundation;
  readonly workspace: MlWorkspace;
  readonly endpoint: OnlineEndpoint;
  readonly deployment: OnlineDeployment;
  readonly autoscale: AutoscaleSetting;
  readonly serverlessEndpoints: readonly ServerlessEndpoint[];
  readonly outputs: Record<string, pulumi.Input<unknown>>;

  constructor(name: string, args: AzureServingTrackArgs, opts?: pulumi.ComponentResourceOptions) {
    const cfg = parseArgs(azureServingTrackArgs, args);
    super(trackComponentType("azure", "serving"), name, trackIdentity("serving", "azure", cfg.location), opts);
    const parent = { parent: this };
    const f = azureFoundation(name, cfg, this);
    this.foundation = f;
    const ws = mlWorkspace(name, f, `aitracks ${name}: model serving`, this);
    this.workspace = ws;
    const d = cfg.deployment;

    const endpointName = azureName("", name, ONLINE_ENDPOINT_NAME);
    const identity = { type: "UserAssigned", userAssignedIdentities: [f.identity.id] };
    const endpointProperties = { authMode: cfg.authMode, publicNetworkAccess: "Disabled", description: `aitracks ${name}: online endpoint` };
    this.endpoint = new OnlineEndpoint(
      `${name}-endpoint`,
      { endpointName, workspaceName: ws.workspaceName, resourceGroupName: f.resourceGroupName, location: f.location, identity, properties: endpointProperties, tags: f.tags },
      parent,
    );
    const code = d.code ? codeAsset(`${name}-scoring-code`, ws, f, { assetName: `${name}-scoring-code`, uri: d.code.uri }, this) : undefined;
    this.deployment = new OnlineDeployment(
      `${name}-deployment`,
      {
        deploymentName: d.name,
        endpointName: this.endpoint.name,
        workspaceName: ws.workspaceName,
        resourceGroupName: f.resourceGroupName,
        location: f.location,
        sku: { name: "Default", capacity: d.instanceCount },
        properties: {
          endpointComputeType: "Managed",
          model: d.model,
          ...(d.environment ? { environmentId: d.environment } : {}),
          ...(code && d.code ? { codeConfiguration: { codeId: code.id, scoringScript: d.code.scoringScript } } : {}),
          instanceType: d.instanceType,
          scaleSettings: { scaleType: "Default" },
          requestSettings: { maxConcurrentRequestsPerInstance: d.maxConcurrent, requestTimeout: `PT${d.requestTimeoutMs / 1000}S` },
          egressPublicNetworkAccess: "Disabled",
          appInsightsEnabled: true,
        },
        tags: f.tags,
      },
      parent,
    );

    // Managed online deployments scale through Azure Monitor autoscale on their own metrics.
    const rule = (direction: "Increase" | "Decrease", operator: "GreaterThan" | "LessThan", threshold: number) => ({
      metricTrigger: {
        metricName: "CpuUtilizationPercentage",
        metricNamespace: DEPLOYMENT_METRICS,
        metricResourceUri: this.deployment.id,
        timeGrain: "PT1M",
        statistic: "Average" as const,
        timeWindow: "PT5M",
        timeAggregation: "Average" as const,
        operator,
        threshold,
      },
      scaleAction: { direction, type: "ChangeCount" as const, value: "1", cooldown: "PT5M" },
    });
    this.autoscale = new AutoscaleSetting(
      `${name}-autoscale`,
      {
        autoscaleSettingName: `${name}-autoscale`,
        resourceGroupName: f.resourceGroupName,
        location: f.location,
        enabled: true,
        targetResourceUri: this.deployment.id,
        profiles: [
          {
            name: "cpu",
            capacity: { minimum: String(d.minInstances), maximum: String(d.maxInstances), default: String(d.instanceCount) },
            rules: [rule("Increase", "GreaterThan", d.targetCpuPercent), rule("Decrease", "LessThan", d.scaleInCpuPercent)],
          },
        ],
        ...(cfg.budget?.emails.length ? { notifications: [{ operation: "Scale" as const, email: { customEmails: cfg.budget.emails, sendToSubscriptionAdministrator: false } }] } : {}),
        tags: f.tags,
      },
      parent,
    );

    // Traffic names the deployment, which needs the endpoint first: ARM sets it once both exist.
    new ArmDeployment(
      `${name}-traffic`,
      {
        deploymentName: `${name}-traffic`,
        resourceGroupName: f.resourceGroupName,
        properties: {
          mode: "Incremental",
          template: {
            $schema: "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
            contentVersion: "1.0.0.0",
            resources: [
              {
                type: "Microsoft.MachineLearningServices/workspaces/onlineEndpoints",
                apiVersion: "2024-10-01",
                name: pulumi.interpolate`${ws.workspaceName}/${this.endpoint.name}`,
                location: f.location,
                identity: { type: "UserAssigned", userAssignedIdentities: f.identity.id.apply((id) => ({ [id]: {} })) },
                properties: { ...endpointProperties, traffic: { [d.name]: 100 } },
                tags: f.tags,
              },
            ],
          },
        },
        tags: f.tags,
      },
      { parent: this, dependsOn: [this.deployment] },
    );

    this.serverlessEndpoints = cfg.serverless.map((e, i) => {
      const subscription = e.marketplace
        ? [new MarketplaceSubscription(`${name}-marketplace-${i}`, { name: e.name, workspaceName: ws.workspaceName, resourceGroupName: f.resourceGroupName, properties: { modelId: e.modelId } }, parent)]
        : [];
      return new ServerlessEndpoint(
        `${name}-serverless-${i}`,
        {
          name: e.name,
          workspaceName: ws.workspaceName,
          resourceGroupName: f.resourceGroupName,
          location: f.location,
          sku: { name: "Consumption" },
          properties: {
            authMode: cfg.authMode === "Key" ? "Key" : "AAD",
            modelSettings: { modelId: e.modelId },
            contentSafety: { contentSafetyStatus: "Enabled" },
          },
          tags: f.tags,
        },
        { parent: this, dependsOn: subscription },
      );
    });

    this.outputs = {
      location: cfg.location,
      resourceGroup: f.resourceGroupName,
      workspace: ws.workspaceName,
      endpoint: this.endpoint.name,
      scoringUri: this.endpoint.properties.apply((p) => p.scoringUri ?? ""),
      authMode: cfg.authMode,
      deployment: d.name,
      instanceType: d.instanceType,
      instances: { min: d.minInstances, start: d.instanceCount, max: d.maxInstances },
      serverlessEndpoints: this.serverlessEndpoints.map((s) => s.properties.apply((p) => p.inferenceEndpoint?.uri ?? "")),
      logAnalyticsWorkspaceId: f.logs.id,
    };
    this.registerOutputs(this.outputs);
  }

  /** Let a principal call the endpoints with an Entra ID token (AzureML Data Scientist on the endpoint). */
  grantInvoke(name: string, principalId: pulumi.Input<string>, principalType = "ServicePrincipal"): RoleAssignment {
    return grantRole(name, this.foundation.client, { principalId, principalType, role: "azureMlDataScientist", scope: this.endpoint.id }, { parent: this });
  }
}
