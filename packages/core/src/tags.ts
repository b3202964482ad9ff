/**
 * The tags every aitracks resource carries, so that cost reports, budgets and the review trigger
 * can find them. Policies check for exactly these keys.
 */
export const TAG_KEYS = {
  track: "aitracks-track",
  owner: "owner",
  costCenter: "cost-center",
  reviewDate: "decision-review-date",
  managedBy: "managed-by",
} as const;

export const REQUIRED_TAG_KEYS = [TAG_KEYS.track, TAG_KEYS.owner, TAG_KEYS.costCenter, TAG_KEYS.reviewDate] as const;

export interface StandardTagInput {
  readonly track: string;
  readonly owner: string;
  readonly costCenter: string;
  readonly reviewDate: string;
  readonly extra?: Readonly<Record<string, string>>;
}

/** AWS and Azure tags: free-form keys and values. */
export function standardTags(t: StandardTagInput): Record<string, string> {
  return {
    ...(t.extra ?? {}),
    [TAG_KEYS.track]: t.track,
    [TAG_KEYS.owner]: t.owner,
    [TAG_KEYS.costCenter]: t.costCenter,
    [TAG_KEYS.reviewDate]: t.reviewDate,
    [TAG_KEYS.managedBy]: "aitracks",
  };
}

/**
 * GCP labels: keys and values of lower-case letters, digits, `_` and `-`, at most 63 characters.
 * `ml-platform@example.com` becomes `ml-platform_example_com`.
 */
export function toGcpLabels(tags: Readonly<Record<string, string>>): Record<string, string> {
  const clean = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9_-]/g, "_")
      .slice(0, 63);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tags)) {
    let key = clean(k);
    if (!/^[a-z]/.test(key)) key = `k${key}`.slice(0, 63);
    out[key] = clean(v);
  }
  return out;
}
