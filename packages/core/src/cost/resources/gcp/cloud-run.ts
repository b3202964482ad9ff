import { asArray, at } from "../../graph";
import type { PricingContext } from "../../module";
import { catalogEntry, fmt, HOURS, monthly, num, regionNotes, usage } from "../../price";
import { cpusOf, gibOf, SECONDS_PER_MONTH, SECONDS_PER_REQUEST, workloadRequests } from "../../serverless";
import type { CostComponent } from "../../types";

/**
 * A Cloud Run service (or a 2nd-gen function, which is one): minimum instances always on at the
 * instance-based rates (vCPU-seconds and GiB-seconds x a month), and the workload's requests as
 * usage: $ per million, plus one second of the instance's vCPU and memory each at the
 * request-based rates. The free tier (per billing account) is not subtracted.
 */
export function cloudRunComponents(ctx: PricingContext, vcpus: number, gib: number, minInstances: number, label: string): { components: CostComponent[]; notes: string[] } {
  const reqE = catalogEntry(ctx, "cloud-run-requests", "request price");
  const cpuE = catalogEntry(ctx, "cloud-run-vcpu-second", "CPU price");
  const memE = catalogEntry(ctx, "cloud-run-gib-second", "memory price");
  const components: CostComponent[] = [];
  const notes: string[] = [];
  if (minInstances > 0) {
    const idleCpu = catalogEntry(ctx, "cloud-run-instance-vcpu-second", "CPU price");
    const idleMem = catalogEntry(ctx, "cloud-run-instance-gib-second", "memory price");
    components.push(
      monthly(idleCpu, `${label}: ${minInstances} minimum instance${minInstances === 1 ? "" : "s"} x ${fmt(vcpus)} vCPU x ${fmt(SECONDS_PER_MONTH)} s`, minInstances * vcpus * SECONDS_PER_MONTH),
      monthly(idleMem, `${label}: ${minInstances} minimum instance${minInstances === 1 ? "" : "s"} x ${fmt(gib)} GiB x ${fmt(SECONDS_PER_MONTH)} s`, minInstances * gib * SECONDS_PER_MONTH),
    );
    notes.push(`minimum instances kept warm all month (${HOURS} h) at the instance-based rate: an upper bound when the service uses request-based billing, whose idle instances bill less`);
  }
  const reqs = workloadRequests(ctx, "requests");
  const seconds = reqs.perMonth * SECONDS_PER_REQUEST;
  components.push(
    usage(reqE, `${label}: ${fmt(reqs.perMonth)} requests`, reqs.perMonth / 1e6),
    usage(cpuE, `${label}: ${fmt(vcpus)} vCPU x ${fmt(seconds)} request-seconds`, vcpus * seconds),
    usage(memE, `${label}: ${fmt(gib)} GiB x ${fmt(seconds)} request-seconds`, gib * seconds),
  );
  notes.push(...reqs.notes, `${SECONDS_PER_REQUEST} s per request assumed (the workload has no duration)`, ...regionNotes(ctx, cpuE));
  return { components, notes };
}

/** The vCPUs and GiB of a container list's limits summed (Cloud Run's defaults: 1 vCPU, 512 MiB). */
function containerSize(containers: unknown, field: string, limitsPath: string): { vcpus: number; gib: number } {
  const list = asArray(containers);
  if (list.length === 0) return { vcpus: 1, gib: 0.5 };
  let vcpus = 0;
  let gib = 0;
  list.forEach((c, i) => {
    const limits = at(c, limitsPath);
    vcpus += cpusOf(at(limits, "cpu"), `${field}[${i}].${limitsPath}.cpu`, "1");
    gib += gibOf(at(limits, "memory"), `${field}[${i}].${limitsPath}.memory`, "512Mi");
  });
  return { vcpus, gib };
}

/** Cloud Run service (v2 API): template.containers' limits, template.scaling.minInstanceCount (or the service's scaling). */
export const cloudRunV2Service = {
  service: "Cloud Run",
  price(r: import("../../types").CostResource, ctx: PricingContext) {
    const { vcpus, gib } = containerSize(at(r.inputs, "template.containers"), "template.containers", "resources.limits");
    const min = Math.max(num(at(r.inputs, "template.scaling.minInstanceCount"), "template.scaling.minInstanceCount", 0), num(at(r.inputs, "scaling.minInstanceCount"), "scaling.minInstanceCount", 0));
    return cloudRunComponents(ctx, vcpus, gib, min, "service");
  },
};

/** Cloud Run service (v1 API): template.spec.containers' limits, the autoscaling.knative.dev/minScale annotation. */
export const cloudRunV1Service = {
  service: "Cloud Run",
  price(r: import("../../types").CostResource, ctx: PricingContext) {
    const { vcpus, gib } = containerSize(at(r.inputs, "template.spec.containers"), "template.spec.containers", "resources.limits");
    const annotations = at(r.inputs, "template.metadata.annotations") as Record<string, unknown> | undefined;
    const min = num(annotations?.["autoscaling.knative.dev/minScale"], "template.metadata.annotations[autoscaling.knative.dev/minScale]", 0);
    return cloudRunComponents(ctx, vcpus, gib, min, "service");
  },
};
