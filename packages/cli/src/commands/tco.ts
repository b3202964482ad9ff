import type { Command } from "commander";
import { runCommand } from "../run";

export function registerTco(program: Command, setExit: (code: number) => void): void {
  program
    .command("tco <file>")
    .description("TODO")
    .option("--json", "print JSON for machines")
    .action(async (file: string, opts: { json?: boolean }) => {
      setExit(await runCommand(() => { void file; void opts; return 0; }));
    });
}
