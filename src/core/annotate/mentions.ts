// Mentions of known entities in a text: every label and alias, folded into
// words (tokens.ts), goes into one token trie built once per entity set; a
// text is then read word by word, and at each word the trie is walked as far
// as the text follows a name. The longest name that starts there wins and the
// scan goes on after it (leftmost, longest first), so "Iran-backed" gives
// Iran (its own word) and "Iranian" gives nothing unless it is a name itself.
// Cost: one hash look-up per word and step, whatever the number of names.
import type { Entity } from '../model.ts';
import { tokenize } from './tokens.ts';

export interface MentionCandidate {
  entity: string;
  label: string;
  type: string;
  /** The alias that matched, when not the label. */
  alias?: string;
}

export interface Mention {
  /** The entity meant (the first candidate when several fit). */
  entity: string;
  label: string;
  type: string;
  /** The text as written. */
  mention: string;
  /** UTF-16 offsets into the original text: text.slice(start, end) === mention. */
  start: number;
  end: number;
  alias?: string;
  /** Several entities have this name: all of them, the entity above first. */
  candidates?: MentionCandidate[];
}

// Trie edges in one map keyed by node * 2^22 + word id (both far below 2^53).
const EDGE = 2 ** 22;
/** A one-word name in capitals this short is an acronym and matches text in capitals only: "us" is not the US. */
const ACRONYM_MAX = 5;

interface Name { entity: number; alias: number; acronym: boolean }

export class MentionFinder {
  private readonly words = new Map<string, number>();
  private readonly edges = new Map<number, number>();
  private readonly ends = new Map<number, Name[]>();
  private nodes = 1;
  private readonly entities: Entity[] = [];

  constructor(entities: Iterable<Entity> = []) {
    for (const e of entities) this.add(e);
  }

  /** Number of distinct names (label and aliases) known. */
  get size(): number {
    let n = 0;
    for (const list of this.ends.values()) n += list.length;
    return n;
  }

  /** Adds an entity's label and aliases (an entity added again under the same id adds its new names). */
  add(e: Entity): void {
    const index = this.entities.length;
    this.entities.push(e);
    const names = [e.label, ...(e.aliases ?? [])];
    for (let a = 0; a < names.length; a++) {
      const toks = tokenize(names[a]!);
      if (toks.length === 0 || toks.length > 64) continue;
      let node = 0;
      for (const t of toks) {
        let w = this.words.get(t.key);
        if (w === undefined) { w = this.words.size; this.words.set(t.key, w); }
        const k = node * EDGE + w;
        let next = this.edges.get(k);
        if (next === undefined) { next = this.nodes++; this.edges.set(k, next); }
        node = next;
      }
      const list = this.ends.get(node) ?? [];
      // One name per entity and node: an alias folding like the label adds nothing.
      if (list.some((x) => this.entities[x.entity]!.id === e.id)) continue;
      const only = toks.length === 1 && toks[0]!.upper && toks[0]!.key.length >= 2 && toks[0]!.key.length <= ACRONYM_MAX && /\p{L}/u.test(toks[0]!.key);
      list.push({ entity: index, alias: a - 1, acronym: only });
      this.ends.set(node, list);
    }
  }

  /** Mentions in `text`, in text order, none overlapping. */
  find(text: string): Mention[] {
    const toks = tokenize(text);
    const ids = new Int32Array(toks.length);
    for (let i = 0; i < toks.length; i++) ids[i] = this.words.get(toks[i]!.key) ?? -1;
    const out: Mention[] = [];
    for (let i = 0; i < toks.length;) {
      if (ids[i]! < 0) { i++; continue; }
      let node = 0, bestEnd = -1;
      let best: Name[] | undefined;
      for (let j = i; j < toks.length && ids[j]! >= 0; j++) {
        const next = this.edges.get(node * EDGE + ids[j]!);
        if (next === undefined) break;
        node = next;
        const names = this.ends.get(node);
        if (!names) continue;
        const fit = j === i && !toks[i]!.upper ? names.filter((n) => !n.acronym) : names;
        if (fit.length) { best = fit; bestEnd = j; }
      }
      if (!best) { i++; continue; }
      let end = toks[bestEnd]!.end;
      // A dotted acronym keeps its last dot: "U.S." rather than "U.S".
      if (text[end] === '.' && end - toks[bestEnd]!.start === 1 && text[end - 2] === '.') end++;
      out.push(this.mention(text, toks[i]!.start, end, best));
      i = bestEnd + 1;
    }
    return out;
  }

  private mention(text: string, start: number, end: number, names: Name[]): Mention {
    // Labels before aliases; then the order entities were given in.
    const sorted = [...names].sort((a, b) => Number(a.alias >= 0) - Number(b.alias >= 0) || a.entity - b.entity);
    const cands: MentionCandidate[] = sorted.map((n) => {
      const e = this.entities[n.entity]!;
      const c: MentionCandidate = { entity: e.id, label: e.label, type: e.type };
      if (n.alias >= 0) c.alias = e.aliases![n.alias]!;
      return c;
    });
    const first = cands[0]!;
    const m: Mention = { entity: first.entity, label: first.label, type: first.type, mention: text.slice(start, end), start, end };
    if (first.alias !== undefined) m.alias = first.alias;
    const distinct = new Set(cands.map((c) => c.entity));
    if (distinct.size > 1) m.candidates = cands.filter((c, k) => cands.findIndex((x) => x.entity === c.entity) === k);
    return m;
  }
}
