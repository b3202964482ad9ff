/**
 * The cost model's vocabulary. The estimator reads a resource graph; core has no Pulumi and does
 * not import @aitracks/preview, so the graph is described structurally: the preview engine's
 * ResourceGraph, a `pulumi preview --json` document (see pulumi-preview.ts) and a policy pack's
 * resources (policies/cost) all fit these shapes.
 */

/** One resource as the estimator reads it. */
export interface CostResource {
  readonly urn: string;
  /** The Pulumi type token, e.g. `aws:sagemaker/endpointConfiguration:EndpointConfiguration`. */
  readonly type: string;
  readonly name?: string;
  /** false for component resources and the stack; default true. */
  readonly custom?: boolean;
  readonly parent?: string | null;
  /** Provider reference `urn::id` (the engine's form), or the provider's URN. */
  readonly provider?: string | null;
  /** The inputs the engine gets; values not known until deploy are "[unknown]". */
  readonly inputs: Readonly<Record<string, unknown>>;
  readonly dependencies?: readonly string[];
  readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
  /** The region or location, when the caller already knows it (policies read it off the provider). */
  readonly region?: string;
}

/** A resource graph as the estimator reads it (the preview engine's ResourceGraph fits). */
export interface CostGraph {
  readonly project?: string;
  readonly stack?: string;
  /** Stack config, fully-qualified keys (`aitracks:workload`); values parsed or as JSON strings. */
  readonly config?: Readonly<Record<string, unknown>>;
  readonly resources: readonly CostResource[];
}

/**
 * fixed: billed every month whatever the traffic (instances, keys, provisioned throughput);
 * usage: driven by the workload's volume, grows with its monthly growth (tokens, log ingestion);
 * one-off: paid once (a training job, a tuning run, an evaluation run).
 */
export type CostKind = "fixed" | "usage" | "one-off";

/** One line of the bill. */
export interface CostComponent {
  /** What is billed, e.g. `ml.g5.2xlarge instance x 2`. */
  readonly name: string;
  /** The billing unit: `hour`, `1M tokens`, `GB-month`, `model-unit-hour` … */
  readonly unit: string;
  readonly kind: CostKind;
  /** Units per month (0 for one-off items). */
  readonly monthlyQuantity: number;
  readonly unitPriceUsd: number;
  /** monthlyQuantity x unitPriceUsd (0 for one-off items). */
  readonly monthlyUsd: number;
  /** One-off items: units in total, and their cost. */
  readonly oneOffQuantity?: number;
  readonly oneOffUsd?: number;
  /** Autoscaled items: the month at the maximum size. */
  readonly ceilingMonthlyQuantity?: number;
  readonly ceilingMonthlyUsd?: number;
  /**
   * Autoscaled items sized from the workload (fleet.ts): monthlyUsd is the expected fleet in the
   * first month, these the fleet at its minimum; absent, the minimum is monthlyUsd.
   */
  readonly minMonthlyQuantity?: number;
  readonly minMonthlyUsd?: number;
  /** Autoscaled items sized from the workload: the expected fleet's cost in each month of the horizon (growth included). */
  readonly monthlyUsdByMonth?: readonly number[];
  /** Where the price came from: `catalog ml.g5.2xlarge (aws us-east-1, 2026-11-01)` or the token price source. */
  readonly priceSource: string;
}

export interface TrackRef {
  readonly track: string;
  readonly cloud: string;
  /** The track's logical name (the component resource's name). */
  readonly name: string;
}

/** A priced resource. */
export interface ResourceCost {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly cloud: string | undefined;
  readonly region: string | undefined;
  readonly track: TrackRef | undefined;
  readonly monthlyUsd: number;
  readonly oneOffUsd: number;
  /** The month with every autoscaled fleet at its minimum; equals monthlyUsd when nothing scales. */
  readonly minMonthlyUsd: number;
  /** The month at every autoscaled item's maximum; equals monthlyUsd when nothing scales. */
  readonly ceilingMonthlyUsd: number;
  readonly components: readonly CostComponent[];
  /** Assumptions and caveats specific to this resource. */
  readonly notes: readonly string[];
}

/** A resource with no cost of its own, and why (IAM, policies, a log group with no volume …). */
export interface FreeResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly reason: string;
  /** Set when the type has a usage charge the model does not count (no price for it yet). */
  readonly uncountedUsage?: string;
}

/** A resource the model could not price: never counted as zero in silence. */
export interface UnpricedResource {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly reason: string;
  /** true when aitracks itself creates resources of this type (inside a track component). */
  readonly inTrack: boolean;
}

export interface CostTotal {
  readonly key: string;
  readonly monthlyUsd: number;
  readonly oneOffUsd: number;
}

/** The three-year figure and what it is made of. */
export interface ThreeYearCost {
  readonly horizonMonths: number;
  /** Fixed items x months, usage items with the workload's monthly growth. */
  readonly infrastructureUsd: number;
  readonly oneOffUsd: number;
  /** People and data from the TCO model for the stack's option (team, maintenance, labelling). */
  readonly peopleAndDataUsd: number;
  readonly totalUsd: number;
  /** The TCO option whose people costs are counted (buy, fine-tune or build). */
  readonly option: "buy" | "fine-tune" | "build";
  readonly breakdown: { readonly team: number; readonly maintenance: number; readonly data: number };
  readonly notes: readonly string[];
}

/** The whole estimate. Money in USD, full precision (round when printing: see estimateJson). */
export interface CostEstimate {
  readonly currency: "USD";
  /** The oldest date of the price data: the compute catalog's entries and the token prices' data. */
  readonly pricesAsOf: string;
  readonly project: string | undefined;
  readonly stack: string | undefined;
  /** The first month: fixed items, usage at the workload's volume, autoscaled fleets at their expected size. */
  readonly monthlyUsd: number;
  readonly oneOffUsd: number;
  /** The first month with every autoscaled fleet at its minimum. */
  readonly minMonthlyUsd: number;
  /** The month with every autoscaled fleet at its maximum. */
  readonly ceilingMonthlyUsd: number;
  /**
   * Each month of the horizon (index 0 = month 1): fixed items, usage items with the workload's
   * growth, autoscaled fleets at their expected size that month. The three-year infrastructure is their sum.
   */
  readonly monthlyUsdByMonth: readonly number[];
  /** The first month (1-based) whose figure exceeds the budget, when a budget is set and some month does. */
  readonly budgetCrossedInMonth: number | undefined;
  readonly threeYear: ThreeYearCost;
  readonly resources: readonly ResourceCost[];
  readonly free: readonly FreeResource[];
  readonly unpriced: readonly UnpricedResource[];
  readonly byTrack: readonly CostTotal[];
  readonly byCloud: readonly CostTotal[];
  /** The stack's monthly budget (aitracks:budget.maxMonthlyUsd), if set. */
  readonly budgetUsd: number | undefined;
  /** Stack-wide assumptions (traffic split, defaults used). */
  readonly assumptions: readonly string[];
}
