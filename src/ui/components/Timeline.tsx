// The time bar under the graph: dated relations and events of the drawn view
// as a histogram, a brush that sets the filters' time window, playback by
// day, month or year, and the undated relations counted apart.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { MultiDirectedGraph } from 'graphology';
import type { Entity } from '../../core/model.ts';
import {
  brushToWindow,
  histogram,
  stepWindow,
  unitIso,
  windowToBins,
  type Histogram,
  type TimeUnit,
  barHeights,
} from '../timeline/bins.ts';
import { dateRange, windowRange, type DayRange } from '../state/time.ts';
import { formatDate } from './TrustBadge.tsx';
import { formatCount } from '../../core/format.ts';

interface Props {
  graph: MultiDirectedGraph;
  /** Changes when the drawn graph grows. */
  version: number;
  labels: ReadonlyMap<string, Entity>;
  timeFrom?: string;
  timeTo?: string;
  playing?: TimeUnit;
  onBrush(from: string | undefined, to: string | undefined): void;
  onPlay(unit: TimeUnit): void;
  onPause(): void;
  onTick(span: DayRange): void;
}

const TICK_MS = 900;

function histogramOf(graph: MultiDirectedGraph, labels: ReadonlyMap<string, Entity>): Histogram | undefined {
  const relations: (DayRange | undefined)[] = [];
  graph.forEachEdge((_, a) => relations.push(dateRange(a.date as string | undefined)));
  const events: DayRange[] = [];
  graph.forEachNode((n) => {
    const r = dateRange(labels.get(n)?.date);
    if (r) events.push(r);
  });
  return histogram(relations, events);
}

export function Timeline({
  graph,
  version,
  labels,
  timeFrom,
  timeTo,
  playing,
  onBrush,
  onPlay,
  onPause,
  onTick,
}: Props) {
  // Read in the render that shows the view (tens of milliseconds at 50k relations): the dock has its final height
  // when the graph's first frame is drawn. Growing it afterwards resizes sigma's canvases, which with software
  // WebGL waits for that whole first frame to be rasterised (seconds of a frozen page at 10k/50k).
  const read = useMemo(() => {
    const h = histogramOf(graph, labels);
    // A graph drawn whole from compact columns carries no dates (see graph/edge-style.ts markTrust).
    return { h, unmarked: !h && graph.size > 0 && !graph.someEdge((_, a) => a.status !== undefined) };
  }, [graph, version, labels.size]);
  const { h, unmarked } = read;
  const [unit, setUnit] = useState<TimeUnit>('month');
  useEffect(() => {
    if (h) setUnit(h.unit);
  }, [h?.unit]);
  const [drag, setDrag] = useState<{ x0: number; x1: number }>();
  const bar = useRef<HTMLDivElement>(null);
  const span = h?.bins.length ? { start: h.bins[0]!.start, end: h.bins[h.bins.length - 1]!.end } : undefined;

  // Playback: one step per tick, from the reducer (it stops at the end).
  useEffect(() => {
    if (!playing || !span) return;
    const id = setInterval(() => onTick(span), TICK_MS);
    return () => clearInterval(id);
  }, [playing, span?.start, span?.end]);

  if (!h) {
    const text = unmarked
      ? 'This graph is drawn whole without its relations’ dates; the filters and the Relations tab still work by date.'
      : 'No dated relation or event in the view.';
    return (
      <div class="timeline empty muted small" role="status">
        {text}
      </div>
    );
  }
  const win = windowRange(timeFrom, timeTo);
  const sel = windowToBins(win, h);
  const max = Math.max(1, ...h.bins.map((b) => b.relations + b.events));
  const n = h.bins.length;
  const x = (e: PointerEvent) => {
    const r = bar.current!.getBoundingClientRect();
    return { px: Math.min(r.width, Math.max(0, e.clientX - r.left)), width: r.width };
  };
  const finish = (e: PointerEvent) => {
    if (!drag) return;
    const { px, width } = x(e);
    setDrag(undefined);
    const w = brushToWindow(drag.x0, px, width, h);
    if (w) onBrush(w.from, w.to);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      if (win) {
        onBrush(undefined, undefined);
        e.preventDefault();
      }
      return;
    }
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const cur = sel ?? { first: 0, last: 0 };
    const d = e.key === 'ArrowLeft' ? -1 : 1;
    let { first, last } = cur;
    if (e.shiftKey) last = Math.min(n - 1, Math.max(first, last + d));
    else if (sel) {
      first = Math.min(n - 1 - (last - first), Math.max(0, first + d));
      last = first + (cur.last - cur.first);
    }
    onBrush(unitIso(h.bins[first]!.start, h.unit), unitIso(h.bins[last]!.start, h.unit));
  };
  const windowText = win
    ? `${timeFrom ? formatDate(timeFrom) : 'the start'} to ${timeTo ? formatDate(timeTo) : 'the end'}`
    : 'no window: all dates';
  const brushLeft = drag ? Math.min(drag.x0, drag.x1) : undefined;
  const dated = h.bins.reduce((s, b) => s + b.relations, 0),
    events = h.bins.reduce((s, b) => s + b.events, 0);
  return (
    <div class="timeline">
      <div class="timeline-head">
        <span class="small">
          <strong>{formatCount(dated)}</strong> dated relations, <strong>{formatCount(events)}</strong> dated events by{' '}
          {h.unit}; <strong>{formatCount(h.undated)}</strong> undated relations (not on the bar)
        </span>
        <span class="timeline-controls">
          <label for="play-unit" class="small">
            play by
          </label>
          <select
            id="play-unit"
            value={unit}
            onChange={(e) => setUnit((e.currentTarget as HTMLSelectElement).value as TimeUnit)}
            disabled={!!playing}
          >
            <option value="day">day</option>
            <option value="month">month</option>
            <option value="year">year</option>
          </select>
          {playing ? (
            <button type="button" class="small" onClick={onPause} aria-label="Pause the playback">
              ❚❚ pause
            </button>
          ) : (
            <button
              type="button"
              class="small"
              onClick={() => {
                if (win && span && !stepWindow(win, unit, span)) onBrush(undefined, undefined);
                onPlay(unit);
              }}
              aria-label={`Play the time window by ${unit}`}
            >
              ▶ play
            </button>
          )}
          {win && (
            <button type="button" class="ghost small" onClick={() => onBrush(undefined, undefined)}>
              all dates
            </button>
          )}
        </span>
      </div>
      <div
        ref={bar}
        class="timeline-bar"
        tabIndex={0}
        role="group"
        aria-label={`Time window: ${windowText}. Drag to choose a window; arrow keys move it, Shift with arrows widens or narrows it, Escape clears it.`}
        onKeyDown={onKey}
        onPointerDown={(e) => {
          (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
          const { px } = x(e);
          setDrag({ x0: px, x1: px });
        }}
        onPointerMove={(e) => {
          if (drag) setDrag({ ...drag, x1: x(e).px });
        }}
        onPointerUp={finish}
        onPointerCancel={() => setDrag(undefined)}
      >
        <svg viewBox={`0 0 ${n} 100`} preserveAspectRatio="none" aria-hidden="true">
          {h.bins.map((b, i) => {
            const inWin = !sel || (i >= sel.first && i <= sel.last);
            const { rh, eh } = barHeights(b, max);
            return (
              <g key={b.start} class={inWin ? 'in' : 'out'}>
                <title>{`${unitIso(b.start, h.unit)}: ${b.relations} relation${b.relations === 1 ? '' : 's'}, ${b.events} event${b.events === 1 ? '' : 's'}`}</title>
                <rect class="rel" x={i + 0.08} width={0.84} y={100 - rh} height={rh} />
                <rect class="evt" x={i + 0.08} width={0.84} y={100 - rh - eh} height={eh} />
              </g>
            );
          })}
          {sel && !drag && <rect class="brush" x={sel.first} width={sel.last - sel.first + 1} y={0} height={100} />}
        </svg>
        {drag && brushLeft !== undefined && (
          <div class="brush-drag" style={{ left: `${brushLeft}px`, width: `${Math.abs(drag.x1 - drag.x0)}px` }} />
        )}
        <div class="timeline-axis small muted" aria-hidden="true">
          <span>{unitIso(h.bins[0]!.start, h.unit)}</span>
          <span>{unitIso(h.bins[n - 1]!.start, h.unit)}</span>
        </div>
      </div>
      <div class="visually-hidden" role="status">
        {playing ? `Playing: ${windowText}` : ''}
      </div>
    </div>
  );
}
