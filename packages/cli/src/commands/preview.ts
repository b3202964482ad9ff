import type { Command } from "commander";
import { runCommand } from "../run";

export function registerPreview(program: Command, setExit: (code: number) => void): void {
  program
    .command("preview")
    .description("TODO")
    .option("--stack <name>", "a stack of stacks/ (reads stacks/Pulumi.<name>.yaml)")
    .option("--json", "print the resource graph as JSON")
    .action(async (opts: { stack?: string; json?: boolean }) => {
      setExit(await runCommand(() => { void opts; return 0; }));
    });
}
