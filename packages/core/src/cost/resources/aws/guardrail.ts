import { asArray, at } from "../../graph";
import type { CostModule, PricingContext } from "../../module";
import { catalogEntry, fmt, regionNotes, usage } from "../../price";
import { BYTES_PER_TOKEN } from "../../storage";
import { noWorkloadNote } from "../../to-count";
import type { CostComponent, CostResource } from "../../types";

/** Characters in one Bedrock Guardrails text unit: a text unit is up to 1,000 characters. */
export const CHARACTERS_PER_TEXT_UNIT = 1_000;

type Direction = "input" | "output";

/** Whether a list of policy items checks a direction: an item on unless it says NONE or disabled. */
function checks(items: readonly unknown[], dir: Direction, strengthKey?: string): boolean {
  return items.some((item) => {
    if (at(item, `${dir}Enabled`) === false) return false;
    if (strengthKey && at(item, `${dir}${strengthKey}`) === "NONE") return false;
    return true;
  });
}

/** The share of the workload the guardrail sees: its track's traffic (the whole workload when nothing else serves it). */
function guardrailShare(ctx: PricingContext): number {
  if (ctx.trafficShares.size === 0) return 1;
  const t = ctx.track;
  let share = 0;
  for (const [urn, s] of ctx.trafficShares) {
    const server = ctx.graph.byUrn.get(urn);
    const st = server ? ctx.graph.trackOf(server) : undefined;
    if (t ? st?.name === t.name && st.cloud === t.cloud : st === undefined) share += s;
  }
  return share;
}

/**
 * Bedrock guardrail: each enabled policy bills the text units it checks, input and output, per
 * 1,000 text units — content filters (prompt attacks included) and denied topics $0.15, sensitive
 * information (PII entities) and contextual grounding $0.10; word filters and regular expressions
 * are free. A text unit is up to 1,000 characters, counted per request: the workload's tokens x 4
 * characters, rounded up to whole units on each side. The guardrail checks its track's traffic.
 */
export const guardrail: CostModule = {
  service: "Amazon Bedrock Guardrails",
  price(r, ctx) {
    const u = ctx.usage;
    const share = guardrailShare(ctx);
    const requests = u.requestsPerMonth * share;
    const units: Record<Direction, number> = {
      input: Math.ceil((u.inputTokensPerRequest * BYTES_PER_TOKEN) / CHARACTERS_PER_TEXT_UNIT),
      output: Math.ceil((u.outputTokensPerRequest * BYTES_PER_TOKEN) / CHARACTERS_PER_TEXT_UNIT),
    };
    const policies = enabledPolicies(r);
    const components: CostComponent[] = [];
    let first: ReturnType<typeof catalogEntry> | undefined;
    for (const p of policies) {
      const e = catalogEntry(ctx, p.sku, p.field);
      first ??= e;
      for (const dir of p.directions) {
        components.push(usage(e, `${p.name}: ${dir} text units (${units[dir]} a request x ${fmt(requests)} requests)`, (requests * units[dir]) / 1_000));
      }
    }
    const notes: string[] = [];
    if (!u.given) notes.push(noWorkloadNote("text units"));
    else notes.push(`${fmt(u.inputTokensPerRequest * BYTES_PER_TOKEN)} input and ${fmt(u.outputTokensPerRequest * BYTES_PER_TOKEN)} output characters a request (${BYTES_PER_TOKEN} a token): ${units.input} + ${units.output} text units of up to ${fmt(CHARACTERS_PER_TEXT_UNIT)} characters`);
    if (u.given && share < 1) notes.push(`checks ${fmt(share * 100)}% of the workload (its track's share)`);
    if (asArray(at(r.inputs, "wordPolicyConfig.wordsConfigs")).length || asArray(at(r.inputs, "wordPolicyConfig.managedWordListsConfigs")).length) notes.push("word filters are free");
    if (components.length === 0) return { components: [], free: "no paid policy enabled (word filters and regular expressions are free)" };
    return { components, notes: [...notes, ...(first ? regionNotes(ctx, first) : [])] };
  },
};

interface Policy {
  readonly name: string;
  readonly sku: string;
  readonly field: string;
  readonly directions: readonly Direction[];
}

/** The paid policies a guardrail enables, and on which side of the model each checks. */
function enabledPolicies(r: CostResource): Policy[] {
  const out: Policy[] = [];
  const both = (items: readonly unknown[], strengthKey?: string): Direction[] => (["input", "output"] as const).filter((d) => checks(items, d, strengthKey));
  const add = (name: string, sku: string, field: string, items: readonly unknown[], strengthKey?: string) => {
    if (!items.length) return;
    const directions = both(items, strengthKey);
    if (directions.length) out.push({ name, sku, field, directions });
  };
  add("content filters", "bedrock-guardrail-content-filter", "contentPolicyConfig", asArray(at(r.inputs, "contentPolicyConfig.filtersConfigs")), "Strength");
  add("denied topics", "bedrock-guardrail-denied-topics", "topicPolicyConfig", asArray(at(r.inputs, "topicPolicyConfig.topicsConfigs")));
  add("sensitive information (PII)", "bedrock-guardrail-sensitive-information", "sensitiveInformationPolicyConfig", asArray(at(r.inputs, "sensitiveInformationPolicyConfig.piiEntitiesConfigs")));
  add("contextual grounding", "bedrock-guardrail-contextual-grounding", "contextualGroundingPolicyConfig", asArray(at(r.inputs, "contextualGroundingPolicyConfig.filtersConfigs")));
  return out;
}
