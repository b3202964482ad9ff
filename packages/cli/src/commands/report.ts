import type { Command } from "commander";
import { runCommand } from "../run";

// Placeholder until its issue lands: registers the command so --help lists it.
export function registerReport(program: Command, setExit: (code: number) => void): void {
  program
    .command("report")
    .description("(not built yet)")
    .action(async () => {
      setExit(await runCommand(() => { throw new Error("aitracks report is not built yet"); }));
    });
}
