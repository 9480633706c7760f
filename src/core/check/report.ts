// Problem collection: per-code caps, check order kept across a streaming
// reader's file order, and line/column filled in from the text on demand.
import type { Problem, Severity } from '../problems.ts';
import { locatePaths, pathToString, type JsonPath } from '../json-location.ts';
import { notListed } from './problems.ts';

/** Sections of a dataset check, in the order the whole-object check meets them.
 *  A streaming reader meets them in file order; problems are put back in this
 *  order, so both list the same problems in the same order. */
export const SECTION = { header: 0, schema: 1, arrays: 2, sources: 3, entities: 4, triples: 5, finish: 6 } as const;
const SECTIONS = 7;

export class Report {
  errors = 0;
  /** Section the problems added now belong to. */
  section = 0;
  /** Called for each problem that may be listed: a streaming reader locates it while its text is at hand. */
  onListed?: (p: Problem, path: JsonPath) => void;
  private readonly lists: { problems: Problem[]; paths: JsonPath[]; counts: Map<string, number> }[] = [];
  private readonly counts = new Map<string, { n: number; errors: number; first: number }>();
  private seq = 0;
  constructor(
    readonly file: string,
    readonly maxPerCode: number,
  ) {
    for (let i = 0; i < SECTIONS; i++) this.lists.push({ problems: [], paths: [], counts: new Map() });
  }

  /** Whether another problem of this code will be listed (so worth a costly message). */
  room(code: string): boolean {
    return (this.counts.get(code)?.n ?? 0) < this.maxPerCode;
  }

  /** Adds a problem; gives it back when it is listed (a summary may reword it later). */
  add(severity: Severity, code: string, path: JsonPath, message: string, hint: string): Problem | undefined {
    if (severity === 'error') this.errors++;
    const order = this.section * 2 ** 40 + this.seq++;
    let c = this.counts.get(code);
    if (!c) {
      c = { n: 0, errors: 0, first: order };
      this.counts.set(code, c);
    } else if (order < c.first) c.first = order;
    c.n++;
    if (severity === 'error') c.errors++;
    // Capped per section here, across sections in finish(): the first ones in check order are listed.
    const l = this.lists[this.section]!;
    const k = l.counts.get(code) ?? 0;
    if (k >= this.maxPerCode) return undefined;
    l.counts.set(code, k + 1);
    const p: Problem = { severity, code, file: this.file, path: pathToString(path), message, hint };
    l.problems.push(p);
    l.paths.push(path);
    this.onListed?.(p, path);
    return p;
  }

  /**
   * The problems in check order, at most maxPerCode per code, then one
   * summary per code whose problems were not all listed; located from the
   * text when given.
   */
  finish(text?: string): Problem[] {
    const problems: Problem[] = [];
    const paths: JsonPath[] = [];
    const listed = new Map<string, number>();
    for (const l of this.lists) {
      for (let i = 0; i < l.problems.length; i++) {
        const p = l.problems[i]!;
        const k = listed.get(p.code) ?? 0;
        if (k >= this.maxPerCode) continue;
        listed.set(p.code, k + 1);
        problems.push(p);
        paths.push(l.paths[i]!);
      }
    }
    const codes = [...this.counts].sort((a, b) => a[1].first - b[1].first);
    for (const [code, c] of codes) {
      if (c.n <= this.maxPerCode) continue;
      const p = notListed(this.file, code, c.n, this.maxPerCode, c.errors > 0);
      problems.push(p);
      paths.push([]);
      this.onListed?.(p, []);
    }
    locate(problems, paths, text);
    return problems;
  }
}

/** Fill in line/column from the text, in one pass (linear, whatever its size or depth). */
export function locate(problems: Problem[], paths: JsonPath[], text: string | undefined): void {
  if (text === undefined || problems.length === 0) return;
  let locs: ReturnType<typeof locatePaths>;
  try {
    locs = locatePaths(text, paths);
  } catch {
    return; // Locations are a convenience: never let them hide the problems.
  }
  for (let i = 0; i < problems.length; i++) {
    const loc = locs[i];
    if (loc && problems[i]!.line === undefined) {
      problems[i]!.line = loc.line;
      problems[i]!.column = loc.column;
    }
  }
}
