import * as pulumi from "@pulumi/pulumi";
import { ComponentVersion, Job, type Compute, type DataVersion } from "@pulumi/azure-native/machinelearningservices";
import { z } from "zod";
import { issue, parseArgs, wholeArg } from "../common/args";
import { trackIdentity, type TrackComponent } from "../common/track";
import { trackComponentType } from "@aitracks/core";
import {
  DEFAULT_GPU_ENVIRONMENT,
  amlCluster,
  assetName,
  azureFoundation,
  azureVmSize,
  codeAsset,
  commandJob,
  dataAsset,
  dataUri,
  environmentId,
  inputKey,
  mlWorkspace,
  azureBase,
  azureTrackBaseArgs,
  type AzureFoundation,
  type MlWorkspace,
} from "./shared";

/** The GPU cluster training runs on. */
export const azureTrainingClusterArgs = z.strictObject({
  /** ND-series VM size from the price catalog (ND A100 v4 / ND H100 v5). @default "Standard_ND96amsr_A100_v4" */
  vmSize: z.string({ error: "expected an ND-series VM size such as Standard_ND96amsr_A100_v4" }).default("Standard_ND96amsr_A100_v4"),
  /** Nodes kept running when idle. @default 0 (scale from zero: no idle GPU cost) */
  minNodes: wholeArg(0).default(0),
  /** Most nodes the cluster scales to (the subscription's ND quota must allow it). @default 2 */
  maxNodes: wholeArg(1, 100).default(2),
  /** "Dedicated" or "LowPriority" (spot: cheaper, may be pre-empted). @default "Dedicated" */
  priority: z.enum(["Dedicated", "LowPriority"], { error: "expected Dedicated or LowPriority" }).default("Dedicated"),
  /** Idle minutes before a node is released. @default 15 */
  idleMinutes: wholeArg(1, 10080).default(15),
});
export type AzureTrainingClusterArgs = z.input<typeof azureTrainingClusterArgs>;

/** One corpus: a folder (or file) of training data, registered as a versioned data asset. */
export const azureCorpusArgs = z.strictObject({
  /** The data asset's name, e.g. "pretraining-corpus". */
  name: z.string({ error: "expected the data asset's name" }),
  /** A folder of the workspace's datastore ("corpus/v1/"), an azureml://datastores/... URI or an https blob URL. */
  uri: z.string({ error: "expected where the corpus is (a datastore folder or a blob URL)" }),
  /** The asset's version. @default "1" */
  version: z.union([z.string(), z.number()], { error: "expected a version such as 1" }).transform(String).default("1"),
  /** "uri_folder" or "uri_file". @default "uri_folder" */
  type: z.enum(["uri_folder", "uri_file"], { error: "expected uri_folder or uri_file" }).default("uri_folder"),
});
export type AzureCorpusArgs = z.input<typeof azureCorpusArgs>;

/** The training job definition. */
export const azureTrainingJobArgs = z.strictObject({
  /** The command each process runs; `${{inputs.<corpus>}}` and `${{outputs.model}}` are bound by Azure ML. @default "python train.py --<corpus> ${{inputs.<corpus>}} … --output ${{outputs.model}}" */
  command: z.string({ error: "expected the command that starts training" }).refine((c) => c.trim() !== "", { error: "expected the command that starts training" }).optional(),
  /** A blob folder holding the training code, registered as a code asset. @default none (the command runs in the environment as is) */
  codeUri: z.string({ error: "expected a blob folder" }).optional(),
  /** The Azure ML environment. @default the curated ACPT PyTorch 2.2 / CUDA 12.1 image */
  environment: z.string({ error: "expected an Azure ML environment" }).default(DEFAULT_GPU_ENVIRONMENT),
  /** Nodes the job runs on. @default the cluster's maxNodes */
  instanceCount: wholeArg(1).optional(),
  /** Processes (GPUs) per node. @default the VM size's GPU count from the catalog */
  processesPerNode: wholeArg(1).optional(),
  /** Hours before Azure ML cancels the run. @default 168 (a week) */
  timeoutHours: wholeArg(1, 24 * 90).default(168),
  /** Submit the job on `pulumi up` (it runs, and bills, right away). @default false: the definition is registered as a component to run on demand */
  submit: z.boolean({ error: "expected true or false" }).default(false),
  /** The experiment runs are grouped under. @default the track name */
  experimentName: z.string({ error: "expected an experiment name" }).optional(),
});
export type AzureTrainingJobArgs = z.input<typeof azureTrainingJobArgs>;

/** The args of the build-on-Azure track: every default and rule in one place. */
export const azureBuildTrackArgs = azureTrackBaseArgs
  .extend({
    /** The GPU cluster. @default 0-2 Standard_ND96amsr_A100_v4 nodes */
    cluster: azureTrainingClusterArgs.prefault({}),
    /** The training corpus: at least one data asset. */
    corpus: z.array(azureCorpusArgs, { error: "expected a list of corpus data assets" }).min(1, { error: "expected at least one corpus data asset" }),
    /** The training job. */
    training: azureTrainingJobArgs.prefault({}),
  })
  .transform((a, ctx) => {
    const c = a.cluster;
    const vm = azureVmSize(c.vmSize, "cluster.vmSize", a.region, { ndSeries: true });
    if (c.minNodes > c.maxNodes) issue(ctx, ["cluster", "minNodes"], `expected at most cluster.maxNodes (${c.maxNodes}), got ${c.minNodes}`);
    const corpus = a.corpus.map((d, i) => ({ ...d, name: assetName(`corpus[${i}].name`, d.name), uri: dataUri(`corpus[${i}].uri`, d.uri) }));
    const keys = new Map<string, number>();
    corpus.forEach((d, i) => {
      const first = keys.get(inputKey(d.name));
      if (first !== undefined) issue(ctx, ["corpus", i, "name"], `expected a unique corpus name; it clashes with corpus[${first}]`);
      keys.set(inputKey(d.name), i);
    });
    const t = a.training;
    const instanceCount = t.instanceCount ?? c.maxNodes;
    if (instanceCount > c.maxNodes) issue(ctx, ["training", "instanceCount"], `expected at most cluster.maxNodes (${c.maxNodes}), got ${instanceCount}`);
    const gpus = vm.accelerator?.count ?? 1;
    const processesPerNode = t.processesPerNode ?? gpus;
    if (processesPerNode > gpus) issue(ctx, ["training", "processesPerNode"], `expected a whole number from 1 to ${gpus}, got ${processesPerNode}`);
    return {
      ...azureBase(a),
      cluster: { ...c, gpusPerNode: gpus, accelerator: vm.accelerator?.type ?? "none" },
      corpus,
      training: {
        command: t.command ?? `python train.py ${corpus.map((d) => `--${inputKey(d.name)} \${{inputs.${inputKey(d.name)}}}`).join(" ")} --output \${{outputs.model}}`,
        codeUri: t.codeUri === undefined ? undefined : dataUri("training.codeUri", t.codeUri),
        environment: environmentId("training.environment", t.environment),
        instanceCount,
        processesPerNode,
        timeoutHours: t.timeoutHours,
        submit: t.submit,
        experimentName: t.experimentName,
      },
    };
  });
export type AzureBuildTrackArgs = z.input<typeof azureBuildTrackArgs>;

/**
 * Build on Azure: Azure ML with ND-series GPUs, secure by default. In its own resource group: an
 * Azure ML workspace (customer-managed key, managed network that allows only approved outbound
 * traffic, no public access, a private endpoint) with its Key Vault, storage and Application
 * Insights; an AmlCompute cluster of ND A100 v4 / ND H100 v5 nodes that scales from zero and has
 * no public IPs; the corpus as versioned data assets; and the distributed (PyTorch) training job,
 * registered as a command component and submitted only when asked.
 */
export class AzureBuildTrack extends pulumi.ComponentResource implements TrackComponent {
  readonly track = "build" as const;
  readonly cloud = "azure" as const;
  readonly foundation: AzureFoundation;
  readonly workspace: MlWorkspace;
  readonly cluster: Compute;
  readonly corpus: readonly DataVersion[];
  readonly trainingComponent: ComponentVersion;
  readonly trainingJob?: Job;
  readonly outputs: Record<string, pulumi.Input<unknown>>;

  constructor(name: string, args: AzureBuildTrackArgs, opts?: pulumi.ComponentResourceOptions) {
    const cfg = parseArgs(azureBuildTrackArgs, args);
    super(trackComponentType("azure", "build"), name, trackIdentity("build", "azure", cfg.location, { instanceTypes: [cfg.cluster.vmSize] }), opts);
    const f = azureFoundation(name, cfg, this);
    this.foundation = f;
    this.workspace = mlWorkspace(name, f, `aitracks ${name}: train from scratch`, this);
    this.cluster = amlCluster(
      `${name}-gpu-cluster`,
      this.workspace,
      f,
      { computeName: "gpu-cluster", description: `aitracks ${name}: ${cfg.cluster.vmSize} training nodes`, ...cfg.cluster },
      this,
    );
    this.corpus = cfg.corpus.map((d, i) =>
      dataAsset(`${name}-corpus-${i}`, this.workspace, f, { assetName: d.name, version: d.version, type: d.type, uri: d.uri, description: `aitracks ${name}: training corpus` }, this),
    );
    const code = cfg.training.codeUri ? codeAsset(`${name}-training-code`, this.workspace, f, { assetName: `${name}-training-code`, uri: cfg.training.codeUri }, this) : undefined;
    const t = cfg.training;
    const inputNames = cfg.corpus.map((d) => inputKey(d.name));

    // The definition: a command component anyone with the workspace can run (az ml job create).
    this.trainingComponent = new ComponentVersion(
      `${name}-training`,
      {
        name: `${name}-training`,
        version: "1",
        workspaceName: this.workspace.workspaceName,
        resourceGroupName: f.resourceGroupName,
        properties: {
          description: `aitracks ${name}: distributed training on ${cfg.cluster.vmSize}`,
          componentSpec: {
            $schema: "https://azuremlschemas.azureedge.net/latest/commandComponent.schema.json",
            name: `${name}-training`,
            version: "1",
            type: "command",
            command: t.command,
            environment: t.environment,
            ...(code ? { code: code.id } : {}),
            inputs: Object.fromEntries(cfg.corpus.map((d) => [inputKey(d.name), { type: d.type }])),
            outputs: { model: { type: "uri_folder" } },
            distribution: { type: "pytorch", process_count_per_instance: t.processesPerNode },
            resources: { instance_count: t.instanceCount },
          },
        },
      },
      { parent: this, dependsOn: [...this.corpus] },
    );

    if (t.submit) {
      // Azure ML names the run: the Node.js SDK never sends a Job's `id` input (it is reserved).
      this.trainingJob = new Job(
        `${name}-training-job`,
        {
          workspaceName: this.workspace.workspaceName,
          resourceGroupName: f.resourceGroupName,
          properties: commandJob(f, {
            displayName: `${name} training`,
            experimentName: t.experimentName ?? name,
            command: t.command,
            environmentId: t.environment,
            computeId: this.cluster.id,
            code,
            inputs: Object.fromEntries(
              cfg.corpus.map((d, i) => {
                const input = { uri: `azureml:${d.name}:${d.version}`, mode: "ReadOnlyMount" };
                return [inputNames[i]!, d.type === "uri_folder" ? { ...input, jobInputType: "uri_folder" as const } : { ...input, jobInputType: "uri_file" as const }];
              }),
            ),
            outputs: { model: { jobOutputType: "uri_folder", mode: "ReadWriteMount" } },
            distribution: { distributionType: "PyTorch", processCountPerInstance: t.processesPerNode },
            resources: { instanceCount: t.instanceCount },
            timeout: `PT${t.timeoutHours}H`,
          }),
        },
        { parent: this, dependsOn: [...this.corpus] },
      );
    }

    this.outputs = {
      location: cfg.location,
      resourceGroup: f.resourceGroupName,
      workspace: this.workspace.workspaceName,
      cluster: this.cluster.name,
      vmSize: cfg.cluster.vmSize,
      gpusPerNode: cfg.cluster.gpusPerNode,
      maxNodes: cfg.cluster.maxNodes,
      corpus: cfg.corpus.map((d) => `azureml:${d.name}:${d.version}`),
      trainingComponent: pulumi.interpolate`azureml:${name}-training:1`,
      trainingJob: this.trainingJob ? this.trainingJob.name : "not submitted (training.submit: false)",
      logAnalyticsWorkspaceId: f.logs.id,
    };
    this.registerOutputs(this.outputs);
  }
}
