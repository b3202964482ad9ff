/**
 * Is this an aitracks stack? One whose config has any `aitracks:*` key. Every other program is a
 * plain Pulumi program: it is judged by the clouds' rules only, not by aitracks' conventions (the
 * aitracks tag keys, the team cost of a track, the decision and its review date).
 */
export function isAitracksStack(config: Readonly<Record<string, unknown>> | undefined): boolean {
  return config !== undefined && Object.keys(config).some((k) => k.startsWith("aitracks:"));
}
