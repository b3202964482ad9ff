/** IAM policies of the stack grant named actions, never "*" or "<service>:*". */
import { on, validateTypes } from "../../lib/checks";
import { isWildcardAction, statements } from "../../lib/iam";
import { aws } from "../../lib/sdk";
import type { AitracksPolicy } from "../../lib/types";
import { asArray, type Json } from "../../lib/values";

const { GroupPolicy, Policy, Role, RolePolicy, UserPolicy } = aws.iam;

/**
 * A policy document as the program gives it: a JSON string (what `aws.iam.getPolicyDocument`'s
 * `json` renders, or `JSON.stringify`), or an object. A value not known until deploy never gets
 * here (the unknown-checking proxy throws; `on` makes it information). A document that cannot be
 * read is a violation: a gate that cannot see the actions must not pass them.
 */
function checkDocument(doc: Json, where: string, report: (m: string) => void): void {
  if (doc === undefined || doc === null) return;
  const sts = statements(doc);
  if (!sts) {
    report(`${where}the policy is not a readable IAM policy document (expected JSON with a Statement list)`);
    return;
  }
  sts.forEach((st, i) => {
    if (st.Effect !== "Allow") return;
    const wild = st.Action.filter(isWildcardAction);
    const label = st.Sid ? `statement ${st.Sid}` : `statement ${i}`;
    if (wild.length) report(`${where}${label} allows the wildcard action${wild.length > 1 ? "s" : ""} ${wild.join(", ")}; name the actions the track needs`);
    if (st.NotAction.length) report(`${where}${label} uses NotAction with Allow, which grants every other action`);
  });
}

export const iamNoWildcardActions: AitracksPolicy = {
  name: "aws-iam-no-wildcard-actions",
  description: 'IAM policies of the stack allow named actions only: no "*" or "<service>:*", no Allow with NotAction.',
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: 'List the actions the role needs (e.g. "bedrock:InvokeModel", "s3:GetObject") instead of "*" or "bedrock:*"; scope Resource to the track\'s ARNs.',
  tags: ["aws", "identity"],
  validateResource: validateTypes(
    on(Policy, (p, _a, report) => checkDocument(p.policy as Json, "", report)),
    on(RolePolicy, (p, _a, report) => checkDocument(p.policy as Json, "", report)),
    on(UserPolicy, (p, _a, report) => checkDocument(p.policy as Json, "", report)),
    on(GroupPolicy, (p, _a, report) => checkDocument(p.policy as Json, "", report)),
    on(Role, (role, _a, report) => {
      for (const inline of asArray(role.inlinePolicies as Json)) {
        const o = inline as { name?: string; policy?: Json };
        checkDocument(o.policy, `inline policy ${o.name ?? ""}: `.replace(" : ", ": "), report);
      }
    }),
  ),
};

export const iamPolicies: AitracksPolicy[] = [iamNoWildcardActions];
