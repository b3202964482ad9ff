/** AWS IAM policy documents: statements, actions and conditions, whether given as JSON or objects. */
import { asArray, isObject, parseJson, type Json } from "./values";

export interface Statement {
  readonly Sid?: string;
  readonly Effect: string;
  readonly Action: string[];
  readonly NotAction: string[];
  readonly Resource: string[];
  readonly Condition?: Record<string, Json>;
  readonly Principal?: Json;
}

/** The statements of a policy document, or undefined when it is not a readable document. */
export function statements(doc: Json): Statement[] | undefined {
  const parsed = parseJson(doc);
  if (!isObject(parsed)) return undefined;
  return asArray(parsed.Statement ?? parsed.statements)
    .filter(isObject)
    .map((s) => ({
      Sid: typeof s.Sid === "string" ? s.Sid : undefined,
      Effect: String(s.Effect ?? s.effect ?? ""),
      Action: asArray(s.Action ?? s.actions).map(String),
      NotAction: asArray(s.NotAction ?? s.notActions).map(String),
      Resource: asArray(s.Resource ?? s.resources).map(String),
      Condition: isObject(s.Condition) ? s.Condition : undefined,
      Principal: s.Principal,
    }));
}

/** "*" or "service:*": every action, or every action of a service. */
export function isWildcardAction(action: string): boolean {
  return action === "*" || /^[a-z0-9-]+:\*$/i.test(action);
}

/** Does an action pattern (possibly with wildcards) grant `action`? */
export function grants(pattern: string, action: string): boolean {
  const re = new RegExp(`^${pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`, "i");
  return re.test(action);
}

/** The condition keys a statement tests, lower-case (`bedrock:guardrailidentifier`). */
export function conditionKeys(s: Statement): Set<string> {
  const keys = new Set<string>();
  for (const block of Object.values(s.Condition ?? {})) {
    if (isObject(block)) for (const k of Object.keys(block)) keys.add(k.toLowerCase());
  }
  return keys;
}
