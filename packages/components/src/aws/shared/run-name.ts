import { fieldError } from "../../common/errors";

/**
 * The run label a track puts in its job names (jobs are immutable: a new label runs again):
 * up to 16 lower-case letters, digits and dashes. @default "run-1"; throws naming `runName`.
 */
export function resolveRunName(runName: string | undefined): string {
  const label = runName ?? "run-1";
  if (!/^[a-z0-9][a-z0-9-]{0,15}$/.test(label)) fieldError("runName", `expected up to 16 lower-case letters, digits and dashes, got ${JSON.stringify(label)}`);
  return label;
}
