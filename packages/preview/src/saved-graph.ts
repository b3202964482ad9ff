/**
 * A resource graph saved by `aitracks preview --json`, read back so that `cost` and `check` can
 * judge it without running the program again (a pipeline previews once). The graph never holds a
 * secret's value (secrets are "[secret]", unknowns "[unknown]"), so reading it back exposes
 * nothing the file did not. Validated field by field: bad input is one line per field, exit 2.
 */
import { z } from "zod";
import { INPUT_LIMITS, parseOrThrow, readDataFile } from "@aitracks/core";
import { GRAPH_VERSION, type ResourceGraph } from "./graph";

const strings = z.array(z.string());
const record = z.record(z.string(), z.unknown());

const resourceSchema = z.object({
  urn: z.string().min(1),
  type: z.string().min(1),
  name: z.string(),
  custom: z.boolean(),
  parent: z.string().nullable(),
  provider: z.string().nullable(),
  region: z.string().optional(),
  inputs: record,
  secretInputs: strings,
  unknownInputs: strings.optional(),
  dependencies: strings,
  propertyDependencies: z.record(z.string(), strings),
  id: z.string().nullable(),
});

/** The resource graph document (graph.ts describes each field). */
export const resourceGraphSchema = z.object({
  version: z.literal(GRAPH_VERSION, { error: `expected ${GRAPH_VERSION}: a resource graph written by \`aitracks preview --json\`` }),
  project: z.string(),
  stack: z.string().min(1),
  config: record,
  secretConfigKeys: strings,
  resources: z.array(resourceSchema),
  outputs: record,
  lookups: z.array(z.object({ token: z.string(), mocked: z.boolean() })).optional(),
});

/** Read and validate a graph file (JSON, up to the size of a large plan). */
export function readResourceGraph(path: string): ResourceGraph {
  const graph: ResourceGraph = parseOrThrow(resourceGraphSchema, readDataFile(path, { maxBytes: INPUT_LIMITS.plan }), `${path}: `);
  return graph;
}
