import { asArray, at } from "../../graph";
import { Unpriced, type CostModule } from "../../module";
import { catalogEntry, fmt, monthly, num, optStr, regionNotes, usage } from "../../price";
import { cpusOf, gibOf, SECONDS_PER_MONTH, SECONDS_PER_REQUEST, workloadRequests } from "../../serverless";
import type { CostComponent } from "../../types";

/**
 * Azure Container Apps (Consumption plan): minimum replicas always on at the idle rates
 * (vCPU-seconds and GiB-seconds x a month), and the workload's requests as usage: $ per million
 * plus one active second of the app's vCPU and memory each. The free monthly grant (per
 * subscription) is not subtracted. Apps on a dedicated workload profile bill the profile's nodes.
 */
export const containerApp: CostModule = {
  service: "Azure Container Apps",
  price(r, ctx) {
    const profile = optStr(r.inputs.workloadProfileName);
    if (profile && profile.toLowerCase() !== "consumption") throw new Unpriced(`workloadProfileName ${JSON.stringify(profile)}: dedicated workload profiles bill their nodes, which the compute catalog does not price`);
    const containers = asArray(at(r.inputs, "template.containers"));
    let vcpus = 0;
    let gib = 0;
    containers.forEach((c, i) => {
      vcpus += cpusOf(at(c, "resources.cpu"), `template.containers[${i}].resources.cpu`, "0.5");
      gib += gibOf(at(c, "resources.memory"), `template.containers[${i}].resources.memory`, "1Gi");
    });
    if (containers.length === 0) throw new Unpriced("template.containers: no container, nothing to size the app by");
    const min = num(at(r.inputs, "template.scale.minReplicas"), "template.scale.minReplicas", 0);
    const components: CostComponent[] = [];
    const notes: string[] = [];
    const memE = catalogEntry(ctx, "containerapps-gib-second", "memory price");
    if (min > 0) {
      const idle = catalogEntry(ctx, "containerapps-idle-vcpu-second", "CPU price");
      components.push(
        monthly(idle, `${min} minimum replica(s) x ${fmt(vcpus)} vCPU idle x ${fmt(SECONDS_PER_MONTH)} s`, min * vcpus * SECONDS_PER_MONTH),
        monthly(memE, `${min} minimum replica(s) x ${fmt(gib)} GiB x ${fmt(SECONDS_PER_MONTH)} s`, min * gib * SECONDS_PER_MONTH),
      );
      notes.push("minimum replicas kept all month at the idle rate (they bill the active rate while they serve)");
    }
    const reqs = workloadRequests(ctx, "requests");
    const seconds = reqs.perMonth * SECONDS_PER_REQUEST;
    components.push(
      usage(catalogEntry(ctx, "containerapps-requests", "request price"), `${fmt(reqs.perMonth)} requests`, reqs.perMonth / 1e6),
      usage(catalogEntry(ctx, "containerapps-vcpu-second", "CPU price"), `${fmt(vcpus)} vCPU x ${fmt(seconds)} request-seconds`, vcpus * seconds),
      usage(memE, `${fmt(gib)} GiB x ${fmt(seconds)} request-seconds`, gib * seconds),
    );
    notes.push(...reqs.notes, `${SECONDS_PER_REQUEST} s per request assumed (the workload has no duration)`, ...regionNotes(ctx, memE));
    return { components, notes };
  },
};
