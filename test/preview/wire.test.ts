// @ts-nocheck
// packages/preview/src/policy/wire.ts, toPolicyProps: the graph's inputs as a policy reads them in
// the in-process engine (unknowns as the runtime's sentinel, secrets kept as the mark, undefined
// dropped) and the path of every secret, written as @pulumi/policy's secret paths are.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli";

const { toPolicyProps, UNKNOWN_SENTINEL } = require(join(ROOT, "packages/preview/dist/policy/wire.js"));
const { SECRET_MARK, UNKNOWN_MARK } = require(join(ROOT, "packages/preview/dist/run.js"));

describe("toPolicyProps", () => {
  it("converts unknowns, keeps secrets as marks, drops undefined, and names each secret's path", () => {
    const inputs = {
      plain: 1,
      nested: { key: SECRET_MARK, list: [1, SECRET_MARK, { deep: SECRET_MARK }], gone: undefined },
      "": { under: SECRET_MARK },
      grid: [[SECRET_MARK], []],
      later: UNKNOWN_MARK,
      token: SECRET_MARK,
    };
    const { props, secretPaths } = toPolicyProps(inputs);
    expect(props).toEqual({
      plain: 1,
      nested: { key: SECRET_MARK, list: [1, SECRET_MARK, { deep: SECRET_MARK }] },
      "": { under: SECRET_MARK },
      grid: [[SECRET_MARK], []],
      later: UNKNOWN_SENTINEL,
      token: SECRET_MARK,
    });
    expect("gone" in props.nested).toBe(false);
    // An empty key adds nothing to the path, as the runtime writes it.
    expect(secretPaths).toEqual(["nested.key", "nested.list[1]", "nested.list[2].deep", "under", "grid[0][0]", "token"]);
    // The inputs are not touched.
    expect(inputs.later).toBe(UNKNOWN_MARK);
  });

  it("has no secret paths for inputs without secrets", () => {
    expect(toPolicyProps({ a: [1, { b: "x" }] })).toEqual({ props: { a: [1, { b: "x" }] }, secretPaths: [] });
  });
});
