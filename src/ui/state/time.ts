// Dates as the data writes them (YYYY, YYYY-MM, YYYY-MM-DD, or an interval
// "start/end" with either side open) turned into day numbers (days since
// 1970-01-01, UTC), so windows, overlaps and bins are integer arithmetic.

export interface DayRange {
  start: number;
  end: number;
}

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DAY_MS = 86_400_000;

/** Whether `s` is one ISO date at year, month or day precision. */
export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : +m[2];
  const day = m[3] === undefined ? 1 : +m[3];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(+m[1]!, month, 0)).getUTCDate();
}

/** The days one ISO date covers: "2021" is the whole year, "2021-02" the month. */
export function isoRange(s: string): DayRange | undefined {
  if (!isIsoDate(s)) return undefined;
  const m = ISO.exec(s)!;
  const y = +m[1]!;
  if (m[2] === undefined) return { start: dayOf(y, 0, 1), end: dayOf(y + 1, 0, 1) - 1 };
  const mo = +m[2] - 1;
  if (m[3] === undefined) return { start: dayOf(y, mo, 1), end: dayOf(y, mo + 1, 1) - 1 };
  const d = dayOf(y, mo, +m[3]);
  return { start: d, end: d };
}

/** The days a relation's or event's date covers; an open side of an interval is unbounded. */
export function dateRange(date: string | undefined): DayRange | undefined {
  if (!date) return undefined;
  const slash = date.indexOf('/');
  if (slash < 0) return isoRange(date);
  const a = date.slice(0, slash),
    b = date.slice(slash + 1);
  const start = a ? isoRange(a)?.start : -Infinity;
  const end = b ? isoRange(b)?.end : Infinity;
  if (start === undefined || end === undefined || (a === '' && b === '')) return undefined;
  return { start, end };
}

export const dayOf = (y: number, month0: number, d: number): number => Math.round(Date.UTC(y, month0, d) / DAY_MS);

/** "2021-02-25" for a day number. */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A window from two optional ISO dates (from's first day to to's last day); undefined when both are absent. */
export function windowRange(from?: string, to?: string): DayRange | undefined {
  if (!from && !to) return undefined;
  return {
    start: from ? (isoRange(from)?.start ?? -Infinity) : -Infinity,
    end: to ? (isoRange(to)?.end ?? Infinity) : Infinity,
  };
}

/** A relation is in a window when its dates overlap it. */
export const overlaps = (a: DayRange, b: DayRange): boolean => a.start <= b.end && a.end >= b.start;
