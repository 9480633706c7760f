// Hash tables of the dataset checker's hot path, over numeric ids and typed arrays.
import { fnv1a, fnv1aSampled, FNV_OFFSET } from '../hash.ts';

// Duplicate triples: an open-addressing table over numeric ids, so no key
// string is built per triple. It grows as triples arrive (a streaming reader
// does not know their number). Probing is capped; past the cap (only
// adversarial input gets there) an exact string-keyed Map takes over.

export class TripleSet {
  private table: Int32Array; // triple index + 1; 0 = empty
  private hashes: Int32Array; // each slot's full hash: most misses end here, without touching the triple
  private mask: number;
  private s: Int32Array;
  private p: Int32Array;
  private o: Int32Array;
  private src: Int32Array;
  private readonly evidence: string[] = [];
  private count = 0;
  private overflow?: Map<string, number>;
  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.table = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
    const n = Math.max(16, capacity);
    this.s = new Int32Array(n);
    this.p = new Int32Array(n);
    this.o = new Int32Array(n);
    this.src = new Int32Array(n);
  }

  private grow(): void {
    const n = this.s.length * 2;
    const widen = (a: Int32Array): Int32Array => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.s = widen(this.s);
    this.p = widen(this.p);
    this.o = widen(this.o);
    this.src = widen(this.src);
  }

  private rehash(): void {
    const oldTable = this.table,
      oldHashes = this.hashes;
    this.table = new Int32Array(oldTable.length * 2);
    this.hashes = new Int32Array(oldTable.length * 2);
    this.mask = this.table.length - 1;
    for (let k = 0; k < oldTable.length; k++) {
      const v = oldTable[k]!;
      if (v === 0) continue;
      const h = oldHashes[k]!;
      let i = h & this.mask;
      while (this.table[i] !== 0) i = (i + 1) & this.mask;
      this.table[i] = v;
      this.hashes[i] = h;
    }
  }

  /** Records triple `at` (0, 1, 2 … in order); returns the earlier equal triple's index, or -1. */
  add(s: number, p: number, o: number, src: number, evidence: string, at: number): number {
    if (at >= this.s.length) this.grow();
    if (this.count * 2 >= this.table.length) this.rehash();
    this.s[at] = s;
    this.p[at] = p;
    this.o[at] = o;
    this.src[at] = src;
    this.evidence[at] = evidence;
    let h =
      Math.imul(s + 1, 0x9e3779b1) ^
      Math.imul(o + 1, 0x85ebca77) ^
      Math.imul(p + 1, 0xc2b2ae3d) ^
      Math.imul(src + 1, 0x27d4eb2f);
    // Evidence enters the hash by its length and up to 24 sampled characters.
    h = fnv1aSampled(evidence, h, 24);
    // Final avalanche (MurmurHash3's): the table index uses the low bits.
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
    for (let probe = 0, i = h & this.mask; probe < 64; probe++, i = (i + 1) & this.mask) {
      const v = this.table[i]!;
      if (v === 0) {
        // After a rehash an equal triple may sit in the overflow map rather than on this probe path.
        if (this.overflow) {
          const j = this.overflow.get(`${s}|${p}|${o}|${src}|${evidence}`);
          if (j !== undefined) return j;
        }
        this.table[i] = at + 1;
        this.hashes[i] = h;
        this.count++;
        return -1;
      }
      if (this.hashes[i] !== h) continue;
      const j = v - 1;
      if (this.s[j] === s && this.o[j] === o && this.p[j] === p && this.src[j] === src && this.evidence[j] === evidence)
        return j;
    }
    const key = `${s}|${p}|${o}|${src}|${evidence}`;
    this.overflow ??= new Map();
    const j = this.overflow.get(key);
    if (j !== undefined) return j;
    this.overflow.set(key, at);
    return -1;
  }
}

/**
 * Entity id → index: open addressing with each slot's hash beside it, so a
 * lookup (two per triple) mostly reads two typed-array slots and compares one
 * string, where a Map with 100k string keys measured slower.
 */
export class IdIndex {
  private ids: string[] = [];
  private slots = new Int32Array(1024).fill(-1);
  private hashes = new Int32Array(1024);
  private mask = 1023;

  private static hash(s: string): number {
    const h = fnv1a(s, FNV_OFFSET ^ s.length);
    return h ^ (h >>> 15);
  }

  get size(): number {
    return this.ids.length;
  }

  /** The index of `id`, or -1. */
  get(id: string): number {
    const h = IdIndex.hash(id);
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const v = this.slots[i]!;
      if (v < 0) return -1;
      if (this.hashes[i] === h && this.ids[v] === id) return v;
    }
  }

  /** Records id → index (the id must be new, and indices 0, 1, 2 … in order). */
  add(id: string, index: number): void {
    this.ids[index] = id;
    if (this.ids.length * 2 > this.slots.length) {
      const n = this.slots.length * 2;
      this.slots = new Int32Array(n).fill(-1);
      this.hashes = new Int32Array(n);
      this.mask = n - 1;
      for (let k = 0; k < this.ids.length; k++) this.put(this.ids[k]!, k);
    } else this.put(id, index);
  }

  private put(id: string, index: number): void {
    const h = IdIndex.hash(id);
    let i = h & this.mask;
    while (this.slots[i]! >= 0) i = (i + 1) & this.mask;
    this.slots[i] = index;
    this.hashes[i] = h;
  }
}
