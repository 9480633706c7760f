// Entity search over labels and aliases: case-, diacritic- and
// punctuation-insensitive, prefix and typo tolerant.
//
// Terms live in MiniSearch's radix tree (SearchableMap), which finds the
// terms a query word reaches by prefix or within an edit distance. Matching
// documents are then gathered from compact posting lists, starting from the
// query word with the fewest postings (every word must match: AND), and
// ranked by tier — exact label, exact alias, every word a prefix, fuzzy —
// then by a BM25-like score boosted slightly by degree. Scoring every
// posting of every term (what MiniSearch's own search does) costs tens of
// milliseconds on common words ("of", "al") at 100k entities; this stays
// within a few.
//
// One document per name (label or alias), so a hit knows which alias matched;
// and one per text attribute value, in a tier below every name.
import SearchableMap from 'minisearch/SearchableMap';
import type { SearchHit, SearchOptions } from './model.ts';
import type { TripleStore } from './store.ts';
import { foldForSearch } from './text.ts';

export const DEFAULT_SEARCH_LIMIT = 20;
/** Most hits one search returns, whatever the limit asked. */
export const MAX_SEARCH_LIMIT = 1000;

/** Folded words; a dotted acronym ("U.S.", "K.H.") becomes one word ("us", "kh"). */
export function searchTokens(text: string): string[] {
  const folded = foldForSearch(text);
  if (!folded) return [];
  const words = folded.split(' ');
  if (words.length > 1 && words.every((w) => w.length === 1)) return [words.join('')];
  return words;
}

// Rank tiers (higher first); the score orders hits within a tier.
const EXACT_LABEL = 4,
  EXACT_ALIAS = 3,
  PREFIX = 2,
  FUZZY = 1,
  ATTRIBUTE = 0;
/** Words of an attribute value indexed: its start says what it is about; the rest would bloat the index. */
const ATTRIBUTE_WORDS = 64;
const TIER_SPAN = 1000;
/** Prefixes shorter than this match whole words only ("a" is not every word starting with a). */
const MIN_PREFIX = 2;
/** Words shorter than this must be spelt right: one edit turns "us" into "is". */
const MIN_FUZZY = 4;

/** Edit distance allowed for a word: 1, and 2 from 10 letters on. */
export function fuzziness(word: string): number {
  return word.length < MIN_FUZZY ? 0 : word.length < 10 ? 1 : 2;
}

interface WordMatch {
  /** Term id → weight, for terms equal to the word or starting with it. */
  strong: Map<number, number>;
  /** Term id → weight, for terms within the edit distance (and not in `strong`). */
  fuzzy: Map<number, number>;
  /** Total postings: the smallest drives the candidate generation. */
  postings: number;
}

export class EntitySearch {
  private readonly terms = new SearchableMap<number>();
  private readonly termText: string[] = [];
  private readonly termIdf: Float64Array;
  /** Postings: the documents of term k are termDocs[termOff[k] .. termOff[k+1]). */
  private readonly termOff: Uint32Array;
  private readonly termDocs: Uint32Array;
  /** Per document: entity, alias index (-1 = label, <= -2: attribute name attrNames[-2 - a]), compact key, terms. */
  private readonly docEntity: Uint32Array;
  private readonly docAlias: Int32Array;
  private readonly docKey: string[] = [];
  private readonly attrNames: string[] = [];
  private readonly docTermOff: Uint32Array;
  private readonly docTerms: Uint32Array;
  // Scratch, stamped per query so nothing is cleared or reallocated.
  private readonly seenDoc: Uint32Array;
  private readonly bestEntity: Float64Array;
  private readonly bestDoc: Uint32Array;
  private readonly seenEntity: Uint32Array;
  private stamp = 0;

  constructor(private readonly store: TripleStore) {
    const docEntity: number[] = [];
    const docAlias: number[] = [];
    const docTermList: number[] = [];
    const docTermOff: number[] = [0];
    const df: number[] = [];
    const keys = new Set<string>();
    for (let i = 0; i < store.entityCount; i++) {
      const e = store.entityAt(i);
      const names = [e.label, ...(e.aliases ?? [])];
      const nameCount = names.length;
      if (e.attributes) {
        for (const k in e.attributes) {
          const v = e.attributes[k];
          if (typeof v === 'string') {
            names.push(v);
            this.attrNames.push(k);
          }
        }
      }
      keys.clear();
      for (let a = 0; a < names.length; a++) {
        const isAttr = a >= nameCount;
        let words = searchTokens(names[a]!);
        if (isAttr && words.length > ATTRIBUTE_WORDS) words = words.slice(0, ATTRIBUTE_WORDS);
        const key = words.join(' ');
        // An alias folding to the label (or to an earlier alias) adds nothing.
        if (!key || keys.has(key)) continue;
        keys.add(key);
        docEntity.push(i);
        docAlias.push(isAttr ? -2 - (this.attrNames.length - (names.length - a)) : a - 1);
        this.docKey.push(key);
        const distinct = new Set<number>();
        for (const w of words) {
          let t = this.terms.get(w);
          if (t === undefined) {
            t = this.termText.length;
            this.terms.set(w, t);
            this.termText.push(w);
            df.push(0);
          }
          if (!distinct.has(t)) {
            distinct.add(t);
            df[t]!++;
            docTermList.push(t);
          }
        }
        docTermOff.push(docTermList.length);
      }
    }
    const docs = docEntity.length;
    const termCount = this.termText.length;
    this.docEntity = Uint32Array.from(docEntity);
    this.docAlias = Int32Array.from(docAlias);
    this.docTermOff = Uint32Array.from(docTermOff);
    this.docTerms = Uint32Array.from(docTermList);
    // Postings by counting sort: doc ids ascending within each term.
    this.termOff = new Uint32Array(termCount + 1);
    for (let t = 0; t < termCount; t++) this.termOff[t + 1] = this.termOff[t]! + df[t]!;
    const fill = this.termOff.slice(0, termCount);
    this.termDocs = new Uint32Array(docTermList.length);
    for (let d = 0; d < docs; d++) {
      for (let k = this.docTermOff[d]!; k < this.docTermOff[d + 1]!; k++) this.termDocs[fill[this.docTerms[k]!]!++] = d;
    }
    this.termIdf = new Float64Array(termCount);
    for (let t = 0; t < termCount; t++) this.termIdf[t] = Math.log(1 + (docs - df[t]! + 0.5) / (df[t]! + 0.5));
    this.seenDoc = new Uint32Array(docs);
    this.bestEntity = new Float64Array(store.entityCount);
    this.bestDoc = new Uint32Array(store.entityCount);
    this.seenEntity = new Uint32Array(store.entityCount);
  }

  /** Number of indexed names (labels and distinct aliases). */
  get documentCount(): number {
    return this.docEntity.length;
  }

  private matchWord(word: string): WordMatch {
    const strong = new Map<number, number>();
    const fuzzy = new Map<number, number>();
    let postings = 0;
    const add = (map: Map<number, number>, t: number, w: number) => {
      const prev = map.get(t);
      if (prev === undefined) postings += this.termOff[t + 1]! - this.termOff[t]!;
      if (prev === undefined || w > prev) map.set(t, w);
    };
    if (word.length >= MIN_PREFIX) {
      // A prefix weighs by how much of the term it covers.
      for (const [term, t] of this.terms.atPrefix(word))
        add(strong, t, term === word ? 1 : 0.3 + 0.4 * (word.length / term.length));
    } else {
      const t = this.terms.get(word);
      if (t !== undefined) add(strong, t, 1);
    }
    const dist = fuzziness(word);
    if (dist > 0) {
      for (const [, [t, d]] of this.terms.fuzzyGet(word, dist)) if (!strong.has(t)) add(fuzzy, t, d === 1 ? 0.35 : 0.2);
    }
    return { strong, fuzzy, postings };
  }

  search(text: string, opts: SearchOptions = {}): SearchHit[] {
    const limit = Math.min(MAX_SEARCH_LIMIT, Math.floor(opts.limit ?? DEFAULT_SEARCH_LIMIT));
    const words = searchTokens(text);
    if (!words.length || limit <= 0) return [];
    const key = words.join(' ');
    const mask = opts.types?.length ? this.store.typeMask(opts.types) : undefined;
    const matches = words.map((w) => this.matchWord(w));
    let driver = 0;
    for (let j = 1; j < matches.length; j++) if (matches[j]!.postings < matches[driver]!.postings) driver = j;
    if (matches[driver]!.postings === 0) return [];

    if (this.stamp >= 0xfffffffe) {
      this.seenDoc.fill(0);
      this.seenEntity.fill(0);
      this.stamp = 1;
    } else this.stamp++;
    const stamp = this.stamp;
    const touched: number[] = [];
    const { termOff, termDocs, docTermOff, docTerms, termIdf, seenDoc, bestEntity, bestDoc, seenEntity, store } = this;
    // The driver word's value comes from the posting being walked (its terms go
    // best first, so a document's first visit is its best); other words look up the name's terms.
    const scoreDoc = (d: number, driverValue: number, driverStrong: boolean): void => {
      const e = this.docEntity[d]!;
      if (mask && !mask[store.typeIndexOf(e)]) return;
      const a = docTermOff[d]!,
        b = docTermOff[d + 1]!;
      let sum = driverValue;
      let allStrong = driverStrong;
      for (let j = 0; j < matches.length; j++) {
        if (j === driver) continue;
        const m = matches[j]!;
        let best = 0,
          bestStrong = false;
        for (let k = a; k < b; k++) {
          const t = docTerms[k]!;
          const s = m.strong.get(t);
          if (s !== undefined) {
            const v = s * termIdf[t]!;
            if (!bestStrong || v > best) {
              best = v;
              bestStrong = true;
            }
          } else if (!bestStrong) {
            const f = m.fuzzy.get(t);
            if (f !== undefined && f * termIdf[t]! > best) best = f * termIdf[t]!;
          }
        }
        if (best === 0) return; // this word matches nothing in the name
        sum += best;
        if (!bestStrong) allStrong = false;
      }
      const isLabel = this.docAlias[d] === -1;
      const tier =
        this.docAlias[d]! <= -2
          ? ATTRIBUTE
          : this.docKey[d] === key
            ? isLabel
              ? EXACT_LABEL
              : EXACT_ALIAS
            : allStrong
              ? PREFIX
              : FUZZY;
      // Shorter names first (a length norm), well-connected entities and labels slightly ahead.
      const within = (sum / Math.sqrt(b - a)) * (1 + 0.1 * Math.log1p(store.degree(e))) * (isLabel ? 1.05 : 1);
      const score = tier * TIER_SPAN + Math.min(within, TIER_SPAN - 1);
      if (seenEntity[e] !== stamp) {
        seenEntity[e] = stamp;
        bestEntity[e] = score;
        bestDoc[e] = d;
        touched.push(e);
      } else if (score > bestEntity[e]!) {
        bestEntity[e] = score;
        bestDoc[e] = d;
      }
    };
    const m = matches[driver]!;
    const driverTerms: [number, number, boolean][] = [];
    for (const [t, w] of m.strong) driverTerms.push([t, w * termIdf[t]!, true]);
    for (const [t, w] of m.fuzzy) driverTerms.push([t, w * termIdf[t]!, false]);
    driverTerms.sort((x, y) => Number(y[2]) - Number(x[2]) || y[1] - x[1]);
    for (const [t, value, strong] of driverTerms) {
      for (let k = termOff[t]!, end = termOff[t + 1]!; k < end; k++) {
        const d = termDocs[k]!;
        if (seenDoc[d] === stamp) continue;
        seenDoc[d] = stamp;
        scoreDoc(d, value, strong);
      }
    }

    // Top `limit` by score, ties by file order: a bounded insertion, no full sort.
    const top: number[] = [];
    const better = (x: number, y: number) =>
      bestEntity[x]! > bestEntity[y]! || (bestEntity[x] === bestEntity[y] && x < y);
    for (const e of touched) {
      if (top.length === limit && !better(e, top[limit - 1]!)) continue;
      let at = top.length === limit ? limit - 1 : top.length;
      if (top.length < limit) top.push(e);
      while (at > 0 && better(e, top[at - 1]!)) {
        top[at] = top[at - 1]!;
        at--;
      }
      top[at] = e;
    }
    return top.map((i) => {
      const e = store.entityAt(i);
      const hit: SearchHit = {
        id: e.id,
        label: e.label,
        type: e.type,
        score: Math.round(bestEntity[i]! * 1000) / 1000,
      };
      const alias = this.docAlias[bestDoc[i]!]!;
      if (alias >= 0) hit.matchedAlias = e.aliases![alias]!;
      else if (alias <= -2) hit.matchedAttribute = this.attrNames[-2 - alias]!;
      return hit;
    });
  }
}
