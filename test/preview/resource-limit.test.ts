// The preview's resource limit: past it a program stops with one clear error, and the limit the
// README documents is the one the code enforces.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as aws from "@pulumi/aws";
import { describe, expect, it } from "vitest";
import { MAX_RESOURCES, previewInline } from "@aitracks/preview";

const bucket = (n: number) => () => {
  for (let i = 0; i < n; i++) new aws.s3.BucketV2(`b${i}`);
};

describe("the preview's resource limit", () => {
  it("stops a program that registers more resources than the limit, naming the limit", async () => {
    await expect(previewInline({ program: bucket(4), maxResources: 3 })).rejects.toThrow("the program registers more than 3 resources, the preview's limit");
  });

  it("lets a program with exactly the limit through (the stack counts, as in Pulumi's own summary)", async () => {
    const graph = await previewInline({ program: bucket(2), maxResources: 3 });
    expect(graph.resources.map((r) => r.type).sort()).toEqual(["aws:s3/bucketV2:BucketV2", "aws:s3/bucketV2:BucketV2", "pulumi:pulumi:Stack"]);
    await expect(previewInline({ program: bucket(3), maxResources: 3 })).rejects.toThrow("more than 3 resources");
  });

  it("is 15,000 by default, as the README says (10,000 measured 1.9 GiB to check)", () => {
    expect(MAX_RESOURCES).toBe(15_000);
    const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");
    expect(readme).toContain(`more than **${MAX_RESOURCES.toLocaleString("en-US")}** resources`);
  });
});
