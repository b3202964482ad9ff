import type { Command } from "commander";
import { runCommand } from "../run";

export function registerDecide(program: Command, setExit: (code: number) => void): void {
  program
    .command("decide <file>")
    .description("TODO")
    .option("--json", "print JSON for machines")
    .action(async (file: string, opts: { json?: boolean }) => {
      setExit(await runCommand(() => { void file; void opts; return 0; }));
    });
}
