// @ts-nocheck
// The pipeline recipe: .github/workflows/aitracks-pr.yml (offline checks on pull requests) and
// aitracks-deploy.yml (pulumi preview --policy-pack, then pulumi up, on merge).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { aitracks, ROOT } from "../helpers/cli";

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  steps: Step[];
  strategy?: { matrix?: Record<string, unknown> };
  outputs?: Record<string, string>;
  environment?: string;
}
interface Workflow {
  on: Record<string, any>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const load = (name: string): Workflow => parse(readFileSync(join(ROOT, ".github", "workflows", name), "utf8")) as Workflow;
const runs = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps.map((s) => s.run ?? "")).join("\n");

describe("pull-request workflow", () => {
  const w = load("aitracks-pr.yml");
  const job = w.jobs["offline-checks"]!;
  const script = runs(w);

  it("runs on pull requests with a read-only checkout and permission to comment, and no cloud secret", () => {
    expect(Object.keys(w.on)).toEqual(["pull_request"]);
    expect(w.permissions).toEqual({ contents: "read", "pull-requests": "write", "security-events": "write" });
    expect(JSON.stringify(w)).not.toMatch(/secrets\.|AWS_|GOOGLE_|AZURE_|pulumi (preview|up)/);
  });

  it("checks policies and diffs cost against the base branch, for every stack, running each program once", () => {
    expect(script).toContain("for config in stacks/Pulumi.*.yaml");
    // One preview per stack; cost and check judge the graph it saved.
    expect(script).toMatch(/npx aitracks preview --stack "\$stack" --json > "\$graph"/);
    expect(script.match(/npx aitracks (cost|check) --stack "\$stack"/g) ?? []).toEqual(['npx aitracks cost --stack "$stack"']); // the base branch's estimate only
    expect(script).toContain('npx aitracks check --graph "$graph" --format github-comment');
    expect(script).toMatch(/git worktree add --detach "\$RUNNER_TEMP\/base-tree" "\$BASE_REF"[\s\S]*npx aitracks cost --stack "\$stack" --json/);
    expect(script).toMatch(/npx aitracks cost --graph "\$graph" --diff "\$out\/base\/\$stack\.json"[\s\S]*--fail-on-budget[\s\S]*--format github-comment/);
    const base = job.steps.find((s) => s.name?.startsWith("Cost estimates of the base branch"))!;
    expect(base.env?.BASE_REF).toBe("${{ github.event.pull_request.base.sha }}");
  });

  it("uploads each stack's findings as SARIF to code scanning, whatever the verdict", () => {
    expect(script).toContain('npx aitracks check --graph "$graph" --format sarif > "$out/sarif/$stack.sarif" || true');
    const upload = job.steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"))!;
    expect(upload.if).toMatch(/^always\(\)/);
    expect(upload.with).toEqual({ sarif_file: "${{ runner.temp }}/aitracks/sarif" });
    expect(job.steps.indexOf(upload)).toBeLessThan(job.steps.length - 1);
  });

  it("updates one comment per stack in place, found by its first line, and fails on a mandatory violation or budget gate", () => {
    const post = job.steps.find((s) => s.name?.startsWith("Comment on the pull request"))!;
    expect(post.run).toContain('marker="$(head -n 1 "$comment")"');
    expect(post.run).toContain('select(.body | startswith(\\"$marker\\"))');
    expect(post.run).toContain("gh api -X PATCH");
    const last = job.steps.at(-1)!;
    expect(last.if).toBe("steps.checks.outputs.failed == '1'");
    expect(last.run).toContain("exit 1");
    // The gate is set only by the exit codes of aitracks check and aitracks cost.
    expect(script).toMatch(/npx aitracks check[^\n]*\n\s*code=\$\?[\s\S]*failed=1/);
  });
});

describe("deploy workflow", () => {
  const w = load("aitracks-deploy.yml");
  const deploy = w.jobs.deploy!;

  it("deploys on merge to main, with OIDC and one environment per stack", () => {
    expect(w.on.push.branches).toEqual(["main"]);
    expect(w.permissions).toEqual({ contents: "read", "id-token": "write" });
    expect(deploy.needs).toBe("plan");
    expect(deploy.environment).toBe("${{ matrix.stack }}");
    expect(deploy.strategy?.matrix?.include).toBe("${{ fromJSON(needs.plan.outputs.matrix) }}");
  });

  it("previews with the policy pack before pulumi up, which also runs the pack", () => {
    const steps = deploy.steps.map((s) => s.run ?? s.uses ?? "");
    const check = steps.findIndex((s) => s.startsWith("npx aitracks check"));
    const cli = steps.findIndex((s) => s.startsWith("pulumi/actions@"));
    const preview = steps.findIndex((s) => s.startsWith("pulumi preview"));
    const up = steps.findIndex((s) => s.startsWith("pulumi up"));
    expect(check).toBeGreaterThan(0);
    expect(cli).toBeGreaterThan(check);
    expect(preview).toBeGreaterThan(cli);
    expect(up).toBe(preview + 1);
    expect(steps[preview]).toContain("--policy-pack policies");
    expect(steps[up]).toContain("--policy-pack policies");
  });

  it("deploys only stacks that exist, each with the credentials of its clouds", () => {
    const plan = w.jobs.plan!.steps[0]!;
    const stacks = JSON.parse(plan.env!.STACKS!) as { stack: string; clouds: string }[];
    expect(stacks.length).toBeGreaterThan(0);
    for (const s of stacks) {
      expect(readFileSync(join(ROOT, "stacks", `Pulumi.${s.stack}.yaml`), "utf8")).toContain("aitracks:tracks");
      for (const c of s.clouds.split(",")) expect(["aws", "gcp", "azure"]).toContain(c);
    }
    const creds = deploy.steps.filter((s) => /credentials/.test(s.name ?? ""));
    expect(creds.map((s) => s.if)).toEqual(["contains(matrix.clouds, 'aws')", "contains(matrix.clouds, 'gcp')", "contains(matrix.clouds, 'azure')"]);
  });
});

describe("every aitracks command line in the workflows", () => {
  const lines = [load("aitracks-pr.yml"), load("aitracks-deploy.yml"), load("aitracks-review.yml")]
    .map(runs)
    .join("\n")
    .replace(/\\\n\s*/g, " ")
    .split("\n")
    .map((l) => /npx aitracks (\w+)(.*)/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null);
  const byCommand = new Map<string, Set<string>>();
  const formats = new Map<string, Set<string>>();
  for (const m of lines) {
    const flags = byCommand.get(m[1]!) ?? new Set<string>();
    for (const f of m[2]!.matchAll(/(?<=\s)--[a-z][a-z-]*/g)) flags.add(f[0]);
    byCommand.set(m[1]!, flags);
    for (const f of m[2]!.matchAll(/--format ([a-z-]+)/g)) formats.set(m[1]!, (formats.get(m[1]!) ?? new Set()).add(f[1]!));
  }

  it("names commands the CLI has", () => {
    expect([...byCommand.keys()].sort()).toEqual(["check", "cost", "preview", "review"]);
  });

  for (const [command, flags] of byCommand) {
    const help = aitracks([command, "--help"]).stdout;
    it(`aitracks ${command} accepts ${[...flags].join(" ")} ${[...(formats.get(command) ?? [])].map((f) => `--format ${f}`).join(" ")}`, () => {
      // Whole flags: --fail-on-budget must not pass for --fail-on-budget-crossing.
      const listed = new Set([...help.matchAll(/(?<![\w-])--[a-z][a-z-]*(?![\w-])/g)].map((m) => m[0]));
      for (const f of flags) expect(listed.has(f), `aitracks ${command} --help lists ${f}`).toBe(true);
      // Each --format value the workflows use is one the command accepts.
      for (const f of formats.get(command) ?? []) {
        const r = aitracks([command, "--format", f, "--stack", "no-such-stack"]);
        expect(r.stderr, `aitracks ${command} --format ${f}`).not.toContain("--format:");
      }
    });
  }
});
