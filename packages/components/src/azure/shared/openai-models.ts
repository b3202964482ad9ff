import { closest } from "@aitracks/core";
import { fieldError } from "../../common/errors";

/**
 * Azure OpenAI models the components deploy, with their versions (newest first) and the versions
 * Azure OpenAI fine-tunes (supervised). Checked against Microsoft's model and fine-tuning
 * availability pages; adding a model is one line here.
 */
export const AZURE_OPENAI_MODELS: Readonly<Record<string, { readonly versions: readonly string[]; readonly fineTune?: readonly string[] }>> = {
  "gpt-5": { versions: ["2025-08-07"] },
  "gpt-5-mini": { versions: ["2025-08-07"] },
  "gpt-5-nano": { versions: ["2025-08-07"] },
  "gpt-4.1": { versions: ["2025-04-14"], fineTune: ["2025-04-14"] },
  "gpt-4.1-mini": { versions: ["2025-04-14"], fineTune: ["2025-04-14"] },
  "gpt-4.1-nano": { versions: ["2025-04-14"], fineTune: ["2025-04-14"] },
  "gpt-4o": { versions: ["2024-11-20", "2024-08-06", "2024-05-13"], fineTune: ["2024-08-06"] },
  "gpt-4o-mini": { versions: ["2024-07-18"], fineTune: ["2024-07-18"] },
  o3: { versions: ["2025-04-16"] },
  "o3-mini": { versions: ["2025-01-31"] },
  "o4-mini": { versions: ["2025-04-16"] },
  "text-embedding-3-large": { versions: ["1"] },
  "text-embedding-3-small": { versions: ["1"] },
  "text-embedding-ada-002": { versions: ["2"] },
};

/** Check a model name and version; the version defaults to the newest. */
export function azureOpenAiModel(field: string, model: string, version: string | undefined): { name: string; version: string } {
  const known = AZURE_OPENAI_MODELS[model];
  if (!known) {
    const near = closest(model, Object.keys(AZURE_OPENAI_MODELS), 3);
    fieldError(`${field}.model`, `unknown Azure OpenAI model ${JSON.stringify(model)}${near.length ? `; did you mean ${near.join(", ")}?` : ""}`);
  }
  const v = version ?? known.versions[0]!;
  if (!known.versions.includes(v)) fieldError(`${field}.version`, `expected a version of ${model} (${known.versions.join(", ")}), got ${JSON.stringify(v)}`);
  return { name: model, version: v };
}

/** A base model Azure OpenAI fine-tunes, as the fine-tuning API names it: `gpt-4o-mini-2024-07-18`. */
export function fineTunableModel(field: string, model: string, version: string | undefined): { name: string; version: string; id: string } {
  const tunable = Object.entries(AZURE_OPENAI_MODELS).filter(([, m]) => m.fineTune?.length).map(([n]) => n);
  const known = AZURE_OPENAI_MODELS[model];
  if (!known?.fineTune?.length) {
    fieldError(field, `expected a base model Azure OpenAI fine-tunes (${tunable.join(", ")}), got ${JSON.stringify(model)}`);
  }
  const v = version ?? known.fineTune[0]!;
  if (!known.fineTune.includes(v)) fieldError(`${field}Version`, `expected a fine-tunable version of ${model} (${known.fineTune.join(", ")}), got ${JSON.stringify(v)}`);
  return { name: model, version: v, id: `${model}-${v}` };
}

/**
 * Deployment SKUs and what their capacity counts: thousands of tokens per minute for the standard
 * (pay-per-token) ones, provisioned throughput units for the provisioned ones, which come in a
 * minimum and steps (global and data-zone: 15, then 5; regional: 25, then 25 — the smallest
 * regional minimum; bigger models ask for more at deploy time).
 */
export const DEPLOYMENT_SKUS: Readonly<Record<string, { readonly provisioned: boolean; readonly min: number; readonly step: number; readonly ptuSku?: string }>> = {
  Standard: { provisioned: false, min: 1, step: 1 },
  GlobalStandard: { provisioned: false, min: 1, step: 1 },
  DataZoneStandard: { provisioned: false, min: 1, step: 1 },
  ProvisionedManaged: { provisioned: true, min: 25, step: 25, ptuSku: "aoai-ptu-regional" },
  GlobalProvisionedManaged: { provisioned: true, min: 15, step: 5, ptuSku: "aoai-ptu-global" },
  DataZoneProvisionedManaged: { provisioned: true, min: 15, step: 5, ptuSku: "aoai-ptu-datazone" },
};

export function deploymentCapacity(field: string, sku: string, capacity: number): number {
  const rule = DEPLOYMENT_SKUS[sku];
  if (!rule) fieldError(`${field}.sku`, `expected one of ${Object.keys(DEPLOYMENT_SKUS).join(", ")}, got ${JSON.stringify(sku)}`);
  const unit = rule.provisioned ? "provisioned throughput units" : "thousand tokens per minute";
  if (!Number.isInteger(capacity) || capacity < 1) fieldError(`${field}.capacity`, `expected a whole number of ${unit} of at least ${rule.min}, got ${capacity}`);
  if (capacity < rule.min) fieldError(`${field}.capacity`, `expected at least ${rule.min} ${unit} for ${sku}, got ${capacity}`);
  if (capacity % rule.step !== 0) fieldError(`${field}.capacity`, `expected a multiple of ${rule.step} ${unit} for ${sku}, got ${capacity}`);
  return capacity;
}
