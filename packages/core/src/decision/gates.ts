import type { DecisionInput } from "../schema/decision";
import {
  BUILD_MIN_BUDGET_USD,
  BUILD_MIN_DATA_SCORE,
  BUILD_MIN_ML_ENGINEERS,
  FINE_TUNE_GOOD_EXAMPLES,
  FINE_TUNE_MIN_EXAMPLES,
  FINE_TUNE_MIN_ML_ENGINEERS,
  type PerOption,
} from "./options";
import type { DecisionWarning } from "./types";
import { enUsNumber } from "../text";

export interface GateResult {
  readonly eligible: PerOption<boolean>;
  /** One sentence per failed gate, per option. */
  readonly ineligibleBecause: PerOption<string[]>;
  readonly warnings: DecisionWarning[];
}

export function usd(n: number): string {
  return `$${enUsNumber(Math.round(n))}`;
}

/**
 * Hard gates: facts that rule an option out whatever the weights say. An ineligible option keeps
 * its score (so the reader sees what the weights alone would say) but is never recommended.
 * A gate whose fact is missing is not applied - except build's data gate, which reads the
 * data-availability score every file has.
 *
 * Hybrid is buy + fine-tune. It shares fine-tune's data gate (its production half *is* a
 * fine-tune). When data may not go to a third-party API, hybrid stays eligible with a caution:
 * its buy half then only carries prototypes on non-sensitive or synthetic data - a common and
 * legitimate pattern that ruling hybrid out would hide. (Buy itself is ruled out: for buy, the
 * API *is* the production path.)
 */
export function applyGates(input: DecisionInput): GateResult {
  const facts = input.facts ?? {};
  const eligible: PerOption<boolean> = { build: true, buy: true, "fine-tune": true, hybrid: true };
  const because: PerOption<string[]> = { build: [], buy: [], "fine-tune": [], hybrid: [] };
  const warnings: DecisionWarning[] = [];
  const rule = (option: keyof PerOption<boolean>, reason: string) => {
    eligible[option] = false;
    because[option].push(reason);
  };

  // Build: $500K-$5M+, 10-50 ML engineers, massive unique data.
  if (facts.budgetUsd !== undefined && facts.budgetUsd < BUILD_MIN_BUDGET_USD) {
    const reason = `the budget of ${usd(facts.budgetUsd)} is below the ${usd(BUILD_MIN_BUDGET_USD)} a model trained from scratch needs`;
    rule("build", reason);
    warnings.push({ level: "info", code: "build-budget", message: `build is ineligible: ${reason}.` });
  }
  if (facts.mlEngineers !== undefined && facts.mlEngineers < BUILD_MIN_ML_ENGINEERS) {
    const reason = `${facts.mlEngineers} ML engineer${facts.mlEngineers === 1 ? "" : "s"}, fewer than the ${BUILD_MIN_ML_ENGINEERS} building needs`;
    rule("build", reason);
    warnings.push({ level: "info", code: "build-team", message: `build is ineligible: ${reason}.` });
  }
  const dataScore = input.criteria.dataAvailability.score;
  if (dataScore < BUILD_MIN_DATA_SCORE) {
    const reason = `data availability scores ${dataScore}, but training from scratch needs massive unique data (${BUILD_MIN_DATA_SCORE} or more)`;
    rule("build", reason);
    warnings.push({ level: "info", code: "build-data", message: `build is ineligible: ${reason}.` });
  }

  // Fine-tune (and hybrid's fine-tune half): enough labelled examples, a team to run it.
  const examples = facts.labeledExamples;
  if (examples !== undefined && examples < FINE_TUNE_MIN_EXAMPLES) {
    const reason = `${examples} labelled examples is fewer than ${FINE_TUNE_MIN_EXAMPLES}`;
    rule("fine-tune", reason);
    rule("hybrid", `its fine-tune half has too little data (${reason})`);
    warnings.push({
      level: "error",
      code: "fine-tune-too-little-data",
      message:
        `Anti-pattern "fine-tuning with too little data": ${reason}; the model would overfit and ` +
        `do worse than the base model. Fine-tune and hybrid are ineligible below ${FINE_TUNE_MIN_EXAMPLES}; ` +
        `aim for ${enUsNumber(FINE_TUNE_GOOD_EXAMPLES)} or more.`,
    });
  } else if (examples !== undefined && examples < FINE_TUNE_GOOD_EXAMPLES) {
    warnings.push({
      level: "caution",
      code: "fine-tune-little-data",
      message:
        `Only ${examples} labelled examples: fine-tuning usually needs 1,000-100,000; expect a modest ` +
        `gain and measure it against the base model on the same evaluation set.`,
    });
  }
  if (facts.mlEngineers !== undefined && facts.mlEngineers < FINE_TUNE_MIN_ML_ENGINEERS) {
    warnings.push({
      level: "caution",
      code: "fine-tune-small-team",
      message:
        `${facts.mlEngineers} ML engineer${facts.mlEngineers === 1 ? "" : "s"}: fine-tuning (and hybrid's fine-tune half) ` +
        `usually takes 3-8; prefer a managed tuning service or plan to hire.`,
    });
  }

  // Buy: the data has to go to the provider.
  if (facts.dataSharingAllowed === false) {
    const reason = "data may not be sent to a third-party API (facts.dataSharingAllowed is false)";
    rule("buy", reason);
    warnings.push({
      level: "caution",
      code: "buy-data-sharing",
      message:
        `buy is ineligible: ${reason}. If the provider runs inside your own cloud account under your ` +
        `data agreement (Bedrock, Azure OpenAI, Vertex AI) and that satisfies the policy, set it to true.`,
    });
    if (eligible.hybrid) {
      warnings.push({
        level: "caution",
        code: "hybrid-data-sharing",
        message: "hybrid's buy half may only carry non-sensitive or synthetic data; sensitive traffic must go to the fine-tuned model.",
      });
    }
  }

  return { eligible, ineligibleBecause: because, warnings };
}
