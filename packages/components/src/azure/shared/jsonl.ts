import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fieldError } from "../../common/errors";

export interface CheckedJsonl {
  /** Absolute path, as the upload reads it. */
  readonly path: string;
  readonly sha256: string;
  readonly lines: number;
}

const ROLES = ["system", "user", "assistant", "developer", "tool"];

/**
 * Check a local JSONL file before anything is registered: chat-format examples for fine-tuning
 * ({"messages": [...]} with at least one assistant turn), or evaluation items ({"item": {...}}
 * with the prompt and expected-answer fields). Errors name the field and the line.
 */
export function checkJsonl(
  field: string,
  file: string,
  kind: { purpose: "fine-tune"; minLines: number } | { purpose: "evals"; fields: readonly string[] },
): CheckedJsonl {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    fieldError(field, `no readable file at ${file}`);
  }
  const lines = text.split("\n").map((l) => l.trim());
  let count = 0;
  lines.forEach((line, i) => {
    if (!line) return;
    count++;
    let row: any;
    try {
      row = JSON.parse(line);
    } catch {
      fieldError(field, `${file} line ${i + 1} is not JSON`);
    }
    if (kind.purpose === "fine-tune") {
      const messages = row?.messages;
      if (!Array.isArray(messages) || messages.length === 0) fieldError(field, `${file} line ${i + 1}: expected {"messages": [{"role": ..., "content": ...}, ...]}`);
      messages.forEach((m: any, j: number) => {
        if (!ROLES.includes(m?.role)) fieldError(field, `${file} line ${i + 1}: messages[${j}].role: expected one of ${ROLES.join(", ")}`);
      });
      if (!messages.some((m: any) => m.role === "assistant")) fieldError(field, `${file} line ${i + 1}: expected an assistant message to learn from`);
    } else {
      for (const f of kind.fields) {
        if (typeof row?.item?.[f] !== "string") fieldError(field, `${file} line ${i + 1}: expected {"item": {${kind.fields.map((x) => `"${x}": ...`).join(", ")}}} with a string ${f}`);
      }
    }
  });
  if (kind.purpose === "fine-tune" && count < kind.minLines) fieldError(field, `expected at least ${kind.minLines} examples in ${file}, got ${count}`);
  if (kind.purpose === "evals" && count === 0) fieldError(field, `expected at least one evaluation item in ${file}`);
  return { path, sha256: createHash("sha256").update(text).digest("hex"), lines: count };
}
