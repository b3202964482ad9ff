/**
 * Stack-level facts the governance policies need (the decision's review date, the environment,
 * the data classification, the fine-tune data volume). Each is read, in order, from:
 *   1. the stack config the engine sent (`aitracks:decision`, `aitracks:environment`, ...),
 *   2. the tags the aitracks components put on every resource (`decision-review-date`, ...),
 *   3. stack tags (`pulumi stack tag set aitracks:data-classification restricted`),
 * and reports which source it came from, so a message can say where to fix it.
 */
import { TAG_KEYS } from "@aitracks/core";
import { configValue } from "./stack-config";
import { safeTag, type ResourceLike } from "./resources";
import { isObject } from "./values";

export interface Fact<T> {
  readonly value: T;
  /** Where it came from, e.g. `stack config aitracks:environment` or `tag environment on <urn>`. */
  readonly source: string;
}

export const FACT_TAGS = {
  environment: "environment",
  dataClassification: "aitracks-data-classification",
  labeledExamples: "aitracks-labeled-examples",
} as const;

export const STACK_TAGS = {
  reviewDate: "aitracks:review-date",
  environment: "aitracks:environment",
  dataClassification: "aitracks:data-classification",
  labeledExamples: "aitracks:labeled-examples",
} as const;

type Tags = ReadonlyMap<string, string>;

/** The first resource carrying a tag, in a stable order. */
function fromTags(resources: readonly ResourceLike[], key: string): Fact<string> | undefined {
  for (const r of resources) {
    const v = safeTag(r, key);
    if (v) return { value: v, source: `tag ${key} on ${r.urn}` };
  }
  return undefined;
}

function fromStackTag(tags: Tags, key: string): Fact<string> | undefined {
  const v = tags.get(key);
  return v ? { value: v, source: `stack tag ${key}` } : undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The decision's review date: config first, else the earliest `decision-review-date` tag. */
export function reviewDate(resources: readonly ResourceLike[], tags: Tags): Fact<string> | undefined {
  const decision = configValue("aitracks:decision");
  if (isObject(decision) && typeof decision.reviewDate === "string" && ISO_DATE.test(decision.reviewDate)) {
    return { value: decision.reviewDate, source: "stack config aitracks:decision.reviewDate" };
  }
  let earliest: Fact<string> | undefined;
  for (const r of resources) {
    const v = safeTag(r, TAG_KEYS.reviewDate);
    if (v && ISO_DATE.test(v) && (!earliest || v < earliest.value)) earliest = { value: v, source: `tag ${TAG_KEYS.reviewDate} on ${r.urn}` };
  }
  if (earliest) return earliest;
  const tag = fromStackTag(tags, STACK_TAGS.reviewDate);
  return tag && ISO_DATE.test(tag.value) ? tag : undefined;
}

export function environment(resources: readonly ResourceLike[], tags: Tags): Fact<string> | undefined {
  const c = configValue("aitracks:environment");
  if (typeof c === "string" && c) return { value: c, source: "stack config aitracks:environment" };
  return fromTags(resources, FACT_TAGS.environment) ?? fromStackTag(tags, STACK_TAGS.environment);
}

export function dataClassification(resources: readonly ResourceLike[], tags: Tags): Fact<string> | undefined {
  const c = configValue("aitracks:dataClassification");
  if (typeof c === "string" && c) return { value: c, source: "stack config aitracks:dataClassification" };
  return fromTags(resources, FACT_TAGS.dataClassification) ?? fromStackTag(tags, STACK_TAGS.dataClassification);
}

/**
 * Labelled examples for fine-tuning: the `aitracks-labeled-examples` tag of the track's resources,
 * else `aitracks:workload.fineTune.labeledExamples` (a range counts by its low end: the pessimistic
 * case is the one that overfits), else the stack tag.
 */
export function labeledExamples(resources: readonly ResourceLike[], tags: Tags): Fact<number> | undefined {
  const tagged = fromTags(resources, FACT_TAGS.labeledExamples);
  const n = tagged ? Number(tagged.value) : NaN;
  if (tagged && Number.isFinite(n)) return { value: n, source: tagged.source };
  const workload = configValue("aitracks:workload");
  const v = isObject(workload) && isObject(workload.fineTune) ? workload.fineTune.labeledExamples : undefined;
  if (typeof v === "number") return { value: v, source: "stack config aitracks:workload.fineTune.labeledExamples" };
  if (isObject(v) && typeof v.low === "number") return { value: v.low, source: "stack config aitracks:workload.fineTune.labeledExamples.low" };
  const st = fromStackTag(tags, STACK_TAGS.labeledExamples);
  const sn = st ? Number(st.value) : NaN;
  return st && Number.isFinite(sn) ? { value: sn, source: st.source } : undefined;
}

/** The tracks the stack config declares (`aitracks:tracks`), if it was sent. */
export function configuredTracks(): { track: string; cloud: string; name: string; models: string[] }[] {
  const v = configValue("aitracks:tracks");
  if (!Array.isArray(v)) return [];
  return v.filter(isObject).map((t) => ({
    track: String(t.track ?? ""),
    cloud: String(t.cloud ?? ""),
    name: String(t.name ?? `${String(t.track)}-${String(t.cloud)}`),
    models: Array.isArray(t.models) ? t.models.filter((m): m is string => typeof m === "string") : [],
  }));
}

/** Today as YYYY-MM-DD (UTC), or the `asOf` date a policy's config gives (tests, replays). */
export function today(asOf?: string): string {
  return asOf && ISO_DATE.test(asOf) ? asOf : new Date().toISOString().slice(0, 10);
}
