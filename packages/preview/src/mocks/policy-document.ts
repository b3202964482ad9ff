/**
 * `aws.iam.getPolicyDocument` as the AWS provider computes it (terraform-provider-aws,
 * internal/service/iam policy_document_data_source.go and policy_model.go): source documents
 * merged first, then the statements, then the override documents (a statement with the same Sid
 * replaces the earlier one); a list of one becomes a string, longer sets are sorted in reverse;
 * principals and conditions are maps keyed in sorted order; `json` is Go's MarshalIndent with two
 * spaces, `minifiedJson` Go's Marshal (both escape <, > and & as Go does); the id is the CRC-32 of
 * `json`. It is a pure function of its inputs, so the mock gives the real answer.
 */
import { crc32 } from "node:zlib";

type Strings = string | string[];
interface Principal {
  readonly type: string;
  readonly identifiers: Strings;
}
interface Condition {
  readonly test: string;
  readonly variable: string;
  readonly values: Strings;
}
interface Statement {
  Sid?: string;
  Effect?: string;
  Action?: unknown;
  NotAction?: unknown;
  Resource?: unknown;
  NotResource?: unknown;
  Principal?: Principal[];
  NotPrincipal?: Principal[];
  Condition?: Condition[];
}
interface Doc {
  Version: string;
  Id: string;
  Statement: Statement[];
}

export function policyDocument(inputs: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const merged: Doc = { Version: "", Id: "", Statement: [] };
  for (const source of strings(inputs.sourcePolicyDocuments)) merge(merged, parseDoc(source));
  const version = typeof inputs.version === "string" && inputs.version ? inputs.version : "2012-10-17";
  const own: Doc = { Version: version, Id: typeof inputs.policyId === "string" ? inputs.policyId : "", Statement: [] };
  for (const s of Array.isArray(inputs.statements) ? (inputs.statements as Record<string, unknown>[]) : []) {
    own.Statement.push(fromConfig(s ?? {}));
  }
  merge(merged, own);
  for (const override of strings(inputs.overridePolicyDocuments)) merge(merged, parseDoc(override));
  const json = goJson(render(merged), 2);
  return {
    ...inputs,
    json,
    minifiedJson: goJson(render(merged), 0),
    id: String(crc32(json)),
    version,
  };
}

/** A statement block of the program's `statements` input. */
function fromConfig(s: Readonly<Record<string, unknown>>): Statement {
  const st: Statement = { Effect: typeof s.effect === "string" && s.effect ? s.effect : "Allow" };
  if (typeof s.sid === "string" && s.sid) st.Sid = s.sid;
  const set = (k: string) => {
    const l = unique(strings(s[k]));
    return l.length ? decode(l) : undefined;
  };
  st.Action = set("actions");
  st.NotAction = set("notActions");
  st.Resource = vars(set("resources"));
  st.NotResource = vars(set("notResources"));
  const principals = (k: string): Principal[] | undefined => {
    const l = Array.isArray(s[k]) ? (s[k] as Record<string, unknown>[]) : [];
    return l.length ? l.map((p) => ({ type: String(p.type ?? ""), identifiers: vars(decode(unique(strings(p.identifiers)))) as Strings })) : undefined;
  };
  st.Principal = principals("principals");
  st.NotPrincipal = principals("notPrincipals");
  const conditions = Array.isArray(s.conditions) ? (s.conditions as Record<string, unknown>[]) : [];
  if (conditions.length) {
    st.Condition = conditions.map((c) => {
      const values = vars(strings(c.values)) as string[];
      return { test: String(c.test ?? ""), variable: String(c.variable ?? ""), values: values.length === 1 ? values[0]! : values };
    });
  }
  return st;
}

/** A source or override document, read as the provider unmarshals it. */
function parseDoc(text: string): Doc {
  const raw = JSON.parse(text) as Record<string, unknown>;
  const statements = raw.Statement === undefined || raw.Statement === null ? [] : Array.isArray(raw.Statement) ? raw.Statement : [raw.Statement];
  return {
    Version: typeof raw.Version === "string" ? raw.Version : "",
    Id: typeof raw.Id === "string" ? raw.Id : "",
    Statement: (statements as Record<string, unknown>[]).map((s) => {
      const st: Statement = {};
      if (typeof s.Sid === "string" && s.Sid) st.Sid = s.Sid;
      if (typeof s.Effect === "string" && s.Effect) st.Effect = s.Effect;
      for (const k of ["Action", "NotAction", "Resource", "NotResource"] as const) if (s[k] !== undefined && s[k] !== null) st[k] = s[k];
      for (const k of ["Principal", "NotPrincipal"] as const) {
        const p = s[k];
        if (typeof p === "string") st[k] = [{ type: "*", identifiers: ["*"] }];
        else if (p && typeof p === "object") {
          st[k] = Object.entries(p).map(([type, ids]) => ({ type, identifiers: typeof ids === "string" ? ids : [...strings(ids)].sort() }));
        }
      }
      if (s.Condition && typeof s.Condition === "object") {
        st.Condition = Object.entries(s.Condition as Record<string, Record<string, unknown>>).flatMap(([test, vs]) =>
          Object.entries(vs ?? {}).map(([variable, v]) => ({ test, variable, values: typeof v === "boolean" ? String(v) : typeof v === "string" ? [v] : strings(v) })),
        );
      }
      return st;
    }),
  };
}

/** IAMPolicyDoc.Merge: the newer Id and Version win; a statement with a known Sid replaces it. */
function merge(into: Doc, doc: Doc): void {
  if (doc.Id) into.Id = doc.Id;
  if (doc.Version > into.Version) into.Version = doc.Version;
  for (const s of doc.Statement) {
    const i = s.Sid ? into.Statement.findIndex((e) => e.Sid === s.Sid) : -1;
    if (i >= 0) into.Statement[i] = s;
    else into.Statement.push(s);
  }
}

/** The document in Go's field order, with principal and condition maps built as the provider builds them. */
function render(doc: Doc): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (doc.Version) out.Version = doc.Version;
  if (doc.Id) out.Id = doc.Id;
  if (doc.Statement.length) {
    out.Statement = doc.Statement.map((s) => {
      const st: Record<string, unknown> = {};
      if (s.Sid) st.Sid = s.Sid;
      if (s.Effect) st.Effect = s.Effect;
      if (s.Action !== undefined) st.Action = s.Action;
      if (s.NotAction !== undefined) st.NotAction = s.NotAction;
      if (s.Resource !== undefined) st.Resource = s.Resource;
      if (s.NotResource !== undefined) st.NotResource = s.NotResource;
      if (s.Principal?.length) st.Principal = principalSet(s.Principal);
      if (s.NotPrincipal?.length) st.NotPrincipal = principalSet(s.NotPrincipal);
      if (s.Condition?.length) st.Condition = conditionSet(s.Condition);
      return st;
    });
  }
  return out;
}

function principalSet(ps: readonly Principal[]): unknown {
  // Only {"*": "*"} is written as "*"; IAM rejects "*" for {"AWS": "*"} in trust policies.
  const only = ps.length === 1 ? ps[0]! : undefined;
  if (only?.type === "*" && (only.identifiers === "*" || (Array.isArray(only.identifiers) && only.identifiers.length === 1 && only.identifiers[0] === "*"))) return "*";
  const raw: Record<string, Strings> = {};
  for (const p of ps) {
    const prev = raw[p.type];
    if (Array.isArray(p.identifiers)) {
      const ids = [...p.identifiers].sort().reverse();
      raw[p.type] = prev === undefined ? ids : [...(typeof prev === "string" ? [prev] : prev), ...ids];
    } else {
      raw[p.type] = prev === undefined ? p.identifiers : [...(typeof prev === "string" ? [prev] : prev), p.identifiers];
    }
  }
  return sortedKeys(raw);
}

function conditionSet(cs: readonly Condition[]): unknown {
  const raw: Record<string, Record<string, string[]>> = {};
  for (const c of cs) {
    const test = (raw[c.test] ??= {});
    // Order matters in condition values: kept as written.
    test[c.variable] = [...(test[c.variable] ?? []), ...(typeof c.values === "string" ? [c.values] : c.values)];
  }
  return sortedKeys(Object.fromEntries(Object.entries(raw).map(([t, vs]) => [t, sortedKeys(Object.fromEntries(Object.entries(vs).map(([k, v]) => [k, v.length === 1 ? v[0] : v])))])));
}

/** Go's encoding/json writes map keys in sorted order. */
function sortedKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]!]));
}

/** policyDecodeConfigStrings: one element as a string, more sorted in reverse. */
function decode(l: string[]): Strings {
  return l.length === 1 ? l[0]! : [...l].sort().reverse();
}

/** `&{aws:username}` in a resource, principal or condition is written as the policy variable `${aws:username}`. */
function vars(v: unknown): unknown {
  if (typeof v === "string") return v.replaceAll("&{", "${");
  if (Array.isArray(v)) return v.map((x) => (typeof x === "string" ? x.replaceAll("&{", "${") : x));
  return v;
}

function strings(v: unknown): string[] {
  if (typeof v === "string") return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

function unique(l: string[]): string[] {
  return [...new Set(l)];
}

/** JSON as Go's encoding/json writes it: HTML-safe escapes, \b and \f spelled out, and MarshalIndent's layout. */
function goJson(v: unknown, indent: number): string {
  return JSON.stringify(v, null, indent)
    .replace(/\\(\\|b|f)/g, (m, c: string) => (c === "b" ? "\\u0008" : c === "f" ? "\\u000c" : m))
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
