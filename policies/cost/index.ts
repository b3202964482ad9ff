// Cost-estimate policies (issue "cost preview"): filled in by the cost work; the pack includes this array.
export const costPolicies: import("@pulumi/policy").Policy[] = [];
