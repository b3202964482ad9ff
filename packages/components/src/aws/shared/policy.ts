import * as pulumi from "@pulumi/pulumi";

/** One IAM policy statement; values may be Outputs. */
export interface Statement {
  readonly Sid?: string;
  readonly Effect: "Allow" | "Deny";
  readonly Principal?: pulumi.Input<unknown>;
  readonly Action: pulumi.Input<string> | readonly pulumi.Input<string>[];
  /** Left out in trust policies. */
  readonly Resource?: pulumi.Input<string> | readonly pulumi.Input<string>[] | pulumi.Output<string[]>;
  readonly Condition?: pulumi.Input<unknown>;
}

/** A JSON policy document from statements whose values may still be Outputs. */
export function policyDocument(statements: readonly Statement[]): pulumi.Output<string> {
  return pulumi.jsonStringify({ Version: "2012-10-17", Statement: statements });
}

/** A trust policy letting AWS services assume a role, pinned to this account (confused-deputy guard). */
export function serviceTrustPolicy(services: readonly string[], accountId: pulumi.Input<string>): pulumi.Output<string> {
  return policyDocument([
    {
      Effect: "Allow",
      Principal: { Service: services.length === 1 ? services[0] : services },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "aws:SourceAccount": accountId } },
    },
  ]);
}
