/** Data residency: every regional resource sits in a region the pack config allows. */
import { isCloudResource, regionOf } from "../../lib/resources";
import type { AitracksPolicy } from "../../lib/types";
import { UNKNOWN_NOTE, whenKnown } from "../../lib/unknown";

/** Types with no region (account- or project-wide): residency does not apply. */
const GLOBAL = /^(aws:(iam|budgets|organizations|route53|cloudfront|shield|globalaccelerator)\/|aws-native:(iam|budgets|organizations|route53|cloudfront|shield|globalaccelerator):|gcp:(projects|organizations|folder|serviceaccount|billing|resourcemanager)\/|azure-native:(authorization|managementgroups|subscription|consumption):)/;

/** "eu-*" matches eu-west-1 and the multi-region "eu"; "europe-west4" matches itself. */
export function regionAllowed(region: string, allowed: readonly string[]): boolean {
  return allowed.some((a) => {
    const p = a.toLowerCase().replace(/\s+/g, "");
    if (!p.endsWith("*")) return region === p;
    const prefix = p.slice(0, -1);
    return region.startsWith(prefix) || (prefix.endsWith("-") && region === prefix.slice(0, -1));
  });
}

export const dataResidency: AitracksPolicy = {
  name: "data-residency",
  description: "Every regional resource is placed in a region the organisation allows (pack config allowedRegions).",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Move the track to an allowed region (the track's region: in the stack config), or add the region to this policy's allowedRegions if it is approved.",
  tags: ["any", "governance"],
  configSchema: {
    properties: {
      allowedRegions: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: 'Allowed regions or locations, with trailing * as a wildcard (e.g. ["eu-*", "europe-*", "westeurope"]). Empty: the policy does not apply.',
      },
    },
  },
  validateResource: (args, report) => {
    const { allowedRegions = [] } = args.getConfig<{ allowedRegions?: string[] }>();
    if (!isCloudResource(args.type) || GLOBAL.test(args.type)) return args.notApplicable("not a regional cloud resource");
    if (!allowedRegions.length) return args.notApplicable("no allowedRegions configured");
    const region = whenKnown(
      () => regionOf(args),
      (path) => args.notApplicable(`${path} is ${UNKNOWN_NOTE}`),
    );
    if (!region) return args.notApplicable("the resource names no region or location (nor does its provider)");
    if (!regionAllowed(region, allowedRegions)) report(`placed in ${region}; allowed: ${allowedRegions.join(", ")}`);
  },
};
