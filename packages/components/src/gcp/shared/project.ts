import * as pulumi from "@pulumi/pulumi";
import { getProjectOutput } from "@pulumi/gcp/organizations";

/** The project the track deploys into (the provider's `gcp:project`), looked up once per component. */
export interface GcpProject {
  readonly projectId: pulumi.Output<string>;
  /** The project number: service agents and some resource names (peered networks) use it. */
  readonly number: pulumi.Output<string>;
  readonly region: string;
}

export function gcpProject(region: string, parent: pulumi.Resource): GcpProject {
  const project = getProjectOutput({}, { parent });
  return { projectId: project.apply((p) => p.projectId ?? ""), number: project.number, region };
}

/**
 * Google-managed service agents that encrypt data at rest with a customer-managed key on the
 * track's behalf. Each needs `roles/cloudkms.cryptoKeyEncrypterDecrypter` on the key before the
 * resource that uses it can be created.
 * https://cloud.google.com/iam/docs/service-agents
 */
export const SERVICE_AGENTS = {
  storage: (n: string) => `service-${n}@gs-project-accounts.iam.gserviceaccount.com`,
  aiplatform: (n: string) => `service-${n}@gcp-sa-aiplatform.iam.gserviceaccount.com`,
  bigquery: (n: string) => `bq-${n}@bigquery-encryption.iam.gserviceaccount.com`,
  artifactregistry: (n: string) => `service-${n}@gcp-sa-artifactregistry.iam.gserviceaccount.com`,
  logging: (n: string) => `service-${n}@gcp-sa-logging.iam.gserviceaccount.com`,
  parametermanager: (n: string) => `service-${n}@gcp-sa-pm.iam.gserviceaccount.com`,
} as const;
export type ServiceAgent = keyof typeof SERVICE_AGENTS;

export function serviceAgentMember(agent: ServiceAgent, project: GcpProject): pulumi.Output<string> {
  return project.number.apply((n) => `serviceAccount:${SERVICE_AGENTS[agent](n)}`);
}
