// Candidate new entities in a text: people, organisations and places that a
// small offline NLP library (compromise: rules and a lexicon, no model to
// download) finds, less what is already a mention of a known entity. Each
// gets a guessed type of the schema for the user to confirm or change.
import nlp from 'compromise';
import type { Schema } from '../model.ts';
import type { Mention } from './mentions.ts';
import { tokenize } from './tokens.ts';

export type CandidateKind = 'person' | 'organization' | 'place';

export interface Candidate {
  /** The name as written (first occurrence). */
  text: string;
  start: number;
  end: number;
  kind: CandidateKind;
  /** A type of the schema for this kind (the user confirms or changes it). */
  type: string;
  /** Occurrences in the text. */
  count: number;
}

/** The schema's type for a kind: the type of that id, else one whose id or label says it, else the first. */
export function typeForKind(kind: CandidateKind, schema?: Schema): string {
  const types = schema?.entityTypes;
  if (!types?.length) return kind;
  const words: Record<CandidateKind, RegExp> = {
    person: /person|people|individual/i,
    organization: /organi[sz]ation|group/i,
    place: /place|location/i,
  };
  return (
    types.find((t) => t.id === kind) ??
    types.find((t) => words[kind].test(t.id) || words[kind].test(t.label)) ??
    types[0]!
  ).id;
}

interface NlpMatch {
  text: string;
  offset: { start: number; length: number };
}

/** Where the match really is: its offsets checked against the text, trimmed of punctuation at either end. */
function place(text: string, m: NlpMatch): { start: number; end: number } | undefined {
  let start = m.offset.start,
    end = start + m.offset.length;
  if (text.slice(start, end) !== m.text) {
    const at = text.indexOf(m.text.trim(), Math.max(0, start - 64));
    if (at < 0) return undefined;
    start = at;
    end = at + m.text.trim().length;
  }
  while (start < end && !/[\p{L}\p{N}]/u.test(text[start]!)) start++;
  while (end > start && !/[\p{L}\p{N}.]/u.test(text[end - 1]!)) end--;
  // A sentence's full stop is not part of a name (but "Jr." keeps its own).
  if (end > start && text[end - 1] === '.' && !/\b\p{Lu}\p{Ll}?\.$/u.test(text.slice(start, end))) end--;
  return end > start ? { start, end } : undefined;
}

export function findCandidates(
  text: string,
  opts: { mentions?: readonly Mention[]; schema?: Schema; limit?: number } = {},
): Candidate[] {
  const doc = nlp(text);
  const found: [CandidateKind, NlpMatch[]][] = [
    ['person', doc.people().json({ offset: true }) as NlpMatch[]],
    ['organization', doc.organizations().json({ offset: true }) as NlpMatch[]],
    ['place', doc.places().json({ offset: true }) as NlpMatch[]],
  ];
  const known = (opts.mentions ?? []).map((m) => [m.start, m.end] as const).sort((a, b) => a[0] - b[0]);
  const overlapsKnown = (s: number, e: number): boolean => {
    let lo = 0,
      hi = known.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (known[mid]![1] <= s) lo = mid + 1;
      else hi = mid;
    }
    return lo < known.length && known[lo]![0] < e;
  };
  const byKey = new Map<string, Candidate>();
  for (const [kind, list] of found) {
    for (const m of list) {
      const at = place(text, m);
      if (!at || overlapsKnown(at.start, at.end)) continue;
      const name = text.slice(at.start, at.end);
      const key = tokenize(name)
        .map((t) => t.key)
        .join(' ');
      if (!key || key.length < 2) continue;
      const prev = byKey.get(key);
      if (prev) {
        prev.count++;
        continue;
      }
      byKey.set(key, {
        text: name,
        start: at.start,
        end: at.end,
        kind,
        type: typeForKind(kind, opts.schema),
        count: 1,
      });
    }
  }
  return [...byKey.values()].sort((a, b) => a.start - b.start).slice(0, opts.limit ?? 500);
}
