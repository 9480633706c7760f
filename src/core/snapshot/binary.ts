// The snapshot container: a fixed header (magic, format version, checksum,
// lengths), a JSON part (small things and the directory of sections), then
// sections of typed arrays, each 8-byte aligned so a reader can view them in
// place. Strings go in tables: their lengths (UTF-16 units) in a Uint32Array
// and every string joined in one UTF-8 blob, decoded with one call and sliced;
// or, read lazily (lazy.ts), their offsets, so nothing is decoded before use.
import { fromUtf16, LazyStrings, LazyTexts } from './lazy.ts';

export const MAGIC = 'AGSNAP\u0000\u0001';
export const HEADER_BYTES = 32;
/** A string table's length for an absent value. */
export const NONE = 0xffffffff;

export type SectionKind = 'u8' | 'u16' | 'u32' | 'i32' | 'f64';
type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;
const CTOR = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, i32: Int32Array, f64: Float64Array } as const;

function kindOf(a: Typed): SectionKind {
  if (a instanceof Uint8Array) return 'u8';
  if (a instanceof Uint16Array) return 'u16';
  if (a instanceof Uint32Array) return 'u32';
  if (a instanceof Int32Array) return 'i32';
  return 'f64';
}

/** Section name → [kind, byte offset from the data start, element count]. */
export type Directory = Record<string, [SectionKind, number, number]>;

/** A snapshot that cannot be read: wrong magic or version, bad checksum, truncated or inconsistent. */
export class SnapshotError extends Error {
  constructor(
    readonly reason: 'not-a-snapshot' | 'version' | 'corrupt',
    message: string,
  ) {
    super(message);
    this.name = 'SnapshotError';
  }
}

const pad8 = (n: number) => (n + 7) & ~7;

/**
 * Fletcher-style sums of 32-bit words, both kept: two additions a word, so checking a snapshot of a hundred
 * megabytes costs little beside reading it; any changed word changes the first, and a lost tail or two words
 * swapped the second. It guards against damage, not against forgery (the snapshot is this browser's own).
 * Covers the header's lengths (bytes 16..24) and everything from byte 32.
 */
export function checksums(buf: ArrayBuffer): [number, number] {
  const words = new Uint32Array(buf, 0, buf.byteLength >> 2);
  const sums = new Int32Array([1, 0]);
  sumWords(words, 4, 6, sums);
  // Blocks of four words, in chunks: a small function called often is optimised at once, where one long loop
  // is left to on-stack replacement and ran four times slower on a cold start (a reopen's only run).
  const from = HEADER_BYTES >> 2;
  const end = from + ((words.length - from) & ~3);
  for (let i = from; i < end; i += CHUNK_WORDS) sumBlocks(words, i, Math.min(end, i + CHUNK_WORDS), sums);
  sumWords(words, end, words.length, sums);
  return [sums[0]! >>> 0, sums[1]! >>> 0];
}

const CHUNK_WORDS = 1 << 14;

function sumWords(words: Uint32Array, from: number, to: number, sums: Int32Array): void {
  let a = sums[0]!,
    b = sums[1]!;
  for (let i = from; i < to; i++) {
    a = (a + words[i]!) | 0;
    b = (b + a) | 0;
  }
  sums[0] = a;
  sums[1] = b;
}

/** sumWords of four words at a time, the same sums: b gains 4a + 4w0 + 3w1 + 2w2 + w3 (exact in doubles). */
function sumBlocks(words: Uint32Array, from: number, to: number, sums: Int32Array): void {
  let a = sums[0]!,
    b = sums[1]!;
  for (let i = from; i < to; i += 4) {
    const w0 = words[i]!,
      w1 = words[i + 1]!,
      w2 = words[i + 2]!,
      w3 = words[i + 3]!;
    b = (b + a * 4 + w0 * 4 + w1 * 3 + w2 * 2 + w3) | 0;
    a = (a + w0 + w1 + w2 + w3) | 0;
  }
  sums[0] = a;
  sums[1] = b;
}

/** Bytes of a well-formed string (or of its units from..to, not cutting a pair) in UTF-8, without encoding it. */
export function utf8Length(s: string, from = 0, to = s.length): number {
  let n = to - from;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 2; // a pair: 4 bytes for its 2 units
      i++;
    } else n += 2;
  }
  return n;
}

export const isWellFormed = (s: string): boolean => {
  const f = (s as { isWellFormed?: () => boolean }).isWellFormed;
  return f ? f.call(s) : !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
};

/** The string's UTF-16 code units (a string iterates by code points, so not Uint16Array.from). */
function utf16Of(s: string): Uint16Array {
  const u16 = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) u16[i] = s.charCodeAt(i);
  return u16;
}

export class SnapshotWriter {
  private readonly sections: { name: string; data: Typed }[] = [];
  private readonly dir: Directory = {};
  private at = 0;
  private readonly enc = new TextEncoder();

  array(name: string, data: Typed): void {
    if (name in this.dir) throw new Error(`section ${name} written twice`);
    this.dir[name] = [kindOf(data), this.at, data.length];
    this.sections.push({ name, data });
    this.at = pad8(this.at + data.byteLength);
  }

  /**
   * A table of strings (undefined kept); joined in UTF-8, or UTF-16 when some string has a lone surrogate.
   * `apart`: for long strings (source texts), each decoded on its own, so those in ASCII stay one byte a character.
   */
  strings(name: string, values: readonly (string | undefined)[], count = values.length, apart = false): void {
    const lens = new Uint32Array(count);
    const parts: string[] = [];
    for (let i = 0; i < count; i++) {
      const v = values[i];
      if (v === undefined) lens[i] = NONE;
      else {
        lens[i] = v.length;
        parts.push(v);
      }
    }
    const all = parts.join('');
    if (!isWellFormed(all)) {
      this.array(`${name}.len`, lens);
      this.array(`${name}.utf16`, utf16Of(all));
      return;
    }
    const bytes = this.enc.encode(all);
    if (apart) {
      // Lengths in bytes, to cut the blob before decoding.
      for (let i = 0, k = 0; i < count; i++) if (lens[i] !== NONE) lens[i] = this.enc.encode(parts[k++]).length;
      this.array(`${name}.bytelen`, lens);
    } else this.array(`${name}.len`, lens);
    this.array(`${name}.utf8`, bytes);
  }

  /** Strings read lazily (LazyStrings): their starts in UTF-16 units, and the blob in UTF-8 (UTF-16 when not well-formed). */
  table(name: string, values: readonly string[]): void {
    const starts = new Uint32Array(values.length + 1);
    for (let i = 0; i < values.length; i++) starts[i + 1] = starts[i]! + values[i]!.length;
    this.array(`${name}.at`, starts);
    const all = values.join('');
    if (isWellFormed(all)) this.array(`${name}.utf8`, this.enc.encode(all));
    else this.array(`${name}.utf16`, utf16Of(all));
  }

  /** Long strings read lazily one by one (LazyTexts): byte starts, UTF-16 lengths, one UTF-8 blob. */
  texts(name: string, values: readonly string[]): void {
    if (!values.every(isWellFormed)) {
      this.table(name, values);
      return;
    }
    const at8 = new Uint32Array(values.length + 1);
    const lens = new Uint32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      at8[i + 1] = at8[i]! + utf8Length(values[i]!);
      lens[i] = values[i]!.length;
    }
    this.array(`${name}.at8`, at8);
    this.array(`${name}.len`, lens);
    this.array(`${name}.utf8`, this.enc.encode(values.join('')));
  }

  /** The whole snapshot: header, `meta` (plus the directory) as JSON, sections. */
  finish(version: number, meta: object): ArrayBuffer {
    const json = this.enc.encode(JSON.stringify({ ...meta, dir: this.dir }));
    const dataStart = pad8(HEADER_BYTES + json.length);
    const total = dataStart + this.at;
    if (total > 0xffffffff) throw new RangeError('the snapshot would be larger than 4 GB');
    const buf = new ArrayBuffer(total);
    const bytes = new Uint8Array(buf);
    for (let i = 0; i < MAGIC.length; i++) bytes[i] = MAGIC.charCodeAt(i);
    bytes.set(json, HEADER_BYTES);
    for (const { name, data } of this.sections) {
      const off = dataStart + this.dir[name]![1];
      bytes.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), off);
    }
    const head = new DataView(buf);
    head.setUint32(8, version, true);
    head.setUint32(16, json.length, true);
    head.setUint32(20, total, true);
    const [a, b] = checksums(buf);
    head.setUint32(12, a, true);
    head.setUint32(24, b, true);
    return buf;
  }
}

/** Reads what SnapshotWriter wrote; every failure is a SnapshotError. */
export class SnapshotReader {
  readonly meta: Record<string, unknown>;
  private readonly dir: Directory;
  private readonly dataStart: number;
  private readonly dec = new TextDecoder('utf-8', { fatal: true });

  constructor(
    private readonly buf: ArrayBuffer,
    version: number,
  ) {
    if (!(buf instanceof ArrayBuffer) || buf.byteLength < HEADER_BYTES)
      throw new SnapshotError('not-a-snapshot', 'too short to be a snapshot');
    const bytes = new Uint8Array(buf, 0, MAGIC.length);
    for (let i = 0; i < MAGIC.length; i++)
      if (bytes[i] !== MAGIC.charCodeAt(i)) throw new SnapshotError('not-a-snapshot', 'no snapshot magic');
    const head = new DataView(buf);
    const v = head.getUint32(8, true);
    if (v !== version) throw new SnapshotError('version', `snapshot format ${v}, this version reads ${version}`);
    const total = head.getUint32(20, true);
    if (total !== buf.byteLength || total % 8 !== 0)
      throw new SnapshotError('corrupt', `snapshot of ${buf.byteLength} bytes says ${total}`);
    const [a, b] = checksums(buf);
    // Bytes 28–31 are reserved, written as zero and outside the checksum: anything else there is damage.
    if (a !== head.getUint32(12, true) || b !== head.getUint32(24, true) || head.getUint32(28, true) !== 0)
      throw new SnapshotError('corrupt', 'snapshot checksum mismatch');
    const jsonLength = head.getUint32(16, true);
    this.dataStart = pad8(HEADER_BYTES + jsonLength);
    if (this.dataStart > total) throw new SnapshotError('corrupt', 'snapshot header past its end');
    try {
      this.meta = JSON.parse(this.dec.decode(new Uint8Array(buf, HEADER_BYTES, jsonLength))) as Record<string, unknown>;
    } catch {
      throw new SnapshotError('corrupt', 'snapshot header is not JSON');
    }
    this.dir = (this.meta.dir ?? {}) as Directory;
  }

  has(name: string): boolean {
    return name in this.dir;
  }

  /** The section in place: a view on the snapshot's buffer (which the store then keeps). */
  array<K extends SectionKind>(name: string, kind: K | readonly K[], length?: number): InstanceType<(typeof CTOR)[K]> {
    const entry = this.dir[name];
    if (!entry) throw new SnapshotError('corrupt', `snapshot has no section ${name}`);
    const [k, off, count] = entry;
    const kinds: readonly SectionKind[] = typeof kind === 'string' ? [kind] : kind;
    if (!kinds.includes(k)) throw new SnapshotError('corrupt', `section ${name} is ${k}, not ${kinds.join('|')}`);
    if (length !== undefined && count !== length)
      throw new SnapshotError('corrupt', `section ${name} has ${count} items, not ${length}`);
    const C = CTOR[k];
    const start = this.dataStart + off;
    if (!Number.isInteger(off) || start % 8 || start + count * C.BYTES_PER_ELEMENT > this.buf.byteLength)
      throw new SnapshotError('corrupt', `section ${name} lies outside the snapshot`);
    return new C(this.buf, start, count) as InstanceType<(typeof CTOR)[K]>;
  }

  /** Offsets that must start at 0, never go down, and end at `end` when given. */
  private offsets(name: string, count: number | undefined, end?: number): Uint32Array {
    const at = this.array(name, 'u32', count === undefined ? undefined : count + 1);
    let ok = at.length > 0 && at[0] === 0 && (end === undefined || at[at.length - 1] === end);
    for (let i = 1; ok && i < at.length; i++) ok = at[i - 1]! <= at[i]!;
    if (!ok) throw new SnapshotError('corrupt', `offsets of ${name} do not add up`);
    return at;
  }

  /** A table written by SnapshotWriter.table, read lazily. */
  table(name: string, count?: number): LazyStrings {
    if (this.has(`${name}.utf16`)) {
      const u16 = this.array(`${name}.utf16`, 'u16');
      return new LazyStrings(u16, this.offsets(`${name}.at`, count, u16.length));
    }
    return new LazyStrings(this.bytes(`${name}.utf8`), this.offsets(`${name}.at`, count));
  }

  /** Texts written by SnapshotWriter.texts, read lazily. */
  texts(name: string, count?: number): LazyTexts | LazyStrings {
    if (!this.has(`${name}.at8`)) return this.table(name, count);
    const blob = this.bytes(`${name}.utf8`);
    const at8 = this.offsets(`${name}.at8`, count, blob.length);
    return new LazyTexts(blob, at8, this.array(`${name}.len`, 'u32', at8.length - 1));
  }

  /** The bytes of a section, in place. */
  bytes(name: string): Uint8Array {
    const [k, off, count] = this.dir[name] ?? [];
    if (k !== 'u8' || off === undefined || count === undefined || this.dataStart + off + count > this.buf.byteLength)
      throw new SnapshotError('corrupt', `section ${name} lies outside the snapshot`);
    return new Uint8Array(this.buf, this.dataStart + off, count);
  }

  private decode(bytes: Uint8Array, name: string): string {
    try {
      return this.dec.decode(bytes);
    } catch {
      throw new SnapshotError('corrupt', `strings of ${name} are not UTF-8`);
    }
  }

  /** A table's strings, in a packed array (holes would make a million-slot array slow). */
  strings(name: string, length?: number): (string | undefined)[] {
    const out: (string | undefined)[] = [];
    if (this.has(`${name}.bytelen`)) {
      const lens = this.array(`${name}.bytelen`, 'u32', length);
      const bytes = this.bytes(`${name}.utf8`);
      let at = 0;
      for (let i = 0; i < lens.length; i++) {
        const n = lens[i]!;
        if (n === NONE) out.push(undefined);
        else {
          if (at + n > bytes.length) throw new SnapshotError('corrupt', `strings of ${name} do not add up`);
          out.push(this.decode(bytes.subarray(at, at + n), name));
          at += n;
        }
      }
      if (at !== bytes.length) throw new SnapshotError('corrupt', `strings of ${name} do not add up`);
      return out;
    }
    const lens = this.array(`${name}.len`, 'u32', length);
    let all: string;
    if (this.has(`${name}.utf8`)) all = this.decode(this.bytes(`${name}.utf8`), name);
    else {
      all = fromUtf16(this.array(`${name}.utf16`, 'u16'));
    }
    let at = 0;
    for (let i = 0; i < lens.length; i++) {
      const n = lens[i]!;
      if (n === NONE) out.push(undefined);
      else {
        out.push(all.slice(at, at + n));
        at += n;
      }
    }
    if (at !== all.length) throw new SnapshotError('corrupt', `strings of ${name} do not add up`);
    return out;
  }
}
