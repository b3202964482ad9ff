import { basename } from "node:path";
import { InputError } from "@aitracks/core";
import type { ResourceGraph } from "@aitracks/preview";

/** The flags every command that previews a program shares. */
export interface TargetOptions {
  readonly stack?: string;
  readonly program?: string;
  readonly config?: string;
}

export function describeTargetOptions(cmd: import("commander").Command): import("commander").Command {
  return cmd
    .option("-s, --stack <name>", "a stack of the project: reads <stackConfigDir>/Pulumi.<name>.yaml (e.g. buy-aws)")
    .option("-p, --program <dir>", "a Pulumi project or program folder (default: the project at or above the current folder)")
    .option("-c, --config <file>", "the stack config file to use (default: Pulumi.<stack>.yaml of the project)");
}

/** Preview the program the flags name, offline. Loads Pulumi only now. */
export async function previewTarget(opts: TargetOptions): Promise<ResourceGraph> {
  const { previewProgram, findProjectDir } = await import("@aitracks/preview");
  const programDir = opts.program ?? findProjectDir(process.cwd());
  if (!programDir) throw new InputError("--program: no Pulumi.yaml here or above; give --program <dir>");
  const stack = opts.stack ?? (opts.config ? stackFromConfigFile(opts.config) : undefined);
  if (!stack) throw new InputError("--stack: expected a stack name (e.g. --stack buy-aws) or a --config file");
  return previewProgram({ programDir, stack, configFile: opts.config });
}

function stackFromConfigFile(file: string): string {
  const m = /^Pulumi\.(.+)\.ya?ml$/.exec(basename(file));
  return m ? m[1]! : "dev";
}
