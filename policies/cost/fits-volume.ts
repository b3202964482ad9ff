import type { StackValidationPolicy } from "@pulumi/policy";
import { DEFAULT_FITS_VOLUME_MARGIN, loadCatalog, primaryTokenPrices, trackFitsVolume } from "@aitracks/core";
import type { AitracksPolicy } from "../lib/types";
import { costViewOr } from "./context";

/**
 * With the stack's workload, the TCO model projects buy, fine-tune and build over three years;
 * if another option is cheaper than the stack's own by more than the margin, say so and name the
 * crossover volume: the framework's "ignoring per-token costs at scale" (and, the other way,
 * building or tuning where an API would suffice).
 */
export const trackFitsVolumePolicy: StackValidationPolicy & AitracksPolicy = {
  name: "cost-track-fits-volume",
  description: "The stack's track is not much more expensive over three years, at its workload, than another option (TCO model).",
  enforcementLevel: "advisory",
  severity: "medium",
  remediationSteps:
    "Run `aitracks tco` on the stack's workload and revisit the decision: at high volume a fine-tuned smaller model can beat per-token prices; at low volume an API beats a self-hosted model. Record the outcome in the decision record.",
  tags: ["any", "cost", "anti-pattern"],
  configSchema: {
    properties: {
      margin: { type: "number", minimum: 0, maximum: 1, default: DEFAULT_FITS_VOLUME_MARGIN, description: "Fraction by which another option must be cheaper over three years to report it (0.3 = 30%)." },
    },
  },
  validateStack: (args, report) => {
    const view = costViewOr(args, report);
    if (!view) return;
    const { inputs, estimate } = view;
    const { margin = DEFAULT_FITS_VOLUME_MARGIN } = args.getConfig<{ margin?: number }>();
    const verdict = trackFitsVolume(inputs, { catalog: loadCatalog(), margin, buyPrices: primaryTokenPrices(estimate.resources) });
    if (!verdict.applicable) return args.notApplicable(verdict.reason);
    if (verdict.fires) report(verdict.message);
  },
};
