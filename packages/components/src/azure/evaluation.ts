import * as pulumi from "@pulumi/pulumi";
import { Job, Schedule, type Compute, type DataVersion } from "@pulumi/azure-native/machinelearningservices";
import type * as inputs from "@pulumi/azure-native/types/input";
import { z } from "zod";
import { issue, parseArgs, wholeArg } from "../common/args";
import { trackIdentity, type TrackComponent } from "../common/track";
import { trackComponentType } from "@aitracks/core";
import {
  DEFAULT_CPU_ENVIRONMENT,
  amlCluster,
  assetName,
  azureFoundation,
  azureVmSize,
  codeAsset,
  commandJob,
  dataAsset,
  dataUri,
  environmentId,
  mlWorkspace,
  azureBase,
  azureTrackBaseArgs,
  type AzureFoundation,
  type MlWorkspace,
} from "./shared";

/** Metrics of the Azure AI evaluation SDK the job computes. AI-assisted ones need a judge model. */
export const AI_ASSISTED_METRICS = ["groundedness", "relevance", "coherence", "fluency", "similarity", "retrieval"] as const;
export const NLP_METRICS = ["f1_score", "bleu_score", "gleu_score", "rouge_score", "meteor_score"] as const;
const METRICS: readonly string[] = [...AI_ASSISTED_METRICS, ...NLP_METRICS];

const CRON_FIELD = /^[0-9*/,-]+$/;
const DEFAULT_METRICS = ["groundedness", "relevance", "coherence", "fluency", "similarity", "f1_score"];

/** The evaluation set, registered as a versioned data asset. */
export const azureEvaluationDatasetArgs = z.strictObject({
  /** The data asset's name. */
  name: z.string({ error: "expected the data asset's name" }),
  /** The JSONL file (or folder): a path in the workspace's datastore, an azureml://datastores/... URI or an https blob URL. */
  uri: z.string({ error: "expected where the evaluation set is (a datastore path or a blob URL)" }),
  /** The asset's version. @default "1" */
  version: z.union([z.string(), z.number()], { error: "expected a version such as 1" }).transform(String).default("1"),
  /** "uri_file" or "uri_folder". @default "uri_file" */
  type: z.enum(["uri_file", "uri_folder"], { error: "expected uri_file or uri_folder" }).default("uri_file"),
});
export type AzureEvaluationDatasetArgs = z.input<typeof azureEvaluationDatasetArgs>;

/** The args of the evaluation-on-Azure track: every default and rule in one place. */
export const azureEvaluationTrackArgs = azureTrackBaseArgs
  .extend({
    /** The evaluation set: the same one for every model compared. */
    dataset: azureEvaluationDatasetArgs,
    /** Metrics to compute. @default ["groundedness", "relevance", "coherence", "fluency", "similarity", "f1_score"] */
    metrics: z
      .array(z.string().refine((m) => METRICS.includes(m), { error: `expected one of ${METRICS.join(", ")}` }), { error: "expected a list of metric names" })
      .min(1, { error: `expected at least one metric (${METRICS.join(", ")})` })
      .refine((m) => new Set(m).size === m.length, { error: "expected each metric once" })
      .default(DEFAULT_METRICS),
    /** What is evaluated, passed to the job: a deployment name or an endpoint URL. @default none (the dataset holds the answers) */
    target: z.string({ error: "expected a deployment name or an endpoint URL" }).optional(),
    /** The Azure OpenAI deployment (endpoint URL#deployment or name) that grades AI-assisted metrics. Required for them. */
    judgeDeployment: z.string({ error: "expected an Azure OpenAI deployment" }).optional(),
    /** The CPU cluster the evaluation runs on. @default {vmSize: "Standard_DS3_v2", maxNodes: 2} */
    compute: z
      .strictObject({
        /** @default "Standard_DS3_v2" */
        vmSize: z.string({ error: "expected a VM size such as Standard_DS3_v2" }).default("Standard_DS3_v2"),
        /** @default 2 */
        maxNodes: wholeArg(1, 100).default(2),
      })
      .prefault({}),
    /** Run on a schedule (NCRONTAB, e.g. "0 6 * * 1") instead of once on `pulumi up`. @default run once */
    schedule: z
      .strictObject({
        cron: z
          .string({ error: 'expected a cron expression such as "0 6 * * 1"' })
          .refine((c) => c.trim().split(/\s+/).length === 5 && c.trim().split(/\s+/).every((x) => CRON_FIELD.test(x)), {
            error: 'expected five cron fields (minute hour day month weekday) such as "0 6 * * 1"',
          })
          .transform((c) => c.trim().split(/\s+/).join(" ")),
        /** @default "UTC" */
        timeZone: z.string({ error: "expected a time zone such as UTC" }).default("UTC"),
      })
      .optional(),
    /** The evaluation command. @default "python evaluate.py --data ${{inputs.dataset}} --metrics ${{inputs.metrics}} … --results ${{outputs.results}}" */
    command: z.string({ error: "expected a command" }).optional(),
    /** A blob folder with the evaluation code (evaluate.py). @default none */
    codeUri: z.string({ error: "expected a blob folder" }).optional(),
    /** The Azure ML environment. @default the curated scikit-learn 1.5 CPU environment */
    environment: z.string({ error: "expected an Azure ML environment" }).default(DEFAULT_CPU_ENVIRONMENT),
  })
  .transform((a, ctx) => {
    const assisted = a.metrics.filter((m) => (AI_ASSISTED_METRICS as readonly string[]).includes(m));
    if (assisted.length && !a.judgeDeployment) {
      issue(ctx, ["judgeDeployment"], `expected the Azure OpenAI deployment that grades ${assisted.join(", ")} (AI-assisted metrics need a judge model)`);
    }
    azureVmSize(a.compute.vmSize, "compute.vmSize", a.region);
    const inputsUsed = ["--data ${{inputs.dataset}}", "--metrics ${{inputs.metrics}}"];
    if (a.target) inputsUsed.push("--target ${{inputs.target}}");
    if (a.judgeDeployment) inputsUsed.push("--judge ${{inputs.judge}}");
    return {
      ...azureBase(a),
      dataset: { ...a.dataset, name: assetName("dataset.name", a.dataset.name), uri: dataUri("dataset.uri", a.dataset.uri) },
      metrics: a.metrics,
      target: a.target,
      judgeDeployment: a.judgeDeployment,
      compute: a.compute,
      schedule: a.schedule,
      command: a.command ?? `python evaluate.py ${inputsUsed.join(" ")} --results \${{outputs.results}}`,
      codeUri: a.codeUri === undefined ? undefined : dataUri("codeUri", a.codeUri),
      environment: environmentId("environment", a.environment),
    };
  });
export type AzureEvaluationTrackArgs = z.input<typeof azureEvaluationTrackArgs>;

/**
 * Evaluation on Azure: Azure ML, secure by default. In its own resource group and Azure ML
 * workspace (customer-managed key, managed network, private endpoint): the evaluation set as a
 * versioned data asset, a CPU cluster that scales from zero, and the evaluation job, run once or
 * on a schedule, writing its metrics to the workspace's customer-key-encrypted blob storage.
 */
export class AzureEvaluationTrack extends pulumi.ComponentResource implements TrackComponent {
  readonly track = "evaluation" as const;
  readonly cloud = "azure" as const;
  readonly foundation: AzureFoundation;
  readonly workspace: MlWorkspace;
  readonly dataset: DataVersion;
  readonly cluster: Compute;
  readonly job?: Job;
  readonly schedule?: Schedule;
  readonly outputs: Record<string, pulumi.Input<unknown>>;

  constructor(name: string, args: AzureEvaluationTrackArgs, opts?: pulumi.ComponentResourceOptions) {
    const cfg = parseArgs(azureEvaluationTrackArgs, args);
    super(trackComponentType("azure", "evaluation"), name, trackIdentity("evaluation", "azure", cfg.location), opts);
    const f = azureFoundation(name, cfg, this);
    this.foundation = f;
    const ws = mlWorkspace(name, f, `aitracks ${name}: model evaluation`, this);
    this.workspace = ws;
    this.dataset = dataAsset(
      `${name}-dataset`,
      ws,
      f,
      { assetName: cfg.dataset.name, version: cfg.dataset.version, type: cfg.dataset.type, uri: cfg.dataset.uri, description: `aitracks ${name}: evaluation set` },
      this,
    );
    this.cluster = amlCluster(
      `${name}-cpu-cluster`,
      ws,
      f,
      { computeName: "eval-cluster", vmSize: cfg.compute.vmSize, minNodes: 0, maxNodes: cfg.compute.maxNodes, priority: "Dedicated", idleMinutes: 10, description: `aitracks ${name}: evaluation runs` },
      this,
    );
    const code = cfg.codeUri ? codeAsset(`${name}-evaluation-code`, ws, f, { assetName: `${name}-evaluation-code`, uri: cfg.codeUri }, this) : undefined;
    const resultsUri = `azureml://datastores/workspaceblobstore/paths/evaluations/${name}/\${{name}}/`;
    const datasetUri = `azureml:${cfg.dataset.name}:${cfg.dataset.version}`;
    const literal = (value: string) => ({ jobInputType: "literal" as const, value });
    const jobInputs: Record<string, inputs.machinelearningservices.LiteralJobInputArgs | inputs.machinelearningservices.UriFileJobInputArgs | inputs.machinelearningservices.UriFolderJobInputArgs> = {
      dataset: cfg.dataset.type === "uri_file" ? { jobInputType: "uri_file", uri: datasetUri, mode: "ReadOnlyMount" } : { jobInputType: "uri_folder", uri: datasetUri, mode: "ReadOnlyMount" },
      metrics: literal(cfg.metrics.join(",")),
      ...(cfg.target ? { target: literal(cfg.target) } : {}),
      ...(cfg.judgeDeployment ? { judge: literal(cfg.judgeDeployment) } : {}),
    };
    const job = commandJob(f, {
      displayName: `${name} evaluation`,
      experimentName: `${name}-evaluation`,
      command: cfg.command,
      environmentId: cfg.environment,
      computeId: this.cluster.id,
      code,
      inputs: jobInputs,
      outputs: { results: { jobOutputType: "uri_folder", uri: resultsUri, mode: "Upload" } },
      timeout: "PT4H",
    });
    const dependsOn = [this.dataset, this.cluster];
    if (cfg.schedule) {
      this.schedule = new Schedule(
        `${name}-schedule`,
        {
          name: `${name}-evaluation`,
          workspaceName: ws.workspaceName,
          resourceGroupName: f.resourceGroupName,
          properties: {
            displayName: `${name} evaluation (${cfg.schedule.cron})`,
            isEnabled: true,
            trigger: { triggerType: "Cron", expression: cfg.schedule.cron, timeZone: cfg.schedule.timeZone },
            action: { actionType: "CreateJob", jobDefinition: job },
          },
        },
        { parent: this, dependsOn },
      );
    } else {
      // One run on `pulumi up`; Azure ML names it (the Node.js SDK never sends a Job's `id` input).
      this.job = new Job(
        `${name}-evaluation-job`,
        {
          workspaceName: ws.workspaceName,
          resourceGroupName: f.resourceGroupName,
          properties: job,
        },
        { parent: this, dependsOn },
      );
    }
    this.outputs = {
      location: cfg.location,
      resourceGroup: f.resourceGroupName,
      workspace: ws.workspaceName,
      dataset: datasetUri,
      metrics: cfg.metrics,
      runs: cfg.schedule ? `on schedule ${cfg.schedule.cron} (${cfg.schedule.timeZone})` : this.job!.name,
      resultsIn: `azureml://datastores/workspaceblobstore/paths/evaluations/${name}/`,
      resultsStorageAccount: ws.storage.account.name,
      logAnalyticsWorkspaceId: f.logs.id,
    };
    this.registerOutputs(this.outputs);
  }
}
