import type { Command } from "commander";
import { runCommand } from "../run";

// Placeholder until its issue lands: registers the command so --help lists it.
export function registerCost(program: Command, setExit: (code: number) => void): void {
  program
    .command("cost")
    .description("(not built yet)")
    .action(async () => {
      setExit(await runCommand(() => { throw new Error("aitracks cost is not built yet"); }));
    });
}
