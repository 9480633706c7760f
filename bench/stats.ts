// Summaries and the result table.
import { cpus, totalmem } from 'node:os';

export function quantile(xs: readonly number[], q: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  // Nearest rank: p99 of 200 samples is the 198th, an observed value.
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[i]!;
}
export const median = (xs: readonly number[]) => quantile(xs, 0.5);
export const p99 = (xs: readonly number[]) => quantile(xs, 0.99);

export interface Row {
  measure: string;
  unit: string;
  median: number;
  p99?: number;
  samples?: number;
  baseline?: { name: string; median: number };
  /** ours / baseline, on medians. */
  ratio?: number;
  target?: string;
  met?: boolean;
  note?: string;
}

export function row(r: Omit<Row, 'ratio'>): Row {
  const out: Row = { ...r };
  if (r.baseline && r.baseline.median > 0) out.ratio = r.median / r.baseline.median;
  return out;
}

export function fmt(x: number | undefined, unit = ''): string {
  if (x === undefined || Number.isNaN(x)) return '–';
  const a = Math.abs(x);
  const s =
    a >= 1000 ? x.toFixed(0) : a >= 100 ? x.toFixed(1) : a >= 10 ? x.toFixed(2) : a >= 1 ? x.toFixed(3) : x.toFixed(4);
  return unit ? `${s} ${unit}` : s;
}

export function printTable(rows: Row[]): string {
  const head = ['measure', 'median', 'p99', 'baseline', 'ratio', 'target', 'met?'];
  const body = rows.map((r) => [
    r.measure,
    fmt(r.median, r.unit),
    r.p99 === undefined ? '–' : fmt(r.p99, r.unit),
    r.baseline ? `${r.baseline.name} ${fmt(r.baseline.median, r.unit)}` : '–',
    r.ratio === undefined ? '–' : `${r.ratio.toFixed(2)}×`,
    r.target ?? '–',
    r.met === undefined ? '–' : r.met ? 'yes' : 'NO',
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(w[i]!)).join(' | ');
  const out = [line(head), w.map((n) => '-'.repeat(n)).join('-|-'), ...body.map(line)];
  const notes = rows.filter((r) => r.note).map((r) => `  ${r.measure}: ${r.note}`);
  return out.join('\n') + (notes.length ? `\n\nnotes:\n${notes.join('\n')}` : '');
}

export function machineInfo() {
  const c = cpus();
  return {
    cpu: c[0]?.model ?? 'unknown',
    cores: c.length,
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

/** Runs fn over inputs once each, after `warm` unmeasured calls, and returns milliseconds per call. */
export function timeEach<T>(inputs: readonly T[], fn: (x: T) => unknown, warm = 20): number[] {
  for (let i = 0; i < Math.min(warm, inputs.length); i++) fn(inputs[i]!);
  const out: number[] = [];
  for (const x of inputs) {
    const t0 = performance.now();
    fn(x);
    out.push(performance.now() - t0);
  }
  return out;
}
