import type { Command } from "commander";
import { runCommand } from "../run";

// Placeholder until its issue lands: registers the command so --help lists it.
export function registerPricing(program: Command, setExit: (code: number) => void): void {
  program
    .command("pricing")
    .description("(not built yet)")
    .action(async () => {
      setExit(await runCommand(() => { throw new Error("aitracks pricing is not built yet"); }));
    });
}
