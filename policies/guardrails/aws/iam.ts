/** IAM policies of the stack grant named actions, never "*" or "<service>:*". */
import { GroupPolicy, Policy, Role, RolePolicy, UserPolicy } from "@pulumi/aws/iam";
import { on, validateTypes } from "../../lib/checks";
import { isWildcardAction, statements } from "../../lib/iam";
import type { AitracksPolicy } from "../../lib/types";
import { asArray, type Json } from "../../lib/values";

function checkDocument(doc: Json, where: string, report: (m: string) => void): void {
  const sts = statements(doc);
  if (!sts) return;
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
