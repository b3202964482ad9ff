import type * as pulumi from "@pulumi/pulumi";
import { IAMAuditConfig } from "@pulumi/gcp/projects";
import type { GcpProject } from "./project";

/**
 * Data Access audit logs for Vertex AI (who read or wrote which model, dataset, job or endpoint, and
 * when), plus Admin Read. Every GCP track turns them on. The setting is per project and service:
 * several tracks in one project each declare the same configuration.
 */
export function vertexAuditLogs(name: string, project: GcpProject, opts: pulumi.CustomResourceOptions): IAMAuditConfig {
  return new IAMAuditConfig(
    `${name}-vertex-audit`,
    { project: project.projectId, service: "aiplatform.googleapis.com", auditLogConfigs: [{ logType: "ADMIN_READ" }, { logType: "DATA_READ" }, { logType: "DATA_WRITE" }] },
    opts,
  );
}
