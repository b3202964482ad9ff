import type { PriceCatalog } from "../pricing/catalog";
import { crossovers, totalAt } from "../tco/crossover";
import type { OptionId } from "../tco/resolve";
import { HORIZON_MONTHS } from "./storage";
import { stackOption, stackTcoModel, tcoInputOf } from "./three-year";
import type { StackCostInputs } from "./usage";

export const DEFAULT_FITS_VOLUME_MARGIN = 0.3;

export interface FitsVolumeVerdict {
  /** false: the check does not apply (no workload, a hybrid, evaluation only); `reason` says why. */
  readonly applicable: boolean;
  readonly reason?: string;
  readonly option?: OptionId;
  readonly cheapest?: OptionId;
  /** Each compared option's total over 36 months at the stack's volume (TCO model, point values). */
  readonly totals?: Partial<Record<OptionId, number>>;
  /** (stack's option - cheapest) / stack's option. */
  readonly saving?: number;
  readonly requestsPerDay?: number;
  readonly tokensPerDay?: number;
  /** The volume at which the cheaper of the two changes, nearest the stack's volume. */
  readonly crossover?: { readonly cheaper: OptionId; readonly than: OptionId; readonly aboveRequestsPerDay: number; readonly aboveTokensPerDay: number };
  /** true: another option is cheaper by more than the margin. */
  readonly fires: boolean;
  readonly message: string;
}

export interface FitsVolumeOptions {
  readonly catalog: PriceCatalog;
  /** Fraction by which another option must be cheaper to fire; default 0.3. */
  readonly margin?: number;
  /** Token prices of the stack's own model, used for buy when the workload names no buy model. */
  readonly buyPrices?: { provider: string; model: string; inputUsdPerMillionTokens: number; outputUsdPerMillionTokens: number } | undefined;
  readonly pricesAt?: Date;
}

const big = (x: number): string =>
  x >= 1e6 ? `$${(x / 1e6).toFixed(2)}M` : x >= 1e4 ? `$${(x / 1e3).toFixed(0)}K` : `$${x.toLocaleString("en-US", { maximumFractionDigits: 0 })}`;
const vol = (x: number): string => (x >= 1e6 ? `${(x / 1e6).toFixed(1)}M` : x >= 1e4 ? `${(x / 1e3).toFixed(0)}K` : x.toLocaleString("en-US", { maximumFractionDigits: 0 }));

/**
 * Does the stack's track fit its volume? With the stack's workload, the TCO model projects each
 * option over three years; if one is cheaper than the stack's own option by more than the
 * margin, say so and name the crossover volume (the framework's "ignoring per-token costs at
 * scale" — and, the other way, building or tuning where an API would suffice).
 */
export function trackFitsVolume(inputs: StackCostInputs, options: FitsVolumeOptions): FitsVolumeVerdict {
  const margin = options.margin ?? DEFAULT_FITS_VOLUME_MARGIN;
  const na = (reason: string): FitsVolumeVerdict => ({ applicable: false, reason, fires: false, message: reason });
  if (!inputs.usage.given) return na("the stack has no aitracks:workload, so there is no volume to judge");
  if (inputs.decidedTrack === "hybrid") return na("a hybrid stack: its workload is not split by track, so no single option can be judged");
  const hasOption = ["buy", "fine-tune", "build"].includes(inputs.decidedTrack ?? "") || inputs.tracks.some((t) => t !== "evaluation");
  if (!hasOption) return na("an evaluation-only stack serves no workload");
  const option = stackOption(inputs);
  const buy = inputs.usage.workload?.buy ?? options.buyPrices;
  const candidates: OptionId[] = buy ? ["buy", "fine-tune", "build"] : ["fine-tune", "build"];
  if (!candidates.includes(option)) return na("buy has no token price (name aitracks:workload.buy) to compare with");
  const model = stackTcoModel(tcoInputOf(inputs, options.buyPrices), options.catalog, options.pricesAt);
  const u = inputs.usage;
  const totals: Partial<Record<OptionId, number>> = {};
  for (const o of candidates) totals[o] = totalAt(model, o, u.requestsPerDay);
  let cheapest = option;
  for (const o of candidates) if (totals[o]! < totals[cheapest]!) cheapest = o;
  const current = totals[option]!;
  const saving = current > 0 ? (current - totals[cheapest]!) / current : 0;
  const tokensPerRequest = u.inputTokensPerRequest + u.outputTokensPerRequest;
  const tokensPerDay = u.requestsPerDay * tokensPerRequest;
  const fires = cheapest !== option && saving > margin;

  const pair = crossovers(model).filter((c) => (c.cheaper === cheapest && c.than === option) || (c.cheaper === option && c.than === cheapest));
  const nearest = pair.sort((a, b) => Math.abs(Math.log(a.aboveRequestsPerDay / Math.max(u.requestsPerDay, 1e-9))) - Math.abs(Math.log(b.aboveRequestsPerDay / Math.max(u.requestsPerDay, 1e-9))))[0];
  const crossover = nearest ? { ...nearest, aboveTokensPerDay: nearest.aboveRequestsPerDay * tokensPerRequest } : undefined;

  const at = `at ${vol(u.requestsPerDay)} request${u.requestsPerDay === 1 ? "" : "s"} a day (${vol(tokensPerDay)} tokens a day)`;
  let message: string;
  if (cheapest === option) {
    message = `${option} is the cheapest option ${at}: ${big(current)} over ${HORIZON_MONTHS} months (TCO model)`;
  } else {
    message =
      `${option} ${at} costs ${big(current)} over ${HORIZON_MONTHS} months; ${cheapest} would cost ${big(totals[cheapest]!)}, ` +
      `${Math.round(saving * 100)}% less (TCO model, people included)`;
    if (crossover) {
      message +=
        crossover.cheaper === cheapest
          ? `. ${cheapest} is cheaper than ${option} above ${vol(crossover.aboveRequestsPerDay)} requests a day (${vol(crossover.aboveTokensPerDay)} tokens a day)`
          : `. ${option} only becomes cheaper than ${cheapest} above ${vol(crossover.aboveRequestsPerDay)} requests a day (${vol(crossover.aboveTokensPerDay)} tokens a day)`;
    }
    if (fires) {
      message +=
        option === "buy"
          ? ". The framework's anti-pattern: ignoring per-token costs at scale."
          : `. The framework's anti-pattern: ${option === "build" ? "building from scratch" : "fine-tuning"} when an API would suffice.`;
    } else {
      message += ` (within the ${Math.round(margin * 100)}% margin)`;
    }
  }
  return { applicable: true, option, cheapest, totals, saving, requestsPerDay: u.requestsPerDay, tokensPerDay, ...(crossover ? { crossover } : {}), fires, message };
}
