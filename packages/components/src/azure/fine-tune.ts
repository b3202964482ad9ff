import * as pulumi from "@pulumi/pulumi";
import type { RoleAssignment } from "@pulumi/azure-native/authorization";
import type { Account, Deployment, RaiPolicy } from "@pulumi/azure-native/cognitiveservices";
import type { UserAssignedIdentity } from "@pulumi/azure-native/managedidentity";
import { fieldError } from "../common/errors";
import { trackIdentity, type TrackComponent } from "../common/track";
import { AzureOpenAiEvaluation, EVALUATION_METRICS } from "./dynamic/openai-evaluation";
import { AzureOpenAiFineTuningJob } from "./dynamic/fine-tuning-job";
import { AzureOpenAiFile } from "./dynamic/openai-file";
import {
  azureFoundation,
  azureOffering,
  checkJsonl,
  contentFilter,
  deploymentCapacity,
  fineTunableModel,
  grantOpenAiInvoke,
  grantRole,
  modelDeployment,
  openAiAccount,
  openAiApplicationIdentity,
  resolveAzureBaseArgs,
  resolveContentFilter,
  secureStorage,
  wholeNumber,
  type AzureContentFilterArgs,
  type AzureFoundation,
  type AzureTrackBaseArgs,
  type SecureStorage,
} from "./shared";

/** The fine-tuning configuration: Azure chooses what is left out. */
export interface AzureFineTuneHyperparameters {
  /** Passes over the training file (1-50). @default Azure's choice */
  readonly epochs?: number;
  /** Examples per step (1-256). @default Azure's choice */
  readonly batchSize?: number;
  /** Scales the base learning rate (above 0, at most 10). @default Azure's choice */
  readonly learningRateMultiplier?: number;
}

/** Where a model of the track is deployed. */
export interface AzureFineTunedDeploymentArgs {
  /** Deployment name. @default "<track>-tuned" (the base model's: "<track>-base") */
  readonly name?: string;
  /** "Standard" (regional) or "GlobalStandard". @default "Standard" */
  readonly sku?: string;
  /** Thousands of tokens per minute. @default 10 */
  readonly capacity?: number;
}

/** The base-vs-tuned comparison on one evaluation set. */
export interface AzureFineTuneEvaluationArgs {
  /** Local JSONL evaluation set ({"item": {"prompt": ..., "expected": ...}} per line) the track uploads. Either this or fileId. */
  readonly file?: string;
  /** An already uploaded evaluation file's id (purpose evals). */
  readonly fileId?: string;
  /** Graders: exact_match, fuzzy_match, bleu, gleu, meteor, rouge_1, rouge_2, rouge_l. @default ["exact_match", "fuzzy_match"] */
  readonly metrics?: readonly string[];
  /** Score (0-1] a similarity grader needs for a line to pass. @default 0.8 */
  readonly passThreshold?: number;
  /** @default "prompt" */
  readonly promptField?: string;
  /** @default "expected" */
  readonly expectedField?: string;
}

export interface AzureFineTuneTrackArgs extends AzureTrackBaseArgs {
  /** The base model, e.g. "gpt-4o-mini" (one Azure OpenAI fine-tunes). */
  readonly baseModel: string;
  /** @default the newest fine-tunable version */
  readonly baseModelVersion?: string;
  /** Local JSONL of chat examples ({"messages": [...]}, at least 10) that the track uploads. Either this or trainingFileId. */
  readonly trainingFile?: string;
  /** An already uploaded training file's id (purpose fine-tune), e.g. file-0123abcd. */
  readonly trainingFileId?: string;
  /** Local JSONL of validation examples the track uploads. @default none */
  readonly validationFile?: string;
  /** An already uploaded validation file's id. @default none */
  readonly validationFileId?: string;
  readonly hyperparameters?: AzureFineTuneHyperparameters;
  /** Added to the fine-tuned model's name (lower-case letters, digits, dashes; at most 40). @default the track name */
  readonly suffix?: string;
  /** For reproducible runs. @default Azure's choice */
  readonly seed?: number;
  /** Minutes to wait for the job before cancelling it. @default 1440 */
  readonly timeoutMinutes?: number;
  /** The fine-tuned model's deployment. */
  readonly deployment?: AzureFineTunedDeploymentArgs;
  /** The base-vs-tuned evaluation: both models answer the same set, scored by the same graders. Required. */
  readonly evaluation: AzureFineTuneEvaluationArgs;
  /** The content filter on both deployments. @default Medium threshold, Prompt Shields and protected material on */
  readonly contentFilter?: AzureContentFilterArgs;
}

const FILE_ID = /^file-[A-Za-z0-9_-]{6,}$/;
const FINE_TUNED_SKUS = ["Standard", "GlobalStandard"];

/** Every default of the fine-tune-on-Azure track, applied in one place. */
export function resolveAzureFineTuneArgs(name: string, args: AzureFineTuneTrackArgs) {
  const base = resolveAzureBaseArgs(args);
  azureOffering("aoai-finetune-training", "region", base.location, "Azure OpenAI fine-tuning");
  const model = fineTunableModel("baseModel", args.baseModel, args.baseModelVersion);
  const training = fileSource("trainingFile", args.trainingFile, args.trainingFileId, { purpose: "fine-tune", minLines: 10 }, true)!;
  const validation = fileSource("validationFile", args.validationFile, args.validationFileId, { purpose: "fine-tune", minLines: 1 }, false);
  const h = args.hyperparameters ?? {};
  const hyperparameters = {
    ...(h.epochs !== undefined ? { nEpochs: wholeNumber("hyperparameters.epochs", h.epochs, 1, 50) } : {}),
    ...(h.batchSize !== undefined ? { batchSize: wholeNumber("hyperparameters.batchSize", h.batchSize, 1, 256) } : {}),
    ...(h.learningRateMultiplier !== undefined ? { learningRateMultiplier: h.learningRateMultiplier } : {}),
  };
  if (h.learningRateMultiplier !== undefined && !(h.learningRateMultiplier > 0 && h.learningRateMultiplier <= 10)) {
    fieldError("hyperparameters.learningRateMultiplier", `expected a number above 0 and at most 10, got ${h.learningRateMultiplier}`);
  }
  const suffix = args.suffix ?? name.slice(0, 40);
  if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(suffix)) fieldError("suffix", `expected at most 40 lower-case letters, digits and dashes, got ${JSON.stringify(suffix)}`);
  if (args.seed !== undefined) wholeNumber("seed", args.seed, 0);
  const timeoutMinutes = wholeNumber("timeoutMinutes", args.timeoutMinutes ?? 1440, 10, 10080);

  const d = args.deployment ?? {};
  const sku = d.sku ?? "Standard";
  if (!FINE_TUNED_SKUS.includes(sku)) fieldError("deployment.sku", `expected ${FINE_TUNED_SKUS.join(" or ")} for a fine-tuned model, got ${JSON.stringify(sku)}`);
  const capacity = deploymentCapacity("deployment", sku, d.capacity ?? 10);
  const tunedName = d.name ?? `${name}-tuned`;
  const baseName = `${name}-base`;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/.test(tunedName)) fieldError("deployment.name", `expected 2-64 letters, digits, dots, dashes or underscores, got ${JSON.stringify(tunedName)}`);
  if (tunedName === baseName) fieldError("deployment.name", `expected a name other than ${baseName} (the base model's deployment)`);

  const e = args.evaluation ?? {};
  const promptField = e.promptField ?? "prompt";
  const expectedField = e.expectedField ?? "expected";
  for (const [k, v] of [["evaluation.promptField", promptField], ["evaluation.expectedField", expectedField]] as const) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(v)) fieldError(k, `expected a field name of letters, digits and underscores, got ${JSON.stringify(v)}`);
  }
  // Without this set the tuned model is never compared with its base: the framework's "no before/after evaluation".
  const evalFile = fileSource("evaluation.file", e.file, e.fileId, { purpose: "evals", fields: [promptField, expectedField] }, true)!;
  const metrics = [...(e.metrics ?? ["exact_match", "fuzzy_match"])];
  if (metrics.length === 0) fieldError("evaluation.metrics", `expected at least one of ${EVALUATION_METRICS.join(", ")}`);
  metrics.forEach((m, i) => {
    if (!(EVALUATION_METRICS as readonly string[]).includes(m)) fieldError(`evaluation.metrics[${i}]`, `expected one of ${EVALUATION_METRICS.join(", ")}, got ${JSON.stringify(m)}`);
  });
  const passThreshold = e.passThreshold ?? 0.8;
  if (!(passThreshold > 0 && passThreshold <= 1)) fieldError("evaluation.passThreshold", `expected a score above 0 and at most 1, got ${passThreshold}`);
  return {
    ...base,
    model,
    training,
    validation,
    hyperparameters,
    suffix,
    seed: args.seed,
    timeoutMinutes,
    deployment: { tunedName, baseName, sku, capacity },
    evaluation: { file: evalFile, metrics, passThreshold, promptField, expectedField },
    contentFilter: resolveContentFilter("contentFilter", args.contentFilter),
  };
}
export type ResolvedAzureFineTuneArgs = ReturnType<typeof resolveAzureFineTuneArgs>;

type FileSource = { upload: { path: string; sha256: string; lines: number } } | { id: string };

/** A local file to upload (checked now) or the id of one already uploaded: one of the two. */
function fileSource(
  field: string,
  path: string | undefined,
  id: string | undefined,
  kind: Parameters<typeof checkJsonl>[2],
  required: boolean,
): FileSource | undefined {
  if (path !== undefined && id !== undefined) fieldError(field, `expected either ${field} or ${field}Id, not both`);
  if (path !== undefined) return { upload: checkJsonl(field, path, kind) };
  if (id !== undefined) {
    if (!FILE_ID.test(id)) fieldError(`${field}Id`, `expected an uploaded file's id such as file-0123abcd, got ${JSON.stringify(id)}`);
    return { id };
  }
  if (required) fieldError(field, `expected a local JSONL file to upload (${field}) or an uploaded file's id (${field}Id)`);
  return undefined;
}

/**
 * Fine-tune on Azure: Azure OpenAI fine-tuning, secure by default. In its own resource group: a
 * customer-key-encrypted, private storage container for the curated training data; an Azure
 * OpenAI account (Entra ID only, private endpoint, customer-managed key) in a fine-tuning region;
 * the checked JSONL files uploaded to it, the fine-tuning job with its configuration, and the
 * base-vs-tuned evaluation (dynamic resources driving the data-plane API: Azure has no ARM
 * resource for them); the fine-tuned model's deployment and a deployment of the base model, both
 * behind the content filter, compared on the same evaluation set with the same graders.
 *
 * The account has no public endpoint, so `pulumi up` (which runs the dynamic resources) must run
 * where the private endpoint resolves: a runner in, or peered with, the track's virtual network.
 */
export class AzureFineTuneTrack extends pulumi.ComponentResource implements TrackComponent {
  readonly track = "fine-tune" as const;
  readonly cloud = "azure" as const;
  readonly foundation: AzureFoundation;
  readonly trainingData: SecureStorage;
  readonly account: Account;
  readonly contentFilter: RaiPolicy;
  readonly job: AzureOpenAiFineTuningJob;
  readonly tunedDeployment: Deployment;
  readonly baseDeployment: Deployment;
  readonly evaluation: AzureOpenAiEvaluation;
  readonly applicationIdentity: UserAssignedIdentity;
  readonly outputs: Record<string, pulumi.Input<unknown>>;

  constructor(name: string, args: AzureFineTuneTrackArgs, opts?: pulumi.ComponentResourceOptions) {
    const cfg = resolveAzureFineTuneArgs(name, args);
    super("aitracks:azure:FineTuneTrack", name, trackIdentity("fine-tune", "azure", cfg.location, { models: [cfg.model.name] }), opts);
    const parent = { parent: this };
    // The number of training examples travels as a tag (the policy pack's fine-tune checks read it).
    const examples = "upload" in cfg.training ? cfg.training.upload.lines : undefined;
    const tags = examples === undefined ? cfg.tags : pulumi.output(cfg.tags).apply((t) => ({ ...t, "aitracks-labeled-examples": String(examples) }));
    const f = azureFoundation(name, { ...cfg, tags }, this);
    this.foundation = f;

    // The upload location for training and evaluation data: private, customer-key encrypted.
    this.trainingData = secureStorage(
      `${name}-data`,
      { resourceGroupName: f.resourceGroupName, location: f.location, identityId: f.identity.id, keyVaultUri: f.cmk.vaultUri, keyName: f.cmk.keyName, containers: ["training-data"], tags: f.tags },
      { parent: this, dependsOn: [f.keyAccess] },
    );
    f.network.privateEndpoint(`${name}-data-pe`, this.trainingData.account.id, "blob", parent);
    // The account acts as the track identity: it may read the training data to import it.
    grantRole(`${name}-openai-reads-data`, f.client, { principalId: f.identity.principalId, role: "storageBlobDataReader", scope: this.trainingData.account.id }, parent);

    this.account = openAiAccount(name, f, this);
    this.contentFilter = contentFilter(name, this.account, f, cfg.contentFilter, this);
    const endpoint = this.account.properties.apply((p) => p.endpoint ?? "");

    // Local files are uploaded to the account (they can only exist once it does); ids pass through.
    const fileId = (label: string, src: FileSource, purpose: string): pulumi.Input<string> =>
      "id" in src
        ? src.id
        : new AzureOpenAiFile(`${name}-${label}-file`, { endpoint, path: src.upload.path, purpose, sha256: src.upload.sha256 }, { parent: this, dependsOn: [this.account] }).fileId;
    const trainingFileId = fileId("training", cfg.training, "fine-tune");
    const validationFileId = cfg.validation ? fileId("validation", cfg.validation, "fine-tune") : undefined;
    const evaluationFileId = fileId("evaluation", cfg.evaluation.file, "evals");

    this.job = new AzureOpenAiFineTuningJob(
      `${name}-job`,
      {
        endpoint,
        baseModel: cfg.model.id,
        trainingFileId,
        ...(validationFileId ? { validationFileId } : {}),
        hyperparameters: cfg.hyperparameters,
        suffix: cfg.suffix,
        ...(cfg.seed !== undefined ? { seed: cfg.seed } : {}),
        timeoutMinutes: cfg.timeoutMinutes,
      },
      { parent: this, dependsOn: [this.account] },
    );
    const d = cfg.deployment;
    this.tunedDeployment = modelDeployment(
      `${name}-tuned-deployment`,
      this.account,
      this.contentFilter,
      f,
      { deploymentName: d.tunedName, model: this.job.fineTunedModel, version: "1", sku: d.sku, capacity: d.capacity },
      this,
      [this.job],
    );
    this.baseDeployment = modelDeployment(
      `${name}-base-deployment`,
      this.account,
      this.contentFilter,
      f,
      { deploymentName: d.baseName, model: cfg.model.name, version: cfg.model.version, sku: d.sku, capacity: d.capacity },
      this,
      [this.tunedDeployment],
    );
    const ev = cfg.evaluation;
    this.evaluation = new AzureOpenAiEvaluation(
      `${name}-base-vs-tuned`,
      {
        endpoint,
        name: `${name}-base-vs-tuned`,
        fileId: evaluationFileId,
        promptField: ev.promptField,
        expectedField: ev.expectedField,
        metrics: ev.metrics,
        passThreshold: ev.passThreshold,
        deployments: { base: this.baseDeployment.name, tuned: this.tunedDeployment.name },
      },
      { parent: this, dependsOn: [this.baseDeployment, this.tunedDeployment] },
    );

    this.applicationIdentity = openAiApplicationIdentity(name, f, this.account, this);

    this.outputs = {
      location: cfg.location,
      resourceGroup: f.resourceGroupName,
      endpoint,
      trainingDataContainer: pulumi.interpolate`${this.trainingData.blobEndpoint}training-data`,
      baseModel: cfg.model.id,
      fineTuningJob: this.job.jobId,
      fineTunedModel: this.job.fineTunedModel,
      tunedDeployment: this.tunedDeployment.name,
      baseDeployment: this.baseDeployment.name,
      evaluation: this.evaluation.evalId,
      evaluationRuns: this.evaluation.runs,
      contentFilter: this.contentFilter.name,
      applicationIdentityClientId: this.applicationIdentity.clientId,
      logAnalyticsWorkspaceId: f.logs.id,
    };
    this.registerOutputs(this.outputs);
  }

  /** Let a principal call the track's deployments with an Entra ID token (Cognitive Services OpenAI User). */
  grantInvoke(name: string, principalId: pulumi.Input<string>, principalType = "ServicePrincipal"): RoleAssignment {
    return grantOpenAiInvoke(name, this.foundation, this.account, principalId, principalType, this);
  }
}
