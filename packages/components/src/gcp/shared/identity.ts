import * as pulumi from "@pulumi/pulumi";
import { Account } from "@pulumi/gcp/serviceaccount";
import { IAMCustomRole, IAMMember } from "@pulumi/gcp/projects";
import type { GcpProject } from "./project";

export interface ServiceAccountArgs {
  /** 6–30 characters: lower-case letters, digits, dashes. */
  readonly accountId: string;
  readonly displayName: string;
  /** Predefined roles granted on the project (keep these few: bucket and key access go on the resource). */
  readonly projectRoles: readonly string[];
  /** A project custom role holding exactly these permissions, for when no predefined role is narrow enough. */
  readonly customRole?: { readonly id: string; readonly title: string; readonly permissions: readonly string[] };
}

export interface ServiceAccount {
  readonly account: Account;
  readonly email: pulumi.Output<string>;
  /** `serviceAccount:<email>`, for IAM bindings. */
  readonly member: pulumi.Output<string>;
  readonly customRole?: IAMCustomRole;
}

/** A user-managed service account for a workload, with only the roles it needs. */
export function serviceAccount(name: string, project: GcpProject, args: ServiceAccountArgs, opts: pulumi.CustomResourceOptions): ServiceAccount {
  const account = new Account(
    name,
    { project: project.projectId, accountId: args.accountId, displayName: args.displayName, description: `aitracks ${name}` },
    opts,
  );
  const member = pulumi.interpolate`serviceAccount:${account.email}`;
  for (const role of args.projectRoles) {
    new IAMMember(`${name}-${role.replace(/^roles\//, "").replace(/[^a-zA-Z0-9]+/g, "-")}`, { project: project.projectId, role, member }, opts);
  }
  let customRole: IAMCustomRole | undefined;
  if (args.customRole) {
    customRole = new IAMCustomRole(
      `${name}-role`,
      {
        project: project.projectId,
        roleId: args.customRole.id,
        title: args.customRole.title,
        description: `aitracks ${name}: least privilege for ${args.displayName}`,
        permissions: [...args.customRole.permissions],
        stage: "GA",
      },
      opts,
    );
    new IAMMember(`${name}-custom`, { project: project.projectId, role: customRole.name, member }, opts);
  }
  return { account, email: account.email, member, ...(customRole ? { customRole } : {}) };
}

/** A service-account id from a track name: `assistant` + `app` -> `aitracks-assistant-app` (6–30 chars). */
export function accountId(trackName: string, role: string): string {
  const id = `at-${trackName}-${role}`.replace(/[^a-z0-9-]/g, "-").replace(/-+/g, "-").slice(0, 30).replace(/-$/, "");
  return id.length >= 6 ? id : `${id}-sa`.slice(0, 30);
}
