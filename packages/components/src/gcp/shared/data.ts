import * as pulumi from "@pulumi/pulumi";
import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { BucketObject } from "@pulumi/gcp/storage";
import { fieldError } from "../../common/errors";
import type { SecureBucket } from "./bucket";

export interface JsonlFile {
  /** Absolute path. */
  readonly path: string;
  /** Number of non-empty lines (examples). */
  readonly examples: number;
}

/**
 * A local JSONL dataset, read and checked before anything is registered: it must exist, every
 * non-empty line must be a JSON object, and it must hold at least `minExamples` examples.
 */
export function jsonlFile(field: string, path: string, minExamples = 1): JsonlFile {
  const abs = resolve(path);
  if (!existsSync(abs) || !statSync(abs).isFile()) fieldError(field, `expected a JSONL file, but ${path} does not exist (paths are relative to the Pulumi project folder)`);
  const lines = readFileSync(abs, "utf8").split(/\r?\n/).filter((l) => l.trim() !== "");
  lines.forEach((line, i) => {
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      fieldError(field, `${path} line ${i + 1} is not JSON`);
    }
    if (typeof v !== "object" || v === null || Array.isArray(v)) fieldError(field, `${path} line ${i + 1} is not a JSON object`);
  });
  if (lines.length < minExamples) fieldError(field, `expected at least ${minExamples} examples in ${path}, got ${lines.length}`);
  return { path: abs, examples: lines.length };
}

/** A `gs://bucket/object` URI. */
export const GCS_URI = /^gs:\/\/[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]\/.+/;

/** Upload a dataset into the track's CMEK bucket (the bucket's default key encrypts it). Returns its gs:// URI. */
export function uploadDataset(name: string, bucket: SecureBucket, objectName: string, file: JsonlFile, opts: pulumi.CustomResourceOptions): pulumi.Output<string> {
  const object = new BucketObject(
    name,
    { bucket: bucket.name, name: objectName, source: new pulumi.asset.FileAsset(file.path), contentType: "application/jsonl" },
    opts,
  );
  return pulumi.interpolate`gs://${object.bucket}/${object.name}`;
}
