// What a snapshot's store reads lazily, straight from the snapshot's buffer:
// strings are decoded when first asked (a table in one TextDecoder call, a
// source text on its own), evidence is sliced from its source's text per
// triple, entities are parsed one by one (or all at once when all are asked).
// The buffer was checked whole before any of this is made (binary.ts), so a
// late decode meets the bytes that were checked; it never throws regardless.
import type { Entity } from '../model.ts';
import type { EntityTable } from '../store-entities.ts';
import type { StringColumn } from '../store-columns.ts';
import { NONE } from './binary.ts';

// Not fatal: a decode made late must not throw (the checksum has vouched for the bytes already).
const decoder = new TextDecoder('utf-8');

/** UTF-16 code units as a string, in chunks (fromCharCode takes a bounded argument list). */
export function fromUtf16(u16: Uint16Array): string {
  const chunks: string[] = [];
  for (let i = 0; i < u16.length; i += 8192) chunks.push(String.fromCharCode(...u16.subarray(i, i + 8192)));
  return chunks.join('');
}

/** Strings joined in one blob, cut by their start offsets (UTF-16 units; count + 1 of them): decoded on first use. */
export class LazyStrings {
  private all?: string;
  constructor(
    private readonly blob: Uint8Array | Uint16Array,
    /** starts[i] .. starts[i + 1]: string i in the decoded blob. */
    readonly starts: Uint32Array,
  ) {}
  get count(): number {
    return this.starts.length - 1;
  }
  /** String i's length in UTF-16 units. */
  len(i: number): number {
    return this.starts[i + 1]! - this.starts[i]!;
  }
  get(i: number): string {
    this.all ??= this.blob instanceof Uint8Array ? decoder.decode(this.blob) : fromUtf16(this.blob);
    return this.all.slice(this.starts[i], this.starts[i + 1]);
  }
}

/** Quotes read from a text's bytes before the whole text is decoded (a quote, not 3 KB, for a first view). */
const QUOTES_BEFORE_WHOLE = 4;

/** Long strings (source texts), each decoded on its own when first asked; their UTF-16 lengths known before. */
export class LazyTexts {
  private readonly done: (string | undefined)[] = [];
  private readonly quoted: Uint8Array;
  constructor(
    private readonly blob: Uint8Array,
    /** Byte starts, count + 1. */
    private readonly at8: Uint32Array,
    /** Lengths in UTF-16 units. */
    readonly lengths: Uint32Array,
  ) {
    this.quoted = new Uint8Array(lengths.length);
  }
  /** Bytes of text i in UTF-8. */
  bytes(i: number): number {
    return this.at8[i + 1]! - this.at8[i]!;
  }
  /**
   * Text i's slice (start, n) in UTF-16 units, which is its bytes (start8, n8): cut from the text once decoded;
   * before, decoded from those bytes alone, until the text has been quoted often enough to decode it whole.
   */
  quote(i: number, start: number, n: number, start8: number, n8: number): string {
    if (this.done[i] === undefined && this.quoted[i]! < QUOTES_BEFORE_WHOLE) {
      this.quoted[i]!++;
      const at = this.at8[i]! + start8;
      return decoder.decode(this.blob.subarray(at, at + n8));
    }
    return this.get(i).slice(start, start + n);
  }
  get count(): number {
    return this.lengths.length;
  }
  len(i: number): number {
    return this.lengths[i]!;
  }
  get(i: number): string {
    let s = this.done[i];
    if (s === undefined) {
      s = decoder.decode(this.blob.subarray(this.at8[i], this.at8[i + 1]));
      this.done[i] = s;
    }
    return s;
  }
}

/** Evidence length meaning "the quote is in the evidence table at evStart". */
export const IN_TABLE = 0xfffffffe;

/** Where a quote lies in its text's UTF-8 bytes (NONE: decode the text), when the texts are LazyTexts. */
export interface QuoteBytes {
  start8: Uint32Array;
  len8: Uint32Array;
}

/** Evidence per triple: a slice of its source's text (start, length), a table entry, or none. */
export class EvidenceColumn implements StringColumn {
  constructor(
    private readonly start: Uint32Array,
    private readonly len: Uint32Array,
    private readonly src: ArrayLike<number>,
    private readonly table: LazyStrings,
    /** Per source index: its text in `texts`, -1 for none (then no triple's quote points into it). */
    private readonly textKey: Int32Array,
    private readonly texts: LazyTexts | LazyStrings,
    private readonly bytes?: QuoteBytes,
  ) {}
  get length(): number {
    return this.len.length;
  }
  has(t: number): boolean {
    return this.len[t] !== NONE;
  }
  at(t: number): string | undefined {
    const n = this.len[t];
    if (n === undefined || n === NONE) return undefined;
    const a = this.start[t]!;
    if (n === IN_TABLE) return a < this.table.count ? this.table.get(a) : undefined;
    const k = this.textKey[this.src[t]!];
    if (k === undefined || k < 0) return undefined;
    const a8 = this.bytes?.start8[t];
    if (a8 !== undefined && a8 !== NONE && this.texts instanceof LazyTexts)
      return this.texts.quote(k, a, n, a8, this.bytes!.len8[t]!);
    return this.texts.get(k).slice(a, a + n);
  }
}

/** A column of repeated values: an index per triple into a small table of them. */
export class DictColumn implements StringColumn {
  constructor(
    private readonly idx: Uint8Array | Uint16Array | Uint32Array,
    /** Fewer than the index type's largest value, which stands for absent. */
    private readonly values: readonly string[],
  ) {}
  get length(): number {
    return this.idx.length;
  }
  has(t: number): boolean {
    const k = this.idx[t];
    return k !== undefined && k < this.values.length;
  }
  at(t: number): string | undefined {
    const k = this.idx[t];
    // An index out of the table (absent's is) reads as absent.
    return k === undefined ? undefined : this.values[k];
  }
}

/** FNV-1a over an id's UTF-16 units: the slot where the id table (`idSlots`) starts looking. */
export function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** An open-addressing table of entity index + 1 by idHash (linear probing, 0 free): ids found without a Map. */
export function idSlots(ids: readonly string[]): Uint32Array {
  let size = 2;
  while (size < ids.length * 2) size *= 2;
  const slots = new Uint32Array(size);
  const mask = size - 1;
  ids.forEach((id, i) => {
    let h = idHash(id) & mask;
    while (slots[h]) h = (h + 1) & mask;
    slots[h] = i + 1;
  });
  return slots;
}

/**
 * Entities as one JSON array, `starts[i]` the byte where entity i begins (entity i ends one byte before
 * entity i + 1, at its comma), their ids in a table of their own: an entity is parsed when first asked,
 * and all of them in one JSON.parse when all are.
 */
export class SnapshotEntities implements EntityTable {
  private readonly parsed: (Entity | undefined)[] = [];
  private everything?: Entity[];
  constructor(
    private readonly json: Uint8Array,
    private readonly starts: Uint32Array,
    private readonly ids: LazyStrings,
    /** idSlots of the ids (a power of two long, larger than the count). */
    private readonly slots: Uint32Array,
  ) {}
  get length(): number {
    return this.starts.length - 1;
  }
  indexOf(id: string): number {
    const { slots, length: n } = this;
    const mask = slots.length - 1;
    let h = idHash(id) & mask;
    // Bounded: a table that is wrong must not loop for ever.
    for (let probe = 0; probe < slots.length; probe++) {
      const e = slots[h]!;
      if (e === 0) return -1;
      if (e <= n && this.ids.get(e - 1) === id) return e - 1;
      h = (h + 1) & mask;
    }
    return -1;
  }
  id(i: number): string {
    return this.everything ? this.everything[i]!.id : this.ids.get(i);
  }
  at(i: number): Entity {
    if (this.everything) return this.everything[i]!;
    let e = this.parsed[i];
    if (e === undefined) {
      e = JSON.parse(decoder.decode(this.json.subarray(this.starts[i], this.starts[i + 1]! - 1))) as Entity;
      this.parsed[i] = e;
    }
    return e;
  }
  all(): Entity[] {
    if (!this.everything) {
      const all = JSON.parse(decoder.decode(this.json)) as Entity[];
      // Those handed out already stay the same objects.
      this.parsed.forEach((e, i) => {
        if (e) all[i] = e;
      });
      this.everything = all;
    }
    return this.everything.slice();
  }
}
