import { describe, expect, it } from 'vitest';
import { dateRange, isIsoDate, isoDay, isoRange, overlaps, windowRange } from '../../src/ui/state/time.ts';
import {
  barHeights,
  brushToWindow,
  chooseUnit,
  histogram,
  stepWindow,
  windowToBins,
} from '../../src/ui/timeline/bins.ts';

const r = (s: string) => dateRange(s)!;

describe('dates as day ranges', () => {
  it('reads year, month and day precision, and refuses what is not a date', () => {
    expect(isIsoDate('2021-02-29')).toBe(false);
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2021-13')).toBe(false);
    expect(isIsoDate('21-01-01')).toBe(false);
    const y = isoRange('2021')!;
    expect([isoDay(y.start), isoDay(y.end)]).toEqual(['2021-01-01', '2021-12-31']);
    const m = isoRange('2020-02')!;
    expect([isoDay(m.start), isoDay(m.end)]).toEqual(['2020-02-01', '2020-02-29']);
  });

  it('reads intervals, open on either side, and overlaps windows', () => {
    const open = r('2020-01/');
    expect(isoDay(open.start)).toBe('2020-01-01');
    expect(open.end).toBe(Infinity);
    expect(r('/2019').start).toBe(-Infinity);
    expect(dateRange('/')).toBeUndefined();
    expect(dateRange('soon')).toBeUndefined();
    const feb = windowRange('2021-02', '2021-02')!;
    expect(overlaps(r('2021-02-25'), feb)).toBe(true);
    expect(overlaps(r('2021-03-01'), feb)).toBe(false);
    expect(overlaps(r('2020-01/'), feb)).toBe(true);
    expect(overlaps(r('2020-01/2020-12'), feb)).toBe(false);
    expect(overlaps(r('2021'), windowRange(undefined, '2021-01-01')!)).toBe(true);
  });
});

describe('timeline bins', () => {
  it('chooses days, months or years from the span', () => {
    expect(chooseUnit(windowRange('2021-02-01', '2021-03-15')!)).toBe('day');
    expect(chooseUnit(windowRange('2019-06', '2021-02')!)).toBe('month');
    expect(chooseUnit(windowRange('2015', '2021')!)).toBe('month');
    expect(chooseUnit(windowRange('1990', '2021')!)).toBe('year');
  });

  it('counts relations and events per bin, undated ones apart', () => {
    const h = histogram([r('2021-02-25'), r('2021-02-26'), undefined, r('2020-01'), undefined], [r('2021-02-25')])!;
    expect(h.unit).toBe('month');
    expect(h.undated).toBe(2);
    expect(h.bins).toHaveLength(14);
    expect(h.bins[0]).toMatchObject({ relations: 1, events: 0 });
    expect(h.bins[13]).toMatchObject({ relations: 2, events: 1 });
    expect(h.bins.reduce((n, b) => n + b.relations, 0)).toBe(3);
    expect(histogram([undefined], [])).toBeUndefined();
  });

  it('does not let open intervals stretch the span', () => {
    const h = histogram([r('2020-01/'), r('2020-03-05')], [])!;
    expect(h.bins.length).toBeLessThan(100);
    expect(h.bins.reduce((n, b) => n + b.relations, 0)).toBe(2);
  });

  it('turns a brush into whole units and back', () => {
    const h = histogram([r('2021-01'), r('2021-12')], [], 'month')!;
    expect(h.bins).toHaveLength(12);
    // 120 px: 10 px per month; 25..62 px touch March..July.
    expect(brushToWindow(62, 25, 120, h)).toEqual({ from: '2021-03', to: '2021-07' });
    expect(brushToWindow(-5, 500, 120, h)).toEqual({ from: '2021-01', to: '2021-12' });
    expect(windowToBins(windowRange('2021-03', '2021-07'), h)).toEqual({ first: 2, last: 6 });
    expect(windowToBins(windowRange('2030', '2031'), h)).toBeUndefined();
  });

  it('steps a window one unit at a time for playback, then stops', () => {
    const span = windowRange('2021-01', '2021-03')!;
    expect(stepWindow(undefined, 'month', span)).toEqual({ from: '2021-01', to: '2021-01' });
    expect(stepWindow(windowRange('2021-01', '2021-02'), 'month', span)).toEqual({ from: '2021-02', to: '2021-03' });
    expect(stepWindow(windowRange('2021-03', '2021-03'), 'month', span)).toBeUndefined();
    expect(stepWindow(windowRange('2021-02-27', '2021-02-27'), 'day', span)).toEqual({
      from: '2021-02-28',
      to: '2021-02-28',
    });
  });
});

describe('timeline bars', () => {
  it('are never negative, stack to at most the box, and show a lone relation', () => {
    for (let max = 1; max <= 60; max++)
      for (let relations = 0; relations <= max; relations++)
        for (const events of [0, 1, 3, max - relations]) {
          if (relations + events > max) continue;
          const { rh, eh } = barHeights({ relations, events }, max);
          expect(rh).toBeGreaterThanOrEqual(0);
          expect(eh).toBeGreaterThanOrEqual(0);
          expect(rh + eh).toBeLessThanOrEqual(96 + 1e-9);
        }
    // With no events, th − th·r/r comes out at −7e−15 for 67 of these bins without the clamp.
    expect(barHeights({ relations: 1, events: 0 }, 10_000).rh).toBe(4);
    expect(barHeights({ relations: 0, events: 0 }, 10)).toEqual({ rh: 0, eh: 0 });
  });
});
