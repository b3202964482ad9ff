/**
 * The buy track's third-party risks (the framework's checklist): what data flows to which model
 * provider, and lock-in to a single provider or model.
 */
import { DYNAMIC_TYPE_PREFIX } from "@aitracks/core";
import type { PolicyResource, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { configuredTracks, dataClassification, environment } from "../../lib/facts";
import { grants, statements } from "../../lib/iam";
import { formatProvider, modelProvider } from "../../lib/models";
import { trackInfo } from "../../lib/resources";
import { aws, azureNative, gcp } from "../../lib/sdk";
import type { AitracksPolicy } from "../../lib/types";
import { Undecided } from "../../lib/unknown";
import { asArray, get, type Json } from "../../lib/values";

const { CustomModel, InferenceProfile, ProvisionedModelThroughput } = aws.bedrock;
const { GroupPolicy, Policy, RolePolicy, UserPolicy } = aws.iam;
const { Deployment } = azureNative.cognitiveservices;
const { AiEndpointWithModelGardenDeployment, AiModelGardenEnableModel } = gcp.vertex;

export interface ModelUse {
  readonly model: string;
  readonly provider: string | undefined;
  readonly resource: PolicyResource | undefined;
  /** The buy track it belongs to (name), when the stack says. */
  readonly track: string | undefined;
}

const FOUNDATION_ARN = /:(?:foundation-model|inference-profile)\/([^/]+)$/;

/** The models a resource sends prompts to (or is tuned from). */
function modelsOf(r: PolicyResource): { model: string; provider?: string }[] {
  const out: { model: string; provider?: string }[] = [];
  const add = (v: Json, provider?: string) => {
    if (typeof v !== "string" || !v) return;
    const m = FOUNDATION_ARN.exec(v)?.[1] ?? v;
    out.push({ model: m.replace(/^(us|eu|apac|us-gov|global|ca|jp|au)\./, ""), provider: provider ?? modelProvider(m) });
  };
  if (r.isType(InferenceProfile)) add(get(r.props, "modelSource.copyFrom"));
  else if (r.isType(ProvisionedModelThroughput)) add(r.props.modelArn);
  else if (r.isType(CustomModel)) add(r.props.baseModelIdentifier);
  else if (r.isType(Deployment)) {
    const format = get(r.props, "properties.model.format");
    add(get(r.props, "properties.model.name"), typeof format === "string" ? formatProvider(format) : undefined);
  } else if (r.isType(AiEndpointWithModelGardenDeployment)) {
    add(r.props.publisherModelName);
    add(r.props.huggingFaceModelId);
  } else if (r.isType(AiModelGardenEnableModel)) add(r.props.publisherModelName);
  else if (r.isType(Policy) || r.isType(RolePolicy) || r.isType(UserPolicy) || r.isType(GroupPolicy)) {
    for (const st of statements(r.props.policy) ?? []) {
      if (st.Effect !== "Allow" || !st.Action.some((a) => grants(a, "bedrock:InvokeModel"))) continue;
      for (const res of st.Resource) if (/:foundation-model\//.test(res)) add(res);
    }
  } else if (r.type.startsWith(DYNAMIC_TYPE_PREFIX)) {
    for (const k of ["model", "modelId", "baseModel", "publisherModel"]) add(r.props[k]);
    for (const m of asArray(r.props.models)) add(m as Json);
  }
  return out;
}

function buyTrackNames(): Set<string> {
  return new Set(configuredTracks().filter((t) => t.track === "buy").map((t) => t.name));
}

/** Every model the stack's buy tracks use, from resources and from the stack config's track list. */
export function buyModelUses(args: StackValidationArgs, undecided: Undecided): ModelUse[] {
  const uses: ModelUse[] = [];
  const buyNames = buyTrackNames();
  for (const r of args.resources) {
    undecided.check(r.urn, () => {
      const info = trackInfo(r);
      if (info.track !== "buy" && !(info.name && buyNames.has(info.name))) return;
      for (const m of modelsOf(r)) uses.push({ ...m, provider: m.provider, resource: r, track: info.name });
    });
  }
  for (const t of configuredTracks().filter((x) => x.track === "buy")) {
    for (const m of t.models) uses.push({ model: m, provider: modelProvider(m), resource: undefined, track: t.name });
  }
  return uses;
}

function isBuyStack(args: StackValidationArgs): boolean {
  return args.resources.some((r) => trackInfo(r).track === "buy") || buyTrackNames().size > 0;
}

export const restrictedDataApprovedProviders: StackValidationPolicy & AitracksPolicy = {
  name: "restricted-data-approved-providers",
  description:
    "A buy stack whose data is restricted sends prompts only to model providers on the approved list (pack config approvedProviders) — the framework's IP and data-privacy item: what data flows to third parties.",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps:
    "Use a model from an approved provider, fine-tune an open model you host instead, or (after legal review) add the provider to this policy's approvedProviders. Lower aitracks:dataClassification only if the data really is not restricted.",
  tags: ["any", "data-protection"],
  configSchema: {
    properties: {
      approvedProviders: { type: "array", items: { type: "string" }, default: [], description: 'Model providers approved for gated data, lower-case (e.g. ["amazon", "anthropic"]).' },
      gatedClassifications: { type: "array", items: { type: "string" }, default: ["restricted"], description: "Data classifications that may only go to approved providers." },
    },
  },
  validateStack: (args, report) => {
    if (!isBuyStack(args)) return args.notApplicable("not a buy stack");
    const { approvedProviders = [], gatedClassifications = ["restricted"] } = args.getConfig<{ approvedProviders?: string[]; gatedClassifications?: string[] }>();
    const cls = dataClassification(args.resources, args.stackTags);
    if (!cls) return args.notApplicable("the stack declares no data classification (aitracks:dataClassification)");
    if (!gatedClassifications.includes(cls.value)) return args.notApplicable(`the data is ${cls.value}, not gated`);
    const undecided = new Undecided();
    const approved = new Set(approvedProviders.map((p) => p.toLowerCase()));
    const seen = new Set<string>();
    for (const use of buyModelUses(args, undecided)) {
      const key = `${use.provider ?? use.model}|${use.resource?.urn ?? ""}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (!use.provider) report(`${use.model}: cannot tell which provider receives the ${cls.value} data; name an approved model`, use.resource?.urn);
      else if (!approved.has(use.provider)) {
        report(`${cls.value} data (${cls.source}) would go to ${use.provider} (${use.model}), which is not an approved provider${approved.size ? ` (approved: ${[...approved].join(", ")})` : " (none approved)"}`, use.resource?.urn);
      }
    }
    undecided.finish(args);
  },
};

export const buyFallbackModel: StackValidationPolicy & AitracksPolicy = {
  name: "buy-fallback-model",
  description: "A production buy track has a fallback: at least two models, so a provider's outage, throttling or price change does not stop the product (vendor lock-in).",
  enforcementLevel: "advisory",
  severity: "medium",
  remediationSteps: "List a second model (ideally from another provider) after the primary in the buy track's models:, and have the application fail over to it.",
  tags: ["any", "lock-in"],
  validateStack: (args, report) => {
    if (!isBuyStack(args)) return args.notApplicable("not a buy stack");
    const env = environment(args.resources, args.stackTags);
    if (env?.value !== "production") return args.notApplicable(env ? `environment is ${env.value}` : "the stack declares no environment");
    const undecided = new Undecided();
    const byTrack = new Map<string, { models: Set<string>; anchor?: PolicyResource }>();
    for (const use of buyModelUses(args, undecided)) {
      const key = use.track ?? "(buy)";
      const entry = byTrack.get(key) ?? { models: new Set<string>() };
      entry.models.add(use.model);
      entry.anchor ??= use.resource;
      byTrack.set(key, entry);
    }
    for (const [track, { models, anchor }] of byTrack) {
      if (models.size < 2) report(`the production buy track ${track} uses only ${[...models].join(", ") || "no declared model"}; add a fallback model or provider`, anchor?.urn);
    }
    undecided.finish(args);
  },
};

export const thirdPartyPolicies: AitracksPolicy[] = [restrictedDataApprovedProviders, buyFallbackModel];
