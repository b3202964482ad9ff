// The in-process engine skips a validateTypes validator for resources of other types, writing the
// note the validator would have thrown (policies/lib/checks.ts typeFilterOf). This holds the skip
// to the validator's own answer, for every such validator in the pack.
import { describe, expect, it } from "vitest";
import { loadPack } from "../../packages/preview/src/policy/pack";

class NotApplicable {
  constructor(readonly reason: string | undefined) {}
}

function call(validate: (args: unknown, report: (m: string) => void) => unknown, type: string): { reason?: string; reported: string[] } {
  const reported: string[] = [];
  const args = {
    type,
    props: {},
    urn: `urn:pulumi:s::p::${type}::r`,
    name: "r",
    opts: {},
    stackTags: new Map(),
    isType: () => false,
    asType: () => undefined,
    getConfig: () => ({}),
    notApplicable: (reason?: string) => {
      throw new NotApplicable(reason);
    },
  };
  try {
    validate(args, (m) => reported.push(m));
  } catch (err) {
    if (err instanceof NotApplicable) return { ...(err.reason !== undefined ? { reason: err.reason } : {}), reported };
    // A check of an empty resource of its own type may read what is not there: not the filter's business.
    return { reported };
  }
  return { reported };
}

describe("validateTypes type filters", async () => {
  const pack = await loadPack();
  const filtered = pack.policies.flatMap((p) => {
    const v = (p as { validateResource?: unknown }).validateResource;
    const list = (Array.isArray(v) ? v : v ? [v] : []) as ((args: unknown, report: (m: string) => void) => unknown)[];
    return list.flatMap((validate) => {
      const filter = pack.typeFilterOf(validate as never);
      return filter ? [{ policy: p.name, validate, filter }] : [];
    });
  });

  it("are found on the multi-type policies", () => {
    expect(filtered.map((f) => f.policy)).toEqual(expect.arrayContaining(["gcp-vertex-cmek", "gcp-workbench-cmek", "aws-iam-no-wildcard-actions", "aws-sagemaker-monitoring-job-kms"]));
    expect(filtered.length).toBeGreaterThanOrEqual(15);
  });

  it("say for another type exactly what the validator says", () => {
    for (const { policy, validate, filter } of filtered) {
      const got = call(validate, "aws:s3/bucket:BucketNotOfAnyFilter");
      expect({ policy, ...got }).toEqual({ policy, reason: filter.reason, reported: [] });
    }
  });

  it("answer another type without a stack trace (the pack process throws each answer away), and restore the limit", () => {
    const before = Error.stackTraceLimit;
    let during: number | undefined;
    const { validate, filter } = filtered[0]!;
    const args = {
      type: "aws:s3/bucket:BucketNotOfAnyFilter",
      notApplicable: (reason?: string) => {
        during = Error.stackTraceLimit;
        throw new NotApplicable(reason);
      },
    };
    expect(() => validate(args, () => undefined)).toThrow(NotApplicable);
    expect(during).toBe(0);
    expect(Error.stackTraceLimit).toBe(before);
    expect(call(validate, "aws:s3/bucket:BucketNotOfAnyFilter").reason).toBe(filter.reason);
  });

  it("let their own types through to the check", () => {
    for (const { policy, validate, filter } of filtered) {
      for (const type of filter.types) {
        const got = call(validate, type);
        expect({ policy, type, skipped: got.reason === filter.reason }).toEqual({ policy, type, skipped: false });
      }
    }
  });
});
