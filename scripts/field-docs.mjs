#!/usr/bin/env node
// The field docs of the components' zod args schemas, for the provider schema. Their one home is the
// JSDoc on each field of a `z.object({…})` / `z.strictObject({…})` in packages/components/src; this
// script collects them into src/provider/field-docs.generated.ts, keyed by the object's sorted field
// names (what the provider sees of a nested object in the schema's JSON Schema). A test fails when
// the generated file is stale:  node scripts/field-docs.mjs [--check]
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = fileURLToPath(new URL("..", import.meta.url));
const src = join(root, "packages/components/src");
const out = join(src, "provider/field-docs.generated.ts");

function* files(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") && !e.name.endsWith(".generated.ts")) yield p;
  }
}

/** A JSDoc's text without its tags' markers: `@default x` reads "Default: x." only when zod has none (the provider adds zod's). */
function docOf(node, sf) {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  if (!docs.length) return undefined;
  const doc = docs[docs.length - 1];
  const text = typeof doc.comment === "string" ? doc.comment : ts.getTextOfJSDocComment(doc.comment) ?? "";
  const tags = (doc.tags ?? []).filter((t) => t.tagName.text !== "default").map((t) => `@${t.tagName.text} ${ts.getTextOfJSDocComment(t.comment) ?? ""}`.trim());
  const all = [text, ...tags].join(" ").replace(/\s+/g, " ").trim();
  return all || undefined;
}

const isZodObjectCall = (n) =>
  ts.isCallExpression(n) &&
  ts.isPropertyAccessExpression(n.expression) &&
  ts.isIdentifier(n.expression.expression) &&
  n.expression.expression.text === "z" &&
  ["object", "strictObject", "looseObject"].includes(n.expression.name.text) &&
  n.arguments[0] !== undefined &&
  ts.isObjectLiteralExpression(n.arguments[0]);

/** Where a file sits: its cloud (aws, gcp, azure) or "common" for the rest. */
const scopeOf = (file) => {
  const top = relative(src, file).split(/[\\/]/)[0];
  return ["aws", "gcp", "azure"].includes(top) ? top : "common";
};
const sources = [...files(src)].sort().map((file) => ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true));

// Pass 1: documented schema variables (`/** The region of the track … */ export const regionArg = z…`),
// whose doc a field reusing them (`region: regionArg`) inherits when it has none of its own.
const variableDocs = new Map();
for (const sf of sources) {
  const visit = (n) => {
    if (ts.isVariableStatement(n)) {
      for (const d of n.declarationList.declarations) {
        const doc = docOf(n, sf);
        if (doc && ts.isIdentifier(d.name)) variableDocs.set(d.name.text, variableDocs.has(d.name.text) && variableDocs.get(d.name.text) !== doc ? null : doc);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
}
/** The identifier a field's value starts from: `budgetUsdArg.default(1)` -> budgetUsdArg. */
const rootIdentifier = (e) => {
  while (e && (ts.isCallExpression(e) || ts.isPropertyAccessExpression(e))) e = e.expression;
  return e && ts.isIdentifier(e) ? e.text : undefined;
};
const fieldDoc = (p, sf) => docOf(p, sf) ?? (ts.isPropertyAssignment(p) ? variableDocs.get(rootIdentifier(p.initializer)) ?? undefined : undefined);

/** A zod object's literal: z.object({…}), z.strictObject({…}), or schema.extend({…}). */
const objectLiteralOf = (n) => {
  if (!ts.isCallExpression(n) || !ts.isPropertyAccessExpression(n.expression)) return undefined;
  const arg = n.arguments[0];
  if (!arg || !ts.isObjectLiteralExpression(arg)) return undefined;
  return isZodObjectCall(n) || n.expression.name.text === "extend" ? arg : undefined;
};

// Pass 2: each object literal's documented fields, keyed by its sorted field names when it has no
// spread (what the provider sees of it), and by cloud and field name in any case (a field of a
// literal built with spreads). A key documented two ways is dropped rather than guessed.
const bySignature = new Map();
const byScope = new Map();
const put = (map, key, field, doc) => {
  const docs = map.get(key) ?? {};
  docs[field] = field in docs && docs[field] !== doc ? null : doc;
  map.set(key, docs);
};
for (const sf of sources) {
  const scope = scopeOf(sf.fileName);
  const visit = (n) => {
    const literal = objectLiteralOf(n);
    if (literal) {
      const fields = literal.properties.filter((p) => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)));
      const complete = isZodObjectCall(n) && fields.length === literal.properties.length;
      const sig = fields.map((p) => p.name.text).sort().join(",");
      for (const p of fields) {
        const d = fieldDoc(p, sf);
        if (!d) continue;
        if (complete) put(bySignature, sig, p.name.text, d);
        put(byScope, scope, p.name.text, d);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
}
const clean = (map) =>
  Object.fromEntries(
    [...map]
      .map(([k, d]) => [k, Object.fromEntries(Object.entries(d).filter(([, v]) => v !== null))])
      .filter(([, d]) => Object.keys(d).length)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
const table = clean(bySignature);
const scoped = clean(byScope);
const conflicts = [...bySignature.values(), ...byScope.values()].reduce((s, d) => s + Object.values(d).filter((v) => v === null).length, 0);
const text =
  "// Generated by scripts/field-docs.mjs from the JSDoc of the zod args schemas' fields: do not edit.\n" +
  "// An object's sorted field names -> each field's doc. test/provider/provider.test.ts fails when it is stale.\n" +
  `export const FIELD_DOCS: Readonly<Record<string, Readonly<Record<string, string>>>> = ${JSON.stringify(table, null, 2)};\n\n` +
  "// A field of an object built with spreads or .extend: its doc by cloud (aws, gcp, azure, or common) and name.\n" +
  `export const FIELD_DOCS_BY_CLOUD: Readonly<Record<string, Readonly<Record<string, string>>>> = ${JSON.stringify(scoped, null, 2)};\n`;

if (process.argv.includes("--check")) {
  const now = readFileSync(out, "utf8");
  if (now !== text) {
    console.error(`${relative(root, out)} is stale: run node scripts/field-docs.mjs`);
    process.exit(1);
  }
} else {
  writeFileSync(out, text);
  const n = Object.values(table).reduce((s, d) => s + Object.keys(d).length, 0);
  console.log(`${relative(root, out)}: ${n} field docs in ${Object.keys(table).length} objects${conflicts ? `; ${conflicts} dropped as documented two ways` : ""}`);
}
