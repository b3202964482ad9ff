/**
 * Node module hooks for an ES module TypeScript program (registered by loader.ts with
 * `module.register`, as @pulumi/pulumi's cmd/run/hooks.js is): ts-node's ESM hooks, built on the
 * first module they see from the ts-node and options loader.ts picked (the program's own or ours).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
interface Data {
  readonly tsNode: string;
  readonly options: Record<string, unknown>;
}

let data: Data | undefined;
let hooks: any;

export async function initialize(d: Data): Promise<void> {
  data = d;
}

function get(): any {
  if (!hooks) {
    const tsn = require(data!.tsNode) as { register(o: object): unknown; createEsmHooks(s: unknown): any };
    hooks = tsn.createEsmHooks(tsn.register(data!.options));
  }
  return hooks;
}

export async function resolve(specifier: string, context: unknown, next: unknown): Promise<unknown> {
  return get().resolve(specifier, context, next);
}

export async function load(url: string, context: unknown, next: unknown): Promise<unknown> {
  return get().load(url, context, next);
}
