/** Required tags (AWS, Azure) or labels (GCP) on every resource that takes them. */
import { isAitracksStack, REQUIRED_TAG_KEYS, toGcpLabels } from "@aitracks/core";
import { cloudOf, tagProperty, tagsOf } from "../../lib/resources";
import { stackConfig } from "../../lib/stack-config";
import { isTaggable } from "../../lib/taggable";
import type { AitracksPolicy } from "../../lib/types";
import { UNKNOWN_NOTE, whenKnown } from "../../lib/unknown";

/**
 * The keys to require: the configured `keys`, else the aitracks keys on an aitracks stack (one
 * with `aitracks:*` config) and none on any other program — a plain Pulumi program was not written
 * with aitracks' tags and is not judged by them — plus `additionalKeys` in every case.
 */
function requiredKeys(config: { keys?: string[]; additionalKeys?: string[] }): string[] {
  const base = config.keys ?? (isAitracksStack(stackConfig()?.values) ? [...REQUIRED_TAG_KEYS] : []);
  return [...new Set([...base, ...(config.additionalKeys ?? [])])];
}

export const requiredTags: AitracksPolicy = {
  name: "required-tags",
  description: `Every taggable resource carries the required tags (labels on GCP): the configured keys, by default on an aitracks stack ${REQUIRED_TAG_KEYS.join(", ")} — so cost reports, budgets and the review trigger can find it.`,
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps:
    "Pass the required tags to every resource (on aitracks stacks standardTags() from @aitracks/core; toGcpLabels() on GCP), or set them as the provider's defaultTags / defaultLabels.",
  tags: ["any", "governance"],
  configSchema: {
    properties: {
      keys: {
        type: "array",
        items: { type: "string" },
        description: "The tag keys to require. Default: the aitracks keys on an aitracks stack (one with aitracks:* config), none on any other program.",
      },
      additionalKeys: { type: "array", items: { type: "string" }, default: [], description: "Tag keys the organisation requires on top of keys." },
    },
  },
  validateResource: (args, report) => {
    if (!isTaggable(args.type)) return args.notApplicable("the resource type takes no tags or labels");
    const keys = requiredKeys(args.getConfig<{ keys?: string[]; additionalKeys?: string[] }>());
    if (!keys.length) return args.notApplicable("no tag keys to require: not an aitracks stack, and no keys configured");
    const gcp = cloudOf(args.type) === "gcp";
    const wanted = keys.map((k) => (gcp ? Object.keys(toGcpLabels({ [k]: "x" }))[0]! : k));
    const tags = whenKnown(
      () => tagsOf(args),
      (path) => args.notApplicable(`${path} is ${UNKNOWN_NOTE}`),
    );
    const missing = wanted.filter((k) => !tags[k]?.trim());
    if (missing.length) report(`missing ${tagProperty(args.type) === "tags" ? "tag" : "label"}${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
  },
};
