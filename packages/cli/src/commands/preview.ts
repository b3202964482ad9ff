import type { Command } from "commander";
import { describeAllOption, runStacks, type AllFlags } from "../multi-stack";
import { runCommand } from "../run";
import { describeTargetOptions, previewTarget } from "../target";

export function registerPreview(program: Command, setExit: (code: number) => void): void {
  describeAllOption(describeTargetOptions(
    program
      .command("preview")
      .description(
        "Run a Pulumi program offline under mocks (no cloud account, no Pulumi CLI) and show what it\n" +
          "would create: the resources as a tree with their key settings, counted by cloud and track.",
      ),
  ))
    .option("--json", "print the resource graph (versioned JSON: urn, type, parent, provider, inputs, dependencies)")
    .addHelpText(
      "after",
      "\nExamples:\n  aitracks preview --stack buy-aws\n  aitracks preview --program ./my-infra --config ./my-infra/Pulumi.dev.yaml --json\n  aitracks preview --all --program ./my-infra\n\n" +
        "A program runs in a child process for at most --timeout seconds (default 120).\n" +
        "Exit codes: 0 fine, 2 bad input (config, or a program that throws, exits or does not finish: one line), 70 internal error.\n" +
        "With --all: the worst exit code of the stacks; a stack with bad input does not stop the others.",
    )
    .action(async (opts: AllFlags) => {
      setExit(
        await runCommand(() =>
          runStacks(opts, {
            name: "preview",
            figureHeading: "by cloud",
            one: async (target) => {
              const graph = await previewTarget(target);
              const { cloudOfType, trackOf } = require("@aitracks/preview") as typeof import("@aitracks/preview");
              // As the preview's own counts: cloud resources (not components, not providers), by cloud.
              const billable = graph.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:"));
              const byCloud = new Map<string, number>();
              for (const r of billable) {
                const cloud = cloudOfType(r.type) ?? trackOf(graph, r)?.cloud ?? "other";
                byCloud.set(cloud, (byCloud.get(cloud) ?? 0) + 1);
              }
              return {
                result: graph,
                render: async () => (require("../render/preview.js") as typeof import("../render/preview.js")).renderPreview(graph),
                exitCode: 0,
                resources: billable.length,
                figure: [...byCloud].map(([c, n]) => `${c}: ${n}`).join(", ") || "-",
              };
            },
          }),
        ),
      );
    });
}
