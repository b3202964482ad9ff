import * as pulumi from "@pulumi/pulumi";
import { Job, Schedule, type Compute, type DataVersion } from "@pulumi/azure-native/machinelearningservices";
import type * as inputs from "@pulumi/azure-native/types/input";
import { fieldError } from "../common/errors";
import { trackIdentity, type TrackComponent } from "../common/track";
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
  resolveAzureBaseArgs,
  wholeNumber,
  type AzureFoundation,
  type AzureTrackBaseArgs,
  type MlWorkspace,
} from "./shared";

/** Metrics of the Azure AI evaluation SDK the job computes. AI-assisted ones need a judge model. */
export const AI_ASSISTED_METRICS = ["groundedness", "relevance", "coherence", "fluency", "similarity", "retrieval"] as const;
export const NLP_METRICS = ["f1_score", "bleu_score", "gleu_score", "rouge_score", "meteor_score"] as const;
const METRICS: readonly string[] = [...AI_ASSISTED_METRICS, ...NLP_METRICS];

export interface AzureEvaluationDatasetArgs {
  /** The data asset's name. */
  readonly name: string;
  /** The JSONL file (or folder): a path in the workspace's datastore, an azureml://datastores/... URI or an https blob URL. */
  readonly uri: string;
  /** @default "1" */
  readonly version?: string;
  /** "uri_file" or "uri_folder". @default "uri_file" */
  readonly type?: string;
}

export interface AzureEvaluationTrackArgs extends AzureTrackBaseArgs {
  /** The evaluation set: the same one for every model compared. */
  readonly dataset: AzureEvaluationDatasetArgs;
  /** Metrics to compute. @default ["groundedness", "relevance", "coherence", "fluency", "similarity", "f1_score"] */
  readonly metrics?: readonly string[];
  /** What is evaluated, passed to the job: a deployment name or an endpoint URL. @default none (the dataset holds the answers) */
  readonly target?: string;
  /** The Azure OpenAI deployment (endpoint URL#deployment or name) that grades AI-assisted metrics. Required for them. */
  readonly judgeDeployment?: string;
  /** The CPU cluster the evaluation runs on. */
  readonly compute?: { readonly vmSize?: string; readonly maxNodes?: number };
  /** Run on a schedule (NCRONTAB, e.g. "0 6 * * 1") instead of once on `pulumi up`. @default run once */
  readonly schedule?: { readonly cron: string; readonly timeZone?: string };
  /** The evaluation command. @default "python evaluate.py --data ${{inputs.dataset}} --metrics ${{inputs.metrics}} … --results ${{outputs.results}}" */
  readonly command?: string;
  /** A blob folder with the evaluation code (evaluate.py). @default none */
  readonly codeUri?: string;
  /** @default the curated scikit-learn 1.5 CPU environment */
  readonly environment?: string;
}

const CRON_FIELD = /^[0-9*/,-]+$/;

/** Every default of the evaluation-on-Azure track, applied in one place. */
export function resolveAzureEvaluationArgs(args: AzureEvaluationTrackArgs) {
  const base = resolveAzureBaseArgs(args);
  const ds = args.dataset;
  const type = ds.type ?? "uri_file";
  if (type !== "uri_file" && type !== "uri_folder") fieldError("dataset.type", `expected uri_file or uri_folder, got ${JSON.stringify(type)}`);
  const dataset = { name: assetName("dataset.name", ds.name), uri: dataUri("dataset.uri", ds.uri), version: ds.version ?? "1", type: type as "uri_file" | "uri_folder" };
  const metrics = [...(args.metrics ?? ["groundedness", "relevance", "coherence", "fluency", "similarity", "f1_score"])];
  if (metrics.length === 0) fieldError("metrics", `expected at least one metric (${METRICS.join(", ")})`);
  metrics.forEach((m, i) => {
    if (!METRICS.includes(m)) fieldError(`metrics[${i}]`, `expected one of ${METRICS.join(", ")}, got ${JSON.stringify(m)}`);
  });
  if (new Set(metrics).size !== metrics.length) fieldError("metrics", "expected each metric once");
  const assisted = metrics.filter((m) => (AI_ASSISTED_METRICS as readonly string[]).includes(m));
  if (assisted.length && !args.judgeDeployment) {
    fieldError("judgeDeployment", `expected the Azure OpenAI deployment that grades ${assisted.join(", ")} (AI-assisted metrics need a judge model)`);
  }
  const vmSize = args.compute?.vmSize ?? "Standard_DS3_v2";
  azureVmSize(vmSize, "compute.vmSize", base.location);
  const maxNodes = wholeNumber("compute.maxNodes", args.compute?.maxNodes ?? 2, 1, 100);
  let schedule: { cron: string; timeZone: string } | undefined;
  if (args.schedule) {
    const fields = args.schedule.cron.trim().split(/\s+/);
    if (fields.length !== 5 || !fields.every((x) => CRON_FIELD.test(x))) {
      fieldError("schedule.cron", `expected five cron fields (minute hour day month weekday) such as "0 6 * * 1", got ${JSON.stringify(args.schedule.cron)}`);
    }
    schedule = { cron: fields.join(" "), timeZone: args.schedule.timeZone ?? "UTC" };
  }
  const inputsUsed = ["--data ${{inputs.dataset}}", "--metrics ${{inputs.metrics}}"];
  if (args.target) inputsUsed.push("--target ${{inputs.target}}");
  if (args.judgeDeployment) inputsUsed.push("--judge ${{inputs.judge}}");
  const command = args.command ?? `python evaluate.py ${inputsUsed.join(" ")} --results \${{outputs.results}}`;
  return {
    ...base,
    dataset,
    metrics,
    target: args.target,
    judgeDeployment: args.judgeDeployment,
    compute: { vmSize, maxNodes },
    schedule,
    command,
    codeUri: args.codeUri === undefined ? undefined : dataUri("codeUri", args.codeUri),
    environment: environmentId("environment", args.environment ?? DEFAULT_CPU_ENVIRONMENT),
  };
}
export type ResolvedAzureEvaluationArgs = ReturnType<typeof resolveAzureEvaluationArgs>;

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
    const cfg = resolveAzureEvaluationArgs(args);
    super("aitracks:azure:EvaluationTrack", name, trackIdentity("evaluation", "azure", cfg.location), opts);
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
