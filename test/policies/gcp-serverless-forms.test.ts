// @ts-nocheck
// gcp-cloud-run-functions-not-public in every IAM form it reads (member, binding, policy) for Cloud
// Run v1 and v2 and Cloud Functions 1st and 2nd gen, through both engines; gcp.test.ts has one form
// each of some. A form the policy forgot would pass its public grant (mutation testing found
// those validators unjudged).
import { describe, it } from "vitest";
import { FunctionIamBinding, FunctionIamPolicy } from "@pulumi/gcp/cloudfunctions";
import { FunctionIamMember as FunctionV2IamMember, FunctionIamPolicy as FunctionV2IamPolicy } from "@pulumi/gcp/cloudfunctionsv2";
import { IamBinding as RunIamBinding, IamPolicy as RunIamPolicy } from "@pulumi/gcp/cloudrun";
import { ServiceIamBinding } from "@pulumi/gcp/cloudrunv2";
import { expectPass, expectViolation, type PolicyCase } from "./helpers";

const POLICY = "gcp-cloud-run-functions-not-public";
const SA = "serviceAccount:frontend@p.iam.gserviceaccount.com";
const doc = (role: string, ...members: string[]) => JSON.stringify({ bindings: [{ role, members }] });

const cases: (Omit<PolicyCase, "policy"> & { form: string })[] = [
  {
    form: "Cloud Run v1 IamBinding",
    bad: () => new RunIamBinding("invokers", { location: "us-central1", service: "api", role: "roles/run.invoker", members: [SA, "allAuthenticatedUsers"] }),
    on: "invokers",
    message: /^grants roles\/run\.invoker to allAuthenticatedUsers; anyone could invoke it$/,
    good: () => new RunIamBinding("invokers", { location: "us-central1", service: "api", role: "roles/run.invoker", members: [SA] }),
  },
  {
    form: "Cloud Run v1 IamPolicy",
    bad: () => new RunIamPolicy("policy", { location: "us-central1", service: "api", policyData: doc("roles/run.invoker", "allUsers") }),
    on: "policy",
    message: /^policyData grants roles\/run\.invoker to allUsers; anyone could invoke it$/,
    good: () => new RunIamPolicy("policy", { location: "us-central1", service: "api", policyData: doc("roles/run.invoker", SA) }),
  },
  {
    form: "Cloud Run v2 ServiceIamBinding",
    bad: () => new ServiceIamBinding("invokers", { location: "us-central1", name: "api", role: "roles/run.invoker", members: ["allUsers"] }),
    on: "invokers",
    message: /^grants roles\/run\.invoker to allUsers/,
    good: () => new ServiceIamBinding("invokers", { location: "us-central1", name: "api", role: "roles/run.invoker", members: [SA] }),
  },
  {
    form: "Cloud Functions FunctionIamBinding",
    bad: () => new FunctionIamBinding("fn-invokers", { cloudFunction: "webhook", region: "us-central1", role: "roles/cloudfunctions.invoker", members: ["allUsers"] }),
    on: "fn-invokers",
    message: /^grants roles\/cloudfunctions\.invoker to allUsers/,
    good: () => new FunctionIamBinding("fn-invokers", { cloudFunction: "webhook", region: "us-central1", role: "roles/cloudfunctions.invoker", members: [SA] }),
  },
  {
    form: "Cloud Functions FunctionIamPolicy",
    bad: () => new FunctionIamPolicy("fn-policy", { cloudFunction: "webhook", region: "us-central1", policyData: doc("roles/cloudfunctions.invoker", "allAuthenticatedUsers") }),
    on: "fn-policy",
    message: /^policyData grants roles\/cloudfunctions\.invoker to allAuthenticatedUsers/,
    good: () => new FunctionIamPolicy("fn-policy", { cloudFunction: "webhook", region: "us-central1", policyData: doc("roles/cloudfunctions.invoker", SA) }),
  },
  {
    form: "Cloud Functions 2nd gen FunctionIamMember",
    bad: () => new FunctionV2IamMember("fn2-invoker", { cloudFunction: "webhook", location: "us-central1", role: "roles/cloudfunctions.invoker", member: "allUsers" }),
    on: "fn2-invoker",
    message: /^grants roles\/cloudfunctions\.invoker to allUsers/,
    good: () => new FunctionV2IamMember("fn2-invoker", { cloudFunction: "webhook", location: "us-central1", role: "roles/cloudfunctions.invoker", member: SA }),
  },
  {
    form: "Cloud Functions 2nd gen FunctionIamPolicy",
    bad: () => new FunctionV2IamPolicy("fn2-policy", { cloudFunction: "webhook", location: "us-central1", policyData: doc("roles/cloudfunctions.invoker", SA, "allUsers") }),
    on: "fn2-policy",
    message: /^policyData grants roles\/cloudfunctions\.invoker to allUsers; anyone could invoke it$/,
    good: () => new FunctionV2IamPolicy("fn2-policy", { cloudFunction: "webhook", location: "us-central1", policyData: doc("roles/cloudfunctions.invoker", SA) }),
  },
  {
    // A document that cannot be read cannot be cleared: it fails closed. A binding that is not an
    // object is skipped, and the readable binding beside it still judged.
    form: "an unreadable policyData",
    bad: () => new RunIamPolicy("policy", { location: "us-central1", service: "api", policyData: "not a policy" }),
    on: "policy",
    message: /^policyData is not a readable IAM policy document; it cannot be checked for public members$/,
    good: () => new RunIamPolicy("policy", { location: "us-central1", service: "api", policyData: JSON.stringify({ bindings: ["odd", { role: "roles/run.invoker", members: [SA] }] }) }),
  },
];

describe(`${POLICY} in every IAM form`, () => {
  for (const c of cases) {
    it(`${c.form}: a public grant is a violation`, () => expectViolation({ ...c, policy: POLICY }));
    it(`${c.form}: the same grant to a service account passes`, () => expectPass({ ...c, policy: POLICY }));
  }

  it("a non-object binding is skipped, not taken for the readable one after it", () =>
    expectViolation({
      policy: POLICY,
      bad: () => new RunIamPolicy("policy", { location: "us-central1", service: "api", policyData: JSON.stringify({ bindings: [7, { role: "roles/run.invoker", members: ["allUsers"] }] }) }),
      on: "policy",
      message: /^policyData grants roles\/run\.invoker to allUsers/,
      good: () => undefined,
    }));
});
