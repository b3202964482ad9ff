import * as pulumi from "@pulumi/pulumi";
import { estimateCost, type CostResource } from "@aitracks/core";

interface Recorded {
  readonly resource: pulumi.Resource;
  readonly type: string;
  readonly name: string;
  readonly custom: boolean;
  readonly props: pulumi.Inputs;
  readonly parent: pulumi.Resource | undefined;
}

/** What the stack exports about its own cost. */
export interface StackEstimate {
  readonly monthlyUsd: number;
  readonly oneOffUsd: number;
  readonly threeYearUsd: number;
  readonly pricesAsOf: string;
  /** Resources the cost model could not price (never counted as zero). */
  readonly unpriced: readonly string[];
}

/**
 * Record every resource of the stack's tracks, so that the program can export its own estimated
 * cost (the same cost model `aitracks cost` runs). `transformation` goes in each track
 * component's `transformations` resource option: Pulumi applies it to the component and to every
 * resource under it, in the program itself, so it works under `pulumi up`, `pulumi preview` and
 * the offline engine alike. (Engine-side `registerResourceTransform` would not do: it hands over
 * neither the resource, whose URN and outputs the estimate reads, nor the inputs' Outputs, and it
 * needs a callback server the offline engine has not.) This is the program's one recorder; the
 * offline engine records the graph separately, from the resource monitor.
 */
export function recordForEstimate(regionOf: (r: pulumi.Resource) => string | undefined = () => undefined) {
  const recorded: Recorded[] = [];
  const transformation: pulumi.ResourceTransformation = (args) => {
    recorded.push({
      resource: args.resource,
      type: args.type,
      name: args.name,
      custom: args.resource instanceof pulumi.CustomResource,
      props: args.props,
      parent: args.opts.parent,
    });
    return undefined;
  };

  /** The estimate, as an output known once every input is known (after deploy, or offline). */
  function estimate(config: Readonly<Record<string, unknown>>): pulumi.Output<StackEstimate> {
    const byResource = new Map(recorded.map((r) => [r.resource, r]));
    // A resource's region is its track's: walk up the recorded parents to a resource regionOf knows.
    const regionOfAncestors = (r: Recorded): string | undefined => {
      for (let at: Recorded | undefined = r; at; at = at.parent ? byResource.get(at.parent) : undefined) {
        const region = regionOf(at.resource);
        if (region) return region;
      }
      return undefined;
    };
    const resolved = recorded.map((r) =>
      pulumi.all([r.resource.urn, r.parent?.urn, pulumi.output(r.props), physicalNames(r), propertyDependencies(r)]).apply(([urn, parent, props, names, deps]) => {
        // The cost model links resources by the names they share (a log bucket and the logging
        // configuration that names it): add the auto-generated names the inputs leave out.
        // (Providers list every argument in props, unset ones as undefined: those must not win.)
        const inputs: Record<string, unknown> = { ...names };
        for (const [k, v] of Object.entries(props ?? {})) if (v !== undefined) inputs[k] = v;
        const region = regionOfAncestors(r);
        const resource: CostResource = {
          urn,
          type: r.type,
          name: r.name,
          custom: r.custom,
          parent: parent ?? null,
          dependencies: [...new Set(Object.values(deps).flat())],
          propertyDependencies: deps,
          inputs,
          ...(region ? { region } : {}),
        };
        return resource;
      }),
    );
    // The figure is not secret even when some inputs are.
    return pulumi.unsecret(
      pulumi.all(resolved).apply((resources) => {
        const e = estimateCost({ project: pulumi.getProject(), stack: pulumi.getStack(), config, resources });
        return {
          monthlyUsd: round2(e.monthlyUsd),
          oneOffUsd: round2(e.oneOffUsd),
          threeYearUsd: round2(e.threeYear.totalUsd),
          pricesAsOf: e.pricesAsOf,
          unpriced: e.unpriced.map((u) => u.urn),
        };
      }),
    );
  }

  return { transformation, estimate };
}


/** The physical names a resource reports as outputs (`bucket`, `name`), to match other inputs. */
function physicalNames(r: Recorded): pulumi.Output<Record<string, unknown>> {
  const res = r.resource as unknown as Record<string, unknown>;
  const keys = ["bucket", "name"].filter((k) => r.custom && pulumi.Output.isInstance(res[k]));
  return pulumi.all(keys.map((k) => res[k] as pulumi.Output<unknown>)).apply((values) => Object.fromEntries(keys.map((k, i) => [k, values[i]])));
}

/**
 * Which resources each input depends on (the engine's propertyDependencies), from the Outputs in
 * the inputs. The cost model links, say, a data-capture setting to its bucket this way (where a
 * name is unknown, as in a preview). The Outputs' resources come from `getAllResources`, which
 * @pulumi/pulumi exports from its root but marks internal: it has no public equivalent, and
 * without it the estimate of some stacks (an Azure build, a SageMaker endpoint) would differ from
 * `aitracks cost`'s. Absent, the links are left out.
 */
function propertyDependencies(r: Recorded): pulumi.Output<Record<string, string[]>> {
  const entries = Object.entries(r.props).filter(([, v]) => v !== undefined && typeof v === "object");
  const deps = entries.map(([k, v]) =>
    pulumi.output(
      resourcesOf(pulumi.output(v)).then((set) => pulumi.all([...set].map((d) => d.urn)).apply((urns) => [k, urns] as const)),
    ),
  );
  return pulumi.all(deps).apply((pairs) => Object.fromEntries(pairs.flat().length ? (pairs as unknown as [string, string[]][]) : []));
}

function resourcesOf(o: pulumi.Output<unknown>): Promise<Set<pulumi.Resource>> {
  const all = (pulumi as { getAllResources?: (o: pulumi.Output<unknown>) => Promise<Set<pulumi.Resource>> }).getAllResources;
  return all ? all(o) : Promise.resolve(new Set());
}

const round2 = (x: number) => Math.round(x * 100) / 100;
