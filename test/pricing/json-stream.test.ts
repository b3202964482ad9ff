// @ts-nocheck
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { JsonStreamError, StreamingJsonScanner, parseRetryAfter, preserveNumberLiterals, redactUrl } from "@aitracks/core";
import { FIXTURES } from "./server";

/** Scan `text` in chunks of `size`, capturing products.* and terms.OnDemand.* like the AWS fetcher. */
function scan(text: string, size: number) {
  const got: { path: string; value: unknown }[] = [];
  const entered: string[] = [];
  const s = new StreamingJsonScanner({
    maxDepth: 3,
    capture: (p) => (p.length === 2 && p[0] === "products") || (p.length === 3 && p[0] === "terms" && p[1] === "OnDemand"),
    onValue: (p, value) => got.push({ path: p.join("."), value }),
    onEnter: (p, kind) => entered.push(`${p.join(".")}:${kind}`),
  });
  for (let i = 0; i < text.length; i += size) s.write(text.slice(i, i + size));
  s.end();
  return { got, entered };
}

describe("streaming JSON scanner", () => {
  const text = readFileSync(join(FIXTURES, "aws/AmazonSageMaker/us-east-1/index.json"), "utf8");
  const doc = JSON.parse(text) as { products: Record<string, unknown>; terms: { OnDemand: Record<string, unknown> } };

  it.each([1, 2, 3, 7, 64, 1000, 1 << 20])("captures exactly what JSON.parse sees, in chunks of %i", (size) => {
    const { got, entered } = scan(text, size);
    const expected = [
      ...Object.entries(doc.products).map(([k, v]) => ({ path: `products.${k}`, value: v })),
      ...Object.entries(doc.terms.OnDemand).map(([k, v]) => ({ path: `terms.OnDemand.${k}`, value: v })),
    ];
    expect(got).toEqual(expected);
    expect(entered).toEqual(expect.arrayContaining(["products:object", "terms:object", "terms.OnDemand:object", "terms.Reserved:object"]));
  });

  it("decodes escapes and non-ASCII split across chunks", () => {
    const value = { k: 'a"b\\c\u00e9\u4e2d\ud83d\ude00\n\t/\u0001', n: [-1.5e-3, 0, 12, true, false, null] };
    const t = JSON.stringify({ products: { x: value } });
    for (const size of [1, 2, 5]) expect(scan(t, size).got).toEqual([{ path: "products.x", value }]);
  });

  it.each([
    ['{"products": {"a": {"x": 1}}', /unexpected end of JSON .*truncated/],
    ['{"products": {"a": {"x": 1}}}  }', /unexpected data after the JSON document/],
    ['{"products": {"a": {"x": 1,}}}', /expected a key/],
    ['{"products": {"a": [1 2]}}', /expected "," or a closing bracket/],
    ['{"products": {"a": tru}}', /invalid literal/],
    ['{"products": {"a": 01}}', /invalid literal/],
    ['{"products": {"a": "x}}', /unexpected end of JSON/],
    ['{"products": {"a": {"x": 1]}}', /unexpected "\]"/],
  ])("rejects %s", (bad, message) => {
    expect(() => scan(bad, 3)).toThrow(JsonStreamError);
    expect(() => scan(bad, 3)).toThrow(message);
  });
});

describe("http helpers", () => {
  it("reads Retry-After as seconds or an HTTP date", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter("0.5")).toBe(500);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
    const now = Date.parse("2026-12-01T00:00:00Z");
    expect(parseRetryAfter("Tue, 01 Dec 2026 00:00:10 GMT", now)).toBe(10_000);
    expect(parseRetryAfter("Tue, 01 Dec 2026 00:00:00 GMT", now + 5000)).toBe(0);
  });

  it("never shows an API key", () => {
    expect(redactUrl("https://cloudbilling.googleapis.com/v1/services/X/skus?key=secret&pageToken=2")).toBe(
      "https://cloudbilling.googleapis.com/v1/services/X/skus?key=REDACTED&pageToken=2",
    );
  });

  it("keeps the original spelling of numbers that did not change", () => {
    const old = '{\n "a": 15.0,\n "b": 2e-05,\n "c": 1.5,\n "d": "15.0"\n}\n';
    const next = '{\n "a": 15,\n "b": 0.00002,\n "c": 1.6,\n "d": "15.0"\n}\n';
    expect(preserveNumberLiterals(old, next)).toBe('{\n "a": 15.0,\n "b": 2e-05,\n "c": 1.6,\n "d": "15.0"\n}\n');
  });
});
