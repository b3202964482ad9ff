import type { PriceCatalog } from "../pricing/catalog";
import type { GraphIndex } from "./graph";
import type { CostComponent, CostResource, TrackRef } from "./types";
import type { Usage } from "./usage";

/** What a cost module gets besides the resource. */
export interface PricingContext {
  readonly catalog: PriceCatalog;
  readonly usage: Usage;
  readonly graph: GraphIndex;
  readonly region: string | undefined;
  readonly cloud: string | undefined;
  readonly track: TrackRef | undefined;
  /**
   * For resources that serve the workload's traffic (token-priced models, serverless endpoints):
   * the share of the traffic this one serves. The primary model of a track serves it, fallbacks
   * serve none; tracks that each serve traffic split it evenly (see traffic.ts).
   */
  readonly trafficShare: number;
  /** Every traffic-serving resource's share, by URN (for storage that logs another resource's traffic). */
  readonly trafficShares: ReadonlyMap<string, number>;
  /** Price date for token prices; default now. */
  readonly pricesAt?: Date | undefined;
}

/** A module's verdict: cost components (possibly none, with a note saying why), or free. */
export interface Priced {
  readonly components: readonly CostComponent[];
  readonly notes?: readonly string[];
  /** Set when the resource turns out to cost nothing here (a log group no one writes to). */
  readonly free?: string;
}

/**
 * One priced resource type, like an infracost resource file: turns the resource's inputs (and
 * the workload, for usage items) into named cost components. Throws Unpriced when it cannot.
 */
export interface CostModule {
  /** The cloud service, for people reading the registry (`SageMaker real-time inference`). */
  readonly service: string;
  readonly price: (r: CostResource, ctx: PricingContext) => Priced;
  /** Resources of this type that serve the workload's traffic (see PricingContext.trafficShare). */
  readonly servesTraffic?: (r: CostResource) => boolean;
  /** Serves before its track's other traffic-serving resources whatever the registration order (a tuned model in a fine-tune track). */
  readonly preferredForTraffic?: (r: CostResource) => boolean;
  /** The instance or accelerator SKUs the resource runs (for the accelerator allow-list policy). */
  readonly instances?: (r: CostResource) => readonly string[];
}

/** A module could not price a resource: the estimator lists it as unpriced with this reason. */
export class Unpriced extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "Unpriced";
  }
}
