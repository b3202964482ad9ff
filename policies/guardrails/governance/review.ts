/** Review trigger: the build / buy / fine-tune decision has a shelf life (the framework says ~6 months). */
import type { StackValidationPolicy } from "@pulumi/policy";
import { reviewDate, today } from "../../lib/facts";
import type { AitracksPolicy } from "../../lib/types";

export const decisionReviewDue: StackValidationPolicy & AitracksPolicy = {
  name: "decision-review-due",
  description: "When the decision's review date has passed, the decision is due for review: models and prices have moved since it was made.",
  enforcementLevel: "advisory",
  severity: "medium",
  remediationSteps:
    "Re-run `aitracks decide` and `aitracks tco` with today's models and prices, record the outcome, and move aitracks:decision.reviewDate (about six months ahead). Make this policy mandatory in the pack config to block deploys until then.",
  tags: ["any", "governance"],
  configSchema: {
    properties: { asOf: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "Judge as of this date (YYYY-MM-DD) instead of today." } },
  },
  validateStack: (args, report) => {
    const date = reviewDate(args.resources, args.stackTags);
    if (!date) return args.notApplicable("the stack records no decision review date");
    const now = today(args.getConfig<{ asOf?: string }>().asOf);
    if (date.value <= now) report(`the build / buy / fine-tune decision was due for review on ${date.value} (${date.source}); today is ${now}`);
  },
};
