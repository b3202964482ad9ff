/**
 * Which model provider (the third party that sees the prompts) a model id names, across the
 * clouds' spellings: Bedrock ids and ARNs (`anthropic.claude-...`, `us.anthropic...`,
 * `.../foundation-model/meta.llama3...`), Vertex publisher paths (`publishers/google/models/gemini`),
 * Hugging Face ids (`meta-llama/Llama-3.1-8B`), Azure deployment formats (`OpenAI`) and bare names.
 */
const FAMILIES: readonly [RegExp, string][] = [
  [/^(gemini|gemma|imagen|text-bison|chat-bison|palm|medlm|veo|chirp)/, "google"],
  [/^claude/, "anthropic"],
  [/^(gpt|o1|o3|o4|dall-e|whisper|text-embedding|tts|davinci|babbage|codex|sora)/, "openai"],
  [/^(llama|meta-llama)/, "meta"],
  [/^(mistral|mixtral|codestral|pixtral|ministral)/, "mistral"],
  [/^(command|embed-|rerank)/, "cohere"],
  [/^(nova|titan)/, "amazon"],
  [/^phi/, "microsoft"],
  [/^deepseek/, "deepseek"],
  [/^grok/, "xai"],
  [/^jamba/, "ai21"],
  [/^(qwen)/, "qwen"],
];

const GEO_PREFIX = /^(us|eu|apac|us-gov|global|ca|jp|au)\./;
/** Bedrock provider prefixes that are not model providers but routing. */
const ALIASES: Record<string, string> = { "meta-llama": "meta", "mistralai": "mistral", "openai": "openai", "google": "google", "ai21labs": "ai21" };

/** The provider a model id names, lower-case, or undefined when the id says nothing about it. */
export function modelProvider(id: string): string | undefined {
  let s = id.trim();
  if (!s) return undefined;
  // ARNs: keep the part after the last resource-type slash.
  const arn = /:(?:foundation-model|inference-profile|custom-model|provisioned-model|imported-model)\/(.+)$/.exec(s);
  if (arn) s = arn[1]!;
  const publisher = /publishers\/([^/]+)\/models\//.exec(s);
  if (publisher) return norm(publisher[1]!);
  s = s.replace(GEO_PREFIX, "");
  const hf = /^([A-Za-z0-9_.-]+)\/[A-Za-z0-9_.-]+$/.exec(s);
  if (hf) return norm(hf[1]!);
  // Bedrock: "<provider>.<model>" (a version such as "gemini-2.5-pro" is not a provider prefix).
  const bedrock = /^([a-z][a-z0-9]*(?:-[a-z]+)*)\.[a-z]/.exec(s);
  if (bedrock) return norm(bedrock[1]!);
  const lower = s.toLowerCase();
  for (const [re, provider] of FAMILIES) if (re.test(lower)) return provider;
  return undefined;
}

function norm(p: string): string {
  const lower = p.toLowerCase().replace(/\s+/g, "");
  return ALIASES[lower] ?? lower;
}

/** An Azure OpenAI / AI Foundry deployment's model `format` ("OpenAI", "Mistral AI", "Meta") as a provider. */
export function formatProvider(format: string): string {
  const f = format.trim();
  return norm(/^openai$/i.test(f) ? f : f.replace(/\s+ai$/i, ""));
}
