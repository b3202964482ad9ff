import type * as pulumi from "@pulumi/pulumi";
import { Service } from "@pulumi/gcp/projects";
import type { GcpProject } from "./project";

/**
 * Turn on the Google APIs a track needs. They stay on when the stack is destroyed: other
 * workloads in the project may use them, and turning an API off can delete their data.
 */
export function enableApis(name: string, project: GcpProject, apis: readonly string[], opts: pulumi.CustomResourceOptions): Service[] {
  return [...new Set(apis)].sort().map(
    (api) =>
      new Service(
        `${name}-api-${api.split(".")[0]}`,
        { project: project.projectId, service: api, disableOnDestroy: false, disableDependentServices: false },
        opts,
      ),
  );
}
