// @ts-nocheck
import { writeAnalyzeRequest, writeProvider, writeStackResource, writeStruct } from "../../packages/preview/dist/policy/encode.js";
import { toWire } from "../../packages/preview/dist/policy/wire.js";

/**
 * A graph resource's Analyze request and its AnalyzerResource (inside AnalyzeStack), written to
 * bytes as the analyzer client writes them (W: google-protobuf's BinaryWriter of the pack).
 */
export function encodeResource(W, resource, provider) {
  const wire = {
    type: resource.type,
    properties: writeStruct(W, toWire(resource.inputs ?? {})),
    urn: resource.urn,
    name: resource.name,
    ...(resource.parent ? { parent: resource.parent } : {}),
    ...(provider ? { provider: writeProvider(W, { type: provider.type, properties: writeStruct(W, toWire(provider.inputs ?? {})), urn: provider.urn, name: provider.name }) } : {}),
  };
  return {
    analyze: writeAnalyzeRequest(W, wire),
    stack: writeStackResource(W, { ...wire, dependencies: resource.dependencies, propertyDependencies: resource.propertyDependencies }),
  };
}
