/**
 * Builders for typed validators that treat unknown values as information: a check that reads a
 * value only known after deploy reports "not applicable: <path> is not known until deploy" rather
 * than a violation or the runtime's generic "can't run policy during preview" warning.
 */
import { validateResourceOfType, type ReportViolation, type ResourceValidation, type ResourceValidationArgs } from "@pulumi/policy";
import type { Resource, Unwrap } from "@pulumi/pulumi";
import type { ResourceType } from "./sdk";
import { UNKNOWN_NOTE, whenKnown } from "./unknown";

export type TypedCheck<P> = (props: P, args: ResourceValidationArgs, report: ReportViolation) => void;

function guarded<P>(check: TypedCheck<P>): TypedCheck<P> {
  return (props, args, report) =>
    whenKnown(
      () => check(props, args, report),
      (path) => args.notApplicable(`${path} is ${UNKNOWN_NOTE}; the policy decides at deploy`),
    );
}

/** `validateResourceOfType` with unknown values turned into information. Keeps the runtime's fast type filter. */
export function validateKnown<R extends Resource, A>(cls: ResourceType<R, A>, check: TypedCheck<Unwrap<NonNullable<A>>>): ResourceValidation {
  // It reads only the class's __pulumiType (getPulumiType; args.isType in both runtimes), which a ResourceType has.
  return validateResourceOfType(cls as unknown as new (name: string, args: A) => R, guarded(check));
}

export interface TypeCase {
  readonly type: string;
  readonly run: ResourceValidation;
}

/** One case of `validateTypes`: a resource class and its typed check. */
export function on<R extends Resource, A>(cls: ResourceType<R, A>, check: TypedCheck<Unwrap<NonNullable<A>>>): TypeCase {
  const type = cls.__pulumiType;
  return { type, run: (args, report) => guarded(check)(args.props as Unwrap<NonNullable<A>>, args, report) };
}

/**
 * The types a validator applies to, and what it says of any other type without reading it: the
 * offline engine skips other types with the same note instead of calling it 10,000 times to hear
 * "not applicable" (the runtime's fast filter does the same for single-type validators).
 */
export interface TypeFilter {
  readonly types: ReadonlySet<string>;
  readonly reason: string;
}
const TYPE_FILTERS = new WeakMap<ResourceValidation, TypeFilter>();

/** The type filter of a validator built by validateTypes, or undefined. */
export function typeFilterOf(validation: ResourceValidation): TypeFilter | undefined {
  return TYPE_FILTERS.get(validation);
}

/** A single validator for several resource types (one policy that spans, say, every Vertex AI resource). */
export function validateTypes(...cases: TypeCase[]): ResourceValidation {
  const byType = new Map(cases.map((c) => [c.type, c.run]));
  const notOfType = `Policy only applies to resources of types ${[...byType.keys()].join(", ")}`;
  const validation: ResourceValidation = (args, report) => {
    const run = byType.get(args.type);
    if (!run) return notApplicableQuietly(args, notOfType);
    return run(args, report);
  };
  TYPE_FILTERS.set(validation, { types: new Set(byType.keys()), reason: notOfType });
  return validation;
}

/**
 * `args.notApplicable(reason)` without a stack trace: @pulumi/policy's server answers it by throwing
 * an Error subclass that it catches at once and whose stack no one reads. Once per resource and
 * multi-type policy, capturing those stacks cost ~0.7 s of the pack process's ~9 s of CPU on the
 * 1,000-resource synthetic stack. Error.stackTraceLimit is restored before anything else runs.
 */
function notApplicableQuietly(args: ResourceValidationArgs, reason: string): void {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    args.notApplicable(reason);
  } finally {
    Error.stackTraceLimit = limit;
  }
}
