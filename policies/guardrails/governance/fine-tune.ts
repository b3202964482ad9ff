/**
 * The framework's fine-tuning anti-patterns: too little data, and no before/after evaluation
 * (the tuned model against its base model on the same evaluation set).
 */
import { enUsNumber, trackIdentityOf } from "@aitracks/core";
import type { PolicyResource, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { configuredTracks, labeledExamples } from "../../lib/facts";
import { modelProvider } from "../../lib/models";
import { safeTag, trackComponentOf, trackOf, transitiveDependencies } from "../../lib/resources";
import { aws } from "../../lib/sdk";
import type { AitracksPolicy } from "../../lib/types";
import { Undecided } from "../../lib/unknown";
import { asArray, get, isObject, type Json } from "../../lib/values";

const { CustomModel, EvaluationJob } = aws.bedrock;

/** Resources of the stack's fine-tune tracks: tagged, under a FineTuneTrack component, or tuning jobs. */
function fineTuneResources(args: StackValidationArgs): PolicyResource[] {
  return args.resources.filter(isFineTuneResource);
}

/** One answer per resource object: the in-process engine hands every stack policy the same ones. */
function isFineTuneResource(r: PolicyResource): boolean {
  let answer = fineTuneAnswers.get(r);
  if (answer === undefined) fineTuneAnswers.set(r, (answer = r.isType(CustomModel) || trackOf(r) === "fine-tune"));
  return answer;
}
const fineTuneAnswers = new WeakMap<PolicyResource, boolean>();

function isFineTuneStack(resources: readonly PolicyResource[]): boolean {
  return resources.length > 0 || configuredTracks().some((t) => t.track === "fine-tune");
}

export const fineTuneMinimumExamples: StackValidationPolicy & AitracksPolicy = {
  name: "fine-tune-minimum-examples",
  description: "A fine-tune stack has at least 100 labelled examples: with fewer the model overfits and does worse than its base model.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps:
    "Label more examples before tuning (the framework's range is 1K-100K), or stay on the buy track with prompt engineering. Declare the count as aitracks:workload.fineTune.labeledExamples or the aitracks-labeled-examples tag.",
  tags: ["any", "anti-pattern"],
  configSchema: { properties: { minimum: { type: "integer", minimum: 1, default: 100, description: "Fewest labelled examples allowed." } } },
  validateStack: (args, report) => {
    const tuning = fineTuneResources(args);
    if (!isFineTuneStack(tuning)) return args.notApplicable("not a fine-tune stack");
    const { minimum = 100 } = args.getConfig<{ minimum?: number }>();
    const n = labeledExamples(tuning, args.stackTags);
    if (!n) return args.notApplicable("the stack does not declare its labelled example count (see fine-tune-recommended-examples)");
    if (n.value < minimum) report(`${n.value} labelled examples (${n.source}); fine-tuning needs at least ${minimum}`);
  },
};

export const fineTuneRecommendedExamples: StackValidationPolicy & AitracksPolicy = {
  name: "fine-tune-recommended-examples",
  description: "A fine-tune stack declares how many labelled examples it has, and has at least 1,000 (the low end of the framework's 1K-100K). Counts below the mandatory minimum are left to fine-tune-minimum-examples.",
  enforcementLevel: "advisory",
  severity: "medium",
  remediationSteps: "Aim for 1,000+ labelled examples (10,000 often beats a frontier model on the domain); declare the count as aitracks:workload.fineTune.labeledExamples.",
  tags: ["any", "anti-pattern"],
  configSchema: {
    properties: {
      recommended: { type: "integer", minimum: 1, default: 1000, description: "Labelled examples below which the pack advises." },
      minimum: { type: "integer", minimum: 1, default: 100, description: "The mandatory minimum (counts below it are reported by fine-tune-minimum-examples)." },
    },
  },
  validateStack: (args, report) => {
    const tuning = fineTuneResources(args);
    if (!isFineTuneStack(tuning)) return args.notApplicable("not a fine-tune stack");
    const { recommended = 1000, minimum = 100 } = args.getConfig<{ recommended?: number; minimum?: number }>();
    const n = labeledExamples(tuning, args.stackTags);
    if (!n) report("the fine-tune stack does not say how many labelled examples it has (aitracks:workload.fineTune.labeledExamples or tag aitracks-labeled-examples)");
    else if (n.value >= minimum && n.value < recommended) report(`${n.value} labelled examples (${n.source}); ${enUsNumber(recommended)} or more are recommended`);
  },
};

// ---- before/after evaluation -----------------------------------------------------------------

/** One evaluation run: the dataset it scores and the models it scores on it. */
interface EvalRecord {
  readonly resource: PolicyResource;
  readonly datasets: string[];
  readonly models: string[];
  /** Roles stated explicitly (generic contract or tags): "base", "tuned". */
  readonly roles: Set<string>;
  readonly dependsOn: Set<PolicyResource>;
}

/** Is a resource an evaluation run (rather than something the tuning produced)? */
function isEvaluation(r: PolicyResource): boolean {
  return r.isType(EvaluationJob) || /eval/i.test(r.name) || /eval/i.test(r.type);
}

const BASE_KEYS = ["baseModel", "baselineModel", "baseModelId"];
const TUNED_KEYS = ["tunedModel", "candidateModel", "tunedModelId", "fineTunedModel"];
const DATASET_KEYS = ["dataset", "datasetUri", "evaluationDataset", "evalDataset", "evaluationDatasetUri", "fileId", "datasetFileId"];
/** Labels a run may give a model instead of an id (a precomputed inference source, a tag). */
const TUNED_LABEL = /^(tuned|fine-?tuned|candidate|after)$/i;
const BASE_LABEL = /^(base|baseline|before)$/i;
/** Objects keyed by role ({base, tuned}) that name the compared models or deployments. */
const ROLE_MAPS = ["inferenceConfigs", "deployments", "models", "candidates"];

/**
 * Evaluation runs the stack defines:
 *  - aws.bedrock.EvaluationJob (models from inferenceConfig, datasets from the dataset metric configs);
 *  - any resource (e.g. the dynamic resources driving Vertex AI or Azure OpenAI evaluations) whose inputs,
 *    at the top or under `evaluation` / `properties`, name a dataset and the base and tuned models,
 *    as baseModel / tunedModel or as an object keyed by role ({base, tuned} under inferenceConfigs,
 *    deployments, models or candidates);
 *  - resources tagged aitracks-eval-dataset=<id> and aitracks-eval-role=base|tuned.
 */
function evaluations(args: StackValidationArgs, undecided: Undecided): EvalRecord[] {
  const out: EvalRecord[] = [];
  for (const r of args.resources) {
    undecided.check(r.urn, () => {
      if (r.isType(EvaluationJob)) {
        const cfg = r.props.evaluationConfig as Json;
        const datasetCfgs = [...asArray(get(cfg, "automated.datasetMetricConfigs")), ...asArray(get(cfg, "human.datasetMetricConfigs"))];
        const datasets = datasetCfgs.map((d) => String(get(d, "dataset.datasetLocation.s3Uri") ?? get(d, "dataset.name") ?? "")).filter(Boolean);
        const models: string[] = [];
        const roles = new Set<string>();
        for (const m of asArray(get(r.props, "inferenceConfig.models"))) {
          const id = get(m, "bedrockModel.modelIdentifier");
          const label = get(m, "precomputedInferenceSource.inferenceSourceIdentifier");
          if (typeof id === "string") models.push(id);
          if (typeof label === "string") {
            if (TUNED_LABEL.test(label)) roles.add("tuned");
            else if (BASE_LABEL.test(label)) roles.add("base");
            else models.push(label);
          }
        }
        out.push({ resource: r, datasets, models, roles, dependsOn: transitiveDependencies(r) });
        return;
      }
      for (const scope of [r.props, r.props.evaluation, r.props.properties]) {
        if (!isObject(scope)) continue;
        const dataset = DATASET_KEYS.map((k) => scope[k]).find((v) => typeof v === "string") as string | undefined;
        if (!dataset) continue;
        const roles = new Set<string>();
        if (BASE_KEYS.some((k) => typeof scope[k] === "string")) roles.add("base");
        if (TUNED_KEYS.some((k) => typeof scope[k] === "string")) roles.add("tuned");
        // Models by role: {base: ..., tuned: ...} under inferenceConfigs, deployments, models or candidates.
        for (const k of ROLE_MAPS) {
          const m = scope[k];
          if (!isObject(m)) continue;
          for (const label of Object.keys(m)) {
            if (BASE_LABEL.test(label)) roles.add("base");
            if (TUNED_LABEL.test(label)) roles.add("tuned");
          }
        }
        if (roles.size) {
          out.push({ resource: r, datasets: [dataset], models: [], roles, dependsOn: transitiveDependencies(r) });
          return;
        }
      }
      const tagDataset = safeTag(r, "aitracks-eval-dataset");
      const tagRole = safeTag(r, "aitracks-eval-role");
      if (tagDataset && tagRole) out.push({ resource: r, datasets: [tagDataset], models: [], roles: new Set(tagRole.split(/[+,_ ]/)), dependsOn: transitiveDependencies(r) });
    });
  }
  return out;
}

/** A tuning unit: what was tuned (resources), from which base model (when the stack says). */
interface TuningUnit {
  readonly anchor: PolicyResource;
  readonly members: Set<PolicyResource>;
  readonly baseModel?: string;
  readonly tunedIds: Set<string>;
}

/** A model id without ARN, geography prefix or Bedrock context-window suffix: comparable across spellings. */
const bareModel = (id: string) =>
  id
    .replace(/^arn:[^/]+\//, "")
    .replace(/^(us|eu|apac|us-gov|global|ca|jp|au)\./, "")
    .replace(/:\d+k$/, "");


/** What a tuning produces or runs on: the resources an evaluation of the tuned model depends on. */
const TUNING_TYPES = /^(aws:sagemaker\/(trainingJob|model|endpoint|endpointConfiguration|hyperParameterTuningJob):|aws:bedrock\/(customModel|provisionedModelThroughput):|pulumi-nodejs:dynamic)/;

function tuningUnits(args: StackValidationArgs): TuningUnit[] {
  const units: TuningUnit[] = [];
  const covered = new Set<PolicyResource>();
  for (const m of args.resources.filter((r) => r.isType(CustomModel))) {
    const base = typeof m.props.baseModelIdentifier === "string" ? bareModel(m.props.baseModelIdentifier) : undefined;
    const ids = new Set([m.props.customModelName, m.name].filter((x): x is string => typeof x === "string"));
    units.push({ anchor: m, members: new Set([m]), baseModel: base, tunedIds: ids });
    const comp = trackComponentOf(m);
    covered.add(comp ?? m);
  }
  // Each fine-tune component's tuning resources, in one pass over the stack.
  const membersOf = new Map<PolicyResource, Set<PolicyResource>>();
  for (const comp of args.resources.filter((r) => trackIdentityOf(r.type, r.props)?.track === "fine-tune")) {
    if (!covered.has(comp)) membersOf.set(comp, new Set());
  }
  if (membersOf.size) {
    for (const r of args.resources) {
      if (!TUNING_TYPES.test(r.type)) continue;
      const comp = trackComponentOf(r);
      const members = comp && membersOf.get(comp);
      if (members && !isEvaluation(r)) members.add(r);
    }
  }
  for (const [comp, members] of membersOf) units.push({ anchor: comp, members, tunedIds: new Set() });
  return units;
}

/** Does a run scoring `model` score the unit's tuned model? */
function coversTuned(e: EvalRecord, unit: TuningUnit, model: string): boolean {
  const tuningDependency = [...unit.members].some((m) => e.dependsOn.has(m));
  if (tuningDependency && (!unit.baseModel || bareModel(model) !== unit.baseModel)) return true;
  return [...unit.tunedIds].some((id) => model.includes(id)) || /custom-model|provisioned-model/.test(model);
}

/** Does a run scoring `model` score the unit's base model? */
function coversBase(e: EvalRecord, unit: TuningUnit, model: string): boolean {
  if (unit.baseModel) return bareModel(model) === unit.baseModel;
  // Base unknown (a track without a tuning resource we can read): a foundation model that is not the tuned one.
  return !coversTuned(e, unit, model) && modelProvider(model) !== undefined;
}

export const fineTuneBeforeAfterEvaluation: StackValidationPolicy & AitracksPolicy = {
  name: "fine-tune-before-after-evaluation",
  description: "A fine-tune stack evaluates the tuned model and its base model on the same evaluation dataset, so the tuning can be shown to help.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps:
    "Add evaluation runs that score the base model and the tuned model on one dataset with metrics agreed in advance: two aws.bedrock.EvaluationJob on the same datasetLocation, or an evaluation resource with baseModel, tunedModel and dataset (the Vertex AI / Azure ML evaluation tracks).",
  tags: ["any", "anti-pattern"],
  validateStack: (args, report) => {
    const units = tuningUnits(args);
    if (!units.length) {
      if (!isFineTuneStack(fineTuneResources(args))) return args.notApplicable("the stack tunes no model");
      report("the stack is a fine-tune stack but defines no tuning resource or fine-tune track whose evaluation could be checked");
      return;
    }
    const undecided = new Undecided();
    const evals = evaluations(args, undecided);
    for (const unit of units) {
      const byDataset = new Map<string, { base: boolean; tuned: boolean }>();
      for (const e of evals) {
        for (const d of e.datasets) {
          const s = byDataset.get(d) ?? { base: false, tuned: false };
          s.base ||= e.roles.has("base") || e.models.some((m) => coversBase(e, unit, m));
          s.tuned ||= e.roles.has("tuned") || e.models.some((m) => coversTuned(e, unit, m));
          byDataset.set(d, s);
        }
      }
      const both = [...byDataset.values()].some((s) => s.base && s.tuned);
      if (both) continue;
      const what = unit.baseModel ? `the tuned model and its base model ${unit.baseModel}` : "the tuned model and its base model";
      const partial = [...byDataset.entries()]
        .filter(([, s]) => s.base || s.tuned)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([d, s]) => `${d} scores only the ${s.base ? "base" : "tuned"} model`);
      report(`no evaluation scores ${what} on the same dataset${partial.length ? ` (${partial.join("; ")})` : ""}`, unit.anchor.urn);
    }
    undecided.finish(args);
  },
};

export const fineTunePolicies: AitracksPolicy[] = [fineTuneMinimumExamples, fineTuneRecommendedExamples, fineTuneBeforeAfterEvaluation];
