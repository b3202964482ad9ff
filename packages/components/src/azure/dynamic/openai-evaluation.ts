import { DYNAMIC_RESOURCES } from "@aitracks/core";
import * as pulumi from "@pulumi/pulumi";
import type { EvalCreateParams } from "openai/resources/evals/evals";
import type { RunCreateParams } from "openai/resources/evals/runs/runs";
import { azureOpenAiClient, call, type DataPlaneError, type DataPlaneTarget } from "./openai-client";

/** The data-plane API version with evaluations (preview). */
export const EVALUATION_API_VERSION = "2025-04-01-preview";

/** Graders: exact_match is a string check; the others are text-similarity metrics with a pass threshold. */
export const EVALUATION_METRICS = ["exact_match", "fuzzy_match", "bleu", "gleu", "meteor", "rouge_1", "rouge_2", "rouge_l"] as const;

export interface OpenAiEvaluationInputs {
  readonly endpoint: string;
  readonly apiVersion: string;
  readonly name: string;
  /** The uploaded JSONL evaluation set (each line: the prompt and the expected answer). */
  readonly fileId: string;
  /** Field of each line holding the prompt, and the one holding the expected answer. */
  readonly promptField: string;
  readonly expectedField: string;
  readonly metrics: string[];
  /** Score from 0 to 1 a similarity metric must reach for a line to pass. */
  readonly passThreshold: number;
  /** The deployments compared on the same file: label -> deployment name (e.g. base, tuned). */
  readonly deployments: Record<string, string>;
}

export interface OpenAiEvaluationOutputs extends OpenAiEvaluationInputs {
  readonly evalId: string;
  /** Run id per deployment label. */
  readonly runs: Record<string, string>;
  /** Per label: status and pass/fail counts, as of the last create or refresh. */
  readonly results: Record<string, { status: string; passed: number; failed: number; errored: number; total: number }>;
}

interface ApiRun {
  id: string;
  status: string;
  result_counts?: { passed?: number; failed?: number; errored?: number; total?: number } | null;
}

const RUN_TERMINAL = ["completed", "failed", "canceled", "cancelled"];

function target(p: { endpoint: string; apiVersion: string }): DataPlaneTarget {
  return { endpoint: p.endpoint, apiVersion: p.apiVersion };
}

/** The similarity metrics the API knows (the inputs are checked against EVALUATION_METRICS). */
type SimilarityMetric = Extract<EvalCreateParams["testing_criteria"][number], { type: "text_similarity" }>["evaluation_metric"];

/** The eval definition: the item schema and one grader per metric, comparing the output with the expected answer. */
export function evaluationBody(inputs: OpenAiEvaluationInputs): EvalCreateParams {
  const input = "{{sample.output_text}}";
  const reference = `{{item.${inputs.expectedField}}}`;
  return {
    name: inputs.name,
    data_source_config: {
      type: "custom",
      item_schema: {
        type: "object",
        properties: { [inputs.promptField]: { type: "string" }, [inputs.expectedField]: { type: "string" } },
        required: [inputs.promptField, inputs.expectedField],
      },
      include_sample_schema: true,
    },
    testing_criteria: inputs.metrics.map((m) =>
      m === "exact_match"
        ? { type: "string_check", name: m, input, reference, operation: "eq" }
        : { type: "text_similarity", name: m, input, reference, evaluation_metric: m as SimilarityMetric, pass_threshold: inputs.passThreshold },
    ),
  };
}

/** A run: the deployment answers every prompt of the file, and the graders score the answers. */
export function runBody(inputs: OpenAiEvaluationInputs, label: string, deployment: string): RunCreateParams {
  return {
    name: `${inputs.name}-${label}`,
    data_source: {
      type: "completions",
      model: deployment,
      source: { type: "file_id", id: inputs.fileId },
      input_messages: { type: "template", template: [{ role: "user", content: `{{item.${inputs.promptField}}}` }] },
    },
  };
}

function resultOf(run: ApiRun) {
  const c = run.result_counts ?? {};
  return { status: run.status, passed: c.passed ?? 0, failed: c.failed ?? 0, errored: c.errored ?? 0, total: c.total ?? 0 };
}

/**
 * The dynamic provider, through the openai package's AzureOpenAI client: create defines the
 * evaluation (evals.create) and starts one run per deployment on the same file (evals.runs.create);
 * read refreshes the runs' status and counts; delete cancels runs still going and deletes the
 * evaluation.
 */
export const openAiEvaluationProvider: pulumi.dynamic.ResourceProvider<OpenAiEvaluationInputs, OpenAiEvaluationOutputs> = {
  async create(inputs) {
    const client = await azureOpenAiClient(target(inputs));
    const evaluation = await call("POST evals", () => client.evals.create(evaluationBody(inputs)));
    const runs: Record<string, string> = {};
    const results: OpenAiEvaluationOutputs["results"] = {};
    for (const [label, deployment] of Object.entries(inputs.deployments)) {
      const run: ApiRun = await call(`POST evals/${evaluation.id}/runs`, () => client.evals.runs.create(evaluation.id, runBody(inputs, label, deployment)));
      runs[label] = run.id;
      results[label] = resultOf(run);
    }
    return { id: evaluation.id, outs: { ...inputs, evalId: evaluation.id, runs, results } };
  },

  async read(id, props) {
    const p = props as OpenAiEvaluationOutputs;
    const client = await azureOpenAiClient(target(p));
    try {
      await call(`GET evals/${id}`, () => client.evals.retrieve(id));
    } catch (err) {
      if ((err as DataPlaneError).status === 404) return {};
      throw err;
    }
    const results: OpenAiEvaluationOutputs["results"] = {};
    for (const [label, runId] of Object.entries(p.runs ?? {})) {
      results[label] = resultOf(await call(`GET evals/${id}/runs/${runId}`, () => client.evals.runs.retrieve(runId, { eval_id: id })));
    }
    return { id, props: { ...p, results } };
  },

  async diff(_id, olds, news) {
    const keys = ["endpoint", "name", "fileId", "promptField", "expectedField", "metrics", "passThreshold", "deployments"] as const;
    const replaces = keys.filter((k) => JSON.stringify(olds[k] ?? null) !== JSON.stringify(news[k] ?? null));
    return { changes: replaces.length > 0 || olds.apiVersion !== news.apiVersion, replaces };
  },

  async update(_id, olds, news) {
    return { outs: { ...olds, apiVersion: news.apiVersion } };
  },

  async delete(id, props) {
    const p = props as OpenAiEvaluationOutputs;
    const client = await azureOpenAiClient(target(p));
    try {
      for (const runId of Object.values(p.runs ?? {})) {
        const run: ApiRun = await call(`GET evals/${id}/runs/${runId}`, () => client.evals.runs.retrieve(runId, { eval_id: id }));
        if (!RUN_TERMINAL.includes(run.status)) await call(`POST evals/${id}/runs/${runId}`, () => client.evals.runs.cancel(runId, { eval_id: id }));
      }
      await call(`DELETE evals/${id}`, () => client.evals.delete(id));
    } catch (err) {
      if ((err as DataPlaneError).status === 404) return;
      throw err;
    }
  },
};

export interface AzureOpenAiEvaluationArgs {
  readonly endpoint: pulumi.Input<string>;
  /** @default "2025-04-01-preview" */
  readonly apiVersion?: pulumi.Input<string>;
  readonly name: pulumi.Input<string>;
  readonly fileId: pulumi.Input<string>;
  /** @default "prompt" */
  readonly promptField?: pulumi.Input<string>;
  /** @default "expected" */
  readonly expectedField?: pulumi.Input<string>;
  /** @default ["exact_match", "fuzzy_match"] */
  readonly metrics?: pulumi.Input<pulumi.Input<string>[]>;
  /** @default 0.8 */
  readonly passThreshold?: pulumi.Input<number>;
  /** label -> deployment name: the models compared on the same file. */
  readonly deployments: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * An Azure OpenAI evaluation: one evaluation set, the same graders, one run per deployment, so
 * the base and the fine-tuned model are compared like for like. Registers as
 * `pulumi-nodejs:dynamic/azure-openai:Evaluation`.
 */
export class AzureOpenAiEvaluation extends pulumi.dynamic.Resource {
  declare readonly evalId: pulumi.Output<string>;
  declare readonly runs: pulumi.Output<Record<string, string>>;
  declare readonly results: pulumi.Output<OpenAiEvaluationOutputs["results"]>;

  constructor(name: string, args: AzureOpenAiEvaluationArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      openAiEvaluationProvider,
      name,
      {
        ...args,
        apiVersion: args.apiVersion ?? EVALUATION_API_VERSION,
        promptField: args.promptField ?? "prompt",
        expectedField: args.expectedField ?? "expected",
        metrics: args.metrics ?? ["exact_match", "fuzzy_match"],
        passThreshold: args.passThreshold ?? 0.8,
        evalId: undefined,
        runs: undefined,
        results: undefined,
      },
      opts,
      DYNAMIC_RESOURCES.azureOpenAiEvaluation.module,
      DYNAMIC_RESOURCES.azureOpenAiEvaluation.name,
    );
  }
}
