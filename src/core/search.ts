// Entity search over labels and aliases with MiniSearch: case-, diacritic-
// and punctuation-insensitive, prefix and typo tolerant. One document per name
// (label or alias), so a hit knows which alias matched; hits are merged per
// entity and ranked: exact label, exact alias, every word a prefix, fuzzy.
import MiniSearch from 'minisearch';
import type { SearchHit, SearchOptions } from './model.ts';
import type { TripleStore } from './store.ts';
import { foldForSearch } from './text.ts';

export const DEFAULT_SEARCH_LIMIT = 20;

/** Folded words; a dotted acronym ("U.S.", "K.H.") becomes one word ("us", "kh"). */
export function searchTokens(text: string): string[] {
  const folded = foldForSearch(text);
  if (!folded) return [];
  const words = folded.split(' ');
  if (words.length > 1 && words.every((w) => w.length === 1)) return [words.join('')];
  return words;
}

/** The form two names are compared in for an exact match. */
function compactKey(text: string): string {
  return searchTokens(text).join(' ');
}

// Rank tiers (higher first); the MiniSearch score orders hits within a tier.
const EXACT_LABEL = 4, EXACT_ALIAS = 3, PREFIX = 2, FUZZY = 1;
const TIER_SPAN = 1000;

export class EntitySearch {
  private readonly index: MiniSearch<{ id: number; name: string }>;
  /** Per document: entity index, alias index (-1 = label), compact name, words. */
  private readonly docEntity: Uint32Array;
  private readonly docAlias: Int32Array;
  private readonly docKey: string[];
  private readonly docWords: string[][];

  constructor(private readonly store: TripleStore) {
    let docs = 0;
    for (let i = 0; i < store.entityCount; i++) docs += 1 + (store.entityAt(i).aliases?.length ?? 0);
    this.docEntity = new Uint32Array(docs);
    this.docAlias = new Int32Array(docs);
    this.docKey = new Array(docs);
    this.docWords = new Array(docs);
    this.index = new MiniSearch<{ id: number; name: string }>({
      fields: ['name'],
      storeFields: [],
      tokenize: searchTokens,
      processTerm: (term) => term || null,
    });
    const batch: { id: number; name: string }[] = [];
    const seen = new Set<string>();
    let d = 0;
    for (let i = 0; i < store.entityCount; i++) {
      const e = store.entityAt(i);
      const names = [e.label, ...(e.aliases ?? [])];
      seen.clear();
      for (let a = 0; a < names.length; a++) {
        const key = compactKey(names[a]!);
        // An alias folding to the label (or to an earlier alias) adds nothing.
        if (!key || seen.has(key)) continue;
        seen.add(key);
        this.docEntity[d] = i;
        this.docAlias[d] = a - 1;
        this.docKey[d] = key;
        this.docWords[d] = key.split(' ');
        batch.push({ id: d, name: names[a]! });
        d++;
      }
    }
    this.index.addAll(batch);
  }

  search(text: string, opts: SearchOptions = {}): SearchHit[] {
    const limit = opts.limit ?? DEFAULT_SEARCH_LIMIT;
    const words = searchTokens(text);
    if (!words.length || limit <= 0) return [];
    const key = words.join(' ');
    const mask = opts.types?.length ? this.store.typeMask(opts.types) : undefined;
    const results = this.index.search(key, {
      combineWith: 'AND',
      prefix: (term) => term.length >= 2,
      // Typos only in words long enough that one edit does not make them another word.
      fuzzy: (term) => (term.length < 4 ? false : term.length < 10 ? 1 : 2),
      weights: { prefix: 0.5, fuzzy: 0.3 },
      filter: mask ? (r) => mask[this.store.typeIndexOf(this.docEntity[r.id as number]!)] === 1 : undefined,
    });

    // Best document per entity.
    const best = new Map<number, { score: number; doc: number }>();
    for (const r of results) {
      const doc = r.id as number;
      const entity = this.docEntity[doc]!;
      const isLabel = this.docAlias[doc] === -1;
      let tier: number;
      if (this.docKey[doc] === key) tier = isLabel ? EXACT_LABEL : EXACT_ALIAS;
      else if (words.every((w) => this.docWords[doc]!.some((dw) => dw.startsWith(w)))) tier = PREFIX;
      else tier = FUZZY;
      // A slight boost for well-connected entities and for labels over aliases.
      const within = r.score * (1 + 0.1 * Math.log1p(this.store.degree(entity))) * (isLabel ? 1.05 : 1);
      const score = tier * TIER_SPAN + Math.min(within, TIER_SPAN - 1);
      const prev = best.get(entity);
      if (!prev || score > prev.score) best.set(entity, { score, doc });
    }
    const ranked = [...best.entries()].sort((a, b) => b[1].score - a[1].score || a[0] - b[0]).slice(0, limit);
    return ranked.map(([i, { score, doc }]) => {
      const e = this.store.entityAt(i);
      const hit: SearchHit = { id: e.id, label: e.label, type: e.type, score: Math.round(score * 1000) / 1000 };
      const alias = this.docAlias[doc]!;
      if (alias >= 0) hit.matchedAlias = e.aliases![alias]!;
      return hit;
    });
  }
}
