// @ts-nocheck
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { Key } from "@pulumi/aws/kms";
import { describe, expect, it } from "vitest";
import { estimateCost, trackComponentType, type CostEstimate, type TrackIdentity } from "@aitracks/core";
import { previewInline, trackOf, type GraphResource, type ResourceGraph } from "@aitracks/preview";
import { ROOT } from "../helpers/cli";

/**
 * A sixth track, added the way CONTRIBUTING.md says: a component that describes itself in its
 * inputs. No table, regex or type-name list of cost, policies or preview is edited, and its
 * resources are attributed to it everywhere. The "registry" is this file's own, thrown away after.
 */
const TEMPORARY_TRACKS: Record<string, (name: string) => pulumi.ComponentResource> = {
  "distill:aws": (name) => new DistillTrack(name, { region: "us-east-1" }),
};

class DistillTrack extends pulumi.ComponentResource {
  constructor(name: string, args: { region: string }) {
    const identity: TrackIdentity = { track: "distill", cloud: "aws", region: args.region, models: ["amazon.nova-micro-v1:0"] };
    super(trackComponentType("aws", "distill"), name, identity);
    // Untagged on purpose: the attribution comes from the component, not from a tag.
    new Key(`${name}-key`, { description: "distillation data", enableKeyRotation: true }, { parent: this });
    this.registerOutputs({});
  }
}

// The policy pack as compiled (what `pulumi preview --policy-pack policies` loads).
const { trackInfo } = require(join(ROOT, "policies/bin/lib/resources.js")) as {
  trackInfo: (r: unknown) => { track?: string; name?: string };
};
const { costView } = require(join(ROOT, "policies/bin/cost/context.js")) as {
  costView: (args: { resources: unknown[] }) => { estimate: CostEstimate };
};

/** The graph's resources as a stack policy sees them (PolicyResource's shape: parent objects, props). */
function policyResources(graph: ResourceGraph) {
  const out = new Map<string, Record<string, unknown>>();
  const of = (r: GraphResource): Record<string, unknown> => {
    const hit = out.get(r.urn);
    if (hit) return hit;
    const parent = r.parent ? graph.resources.find((p) => p.urn === r.parent) : undefined;
    const pr = { urn: r.urn, type: r.type, name: r.name, props: r.inputs, parent: parent ? of(parent) : undefined, dependencies: [], propertyDependencies: {}, opts: {} };
    out.set(r.urn, pr);
    return pr;
  };
  return graph.resources.map(of);
}

describe("a sixth track, described by its component", () => {
  it("is attributed to its track in the preview, the cost model and the policies", async () => {
    const graph = await previewInline({ config: { "aws:region": "us-east-1" }, program: () => void TEMPORARY_TRACKS["distill:aws"]!("summariser") });
    const key = graph.resources.find((r) => r.type === "aws:kms/key:Key")!;
    expect(trackOf(graph, key)).toEqual({ track: "distill", cloud: "aws", name: "summariser" });

    const estimate = estimateCost(graph);
    const priced = estimate.resources.find((r) => r.urn === key.urn)!;
    expect(priced.track).toEqual({ track: "distill", cloud: "aws", name: "summariser" });
    expect(estimate.byTrack.map((t) => t.key)).toEqual(["distill (summariser, aws)"]);

    const resources = policyResources(graph);
    expect(trackInfo(resources.find((r) => r.urn === key.urn))).toEqual({ track: "distill", name: "summariser" });
    const inPolicies = costView({ resources }).estimate;
    expect(inPolicies.resources.find((r) => r.urn === key.urn)?.track?.track).toBe("distill");
    expect(inPolicies.byTrack.map((t) => t.key)).toEqual(["distill (summariser, aws)"]);
  });

  it("still reads the five tracks from their type tokens when a graph carries no component inputs", () => {
    const e = estimateCost({
      resources: [
        { urn: "urn:pulumi:s::p::aitracks:gcp:FineTuneTrack::ft", type: "aitracks:gcp:FineTuneTrack", name: "ft", custom: false, inputs: {} },
        { urn: "urn:pulumi:s::p::aitracks:gcp:FineTuneTrack$gcp:kms/cryptoKey:CryptoKey::k", type: "gcp:kms/cryptoKey:CryptoKey", name: "k", parent: "urn:pulumi:s::p::aitracks:gcp:FineTuneTrack::ft", inputs: { keyRing: "projects/p/locations/us-central1/keyRings/r" } },
      ],
    });
    expect(e.resources[0]?.track).toEqual({ track: "fine-tune", cloud: "gcp", name: "ft" });
  });
});
