import { describe, expect, it } from "vitest";
import { enUsDecimal, enUsNumber } from "../../packages/core/src/text";

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

// enUsDecimal is toLocaleString("en-US", { minimumFractionDigits, maximumFractionDigits }) without
// ICU: the same text for every finite value and digit setting.
describe("enUsDecimal", () => {
  const icu = (x: number, min: number, max: number) => x.toLocaleString("en-US", { minimumFractionDigits: min, maximumFractionDigits: max });

  it("rounds the shortest decimal, half away from zero, as ICU does (not the binary value, as toFixed does)", () => {
    expect(enUsDecimal(1.005, 0, 2)).toBe("1.01");
    expect((1.005).toFixed(2)).toBe("1.00");
    expect(enUsDecimal(2.675, 0, 2)).toBe("2.68");
    expect(enUsDecimal(-1.005, 0, 2)).toBe("-1.01");
    expect(enUsDecimal(2.5, 0, 0)).toBe("3");
    expect(enUsDecimal(-2.5, 0, 0)).toBe("-3");
    expect(enUsDecimal(999.995, 2, 2)).toBe("1,000.00");
    expect(enUsDecimal(9.99995, 0, 4)).toBe("10");
  });

  it("keeps the minimum digits, drops trailing zeros beyond it, keeps the sign of a negative that rounds to zero", () => {
    expect(enUsDecimal(1234.5, 2, 2)).toBe("1,234.50");
    expect(enUsDecimal(1234.5, 0, 4)).toBe("1,234.5");
    expect(enUsDecimal(3, 2, 4)).toBe("3.00");
    expect(enUsDecimal(-0.001, 0, 2)).toBe("-0");
    expect(enUsDecimal(-0.001, 2, 2)).toBe("-0.00");
    expect(enUsDecimal(1.23e-7, 0, 4)).toBe("0");
    expect(enUsDecimal(1.5e21, 0, 2)).toBe("1,500,000,000,000,000,000,000");
  });

  it("leaves -0, non-finite numbers and digit settings ICU would reject to toLocaleString", () => {
    expect(enUsDecimal(-0, 0, 2)).toBe("-0");
    expect(enUsDecimal(Number.NaN, 0, 2)).toBe("NaN");
    expect(enUsDecimal(Number.NEGATIVE_INFINITY, 2, 2)).toBe("-∞");
    expect(() => enUsDecimal(1, 3, 2)).toThrow(RangeError);
  });

  it("agrees with toLocaleString over a fuzzed range of magnitudes, halves and digit settings", () => {
    let seed = 1;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let compared = 0;
    for (let i = 0; i < 20_000; i++) {
      let x = (rand() - 0.3) * 10 ** (Math.floor(rand() * 40) - 16);
      if (i % 3 === 0) x = Math.round(x * 1000) / 1000 + (rand() < 0.5 ? 0.005 : 0.0005); // near a half
      if (i % 7 === 0) x = Number((rand() * 1e4).toFixed(Math.floor(rand() * 5)));
      const max = Math.floor(rand() * 7);
      const min = Math.floor(rand() * (max + 1));
      expect(enUsDecimal(x, min, max), `${x} ${min} ${max}`).toBe(icu(x, min, max));
      compared++;
    }
    expect(compared).toBe(20_000);
  });
});
