/**
 * The Pulumi package schema of the track components, for the component provider (main.ts) that
 * serves them to every Pulumi language. One entry per (track, cloud) cell: its type token (the
 * token the component registers, `aitracks:aws:BuyTrack`), its class, and its zod args schema —
 * the schema the component itself parses with, so inputs, types, enums, defaults and field docs
 * (the JSDoc on each schema field, collected by scripts/field-docs.mjs, or a zod description) have
 * one home. Nested objects become named types (`aitracks:aws:BuyTrackGuardrail`).
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import * as components from "../index";
import { FIELD_DOCS, FIELD_DOCS_BY_CLOUD } from "./field-docs.generated";

type ComponentClass = new (name: string, args: never, opts?: pulumi.ComponentResourceOptions) => pulumi.ComponentResource;

export interface ServedComponent {
  readonly token: string;
  readonly className: string;
  readonly schemaName: string;
  readonly description: string;
}

const CLOUDS = { aws: "Aws", gcp: "Gcp", azure: "Azure" } as const;
const TRACKS = {
  Build: "the build track: training, experiment tracking and labeling on the cloud's ML platform",
  Buy: "the buy track: a managed foundation-model API with guardrails, logging, budget and alerts",
  FineTune: "the fine-tune track: a tuning job on the cloud's managed service and the tuned model's deployment",
  Serving: "the serving track: a managed inference endpoint with autoscaling, logging and alarms",
  Evaluation: "the evaluation track: evaluation jobs and monitoring of a model's quality",
} as const;

/** The fifteen cells, in a stable order. */
export const SERVED: readonly ServedComponent[] = Object.entries(CLOUDS).flatMap(([cloud, Cloud]) =>
  Object.entries(TRACKS).map(([Track, what]) => {
    const className = `${Cloud}${Track}Track`;
    return {
      token: `aitracks:${cloud}:${Track}Track`,
      className,
      schemaName: `${cloud}${Track}TrackArgs`,
      description: `${className}: ${what}, on ${Cloud === "Aws" ? "AWS" : Cloud === "Gcp" ? "GCP" : "Azure"}.`,
    };
  }),
);

const exported = components as unknown as Record<string, unknown>;

/** The component's class (fails closed when the package does not export it). */
export function componentClass(c: ServedComponent): ComponentClass {
  const ctor = exported[c.className];
  if (typeof ctor !== "function") throw new Error(`${c.token}: @aitracks/components exports no class ${c.className}`);
  return ctor as ComponentClass;
}

/** The component's zod args schema (a schema, or a function of the component's name returning one). */
export function argsSchema(c: ServedComponent): z.ZodType {
  const s = exported[c.schemaName];
  const schema = typeof s === "function" ? (s as (name: string) => unknown)("name") : s;
  if (!(schema instanceof z.ZodType)) throw new Error(`${c.token}: @aitracks/components exports no zod schema ${c.schemaName}`);
  return schema;
}

type Json = Record<string, unknown>;
type PropertySpec = Json;
interface TypeSpec {
  type: "object";
  description?: string;
  properties: Record<string, PropertySpec>;
  required?: string[];
}

const pascal = (s: string) => s.replace(/(^|[-_ ])(\w)/g, (_m, _s, c: string) => c.toUpperCase());
const ANY = { $ref: "pulumi.json#/Any" };

/** One JSON-Schema node (zod's input side) as a Pulumi schema property; objects with properties become named types. */
function property(js: Json, token: string, types: Record<string, TypeSpec>, doc?: string): PropertySpec {
  const notes: string[] = [];
  if (typeof js.description === "string") notes.push(js.description);
  else if (doc) notes.push(doc);
  const spec = shape(js, token, types, notes);
  if (js.default !== undefined) {
    if (["string", "number", "boolean"].includes(typeof js.default)) spec.default = js.default;
    notes.push(`Default: \`${JSON.stringify(js.default)}\`.`);
  }
  if (notes.length) spec.description = notes.join(" ");
  return spec;
}

function shape(js: Json, token: string, types: Record<string, TypeSpec>, notes: string[]): PropertySpec {
  const alternatives = ((js.anyOf ?? js.oneOf) as Json[] | undefined)?.filter((a) => a.type !== "null");
  if (alternatives) {
    if (alternatives.length === 1) return shape(alternatives[0]!, token, types, notes);
    if (alternatives.every((a) => a.type === "string" || typeof a.const === "string")) return { type: "string" };
    if (alternatives.every((a) => a.type === "number" || a.type === "integer")) return { type: "number" };
    return { ...ANY };
  }
  const values = (js.enum as unknown[] | undefined) ?? (js.const !== undefined ? [js.const] : undefined);
  if (values) {
    notes.push(`One of ${values.map((v) => JSON.stringify(v)).join(", ")}.`);
    return { type: values.every((v) => typeof v === "number") ? "number" : values.every((v) => typeof v === "boolean") ? "boolean" : "string" };
  }
  switch (js.type) {
    case "string":
    case "boolean":
    case "integer":
      return { type: js.type };
    case "number":
      return { type: "number" };
    case "array":
      return { type: "array", items: js.items ? property(js.items as Json, token, types) : { ...ANY } };
    case "object": {
      const props = js.properties as Record<string, Json> | undefined;
      if (props && Object.keys(props).length > 0) {
        types[token] = objectType(js, token, types);
        return { $ref: `#/types/${token}` };
      }
      const ap = js.additionalProperties;
      return { type: "object", additionalProperties: ap && typeof ap === "object" ? property(ap as Json, `${token}Value`, types) : { ...ANY } };
    }
    default:
      return { ...ANY };
  }
}

function objectType(js: Json, token: string, types: Record<string, TypeSpec>): TypeSpec {
  const props = (js.properties ?? {}) as Record<string, Json>;
  const docs = FIELD_DOCS[Object.keys(props).sort().join(",")] ?? {};
  const cloud = token.split(":")[1] ?? "";
  const doc = (k: string) => docs[k] ?? FIELD_DOCS_BY_CLOUD[cloud]?.[k] ?? FIELD_DOCS_BY_CLOUD.common?.[k];
  const properties = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, property(v, `${token}${pascal(k)}`, types, doc(k))]));
  const required = ((js.required as string[] | undefined) ?? []).filter((k) => props[k] !== undefined && props[k]!.default === undefined);
  return { type: "object", ...(typeof js.description === "string" ? { description: js.description } : {}), properties, ...(required.length ? { required } : {}) };
}

/** The zod schema's input side as JSON Schema (program-only Outputs and functions become Any). */
export function inputJsonSchema(schema: z.ZodType): Json {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Json;
}

/** The Pulumi package schema (https://www.pulumi.com/docs/iac/using-pulumi/extending-pulumi/schema/). */
export function packageSchema(version: string): Json {
  const types: Record<string, TypeSpec> = {};
  const resources: Record<string, Json> = {};
  for (const c of SERVED) {
    const t = objectType(inputJsonSchema(argsSchema(c)), c.token, types);
    resources[c.token] = {
      isComponent: true,
      description: c.description,
      inputProperties: t.properties,
      ...(t.required ? { requiredInputs: t.required } : {}),
      properties: {
        track: { type: "string", description: "The track: build, buy, fine-tune, serving or evaluation." },
        cloud: { type: "string", description: "The cloud: aws, gcp or azure." },
        outputs: { type: "object", additionalProperties: { ...ANY }, description: "What the track hands the application (endpoints, model ids, roles, topics), as in the stack outputs." },
      },
      required: ["track", "cloud", "outputs"],
    };
  }
  return {
    name: "aitracks",
    displayName: "aitracks",
    version,
    description: "Track components for an AI capability — build, buy, fine-tune, serving and evaluation on AWS, GCP and Azure — with guardrails, budgets and alerts.",
    license: "Apache-2.0",
    keywords: ["pulumi", "aitracks", "category/ai", "kind/component"],
    language: { nodejs: { respectSchemaVersion: true }, python: { respectSchemaVersion: true }, csharp: { respectSchemaVersion: true }, go: { respectSchemaVersion: true, generateResourceContainerTypes: true } },
    resources,
    types,
  };
}
