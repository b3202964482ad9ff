import type { Command } from "commander";
import { out, runCommand } from "../run";
import { describeTargetOptions, previewTarget, type TargetOptions } from "../target";

export function registerPreview(program: Command, setExit: (code: number) => void): void {
  describeTargetOptions(
    program
      .command("preview")
      .description(
        "Run a Pulumi program offline under mocks (no cloud account, no Pulumi CLI) and show what it\n" +
          "would create: the resources as a tree with their key settings, counted by cloud and track.",
      ),
  )
    .option("--json", "print the resource graph (versioned JSON: urn, type, parent, provider, inputs, dependencies)")
    .addHelpText(
      "after",
      "\nExamples:\n  aitracks preview --stack buy-aws\n  aitracks preview --program ./my-infra --config ./my-infra/Pulumi.dev.yaml --json\n\n" +
        "Exit codes: 0 fine, 2 bad input (config, or a program that throws: its own message is shown).",
    )
    .action(async (opts: TargetOptions & { json?: boolean }) => {
      setExit(
        await runCommand(async () => {
          const graph = await previewTarget(opts);
          if (opts.json) {
            out(JSON.stringify(graph, null, 2));
            return;
          }
          const { renderPreview } = await import("../render/preview.js");
          out(renderPreview(graph));
        }),
      );
    });
}
