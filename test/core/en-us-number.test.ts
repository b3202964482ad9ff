import { describe, expect, it } from "vitest";
import { enUsNumber } from "../../packages/core/src/text";

// enUsNumber is toLocaleString("en-US") without ICU for safe integers: the same text for every value.
describe("enUsNumber", () => {
  it("groups a safe integer by thousands, as toLocaleString does", () => {
    expect(enUsNumber(0)).toBe("0");
    expect(enUsNumber(999)).toBe("999");
    expect(enUsNumber(1000)).toBe("1,000");
    expect(enUsNumber(1234567)).toBe("1,234,567");
    expect(enUsNumber(-1234)).toBe("-1,234");
    expect(enUsNumber(-100)).toBe("-100");
    expect(enUsNumber(Number.MAX_SAFE_INTEGER)).toBe("9,007,199,254,740,991");
  });

  it("leaves everything else to toLocaleString: fractions, -0, unsafe integers, non-finite", () => {
    expect(enUsNumber(1234.5)).toBe("1,234.5");
    expect(enUsNumber(-0)).toBe("-0");
    expect(enUsNumber(1e21)).toBe("1,000,000,000,000,000,000,000");
    expect(enUsNumber(Number.NaN)).toBe("NaN");
    expect(enUsNumber(Number.POSITIVE_INFINITY)).toBe("∞");
  });

  it("agrees with toLocaleString on a sweep of integers and fractions", () => {
    for (const n of [1, 12, 123, 1234, 12345, 123456, 1234567, 98765432109, 0.5, 10.25, 1e6 + 0.125, -987654.321]) {
      expect(enUsNumber(n), String(n)).toBe(n.toLocaleString("en-US"));
      expect(enUsNumber(-n), String(-n)).toBe((-n).toLocaleString("en-US"));
    }
  });
});
