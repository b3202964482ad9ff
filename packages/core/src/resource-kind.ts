/**
 * Which resources are cloud resources: what a cloud bills and what the cloud policies judge.
 * Everything else — Pulumi's own types (providers, the stack), components, and the providers
 * that run on the machine running Pulumi or manage something that is not a cloud bill — is
 * neither priced nor "unpriced". Third-party SaaS providers (cloudflare, datadog, …) are billed
 * services, so they stay cloud resources and the cost model lists them as unpriced.
 */

/** Packages whose resources are not cloud resources (generated values, local files and commands, containers, clusters' objects). */
const NON_CLOUD_PACKAGES = new Set(["random", "tls", "command", "docker", "docker-build", "kubernetes", "null", "time", "archive", "local", "std", "http", "external"]);

/**
 * aitracks' own dynamic resources, which drive a cloud API the components need
 * (`pulumi-nodejs:dynamic/vertex:TuningJob`, …). Any other dynamic resource is the program's own
 * code: not a cloud resource.
 */
const OWN_DYNAMIC = /^pulumi-nodejs:dynamic\/(vertex|bedrock|azure-openai):/;

/** A resource type token that stands for a cloud resource. */
export function isCloudResourceType(type: string): boolean {
  const pkg = type.split(":")[0]!;
  if (pkg === "pulumi" || pkg === "aitracks") return false;
  if (pkg === "pulumi-nodejs") return OWN_DYNAMIC.test(type);
  return !NON_CLOUD_PACKAGES.has(pkg);
}
