import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");

/** The published packages: folder, npm name, the folder their sources are read from. */
export const PACKAGES = [
  { dir: "packages/core", name: "@aitracks/core", src: "src" },
  { dir: "packages/components", name: "@aitracks/components", src: "src" },
  { dir: "packages/preview", name: "@aitracks/preview", src: "src" },
  { dir: "packages/cli", name: "@aitracks/cli", src: "src" },
  { dir: "policies", name: "@aitracks/policies", src: "." },
] as const;

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  engines?: { node?: string };
  main?: string;
  types?: string;
  bin?: Record<string, string>;
  files?: string[];
  exports?: Record<string, string | Record<string, string>>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}
