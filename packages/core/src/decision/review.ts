/** Review dates: the framework says this decision has a shelf life of about six months. */

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** Today as `YYYY-MM-DD` in local time (callers pass a fixed `now` to stay reproducible). */
export function todayIso(now: Date = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function daysInMonth(year: number, monthIndex: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][monthIndex] ?? 31;
}

/**
 * `date` plus whole months, clamping the day to the target month's length:
 * 2026-08-31 + 6 months = 2027-02-28; 2027-08-31 + 6 = 2028-02-29 (leap year).
 */
export function addMonthsClamped(date: string, months: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`expected a date YYYY-MM-DD, got ${JSON.stringify(date)}`);
  if (!Number.isInteger(months)) throw new RangeError(`expected whole months, got ${months}`);
  const monthIndex = Number(m[2]) - 1 + months;
  const year = Number(m[1]) + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const day = Math.min(Number(m[3]), daysInMonth(year, month));
  return `${pad(year, 4)}-${pad(month + 1)}-${pad(day)}`;
}
