/**
 * Cloud Run services and Cloud Functions: the front doors AI applications on GCP put before their
 * models (chat backends, webhooks, agent tools). Nobody outside the organisation can invoke them:
 * no IAM grant to allUsers or allAuthenticatedUsers, and the Cloud Run invoker check left on.
 */
import type { ReportViolation } from "@pulumi/policy";
import { on, validateTypes } from "../../lib/checks";
import { gcp } from "../../lib/sdk";
import type { AitracksPolicy } from "../../lib/types";
import { asArray, isObject, parseJson, type Json } from "../../lib/values";

const { FunctionIamBinding, FunctionIamMember, FunctionIamPolicy } = gcp.cloudfunctions;
const {
  FunctionIamBinding: FunctionV2IamBinding,
  FunctionIamMember: FunctionV2IamMember,
  FunctionIamPolicy: FunctionV2IamPolicy,
} = gcp.cloudfunctionsv2;
const { IamBinding: RunIamBinding, IamMember: RunIamMember, IamPolicy: RunIamPolicy } = gcp.cloudrun;
const { Service: RunV2Service, ServiceIamBinding, ServiceIamMember, ServiceIamPolicy } = gcp.cloudrunv2;

const PUBLIC_MEMBERS = new Set(["allUsers", "allAuthenticatedUsers"]);

const member = (m: { member?: string; role?: string }, report: ReportViolation) => {
  if (PUBLIC_MEMBERS.has(String(m.member))) report(`grants ${String(m.role)} to ${String(m.member)}; anyone could invoke it`);
};
const binding = (b: { members?: readonly string[]; role?: string }, report: ReportViolation) => {
  const pub = asArray(b.members as Json).filter((x) => PUBLIC_MEMBERS.has(String(x)));
  if (pub.length) report(`grants ${String(b.role)} to ${pub.join(", ")}; anyone could invoke it`);
};
const policy = (p: { policyData?: string }, report: ReportViolation) => {
  const doc = parseJson(p.policyData);
  if (!isObject(doc)) return report("policyData is not a readable IAM policy document; it cannot be checked for public members");
  for (const b of asArray(doc.bindings)) {
    if (!isObject(b)) continue;
    const pub = asArray(b.members).filter((x) => PUBLIC_MEMBERS.has(String(x)));
    if (pub.length) report(`policyData grants ${String(b.role)} to ${pub.join(", ")}; anyone could invoke it`);
  }
};

export const serverlessNotPublic: AitracksPolicy = {
  name: "gcp-cloud-run-functions-not-public",
  description: "Cloud Run services and Cloud Functions (1st and 2nd gen) are not invokable by allUsers or allAuthenticatedUsers, and Cloud Run keeps its invoker IAM check on.",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps:
    "Grant roles/run.invoker (or roles/cloudfunctions.invoker) to the service accounts and groups that call the service, not to allUsers or allAuthenticatedUsers; leave invokerIamDisabled unset. Put a public front end behind a load balancer with IAP or Cloud Armor instead.",
  tags: ["gcp", "identity"],
  validateResource: validateTypes(
    on(RunIamMember, (m, _a, report) => member(m, report)),
    on(RunIamBinding, (b, _a, report) => binding(b, report)),
    on(RunIamPolicy, (p, _a, report) => policy(p, report)),
    on(ServiceIamMember, (m, _a, report) => member(m, report)),
    on(ServiceIamBinding, (b, _a, report) => binding(b, report)),
    on(ServiceIamPolicy, (p, _a, report) => policy(p, report)),
    on(RunV2Service, (s, _a, report) => {
      if (s.invokerIamDisabled === true) report("invokerIamDisabled is true; anyone who can reach the URL could invoke the service");
    }),
    on(FunctionIamMember, (m, _a, report) => member(m, report)),
    on(FunctionIamBinding, (b, _a, report) => binding(b, report)),
    on(FunctionIamPolicy, (p, _a, report) => policy(p, report)),
    on(FunctionV2IamMember, (m, _a, report) => member(m, report)),
    on(FunctionV2IamBinding, (b, _a, report) => binding(b, report)),
    on(FunctionV2IamPolicy, (p, _a, report) => policy(p, report)),
  ),
};

export const serverlessPolicies: AitracksPolicy[] = [serverlessNotPublic];
