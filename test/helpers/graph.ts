// @ts-nocheck
import type { GraphResource, ResourceGraph } from "@aitracks/preview";

/** The resources of a type token (e.g. "aws:s3/bucket:Bucket"). */
export function ofType(graph: ResourceGraph, type: string): GraphResource[] {
  return graph.resources.filter((r) => r.type === type);
}

/** Exactly one resource of a type; fails the test otherwise. */
export function one(graph: ResourceGraph, type: string): GraphResource {
  const found = ofType(graph, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0]!;
}

/** A resource's input parsed as JSON (IAM and bucket policies are JSON strings). */
export function jsonInput<T = any>(r: GraphResource, key: string): T {
  const v = r.inputs[key];
  if (typeof v !== "string") throw new Error(`${r.name}.${key} is not a JSON string`);
  return JSON.parse(v) as T;
}
