// @ts-nocheck
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { ROOT, type CliResult } from "../helpers/cli";

export { ROOT };

/** A fresh folder for one test file's hostile inputs. */
export function scratch(name: string): string {
  return mkdtempSync(join(tmpdir(), `aitracks-fault-${name}-`));
}

/** Write a file and return its path. */
export function put(dir: string, name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** A decision file that passes, to be spoiled one field at a time. */
export const DECISION = `useCase: Claims triage
criteria:
  accuracy:         { score: 4, weight: 25 }
  dataAvailability: { score: 4, weight: 15 }
  timeToMarket:     { score: 3, weight: 10 }
  budget:           { score: 3, weight: 10 }
  teamSkills:       { score: 3, weight: 10 }
  differentiation:  { score: 4, weight: 15 }
  regulatory:       { score: 4, weight: 15 }
`;

/** A workload file that passes. */
export const WORKLOAD = `workload:
  requestsPerDay: 10000
  inputTokensPerRequest: 1500
  outputTokensPerRequest: 300
buy:
  provider: anthropic
  model: claude-sonnet-4-5
`;

/** Bad input: exit 2, exactly one line on stderr matching `line`, no stack trace, nothing on stdout. */
export function expectOneLine(r: CliResult, code: number, line: RegExp): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr.trim().split("\n"), r.stderr).toHaveLength(1);
  expect(r.stderr.trim()).toMatch(line);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}
