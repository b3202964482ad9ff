import {
  InputError,
  decide,
  decisionSchema,
  loadFile,
  resolveTco,
  tcoReport,
  workloadFileSchema,
  type TcoModel,
} from "@aitracks/core";
import { requireFinite, tcoFigures } from "../finite";
import { cumulativeBands, type MonthlyBands } from "./bands";
import type { ReportInputs, StackSection } from "./model";

export interface LoadOptions {
  readonly decisionFile: string;
  readonly workloadFile: string;
  /** `YYYY-MM-DD`, already checked. */
  readonly today?: string;
  readonly samples?: number;
  readonly seed?: number;
  readonly horizonMonths?: number;
  readonly stack?: StackSection;
  readonly version?: string;
  /** Told when a step starts (with its unit count) and as units finish. */
  readonly onStep?: (label: string, total?: number) => void;
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Read and validate the decision and workload files, decide, project the costs and their
 * month-by-month P10-P90 band: everything the page needs but the stack. Bad input throws an
 * InputError naming the file and the field (the CLI exits 2, nothing written).
 */
export function loadReportInputs(opts: LoadOptions): ReportInputs {
  const samples = opts.samples ?? 2_000;
  const seed = opts.seed ?? 42;
  opts.onStep?.("scoring the decision");
  const decisionInput = loadFile(decisionSchema, opts.decisionFile);
  const decision = decide(decisionInput, opts.today === undefined ? {} : { today: opts.today });

  opts.onStep?.("projecting the costs");
  const workload = loadFile(workloadFileSchema, opts.workloadFile);
  let tcoModel: TcoModel;
  try {
    tcoModel = resolveTco(workload, opts.horizonMonths !== undefined ? { horizonMonths: opts.horizonMonths } : {});
  } catch (err) {
    // Prices and SKUs are checked after the schema: name the file as the schema's errors do.
    if (err instanceof InputError) throw new InputError(err.lines.map((l) => `${opts.workloadFile}: ${l}`));
    throw err;
  }
  const ranged = tcoModel.uncertain.length > 0;
  if (ranged) opts.onStep?.("Monte Carlo", samples);
  const tco = tcoReport(tcoModel, { samples, seed, ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) });
  requireFinite(opts.workloadFile, tcoFigures(tco));
  let bands: MonthlyBands = { ran: false, samples: 0, seed, byOption: {} };
  if (ranged) {
    opts.onStep?.("monthly P10-P90 bands", samples);
    bands = cumulativeBands(tcoModel, { samples, seed, ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) });
  }
  return {
    decisionFile: opts.decisionFile,
    workloadFile: opts.workloadFile,
    decisionInput,
    decision,
    workload,
    tcoModel,
    tco,
    bands,
    ...(opts.stack ? { stack: opts.stack } : {}),
    version: opts.version ?? "dev",
  };
}
