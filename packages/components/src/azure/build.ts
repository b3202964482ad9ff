import * as pulumi from "@pulumi/pulumi";
import { ComponentVersion, Job, type Compute, type DataVersion } from "@pulumi/azure-native/machinelearningservices";
import { fieldError } from "../common/errors";
import { trackIdentity, type TrackComponent } from "../common/track";
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
  resolveAzureBaseArgs,
  wholeNumber,
  type AzureFoundation,
  type AzureTrackBaseArgs,
  type MlWorkspace,
} from "./shared";

/** The GPU cluster training runs on. */
export interface AzureTrainingClusterArgs {
  /** ND-series VM size from the price catalog (ND A100 v4 / ND H100 v5). @default "Standard_ND96amsr_A100_v4" */
  readonly vmSize?: string;
  /** Nodes kept running when idle. @default 0 (scale from zero: no idle GPU cost) */
  readonly minNodes?: number;
  /** Most nodes the cluster scales to (the subscription's ND quota must allow it). @default 2 */
  readonly maxNodes?: number;
  /** "Dedicated" or "LowPriority" (spot: cheaper, may be pre-empted). @default "Dedicated" */
  readonly priority?: string;
  /** Idle minutes before a node is released. @default 15 */
  readonly idleMinutes?: number;
}

/** One corpus: a folder (or file) of training data, registered as a versioned data asset. */
export interface AzureCorpusArgs {
  /** The data asset's name, e.g. "pretraining-corpus". */
  readonly name: string;
  /** A folder of the workspace's datastore ("corpus/v1/"), an azureml://datastores/... URI or an https blob URL. */
  readonly uri: string;
  /** The asset's version. @default "1" */
  readonly version?: string;
  /** "uri_folder" or "uri_file". @default "uri_folder" */
  readonly type?: string;
}

/** The training job definition. */
export interface AzureTrainingJobArgs {
  /** The command each process runs; `${{inputs.<corpus>}}` and `${{outputs.model}}` are bound by Azure ML. @default "python train.py --<corpus> ${{inputs.<corpus>}} … --output ${{outputs.model}}" */
  readonly command?: string;
  /** A blob folder holding the training code, registered as a code asset. @default none (the command runs in the environment as is) */
  readonly codeUri?: string;
  /** The Azure ML environment. @default the curated ACPT PyTorch 2.2 / CUDA 12.1 image */
  readonly environment?: string;
  /** Nodes the job runs on. @default the cluster's maxNodes */
  readonly instanceCount?: number;
  /** Processes (GPUs) per node. @default the VM size's GPU count from the catalog */
  readonly processesPerNode?: number;
  /** Hours before Azure ML cancels the run. @default 168 (a week) */
  readonly timeoutHours?: number;
  /** Submit the job on `pulumi up` (it runs, and bills, right away). @default false: the definition is registered as a component to run on demand */
  readonly submit?: boolean;
  /** The experiment runs are grouped under. @default the track name */
  readonly experimentName?: string;
}

export interface AzureBuildTrackArgs extends AzureTrackBaseArgs {
  readonly cluster?: AzureTrainingClusterArgs;
  /** The training corpus: at least one data asset. */
  readonly corpus: readonly AzureCorpusArgs[];
  readonly training?: AzureTrainingJobArgs;
}

/** Every default of the build-on-Azure track, applied in one place. */
export function resolveAzureBuildArgs(args: AzureBuildTrackArgs) {
  const base = resolveAzureBaseArgs(args);
  const c = args.cluster ?? {};
  const vmSize = c.vmSize ?? "Standard_ND96amsr_A100_v4";
  const vm = azureVmSize(vmSize, "cluster.vmSize", base.location, { ndSeries: true });
  const minNodes = wholeNumber("cluster.minNodes", c.minNodes ?? 0, 0);
  const maxNodes = wholeNumber("cluster.maxNodes", c.maxNodes ?? 2, 1, 100);
  if (minNodes > maxNodes) fieldError("cluster.minNodes", `expected at most cluster.maxNodes (${maxNodes}), got ${minNodes}`);
  const priority = c.priority ?? "Dedicated";
  if (!["Dedicated", "LowPriority"].includes(priority)) fieldError("cluster.priority", `expected Dedicated or LowPriority, got ${JSON.stringify(priority)}`);
  const idleMinutes = wholeNumber("cluster.idleMinutes", c.idleMinutes ?? 15, 1, 10080);

  if (args.corpus.length === 0) fieldError("corpus", "expected at least one corpus data asset");
  const corpus = args.corpus.map((d, i) => {
    const type = d.type ?? "uri_folder";
    if (type !== "uri_folder" && type !== "uri_file") fieldError(`corpus[${i}].type`, `expected uri_folder or uri_file, got ${JSON.stringify(type)}`);
    return { name: assetName(`corpus[${i}].name`, d.name), uri: dataUri(`corpus[${i}].uri`, d.uri), version: d.version ?? "1", type: type as "uri_folder" | "uri_file" };
  });
  const keys = new Map<string, number>();
  corpus.forEach((d, i) => {
    const first = keys.get(inputKey(d.name));
    if (first !== undefined) fieldError(`corpus[${i}].name`, `expected a unique corpus name; it clashes with corpus[${first}]`);
    keys.set(inputKey(d.name), i);
  });

  const t = args.training ?? {};
  const instanceCount = wholeNumber("training.instanceCount", t.instanceCount ?? maxNodes, 1);
  if (instanceCount > maxNodes) fieldError("training.instanceCount", `expected at most cluster.maxNodes (${maxNodes}), got ${instanceCount}`);
  const gpus = vm.accelerator?.count ?? 1;
  const processesPerNode = wholeNumber("training.processesPerNode", t.processesPerNode ?? gpus, 1, gpus);
  const command =
    t.command ?? `python train.py ${corpus.map((d) => `--${inputKey(d.name)} \${{inputs.${inputKey(d.name)}}}`).join(" ")} --output \${{outputs.model}}`;
  if (!command.trim()) fieldError("training.command", "expected the command that starts training");
  const timeoutHours = wholeNumber("training.timeoutHours", t.timeoutHours ?? 168, 1, 24 * 90);
  return {
    ...base,
    cluster: { vmSize, minNodes, maxNodes, priority, idleMinutes, gpusPerNode: gpus, accelerator: vm.accelerator?.type ?? "none" },
    corpus,
    training: {
      command,
      codeUri: t.codeUri === undefined ? undefined : dataUri("training.codeUri", t.codeUri),
      environment: environmentId("training.environment", t.environment ?? DEFAULT_GPU_ENVIRONMENT),
      instanceCount,
      processesPerNode,
      timeoutHours,
      submit: t.submit ?? false,
      experimentName: t.experimentName,
    },
  };
}
export type ResolvedAzureBuildArgs = ReturnType<typeof resolveAzureBuildArgs>;

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
    const cfg = resolveAzureBuildArgs(args);
    super("aitracks:azure:BuildTrack", name, trackIdentity("build", "azure", cfg.location, { instanceTypes: [cfg.cluster.vmSize] }), opts);
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
