import * as pulumi from "@pulumi/pulumi";
import type { RoleAssignment } from "@pulumi/azure-native/authorization";
import type { Account, Deployment, RaiPolicy } from "@pulumi/azure-native/cognitiveservices";
import type { UserAssignedIdentity } from "@pulumi/azure-native/managedidentity";
import { z } from "zod";
import { issue, parseArgs, wholeArg } from "../common/args";
import { fieldError } from "../common/errors";
import { trackIdentity, type TrackComponent } from "../common/track";
import { trackComponentType } from "@aitracks/core";
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
  azureBase,
  azureContentFilterArgs,
  azureTrackBaseArgs,
  secureStorage,
  type AzureFoundation,
  type SecureStorage,
} from "./shared";

const FILE_ID = /^file-[A-Za-z0-9_-]{6,}$/;
const FIELD_NAME = z.string({ error: "expected a field name" }).regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: "expected a field name of letters, digits and underscores" });

/** The fine-tuning configuration: Azure chooses what is left out. */
export const azureFineTuneHyperparameters = z.strictObject({
  /** Passes over the training file (1-50). @default Azure's choice */
  epochs: wholeArg(1, 50, "epochs").optional(),
  /** Examples per step (1-256). @default Azure's choice */
  batchSize: wholeArg(1, 256, "examples per step").optional(),
  /** Scales the base learning rate (above 0, at most 10). @default Azure's choice */
  learningRateMultiplier: z
    .number({ error: "expected a learning-rate multiplier" })
    .gt(0, { error: "expected a number above 0 and at most 10" })
    .lte(10, { error: "expected a number above 0 and at most 10" })
    .optional(),
});
export type AzureFineTuneHyperparameters = z.input<typeof azureFineTuneHyperparameters>;

/** Where a model of the track is deployed. */
export const azureFineTunedDeploymentArgs = z.strictObject({
  /** Deployment name. @default "<track>-tuned" (the base model's: "<track>-base") */
  name: z.string({ error: "expected a deployment name" }).optional(),
  /** "Standard" (regional) or "GlobalStandard". @default "Standard" */
  sku: z.enum(["Standard", "GlobalStandard"], { error: "expected Standard or GlobalStandard for a fine-tuned model" }).default("Standard"),
  /** Thousands of tokens per minute. @default 10 */
  capacity: z.number({ error: "expected thousands of tokens per minute" }).default(10),
});
export type AzureFineTunedDeploymentArgs = z.input<typeof azureFineTunedDeploymentArgs>;

/** The base-vs-tuned comparison on one evaluation set. */
export const azureFineTuneEvaluationArgs = z.strictObject(
  {
    /** Local JSONL evaluation set ({"item": {"prompt": ..., "expected": ...}} per line) the track uploads. Either this or fileId. */
    file: z.string({ error: "expected a local JSONL file" }).optional(),
    /** An already uploaded evaluation file's id (purpose evals). */
    fileId: z.string({ error: "expected an uploaded file's id" }).optional(),
    /** Graders: exact_match, fuzzy_match, bleu, gleu, meteor, rouge_1, rouge_2, rouge_l. @default ["exact_match", "fuzzy_match"] */
    metrics: z
      .array(z.enum(EVALUATION_METRICS, { error: `expected one of ${EVALUATION_METRICS.join(", ")}` }), { error: "expected a list of graders" })
      .min(1, { error: `expected at least one of ${EVALUATION_METRICS.join(", ")}` })
      .default(["exact_match", "fuzzy_match"]),
    /** Score (0-1] a similarity grader needs for a line to pass. @default 0.8 */
    passThreshold: z.number({ error: "expected a score" }).gt(0, { error: "expected a score above 0 and at most 1" }).lte(1, { error: "expected a score above 0 and at most 1" }).default(0.8),
    /** @default "prompt" */
    promptField: FIELD_NAME.default("prompt"),
    /** @default "expected" */
    expectedField: FIELD_NAME.default("expected"),
  },
  { error: "expected the base-vs-tuned evaluation set {file or fileId, metrics}" },
);
export type AzureFineTuneEvaluationArgs = z.input<typeof azureFineTuneEvaluationArgs>;

/**
 * The args of the fine-tune-on-Azure track `name` (the suffix and deployment names default to
 * it): every default and rule in one place.
 */
export function azureFineTuneTrackArgs(name: string) {
  return azureTrackBaseArgs
    .extend({
      /** The base model, e.g. "gpt-4o-mini" (one Azure OpenAI fine-tunes). */
      baseModel: z.string({ error: "expected a base model Azure OpenAI fine-tunes, such as gpt-4o-mini" }),
      /** @default the newest fine-tunable version */
      baseModelVersion: z.string({ error: "expected a model version" }).optional(),
      /** Local JSONL of chat examples ({"messages": [...]}, at least 10) that the track uploads. Either this or trainingFileId. */
      trainingFile: z.string({ error: "expected a local JSONL file" }).optional(),
      /** An already uploaded training file's id (purpose fine-tune), e.g. file-0123abcd. */
      trainingFileId: z.string({ error: "expected an uploaded file's id" }).optional(),
      /** Local JSONL of validation examples the track uploads. @default none */
      validationFile: z.string({ error: "expected a local JSONL file" }).optional(),
      /** An already uploaded validation file's id. @default none */
      validationFileId: z.string({ error: "expected an uploaded file's id" }).optional(),
      /** The fine-tuning configuration. @default Azure's choice for each */
      hyperparameters: azureFineTuneHyperparameters.prefault({}),
      /** Added to the fine-tuned model's name (lower-case letters, digits, dashes; at most 40). @default the track name */
      suffix: z
        .string({ error: "expected a suffix" })
        .default(name.slice(0, 40))
        .pipe(z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: "expected at most 40 lower-case letters, digits and dashes" })),
      /** For reproducible runs. @default Azure's choice */
      seed: wholeArg(0).optional(),
      /** Minutes to wait for the job before cancelling it. @default 1440 */
      timeoutMinutes: wholeArg(10, 10080).default(1440),
      /** The fine-tuned model's deployment. @default "<track>-tuned", Standard, 10 */
      deployment: azureFineTunedDeploymentArgs.prefault({}),
      /** The base-vs-tuned evaluation: both models answer the same set, scored by the same graders. Required. */
      evaluation: azureFineTuneEvaluationArgs,
      /** The content filter on both deployments. @default Medium threshold, Prompt Shields and protected material on */
      contentFilter: azureContentFilterArgs.prefault({}),
    })
    .transform((a, ctx) => {
      azureOffering("aoai-finetune-training", "region", a.region, "Azure OpenAI fine-tuning");
      const model = fineTunableModel("baseModel", a.baseModel, a.baseModelVersion);
      const training = fileSource("trainingFile", a.trainingFile, a.trainingFileId, { purpose: "fine-tune", minLines: 10 }, true)!;
      const validation = fileSource("validationFile", a.validationFile, a.validationFileId, { purpose: "fine-tune", minLines: 1 }, false);
      const h = a.hyperparameters;
      const d = a.deployment;
      const capacity = deploymentCapacity("deployment", d.sku, d.capacity);
      const tunedName = d.name ?? `${name}-tuned`;
      const baseName = `${name}-base`;
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/.test(tunedName)) issue(ctx, ["deployment", "name"], `expected 2-64 letters, digits, dots, dashes or underscores, got ${JSON.stringify(tunedName)}`);
      else if (tunedName === baseName) issue(ctx, ["deployment", "name"], `expected a name other than ${baseName} (the base model's deployment)`);
      const e = a.evaluation;
      // Without this set the tuned model is never compared with its base: the framework's "no before/after evaluation".
      const evalFile = fileSource("evaluation.file", e.file, e.fileId, { purpose: "evals", fields: [e.promptField, e.expectedField] }, true)!;
      return {
        ...azureBase(a),
        model,
        training,
        validation,
        hyperparameters: {
          ...(h.epochs !== undefined ? { nEpochs: h.epochs } : {}),
          ...(h.batchSize !== undefined ? { batchSize: h.batchSize } : {}),
          ...(h.learningRateMultiplier !== undefined ? { learningRateMultiplier: h.learningRateMultiplier } : {}),
        },
        suffix: a.suffix,
        seed: a.seed,
        timeoutMinutes: a.timeoutMinutes,
        deployment: { tunedName, baseName, sku: d.sku, capacity },
        evaluation: { file: evalFile, metrics: e.metrics, passThreshold: e.passThreshold, promptField: e.promptField, expectedField: e.expectedField },
        contentFilter: a.contentFilter,
      };
    });
}
export type AzureFineTuneTrackArgs = z.input<ReturnType<typeof azureFineTuneTrackArgs>>;

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
    const cfg = parseArgs(azureFineTuneTrackArgs(name), args);
    super(trackComponentType("azure", "fine-tune"), name, trackIdentity("fine-tune", "azure", cfg.location, { models: [cfg.model.name] }), opts);
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
