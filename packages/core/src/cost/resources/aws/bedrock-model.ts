import { isUnknown } from "../../graph";

/**
 * The Bedrock model id in a model identifier or ARN:
 *   arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0
 *   arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-...
 *   anthropic.claude-3-haiku-20240307-v1:0
 * Custom models, provisioned models and application inference profiles have no model id here.
 */
export function bedrockModelId(identifier: unknown): { kind: "foundation"; model: string } | { kind: "custom" | "provisioned" | "application-profile" | "unknown"; model?: undefined } {
  if (typeof identifier !== "string" || identifier === "" || isUnknown(identifier)) return { kind: "unknown" };
  if (/:custom-model\//.test(identifier)) return { kind: "custom" };
  if (/:provisioned-model\//.test(identifier)) return { kind: "provisioned" };
  if (/:application-inference-profile\//.test(identifier)) return { kind: "application-profile" };
  const m = /(?:foundation-model|inference-profile)\/(.+)$/.exec(identifier);
  if (m) return { kind: "foundation", model: m[1]! };
  if (identifier.startsWith("arn:")) return { kind: "unknown" };
  return { kind: "foundation", model: identifier };
}
