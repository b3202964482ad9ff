import * as pulumi from "@pulumi/pulumi";
import { Bucket, BucketIAMMember } from "@pulumi/gcp/storage";
import type { Cmek } from "./kms";
import type { Labels } from "./labels";
import type { GcpProject } from "./project";

export interface SecureBucketArgs {
  readonly cmek: Cmek;
  readonly labels: Labels;
  /** Days after which non-current object versions are deleted. @default 30 */
  readonly noncurrentVersionDays?: number;
}

export interface SecureBucket {
  readonly bucket: Bucket;
  readonly name: pulumi.Output<string>;
  /** `gs://<name>` */
  readonly url: pulumi.Output<string>;
}

/**
 * The one Cloud Storage bucket every GCP track uses: in the track's region, encrypted by default
 * with the track's customer-managed key, uniform bucket-level access (no object ACLs), public
 * access prevention enforced, versioned (old versions expire), never force-destroyed.
 */
export function secureBucket(name: string, project: GcpProject, args: SecureBucketArgs, opts: pulumi.CustomResourceOptions): SecureBucket {
  const bucket = new Bucket(
    name,
    {
      project: project.projectId,
      location: project.region.toUpperCase(),
      storageClass: "STANDARD",
      uniformBucketLevelAccess: true,
      publicAccessPrevention: "enforced",
      versioning: { enabled: true },
      encryption: { defaultKmsKeyName: args.cmek.id },
      lifecycleRules: [
        { action: { type: "Delete" }, condition: { daysSinceNoncurrentTime: args.noncurrentVersionDays ?? 30, withState: "ARCHIVED" } },
      ],
      forceDestroy: false,
      labels: args.labels,
    },
    // The Cloud Storage agent must hold the key before a bucket can default to it.
    withDependencies(opts, args.cmek.grants),
  );
  return { bucket, name: bucket.name, url: pulumi.interpolate`gs://${bucket.name}` };
}

/** A role on one bucket (never the project) for a member: least privilege for data access. */
export function grantBucket(
  name: string,
  bucket: SecureBucket,
  role: "roles/storage.objectViewer" | "roles/storage.objectUser" | "roles/storage.objectCreator" | "roles/storage.objectAdmin",
  member: pulumi.Input<string>,
  opts: pulumi.CustomResourceOptions,
): BucketIAMMember {
  return new BucketIAMMember(name, { bucket: bucket.name, role, member }, opts);
}

/** The options plus more resources to wait for (keeping the ones already there). */
export function withDependencies(opts: pulumi.CustomResourceOptions, more: readonly pulumi.Resource[]): pulumi.CustomResourceOptions {
  const existing = opts.dependsOn === undefined ? [] : Array.isArray(opts.dependsOn) ? opts.dependsOn : [opts.dependsOn];
  return { ...opts, dependsOn: [...(existing as pulumi.Input<pulumi.Resource>[]), ...more] };
}
