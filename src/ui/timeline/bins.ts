// The timeline's arithmetic, with no DOM: a bin unit chosen from the data's
// span, counts per bin, a brush in pixels turned into a from/to window snapped
// to the unit, and the window one playback step later.
import { dayOf, isoDay, type DayRange } from '../state/time.ts';

export type TimeUnit = 'day' | 'month' | 'year';

/** Whole days for short spans, months up to twenty years, years beyond. */
export function chooseUnit(span: DayRange): TimeUnit {
  const days = span.end - span.start + 1;
  if (days <= 120) return 'day';
  if (days <= 20 * 366) return 'month';
  return 'year';
}

const ymd = (day: number) => {
  const d = new Date(day * 86_400_000);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth(), d: d.getUTCDate() };
};

/** The first day of the unit holding `day`. */
export function unitStart(day: number, unit: TimeUnit): number {
  if (unit === 'day') return day;
  const { y, m } = ymd(day);
  return unit === 'month' ? dayOf(y, m, 1) : dayOf(y, 0, 1);
}

/** The first day of the unit `n` units after the one starting at `start`. */
export function addUnits(start: number, unit: TimeUnit, n: number): number {
  if (unit === 'day') return start + n;
  const { y, m } = ymd(start);
  return unit === 'month' ? dayOf(y, m + n, 1) : dayOf(y + n, 0, 1);
}

/** The ISO text of a unit: "2021", "2021-02" or "2021-02-25". */
export function unitIso(start: number, unit: TimeUnit): string {
  const s = isoDay(start);
  return unit === 'year' ? s.slice(0, 4) : unit === 'month' ? s.slice(0, 7) : s;
}

export interface Bin {
  start: number;
  end: number;
  relations: number;
  events: number;
}

export interface Histogram {
  unit: TimeUnit;
  bins: Bin[];
  /** Relations with no date, or a date that cannot be read: counted apart. */
  undated: number;
}

/** Most bins drawn: a wider span falls back to a coarser unit. */
export const MAX_BINS = 400;

/**
 * Counts dated relations and events per bin; each counts in the bin of its
 * first day (an open start counts at the span's start). Unbounded ends do not
 * stretch the span.
 */
export function histogram(
  relations: readonly (DayRange | undefined)[],
  events: readonly DayRange[],
  unit?: TimeUnit,
): Histogram | undefined {
  let lo = Infinity,
    hi = -Infinity,
    undated = 0;
  const widen = (r: DayRange) => {
    for (const v of [r.start, r.end])
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
  };
  for (const r of relations)
    if (r) widen(r);
    else undated++;
  for (const r of events) widen(r);
  if (!Number.isFinite(lo)) return undefined;
  let u = unit ?? chooseUnit({ start: lo, end: hi });
  if (u === 'day' && hi - lo + 1 > MAX_BINS) u = 'month';
  if (u === 'month' && (hi - lo) / 30 > MAX_BINS) u = 'year';
  const first = unitStart(lo, u);
  const bins: Bin[] = [];
  for (let s = first; s <= hi && bins.length < 10_000; s = addUnits(s, u, 1))
    bins.push({ start: s, end: addUnits(s, u, 1) - 1, relations: 0, events: 0 });
  const index = (day: number) => {
    const d = Number.isFinite(day) ? day : lo;
    // Bins are ordered: binary search.
    let a = 0,
      b = bins.length - 1;
    while (a < b) {
      const mid = (a + b + 1) >> 1;
      if (bins[mid]!.start <= d) a = mid;
      else b = mid - 1;
    }
    return a;
  };
  for (const r of relations) if (r) bins[index(r.start)]!.relations++;
  for (const r of events) bins[index(r.start)]!.events++;
  return { unit: u, bins, undated };
}

/**
 * A brush from pixel x0 to x1 over `width` pixels showing `bins` (equal width
 * each) as a window of whole units: from the first bin touched to the last.
 */
export function brushToWindow(
  x0: number,
  x1: number,
  width: number,
  h: Histogram,
): { from: string; to: string } | undefined {
  const n = h.bins.length;
  if (!n || width <= 0) return undefined;
  const [a, b] = x0 <= x1 ? [x0, x1] : [x1, x0];
  const at = (x: number) => Math.min(n - 1, Math.max(0, Math.floor((x / width) * n)));
  const i = at(a),
    j = at(Math.max(a, b - 1e-9));
  return { from: unitIso(h.bins[i]!.start, h.unit), to: unitIso(h.bins[j]!.start, h.unit) };
}

/** The bin indices a window covers (clamped to the histogram), for drawing the brush. */
export function windowToBins(win: DayRange | undefined, h: Histogram): { first: number; last: number } | undefined {
  if (!win || !h.bins.length) return undefined;
  let first = -1,
    last = -1;
  h.bins.forEach((b, i) => {
    if (b.end >= win.start && b.start <= win.end) {
      if (first < 0) first = i;
      last = i;
    }
  });
  return first < 0 ? undefined : { first, last };
}

/**
 * Playback: the window one `unit` later, keeping its length in units; from
 * the span's start when there is none yet; undefined once past the span's end.
 */
export function stepWindow(
  win: DayRange | undefined,
  unit: TimeUnit,
  span: DayRange,
): { from: string; to: string } | undefined {
  const start = win && Number.isFinite(win.start) ? unitStart(win.start, unit) : undefined;
  if (start === undefined) {
    const s = unitStart(span.start, unit);
    return { from: unitIso(s, unit), to: unitIso(s, unit) };
  }
  let len = 1;
  if (win && Number.isFinite(win.end)) while (addUnits(start, unit, len) <= win.end) len++;
  const next = addUnits(start, unit, 1);
  if (next > span.end) return undefined;
  return { from: unitIso(next, unit), to: unitIso(addUnits(next, unit, len - 1), unit) };
}

/**
 * A bin's two stacked bars (relations, events) in a 100-high box, on a square-root scale: one relation in a quiet
 * month still shows beside a busy one. Never negative (a difference of floats can be −1e−15, which SVG refuses).
 */
export function barHeights(b: { relations: number; events: number }, max: number): { rh: number; eh: number } {
  const total = b.relations + b.events;
  if (!total || !(max > 0)) return { rh: 0, eh: 0 };
  const th = Math.max(4, Math.sqrt(total / max) * 96);
  const rh = (th * b.relations) / total;
  return { rh, eh: Math.max(0, th - rh) };
}
