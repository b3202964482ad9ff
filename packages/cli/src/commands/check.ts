import type { Command } from "commander";
import type * as Preview from "@aitracks/preview";
import type { AnalyzerSession } from "@aitracks/preview/analyzer";
import { InputError } from "@aitracks/core/errors";
import type { SarifPolicy } from "../render/sarif";
import { checkAllFlags, describeAllOption, runStacks, type AllFlags, type StackOutcome } from "../multi-stack";
import { CheckFailed, runCommand } from "../run";
import { checkGraphFlags, describeGraphOption, describeTargetOptions, previewTarget, type TargetOptions } from "../target";

// main.ts imports this file for every command (and --help): the preview engine, Pulumi and the
// policy pack load only when `check` runs.

interface CheckFlags extends AllFlags {
  json?: boolean;
  format?: string;
  engine?: string;
  policyConfig?: string;
  stackTag?: string[];
}

const ENGINES = ["both", "in-process", "analyzer"] as const;
const FORMATS = ["text", "github-comment", "sarif"] as const;
type Engine = (typeof ENGINES)[number];

const HELP_AFTER = `
Previews the stack offline (no cloud account, no Pulumi CLI) and evaluates the aitracks policy
pack (policies/) on what it would create: security guardrails for the AI services of AWS, GCP and
Azure, governance (residency, tags, review date) and the build/buy/fine-tune anti-patterns.
The pack runs two ways and both must agree: in-process, and over the real analyzer protocol
(the pack process \`pulumi preview --policy-pack policies\` would start).

--policy-config takes the same JSON as \`pulumi preview --policy-pack-config\`:
  {"all": "mandatory", "data-residency": {"allowedRegions": ["eu-*", "europe-*"]}}

Examples:
  aitracks check --stack buy-aws
  aitracks check --program examples/insecure --stack insecure --json
  aitracks check --stack buy-aws --policy-config policies/config.example.json --engine in-process
  aitracks check --all            (every stack of the project, one policy pack process for all)
  aitracks check --stack buy-aws --format sarif > aitracks.sarif   (for GitHub code scanning)
  aitracks preview --stack buy-aws --json > graph.json && aitracks check --graph graph.json
      (preview once; cost --graph reads the same file)

Exit codes: 0 no mandatory violation, 1 a mandatory violation (or the two runs disagree),
2 bad input (one line per problem, naming the field; a program that fails or does not finish within
--timeout seconds, default 120), 70 an internal error of aitracks.
With --all: the worst exit code of the stacks; a stack with bad input does not stop the others.`;

export function registerCheck(program: Command, setExit: (code: number) => void): void {
  describeGraphOption(
    describeAllOption(
      describeTargetOptions(
        program.command("check").description("check a stack against the policy pack before deploy: violations by enforcement level, exit 1 on a mandatory one"),
      ),
    ),
  )
    .option("--json", "print the verdicts as JSON (violations with level, policy, urn, message; notes; summary)")
    .option("--format <format>", "text, github-comment (a pull-request comment, updated in place by its first line), or sarif (SARIF 2.1.0 for code scanning)", "text")
    .option("--engine <engine>", `how to run the pack: ${ENGINES.join(", ")}`, "both")
    .option("--policy-config <file>", "pack config JSON, as pulumi preview --policy-pack-config takes it")
    .option("--stack-tag <key=value>", "a stack tag the policies see (repeatable), as `pulumi stack tag set` sets it", collect, [])
    .addHelpText("after", HELP_AFTER)
    .action(async (flags: CheckFlags) => {
      setExit(await runCommand(() => check(flags)));
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function check(flags: CheckFlags): Promise<number> {
  checkAllFlags(flags);
  checkGraphFlags(flags);
  const format = flags.format ?? "text";
  if (!(FORMATS as readonly string[]).includes(format)) throw new InputError(`--format: expected one of ${FORMATS.join(", ")}, got ${JSON.stringify(format)}`);
  if (flags.json && format !== "text") throw new InputError(`--json: give --json or --format ${format}, not both`);
  if (flags.all && format !== "text") throw new InputError(`--format: with --all, text or --json (a ${format} document is one stack's: run it per --stack)`);
  const engine = flags.engine as Engine;
  if (!ENGINES.includes(engine)) throw new InputError(`--engine: expected one of ${ENGINES.join(", ")}, got ${JSON.stringify(flags.engine)}`);
  const stackTags: Record<string, string> = {};
  for (const t of flags.stackTag ?? []) {
    const m = /^([^=]+)=(.*)$/.exec(t);
    if (!m) throw new InputError(`--stack-tag: expected key=value, got ${JSON.stringify(t)}`);
    stackTags[m[1]!] = m[2]!;
  }

  // One policy pack process serves every stack. It starts as soon as the flags are valid, before
  // this process loads the cost model, the pack and the first stack: its start-up (a second
  // @pulumi/pulumi, the policies) is the longest step of a check, and it runs on the other core.
  // The wait is for the spawn only (a few ms): loading modules here would otherwise hold this
  // process's event loop, and the spawn with it. Stopped after the last stack, and on any failure
  // before it (a bad --policy-config included).
  let session: Promise<AnalyzerSession> | undefined;
  const stopAnalyzer = async () => {
    const s = await session?.catch(() => undefined);
    await s?.close();
  };
  if (engine !== "in-process") {
    const { AnalyzerSession } = require("@aitracks/preview/analyzer") as typeof import("@aitracks/preview/analyzer");
    let spawned!: () => void;
    const wait = new Promise<void>((r) => (spawned = r));
    session = AnalyzerSession.start({ onSpawn: () => spawned() });
    session.catch(() => undefined); // awaited, and its error reported, by the evaluation
    await Promise.race([wait, session.then(() => undefined, () => undefined)]);
  }
  const analyzer = () => session!;

  // The pack, the pack config and this process's engine. With --policy-config they load before
  // any program runs: a bad config stops the check before anything runs. Without one there is
  // nothing to validate, and they load while the first program runs in its child process.
  const opts = { configSource: `--policy-config ${flags.policyConfig ?? ""}`.trim(), stackTags };
  const loadEngine = async () => {
    const core = require("@aitracks/core") as typeof import("@aitracks/core");
    const config = flags.policyConfig ? readPolicyConfig(flags.policyConfig, core) : undefined;
    const preview = require("@aitracks/preview") as typeof Preview;
    const pack = await preview.loadPack();
    preview.resolvePackConfig(pack.policies, pack.enforcementLevel, config, opts.configSource);
    // The price catalog the cost policies read, parsed and validated (~10 ms) while the program
    // still runs. A bad one (AITRACKS_CATALOG) is bad input, exit 2 naming the file: inside a
    // policy it read as an internal error of that policy (exit 70).
    if (engine !== "analyzer") core.loadCatalog();
    return { preview, pack, config };
  };
  let engineReady: ReturnType<typeof loadEngine> | undefined;
  const engineOnce = () => (engineReady ??= loadEngine());
  if (flags.policyConfig) {
    try {
      await engineOnce();
    } catch (err) {
      await stopAnalyzer();
      throw err;
    }
  }

  const one = async (target: TargetOptions): Promise<StackOutcome> => {
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    let arrived!: (graph: Preview.ResourceGraph) => void;
    const graphArrived = new Promise<Preview.ResourceGraph>((r) => (arrived = r));
    const previewed = previewTarget(target, { onStart: started, onGraph: arrived, ...(session ? { onResources: streamTo(session) } : {}) });
    previewed.catch(() => undefined); // awaited below
    // The program runs on the other core while this one loads the pack (the first stack only).
    await Promise.race([running, previewed.then(() => undefined, () => undefined)]);
    let loaded: Awaited<ReturnType<typeof loadEngine>>;
    try {
      loaded = await engineOnce();
    } catch (err) {
      await previewed.catch(() => undefined);
      throw err;
    }
    const { preview, pack, config } = loaded;
    // The evaluation starts as the graph arrives, while the program's process ends; the verdicts
    // are printed after previewed, by when all of the program's own output has been passed on.
    const graph = await Promise.race([graphArrived, previewed]);
    const evalOpts = { ...opts, config };
    // The two engines at once: the pack process works while this one evaluates in-process, which
    // holds this process until it is done, so it starts once the pack has requests to work through.
    let analysing!: () => void;
    const packBusy = new Promise<void>((r) => (analysing = r));
    const overAnalyzer = async () => {
      try {
        const s = await analyzer();
        // What the pack logged for an earlier stack is not this stack's error.
        s.logs.splice(0);
        return await s.evaluate(graph, evalOpts, { onAnalysing: analysing });
      } finally {
        analysing();
      }
    };
    const analyzerReport = engine !== "in-process" ? overAnalyzer() : undefined;
    analyzerReport?.catch(() => undefined); // awaited below
    const inProcessReport = engine !== "analyzer" ? (analyzerReport ? packBusy : Promise.resolve()).then(() => preview.evaluateInProcess(graph, evalOpts)) : undefined;
    const reports = await Promise.all([...(inProcessReport ? [inProcessReport] : []), ...(analyzerReport ? [analyzerReport] : [])]);
    await previewed;
    const sarif = format === "sarif" ? { policies: pack.policies as unknown as readonly SarifPolicy[], entryFile: await entryFile(target, graph) } : undefined;
    return checkOutcome(graph, reports, flags, format, pack.policies.length, sarif);
  };
  /**
   * The pack starts on a program's resources as the program registers them, as in a real
   * `pulumi preview` (it would otherwise sit idle from its start-up until the graph arrives); the
   * evaluation then uses the answers of those its graph holds unchanged (AnalyzerSession.stream).
   */
  function streamTo(pack: Promise<AnalyzerSession>): Preview.PreviewOptions["onResources"] {
    let feed: Promise<(resources: readonly Preview.GraphResource[]) => void> | undefined;
    return (resources, stack) => {
      // The pack config is the engine's (loaded already when there is one); without one the
      // stream need not wait for this process's engine to load.
      feed ??= pack.then(async (s) => s.stream(stack, { ...opts, config: flags.policyConfig ? (await engineOnce()).config : undefined }));
      feed.then((f) => f(resources), () => undefined);
    };
  }

  return runStacks(flags, {
    name: "check",
    figureHeading: "verdict",
    one,
    done: stopAnalyzer,
  });
}

/** One stack's verdicts: the JSON document, the text (or comment), the exit code. */
/** The entry file of the program the flags name (for SARIF's physical locations), if it has one. */
async function entryFile(target: TargetOptions, graph: Preview.ResourceGraph): Promise<string | undefined> {
  const { findProjectDir, readProject } = require("@aitracks/preview") as typeof import("@aitracks/preview");
  const { entryFileOf } = require("../render/sarif.js") as typeof import("../render/sarif.js");
  if (target.graph !== undefined) {
    // A saved graph names its project, not its folder: the project at or above the current
    // folder when it is that one (a pipeline runs in its checkout), else no physical location.
    const dir = findProjectDir(process.cwd());
    const project = dir ? readProject(dir) : undefined;
    return project?.name === graph.project ? entryFileOf(project.main) : undefined;
  }
  // The folder previewTarget previews: --program, else the project at or above the current folder.
  return entryFileOf(readProject(target.program ?? findProjectDir(process.cwd()) ?? process.cwd()).main);
}

function checkOutcome(
  graph: Preview.ResourceGraph,
  reports: readonly Preview.PolicyReport[],
  flags: CheckFlags,
  format: string,
  policyCount: number,
  sarif?: { readonly policies: readonly SarifPolicy[]; readonly entryFile?: string },
): StackOutcome {
  const report = reports[0]!;
  const disagreement = reports.length === 2 ? differences(reports[0]!, reports[1]!) : [];
  if (disagreement.length) {
    throw new CheckFailed(`the in-process and analyzer runs disagree:\n${disagreement.map((d) => `  ${d}`).join("\n")}`);
  }

  const mandatory = report.violations.filter((v) => v.level === "mandatory");
  const advisory = report.violations.filter((v) => v.level === "advisory");
  const result = {
    version: 1,
    project: graph.project,
    stack: graph.stack,
    pack: report.pack,
    engines: reports.map((r) => r.engine),
    resources: report.resources,
    passed: mandatory.length === 0,
    summary: { mandatory: mandatory.length, advisory: advisory.length, notes: report.notes.length },
    violations: report.violations,
    notes: report.notes,
  };
  return {
    result,
    render: async () => {
      if (format === "sarif" && sarif) {
        const { renderSarif } = require("../render/sarif.js") as typeof import("../render/sarif.js");
        return JSON.stringify(renderSarif({ graph, report, policies: sarif.policies, entryFile: sarif.entryFile, rootDir: process.cwd() }), null, 2);
      }
      if (format !== "github-comment") return renderText(graph, report, reports.map((r) => r.engine), policyCount);
      const { renderCheckComment } = require("../render/github-comment.js") as typeof import("../render/github-comment.js");
      return renderCheckComment({
        stack: graph.stack,
        violations: report.violations.map((v) => ({ ...v, message: v.message || v.description })),
        notes: report.notes.filter((n) => /could not decide|not known until deploy/.test(n.reason)),
        resources: report.resources,
        pack: report.pack,
      });
    },
    exitCode: mandatory.length ? 1 : 0,
    failure: flags.all ? `${mandatory.length} mandatory violation${mandatory.length === 1 ? "" : "s"}` : "",
    resources: report.resources,
    figure: mandatory.length ? `FAILED: ${mandatory.length} mandatory, ${advisory.length} advisory` : `PASSED, ${advisory.length} advisory`,
  };
}

function readPolicyConfig(file: string, core: typeof import("@aitracks/core")): unknown {
  try {
    return core.readJsonFile(file);
  } catch (err) {
    if (err instanceof core.InputError) throw new core.InputError(err.lines.map((l) => `--policy-config: ${l}`));
    throw err;
  }
}

/** What differs between two reports, violation by violation (empty when they agree). */
function differences(a: Preview.PolicyReport, b: Preview.PolicyReport): string[] {
  const key = (v: Preview.PolicyViolation) => `${v.level} ${v.policy} ${v.urn ?? "(stack)"}: ${v.message}`;
  const ka = new Set(a.violations.map(key));
  const kb = new Set(b.violations.map(key));
  return [...[...ka].filter((k) => !kb.has(k)).map((k) => `only ${a.engine}: ${k}`), ...[...kb].filter((k) => !ka.has(k)).map((k) => `only ${b.engine}: ${k}`)];
}

function renderText(graph: Preview.ResourceGraph, report: Preview.PolicyReport, engines: readonly string[], policyCount: number): string {
  const lines: string[] = [];
  const mandatory = report.violations.filter((v) => v.level === "mandatory");
  const advisory = report.violations.filter((v) => v.level === "advisory");
  lines.push(
    `Policy pack ${report.pack.name}@${report.pack.version} on stack ${graph.stack} (project ${graph.project}): ` +
      `${report.resources} resources, ${policyCount} policies, ${engines.length === 2 ? "in-process and analyzer runs agree" : `${engines[0]} run`}`,
  );
  const section = (title: string, vs: readonly Preview.PolicyViolation[]) => {
    if (!vs.length) return;
    lines.push("", `${title} (${vs.length})`);
    for (const v of vs) {
      lines.push(`  ${v.policy}  ${v.urn ?? "(the stack)"}`);
      lines.push(`    ${v.message || v.description}`);
    }
  };
  section("mandatory", mandatory);
  section("advisory", advisory);
  // Policies that could not decide (a value known only at deploy, a bucket outside the stack);
  // the "does not apply" notes are in --json.
  const undecided = report.notes.filter((n) => /could not decide|not known until deploy/.test(n.reason));
  if (undecided.length) {
    lines.push("", `information (${undecided.length})`);
    for (const n of undecided) lines.push(`  ${n.policy}${n.urn ? `  ${n.urn}` : ""}: ${n.reason}`);
  }
  lines.push(
    "",
    mandatory.length
      ? `FAILED: ${mandatory.length} mandatory violation${mandatory.length > 1 ? "s" : ""}, ${advisory.length} advisory`
      : `PASSED: no mandatory violations, ${advisory.length} advisory`,
  );
  return lines.join("\n");
}
