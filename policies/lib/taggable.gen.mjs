// Regenerates taggable-types.json: the resource types whose Args take tags (AWS, aws-native, Azure)
// or labels (GCP), read from the installed provider SDKs. aws-native mostly takes a list of
// {key, value} (some types a map); lib/resources.ts reads both shapes. Run after upgrading
// @pulumi/aws, aws-native, gcp or azure-native:
//   node policies/lib/taggable.gen.mjs
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const types = [];
/** GCP types whose `labels` configure the resource (a notification channel's address) and whose user labels are `userLabels`. */
const userLabels = [];
const versions = {};
for (const [pkg, key] of [["aws", "tags"], ["aws-native", "tags"], ["gcp", "labels"], ["azure-native", "tags"]]) {
  const root = dirname(require.resolve(`@pulumi/${pkg}/package.json`));
  versions[`@pulumi/${pkg}`] = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
  const walk = (dir) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (["node_modules", "types", "config"].includes(f)) continue;
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith(".d.ts") && existsSync(p.replace(/\.d\.ts$/, ".js"))) {
        const src = readFileSync(p, "utf8");
        if (!src.includes("extends pulumi.CustomResource")) continue;
        const token = /static __pulumiType = '([^']+)'/.exec(readFileSync(p.replace(/\.d\.ts$/, ".js"), "utf8"))?.[1];
        const args = /export interface \w+Args \{([\s\S]*?)\n\}/.exec(src)?.[1];
        const has = (k) => args && new RegExp(`^    (?:readonly )?${k}\\??:`, "m").test(args);
        if (!token) continue;
        if (key === "labels" && has("userLabels")) userLabels.push(token);
        else if (has(key)) types.push(token);
      }
    }
  };
  walk(root);
}
types.sort();
userLabels.sort();
writeFileSync(join(here, "taggable-types.json"), JSON.stringify({ generatedFrom: versions, types, userLabels }, null, 0) + "\n");
console.log(`${types.length} taggable resource types, ${userLabels.length} with userLabels`);
