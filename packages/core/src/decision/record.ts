/**
 * The decision record as data: what `decide --adr` writes into the record's front matter so that
 * `aitracks review` can ask the question again later, and the one reader of that front matter.
 *
 * The framework's fifth anti-pattern is treating build / buy / fine-tune as a one-time decision:
 * models improve and prices drop about every six months. A record therefore keeps the inputs it
 * was decided from (the decision file and, when given, the workload file, as data), the prices'
 * as-of date and the three-year totals and crossovers of that day, so a review can show what moved.
 */
import { z } from "zod";
import { InputError, parseOrThrow } from "../errors";
import { parseYamlText } from "../io/load";
import { isoDate } from "../schema/common";
import { crossovers as findCrossovers, type Crossover } from "../tco/crossover";
import { projectAll } from "../tco/project";
import { TCO_OPTIONS, type OptionId, type TcoModel } from "../tco/resolve";
import { DECISION_OPTIONS, type DecisionOption } from "./options";

/** Version of the `aitracks:` block of a record's front matter. */
export const RECORD_SNAPSHOT_VERSION = 1;

/** The three-year picture at point values: totals, the cheapest option, the crossovers. */
export interface TcoSummary {
  readonly horizonMonths: number;
  readonly cheapest: OptionId;
  readonly totals: Readonly<Record<OptionId, number>>;
  readonly crossovers: readonly Crossover[];
}

/** What a record keeps so that it can be reviewed: the inputs as data, and that day's figures. */
export interface RecordSnapshot {
  readonly version: typeof RECORD_SNAPSHOT_VERSION;
  /** The decision file's content (as read, before defaults). */
  readonly decision: unknown;
  /** The workload file's content, when the record was written with one. */
  readonly workload?: unknown;
  /** The price catalog's as-of date the totals were computed with. */
  readonly pricesAsOf?: string;
  readonly tco?: TcoSummary;
}

const cents = (x: number) => Math.round(x * 100) / 100;
const volume = (v: number) => (v >= 100 ? Math.round(v) : Number(v.toPrecision(3)));

/** Totals and crossovers of a resolved model at point values (no Monte Carlo: a review compares like with like). */
export function tcoSummary(model: TcoModel): TcoSummary {
  const projections = projectAll(model);
  let cheapest = projections[0]!;
  for (const p of projections) if (p.totalUsd < cheapest.totalUsd) cheapest = p;
  const totals = Object.fromEntries(projections.map((p) => [p.option, cents(p.totalUsd)])) as Record<OptionId, number>;
  return {
    horizonMonths: model.horizonMonths,
    cheapest: cheapest.option,
    totals,
    crossovers: findCrossovers(model).map((c) => ({ ...c, aboveRequestsPerDay: volume(c.aboveRequestsPerDay) })),
  };
}

const money = z.number().finite().min(0).max(1e12);
const option = z.enum(TCO_OPTIONS);
const tcoSummarySchema = z
  .object({
    horizonMonths: z.number().int().min(1).max(600),
    cheapest: option,
    totals: z.partialRecord(option, money),
    crossovers: z.array(z.object({ cheaper: option, than: option, aboveRequestsPerDay: z.number().finite().min(0).max(1e12) }).strict()).max(20),
  })
  .strict();

const snapshotSchema = z
  .object({
    version: z.literal(RECORD_SNAPSHOT_VERSION),
    decision: z.record(z.string(), z.unknown()),
    workload: z.record(z.string(), z.unknown()).optional(),
    pricesAsOf: isoDate.optional(),
    tco: tcoSummarySchema.optional(),
  })
  .strict();

/** The front matter of a record written by `decide --adr` (other keys a person adds are kept, not judged). */
const frontMatterSchema = z
  .object({
    track: z.enum(DECISION_OPTIONS).nullable(),
    decidedOn: isoDate,
    reviewDate: isoDate,
    eligible: z.partialRecord(z.enum(DECISION_OPTIONS), z.boolean()).optional(),
    aitracks: snapshotSchema.optional(),
  })
  .passthrough();

export interface DecisionRecord {
  /** The recommended track (null: no option was eligible). */
  readonly track: DecisionOption | null;
  readonly decidedOn: string;
  readonly reviewDate: string;
  readonly eligible?: Partial<Record<DecisionOption, boolean>>;
  /** Present when the record was written by an aitracks that keeps its inputs. */
  readonly snapshot?: RecordSnapshot;
}

/** The YAML front matter of a Markdown record: the text between the first two `---` lines. */
export function frontMatterOf(text: string): string | undefined {
  return /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text)?.[1];
}

/**
 * Read a decision record's front matter. `where` names the record in every error
 * (`docs/adr/0007.md: aitracks.decision: …`).
 */
export function parseDecisionRecord(text: string, where: string): DecisionRecord {
  const front = frontMatterOf(text);
  if (front === undefined) throw new InputError(`${where}: no front matter (a record starts with --- and the YAML that aitracks decide --adr writes)`);
  const data = parseYamlText(front, `${where}: `);
  const parsed = parseOrThrow(frontMatterSchema, data, `${where}: `);
  return {
    track: parsed.track,
    decidedOn: parsed.decidedOn,
    reviewDate: parsed.reviewDate,
    ...(parsed.eligible ? { eligible: parsed.eligible } : {}),
    ...(parsed.aitracks ? { snapshot: parsed.aitracks as RecordSnapshot } : {}),
  };
}
