import * as pulumi from "@pulumi/pulumi";
import { CryptoKey, CryptoKeyIAMMember, KeyRing } from "@pulumi/gcp/kms";
import { serviceAgentMember, type GcpProject, type ServiceAgent } from "./project";
import type { Labels } from "./labels";

export interface CmekArgs {
  /** The services whose agents encrypt with the key (storage, aiplatform, bigquery …). */
  readonly agents: readonly ServiceAgent[];
  readonly labels: Labels;
  /** Days between automatic key rotations. @default 90 */
  readonly rotationDays?: number;
}

export interface Cmek {
  readonly keyRing: KeyRing;
  readonly key: CryptoKey;
  /** The key's resource name (`projects/…/locations/…/keyRings/…/cryptoKeys/…`), for `kmsKeyName` fields. */
  readonly id: pulumi.Output<string>;
  /** The grants to the service agents: resources that encrypt with the key depend on these. */
  readonly grants: readonly CryptoKeyIAMMember[];
}

/**
 * A customer-managed Cloud KMS key in the track's region (CMEK keys must sit in the same location
 * as the data), rotated every 90 days, with a 30-day destruction delay, usable only by the named
 * services' agents of this project.
 */
export function cmekKey(name: string, project: GcpProject, args: CmekArgs, opts: pulumi.CustomResourceOptions): Cmek {
  const keyRing = new KeyRing(`${name}-ring`, { name: `${name}-ring`, location: project.region, project: project.projectId }, opts);
  const rotationSeconds = (args.rotationDays ?? 90) * 86_400;
  const key = new CryptoKey(
    name,
    {
      name,
      keyRing: keyRing.id,
      purpose: "ENCRYPT_DECRYPT",
      rotationPeriod: `${rotationSeconds}s`,
      destroyScheduledDuration: `${30 * 86_400}s`,
      versionTemplate: { algorithm: "GOOGLE_SYMMETRIC_ENCRYPTION", protectionLevel: "SOFTWARE" },
      labels: args.labels,
    },
    opts,
  );
  const grants = [...new Set(args.agents)].map(
    (agent) =>
      new CryptoKeyIAMMember(
        `${name}-${agent}`,
        { cryptoKeyId: key.id, role: "roles/cloudkms.cryptoKeyEncrypterDecrypter", member: serviceAgentMember(agent, project) },
        opts,
      ),
  );
  return { keyRing, key, id: key.id, grants };
}
