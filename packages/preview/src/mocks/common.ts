/** What every cloud's mocks share: the fake account ids, stable hashes, and the input they get. */
export const MOCK_ACCOUNT = "123456789012";
export const MOCK_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
export const MOCK_TENANT = "11111111-1111-1111-1111-111111111111";
export const MOCK_GCP_PROJECT = "aitracks-preview";
export const MOCK_GCP_PROJECT_NUMBER = "123456789012";

/** Short stable hex of a string (FNV-1a), as the suffix Pulumi's auto-naming adds. */
export function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0").slice(0, 7);
}

export interface MockInput {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
  /** The region or location of the resource's provider, when known. */
  readonly region?: string | undefined;
  readonly project?: string | undefined;
  /** Tags the resource's aws provider adds to every taggable resource (its `defaultTags.tags`). */
  readonly defaultTags?: Readonly<Record<string, unknown>> | undefined;
}

/** `Bucket` -> `bucket`: resource kinds as they appear in ids and ARNs. */
export const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
