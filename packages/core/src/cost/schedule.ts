import { Unpriced } from "./module";
import { DAYS } from "./price";

/** How many values a cron field takes in its range: `*`, `* /n`, `a-b`, `a,b,c` or one value. */
function fieldCount(field: string, size: number): number {
  if (field === "*" || field === "?") return size;
  let n = 0;
  for (const part of field.split(",")) {
    const step = /^(\*|\d+-\d+)\/(\d+)$/.exec(part);
    if (step) {
      const [lo, hi] = step[1] === "*" ? [0, size - 1] : step[1]!.split("-").map(Number) as [number, number];
      n += Math.floor((hi - lo) / Number(step[2])) + 1;
    } else if (/^\d+-\d+$/.test(part)) {
      const [lo, hi] = part.split("-").map(Number) as [number, number];
      n += hi - lo + 1;
    } else n += 1;
  }
  return n;
}

/**
 * Runs a month of a cron schedule from its minute, hour, day-of-month and day-of-week fields:
 * runs a day x days a month (a day-of-month list, else a day-of-week list, else every day).
 */
export function cronRunsPerMonth(minute: string, hour: string, dayOfMonth: string, dayOfWeek: string): number {
  const perDay = fieldCount(minute, 60) * fieldCount(hour, 24);
  let days = DAYS;
  if (dayOfMonth !== "*" && dayOfMonth !== "?") days = fieldCount(dayOfMonth, 31);
  else if (dayOfWeek !== "*" && dayOfWeek !== "?") days = (fieldCount(dayOfWeek, 7) * DAYS) / 7;
  return perDay * days;
}

/** A standard five-field cron expression (`0 6 * * 1`). */
export function cron5RunsPerMonth(expression: string): number {
  const f = expression.trim().split(/\s+/);
  if (f.length < 5) throw new Unpriced(`schedule ${JSON.stringify(expression)}: expected a five-field cron expression`);
  return cronRunsPerMonth(f[0]!, f[1]!, f[2]!, f[4]!);
}

/** Hours of an ISO 8601 duration (`PT4H`, `P1DT12H`, `PT90M`). */
export function isoDurationHours(duration: string): number {
  const m = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(duration);
  if (!m || duration === "P" || duration === "PT") throw new Unpriced(`duration ${JSON.stringify(duration)}: expected an ISO 8601 duration such as PT4H`);
  return Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0) + Number(m[3] ?? 0) / 60 + Number(m[4] ?? 0) / 3600;
}
