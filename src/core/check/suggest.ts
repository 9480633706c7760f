// "Did you mean …": edit distance, computed only for reported problems.
import { quote } from './fields.ts';

/** Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

const fold = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Candidate names of one kind (entity ids, predicate ids …) for suggestions. */
export class Pool {
  private folded?: Map<string, string>;
  constructor(
    private readonly names: readonly string[],
    private readonly budget: { left: number },
  ) {}

  closest(word: string): string | undefined {
    if (!this.folded) {
      this.folded = new Map();
      for (const n of this.names) if (!this.folded.has(fold(n))) this.folded.set(fold(n), n);
    }
    const same = this.folded.get(fold(word));
    if (same !== undefined) return same;
    // Bounded work overall, so a file full of bad references stays fast.
    if (this.budget.left < this.names.length) return undefined;
    this.budget.left -= this.names.length;
    const max = Math.max(1, Math.min(4, Math.floor(word.length / 3)));
    let best: string | undefined;
    let bestD = max + 1;
    for (const n of this.names) {
      const d = editDistance(word, n, bestD - 1);
      if (d < bestD) {
        bestD = d;
        best = n;
      }
    }
    if (best !== undefined) return best;
    // A word contained in a name ("hezbollah" for "kataib-hezbollah").
    if (word.length >= 4) {
      const fw = fold(word);
      for (const n of this.names) if (fold(n).includes(fw)) return n;
    }
    return undefined;
  }
}

export function didYouMean(pool: Pool, word: string): string {
  const s = pool.closest(word);
  return s === undefined ? '' : `did you mean ${quote(s)}? `;
}
