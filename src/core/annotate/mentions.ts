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

/** A node with more children than this gets a hash map; fewer are a sibling list in typed arrays. */
const WIDE = 8;
/** A one-word name in capitals this short is an acronym and matches text in capitals only: "us" is not the US. */
const ACRONYM_MAX = 5;

interface Name {
  entity: number;
  alias: number;
  acronym: boolean;
}

export class MentionFinder {
  private readonly words = new Map<string, number>();
  // The trie: node 0 is the root. A node's children are a sibling list
  // (first child, next sibling, word of the edge in), or a map once wide.
  private first = new Int32Array(1024).fill(-1);
  private next = new Int32Array(1024).fill(-1);
  private word = new Int32Array(1024);
  private fanout = new Uint32Array(1024);
  private readonly wide = new Map<number, Map<number, number>>();
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
        if (w === undefined) {
          w = this.words.size;
          this.words.set(t.key, w);
        }
        let child = this.child(node, w);
        if (child < 0) child = this.addChild(node, w);
        node = child;
      }
      const list = this.ends.get(node) ?? [];
      // One name per entity and node: an alias folding like the label adds nothing.
      if (list.some((x) => this.entities[x.entity]!.id === e.id)) continue;
      const only =
        toks.length === 1 &&
        toks[0]!.upper &&
        toks[0]!.key.length >= 2 &&
        toks[0]!.key.length <= ACRONYM_MAX &&
        /\p{L}/u.test(toks[0]!.key);
      list.push({ entity: index, alias: a - 1, acronym: only });
      this.ends.set(node, list);
    }
  }

  private child(node: number, w: number): number {
    const map = this.wide.get(node);
    if (map) return map.get(w) ?? -1;
    for (let c = this.first[node]!; c >= 0; c = this.next[c]!) if (this.word[c] === w) return c;
    return -1;
  }

  private addChild(node: number, w: number): number {
    const c = this.nodes++;
    if (c >= this.first.length) {
      const grow = <T extends Int32Array | Uint32Array>(a: T, fill: number): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.fill(fill);
        b.set(a);
        return b;
      };
      this.first = grow(this.first, -1);
      this.next = grow(this.next, -1);
      this.word = grow(this.word, 0);
      this.fanout = grow(this.fanout, 0);
    }
    this.word[c] = w;
    this.next[c] = this.first[node]!;
    this.first[node] = c;
    const n = ++this.fanout[node]!;
    const map = this.wide.get(node);
    if (map) map.set(w, c);
    else if (n > WIDE) {
      const m = new Map<number, number>();
      for (let k = this.first[node]!; k >= 0; k = this.next[k]!) m.set(this.word[k]!, k);
      this.wide.set(node, m);
    }
    return c;
  }

  /** Mentions in `text`, in text order, none overlapping. */
  find(text: string): Mention[] {
    const toks = tokenize(text);
    const ids = new Int32Array(toks.length);
    for (let i = 0; i < toks.length; i++) ids[i] = this.words.get(toks[i]!.key) ?? -1;
    const out: Mention[] = [];
    for (let i = 0; i < toks.length; ) {
      if (ids[i]! < 0) {
        i++;
        continue;
      }
      let node = 0,
        bestEnd = -1;
      let best: Name[] | undefined;
      for (let j = i; j < toks.length && ids[j]! >= 0; j++) {
        const child = this.child(node, ids[j]!);
        if (child < 0) break;
        node = child;
        const names = this.ends.get(node);
        if (!names) continue;
        const fit = j === i && !toks[i]!.upper ? names.filter((n) => !n.acronym) : names;
        if (fit.length) {
          best = fit;
          bestEnd = j;
        }
      }
      if (!best) {
        i++;
        continue;
      }
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
    const m: Mention = {
      entity: first.entity,
      label: first.label,
      type: first.type,
      mention: text.slice(start, end),
      start,
      end,
    };
    if (first.alias !== undefined) m.alias = first.alias;
    const distinct = new Set(cands.map((c) => c.entity));
    if (distinct.size > 1) m.candidates = cands.filter((c, k) => cands.findIndex((x) => x.entity === c.entity) === k);
    return m;
  }
}
