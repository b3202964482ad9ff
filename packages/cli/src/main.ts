import { Command, CommanderError } from "commander";
import { EXIT, setJsonOutput } from "./run";
import { registerDecide } from "./commands/decide";
import { registerTco } from "./commands/tco";
import { registerPreview } from "./commands/preview";
import { registerCost } from "./commands/cost";
import { registerCheck } from "./commands/check";
import { registerReport } from "./commands/report";
import { registerPricing } from "./commands/pricing";
import { registerReview } from "./commands/review";
import { registerExplore } from "./commands/explore";

/**
 * The `aitracks` command. Each command registers its flags here and loads what it needs only
 * when it runs: `decide`, `tco` and `--help` never load @pulumi/*.
 */
export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command("aitracks")
    .description(
      "Decide build / buy / fine-tune for an AI capability, project its three-year cost, and preview,\n" +
        "price and check the Pulumi stack that provisions it on AWS, GCP or Azure.",
    )
    .version(require("../package.json").version as string, "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s.startsWith("error:") ? `aitracks: ${s}` : s),
    });
  // Under --json, an internal error is reported as a JSON object on stdout as well.
  program.hook("preAction", (_program, action) => setJsonOutput(action.opts().json === true));
  registerDecide(program, setExit);
  registerReview(program, setExit);
  registerTco(program, setExit);
  registerPreview(program, setExit);
  registerCost(program, setExit);
  registerCheck(program, setExit);
  registerReport(program, setExit);
  registerExplore(program, setExit);
  registerPricing(program, setExit);
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv as string[]);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit 0; usage errors (unknown flag, missing argument) are bad input.
      return err.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    throw err;
  }
  return code;
}
