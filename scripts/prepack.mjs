// npm pack / npm publish of one workspace package (run by its "prepack" script, in its folder):
// copies the repository's LICENSE beside its package.json and refuses to pack a package whose
// compiled entry points are missing (build first: npm run build at the repository root).
import { copyFileSync, existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const entries = [pkg.main, ...Object.values(pkg.bin ?? {})].filter(Boolean);
const missing = entries.filter((f) => !existsSync(f));
if (missing.length > 0) {
  console.error(`${pkg.name}: ${missing.join(", ")} missing; build first (npm run build at the repository root)`);
  process.exit(1);
}
copyFileSync(join(root, "LICENSE"), "LICENSE");
