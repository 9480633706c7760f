// The one string hash of the project: FNV-1a over UTF-16 code units. Stable
// across runs and platforms (initial positions, hash tables, generated ids
// depend on it), and cheap enough for per-record hot paths.

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a of `s` from `seed`, as an unsigned 32-bit number. */
export function fnv1a(s: string, seed: number = FNV_OFFSET): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/**
 * FNV-1a of the length and at most `samples` evenly spaced characters of `s`,
 * continuing from `h`: bounded work for long strings (evidence quotes).
 * Signed 32-bit, to mix further.
 */
export function fnv1aSampled(s: string, h: number, samples: number): number {
  const n = s.length;
  const step = n <= samples ? 1 : Math.ceil(n / samples);
  h = Math.imul(h ^ n, FNV_PRIME);
  for (let k = 0; k < n; k += step) h = Math.imul(h ^ s.charCodeAt(k), FNV_PRIME);
  return h;
}
