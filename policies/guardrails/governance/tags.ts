/** Required tags (AWS, Azure) or labels (GCP) on every resource that takes them. */
import { REQUIRED_TAG_KEYS, toGcpLabels } from "@aitracks/core";
import { cloudOf, tagProperty, tagsOf } from "../../lib/resources";
import { isTaggable } from "../../lib/taggable";
import type { AitracksPolicy } from "../../lib/types";
import { UNKNOWN_NOTE, whenKnown } from "../../lib/unknown";

export const requiredTags: AitracksPolicy = {
  name: "required-tags",
  description: `Every taggable resource carries the aitracks tags (labels on GCP): ${REQUIRED_TAG_KEYS.join(", ")} — so cost reports, budgets and the review trigger can find it.`,
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps:
    "Pass the track's standard tags (standardTags() from @aitracks/core; toGcpLabels() on GCP) to every resource, or set them as the provider's defaultTags / defaultLabels.",
  tags: ["any", "governance"],
  configSchema: {
    properties: { additionalKeys: { type: "array", items: { type: "string" }, default: [], description: "Tag keys the organisation requires on top of the aitracks ones." } },
  },
  validateResource: (args, report) => {
    if (!isTaggable(args.type)) return args.notApplicable("the resource type takes no tags or labels");
    const { additionalKeys = [] } = args.getConfig<{ additionalKeys?: string[] }>();
    const gcp = cloudOf(args.type) === "gcp";
    const wanted = [...REQUIRED_TAG_KEYS, ...additionalKeys].map((k) => (gcp ? Object.keys(toGcpLabels({ [k]: "x" }))[0]! : k));
    const tags = whenKnown(
      () => tagsOf(args),
      (path) => args.notApplicable(`${path} is ${UNKNOWN_NOTE}`),
    );
    const missing = wanted.filter((k) => !tags[k]?.trim());
    if (missing.length) report(`missing ${tagProperty(args.type) === "tags" ? "tag" : "label"}${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
  },
};
