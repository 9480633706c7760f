// A loaded store as one ArrayBuffer and back (ADR 0013): the columns and
// indexes as typed arrays, strings in tables, so reopening data skips reading,
// checking and indexing. Evidence quotes found in their source's text are kept
// as (offset, length) into it: most datasets quote their sources verbatim.
// Decoding checks the buffer and views its arrays; strings, evidence and
// entities are made when first asked (lazy.ts).
import { computeStats } from '../memory-explorer.ts';
import type { Attributes, Schema, Source, Stats } from '../model.ts';
import type { StoreIndexes, StoreParts, StringColumn, TripleColumns } from '../store-columns.ts';
import type { Csr } from '../store-tables.ts';
import { TripleStore } from '../store.ts';
import { isWellFormed, NONE, SnapshotError, SnapshotReader, SnapshotWriter, utf8Length } from './binary.ts';
import {
  DictColumn,
  EvidenceColumn,
  IN_TABLE,
  idSlots,
  type LazyStrings,
  LazyTexts,
  SnapshotEntities,
} from './lazy.ts';

export { SnapshotError } from './binary.ts';

/** Bump when the layout, or what the store derives while building, changes: older snapshots are then refused. */
export const SNAPSHOT_VERSION = 2;

interface Meta {
  title?: string;
  schema: Schema;
  embeddedSchema: boolean;
  entities: number;
  triples: number;
  predIds: string[];
  /** Entity types by index (the schema's, then any the data used beyond it). */
  typeIds: string[];
  extraSourceCount: number;
  /** Sources, their inline texts left out (see the sourceText tables). */
  sources: Source[];
  /** Optional columns present. */
  has: string[];
  /** The store's stats (computeStats), so a reopen need not count a million triples again. */
  stats: Stats;
}

/** An index array wide enough for `distinct` values plus "absent" (its largest value). */
function indexArray(m: number, distinct: number): Uint8Array | Uint16Array | Uint32Array {
  return distinct < 0xff ? new Uint8Array(m) : distinct < 0xffff ? new Uint16Array(m) : new Uint32Array(m);
}
const absentOf = (a: Uint8Array | Uint16Array | Uint32Array) => 2 ** (8 * a.BYTES_PER_ELEMENT) - 1;

/** Distinct values and, per slot, the index of its value (all ones when absent): dates and attributions repeat. */
function dictionary(w: SnapshotWriter, name: string, values: StringColumn, m: number): void {
  const ids = new Map<string, number>();
  const distinct: string[] = [];
  const idx = new Uint32Array(m);
  for (let t = 0; t < m; t++) {
    const v = values.at(t);
    if (v === undefined) {
      idx[t] = NONE;
      continue;
    }
    let k = ids.get(v);
    if (k === undefined) {
      k = distinct.length;
      ids.set(v, k);
      distinct.push(v);
    }
    idx[t] = k;
  }
  const small = indexArray(m, distinct.length);
  const absent = absentOf(small);
  for (let t = 0; t < m; t++) small[t] = idx[t] === NONE ? absent : idx[t]!;
  w.array(`${name}.idx`, small);
  w.strings(`${name}.values`, distinct);
}

function readDictionary(r: SnapshotReader, name: string, m: number): DictColumn {
  const idx = r.array(`${name}.idx`, ['u8', 'u16', 'u32'], m);
  const values = r.strings(`${name}.values`) as string[];
  // The indices are not checked one by one: one out of the table reads as absent (DictColumn).
  if (values.length > absentOf(idx)) throw new SnapshotError('corrupt', `${name}: more values than its index can tell`);
  return new DictColumn(idx, values);
}

function csr(w: SnapshotWriter, name: string, c: Csr): void {
  w.array(`${name}.offsets`, c.offsets);
  w.array(`${name}.items`, c.items);
}

function readCsr(r: SnapshotReader, name: string, keys: number, items: number): Csr {
  const offsets = r.array(`${name}.offsets`, 'u32', keys + 1);
  if (offsets[keys] !== items) throw new SnapshotError('corrupt', `${name}: offsets do not end at ${items}`);
  return { offsets, items: r.array(`${name}.items`, 'u32', items) };
}

/** Evidence as (start, length) into the text of the triple's source where found there, else in a table. */
function evidence(w: SnapshotWriter, p: StoreParts, texts: readonly (string | undefined)[]): void {
  const { cols, sources } = p;
  const m = cols.count;
  // Quotes usually come in their text's order: search on from the last one found.
  const cursor = new Uint32Array(sources.length);
  const misses = new Uint32Array(sources.length);
  const start = new Uint32Array(m),
    len = new Uint32Array(m);
  // Where quotes lie in the texts' UTF-8 too, when those are kept in UTF-8 (SnapshotWriter.texts): counted on
  // from the last quote of the same text (at16, at8), as the search goes.
  const inBytes = texts.every((x) => x === undefined || isWellFormed(x));
  const start8 = new Uint32Array(inBytes ? m : 0).fill(NONE),
    len8 = new Uint32Array(inBytes ? m : 0);
  const at16 = new Uint32Array(sources.length),
    at8 = new Uint32Array(sources.length);
  const table: string[] = [];
  for (let t = 0; t < m; t++) {
    const ev = cols.evidence.at(t);
    if (ev === undefined) {
      len[t] = NONE;
      continue;
    }
    const s = cols.src[t]!;
    const text = texts[s];
    let at = -1;
    // A source whose quotes are mostly not in its text is not searched for ever (each miss scans it all).
    if (text !== undefined && ev.length > 0 && misses[s]! < 64) {
      at = text.indexOf(ev, cursor[s]);
      if (at < 0) at = text.lastIndexOf(ev, cursor[s]);
    }
    if (at < 0 || ev.length >= IN_TABLE) {
      if (text !== undefined) misses[s]!++;
      start[t] = table.length;
      len[t] = IN_TABLE;
      table.push(ev);
    } else {
      start[t] = at;
      len[t] = ev.length;
      cursor[s] = at + ev.length;
      if (inBytes && text !== undefined && isWellFormed(ev)) {
        if (at < at16[s]!) at16[s] = at8[s] = 0;
        at8[s]! += utf8Length(text, at16[s], at);
        at16[s] = at;
        start8[t] = at8[s]!;
        len8[t] = utf8Length(text, at, at + ev.length);
      }
    }
  }
  w.array('evidence.start', start);
  w.array('evidence.len', len);
  if (inBytes) {
    w.array('evidence.start8', start8);
    w.array('evidence.len8', len8);
  }
  w.table('evidence.table', table);
}

/**
 * Evidence read lazily; every (start, length) checked against its text's length here, before any text is decoded.
 * `textKey[s]`: source s's text in `texts`, -1 for none.
 */
function readEvidence(r: SnapshotReader, src: ArrayLike<number>, textKey: Int32Array, texts: LazyTexts | LazyStrings) {
  const m = src.length;
  const start = r.array('evidence.start', 'u32', m);
  const len = r.array('evidence.len', 'u32', m);
  const table = r.table('evidence.table');
  const textLen = Int32Array.from(textKey, (k) => (k < 0 ? -1 : texts.len(k)));
  const bytes =
    r.has('evidence.start8') && texts instanceof LazyTexts
      ? { start8: r.array('evidence.start8', 'u32', m), len8: r.array('evidence.len8', 'u32', m) }
      : undefined;
  const textBytes = bytes && Int32Array.from(textKey, (k) => (k < 0 ? -1 : (texts as LazyTexts).bytes(k)));
  for (let t = 0; t < m; t++) {
    const n = len[t]!,
      a = start[t]!;
    if (n === NONE) continue;
    if (n === IN_TABLE) {
      if (a >= table.count) throw new SnapshotError('corrupt', 'evidence out of its table');
    } else {
      const l = textLen[src[t]!];
      if (l === undefined || a + n > l) throw new SnapshotError('corrupt', 'evidence out of its source');
      const a8 = bytes?.start8[t];
      if (a8 !== undefined && a8 !== NONE && a8 + bytes!.len8[t]! > textBytes![src[t]!]!)
        throw new SnapshotError('corrupt', 'evidence out of its source');
    }
  }
  return new EvidenceColumn(start, len, src, table, textKey, texts, bytes);
}

/** The entities as one JSON array and where each begins, their ids apart (SnapshotEntities reads them). */
function entities(w: SnapshotWriter, p: StoreParts): void {
  const n = p.entities.length;
  const parts: string[] = new Array(n);
  const ids: string[] = new Array(n);
  const starts = new Uint32Array(n + 1);
  starts[0] = 1;
  for (let i = 0; i < n; i++) {
    const e = p.entities.at(i);
    parts[i] = JSON.stringify(e);
    ids[i] = e.id;
    starts[i + 1] = starts[i]! + utf8Length(parts[i]!) + 1;
  }
  const json = new TextEncoder().encode(`[${parts.join(',')}]`);
  if (n === 0) starts[0] = json.length;
  w.array('entities.json', json);
  w.array('entities.starts', starts);
  w.table('entities.ids', ids);
  w.array('entities.slots', idSlots(ids));
  w.array('entities.type', p.indexes.entityType!);
}

function readEntities(r: SnapshotReader, n: number): SnapshotEntities {
  const json = r.bytes('entities.json');
  const starts = r.array('entities.starts', 'u32', n + 1);
  let ok = starts[n] === json.length && json[0] === 0x5b && json[json.length - 1] === 0x5d;
  for (let i = 0; ok && i < n; i++) ok = starts[i]! < starts[i + 1]!;
  if (!ok) throw new SnapshotError('corrupt', 'entities do not add up');
  const slots = r.array('entities.slots', 'u32');
  if (slots.length <= n || (slots.length & (slots.length - 1)) !== 0)
    throw new SnapshotError('corrupt', 'entity id table does not fit its entities');
  return new SnapshotEntities(json, starts, r.table('entities.ids', n), slots);
}

/** The store as one ArrayBuffer (see ADR 0013 for the layout); `stats`: its stats when already counted. */
export function encodeSnapshot(store: TripleStore, stats?: Stats): ArrayBuffer {
  const p = store.parts();
  const { cols, indexes: ix } = p;
  const m = cols.count;
  const w = new SnapshotWriter();
  const has: string[] = [];

  entities(w, p);
  // Source texts: the map's entries, and per source whether its inline text is the map's one (1) or its own (2).
  const texts = new Map<string, string>();
  for (const [k, v] of p.sourceTexts) texts.set(k, typeof v === 'function' ? v() : v);
  const keys = [...texts.keys()];
  w.strings('sourceText.keys', keys);
  w.texts(
    'sourceText.values',
    keys.map((k) => texts.get(k)!),
  );
  const inline = new Uint8Array(p.sources.length);
  const ownInline: (string | undefined)[] = [];
  const sources = p.sources.map((s, i) => {
    if (s.text === undefined) return s;
    const { text, ...rest } = s;
    if (text === texts.get(s.id)) inline[i] = 1;
    else {
      inline[i] = 2;
      ownInline[i] = text;
    }
    return rest;
  });
  w.array('sources.inline', inline);
  w.strings('sources.ownInline', ownInline, p.sources.length, true);

  w.array('subj', cols.subj);
  w.array('obj', cols.obj);
  w.array('pred', cols.pred);
  w.array('src', cols.src);
  evidence(
    w,
    p,
    p.sources.map((s) => texts.get(s.id)),
  );
  for (const name of ['date', 'attributedTo', 'qualifier'] as const) {
    const c = cols[name];
    if (c) {
      has.push(name);
      dictionary(w, name, c, m);
    }
  }
  if (cols.givenIds) {
    has.push('givenIds');
    w.strings('givenIds', cols.givenIds, m);
  }
  if (cols.confidence) {
    has.push('confidence');
    // As they are (not a table and indices like the strings): then viewed in place, not rebuilt, on a reopen.
    w.array('confidence', cols.confidence);
  }
  for (const name of ['status', 'credibility'] as const) {
    const c = cols[name];
    if (c) {
      has.push(name);
      w.array(name, c);
    }
  }
  if (cols.attributes) {
    has.push('attributes');
    w.array('attributes.keys', Uint32Array.from(cols.attributes.keys()));
    w.strings('attributes.values', [JSON.stringify([...cols.attributes.values()])]);
  }

  csr(w, 'out', ix.out);
  csr(w, 'inn', ix.inn);
  w.array('outNbr', ix.outNbr);
  w.array('inNbr', ix.inNbr);
  w.array('outPred', ix.outPred);
  w.array('inPred', ix.inPred);
  csr(w, 'byPredicate', ix.byPredicate);
  csr(w, 'byType', ix.byType);
  w.array('repeat.keys', Uint32Array.from(ix.repeatOrdinal.keys()));
  w.array('repeat.values', Uint32Array.from(ix.repeatOrdinal.values()));
  if (ix.derivedOverride) {
    has.push('derivedOverride');
    w.array('override.keys', Uint32Array.from(ix.derivedOverride.keys()));
    w.strings('override.values', [...ix.derivedOverride.values()]);
  }

  const meta: Meta = {
    schema: p.schema,
    embeddedSchema: p.embeddedSchema,
    entities: p.entities.length,
    triples: m,
    predIds: ix.predIds,
    typeIds: ix.typeIds!,
    extraSourceCount: ix.extraSourceCount,
    sources,
    has,
    stats: stats ?? computeStats(store),
  };
  if (p.title !== undefined) meta.title = p.title;
  return w.finish(SNAPSHOT_VERSION, meta);
}

/** The store `encodeSnapshot` saw; a SnapshotError when the buffer is not one this version reads, or is damaged. */
export function decodeSnapshot(buf: ArrayBuffer): TripleStore {
  return decodeSnapshotAndStats(buf).store;
}

/** The store and its stats as `encodeSnapshot` kept them; throws as decodeSnapshot. */
export function decodeSnapshotAndStats(buf: ArrayBuffer): { store: TripleStore; stats: Stats } {
  const r = new SnapshotReader(buf, SNAPSHOT_VERSION);
  try {
    const store = decode(r);
    const stats = (r.meta as unknown as Meta).stats;
    if (!stats || stats.triples !== store.tripleCount || stats.entities !== store.entityCount)
      throw new SnapshotError('corrupt', 'snapshot stats do not match its store');
    return { store, stats };
  } catch (e) {
    if (e instanceof SnapshotError) throw e;
    throw new SnapshotError('corrupt', `snapshot does not hold a store: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * A property `text` made on first read (then a plain one, in the same place among the source's keys). One
 * descriptor for every source, so they keep sharing their hidden classes (a closure each cost a microsecond).
 */
function lazyTextProperty(textOf: (id: string) => string): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get(this: Source): string {
      const value = textOf(this.id);
      Object.defineProperty(this, 'text', { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
  };
}

function decode(r: SnapshotReader): TripleStore {
  const meta = r.meta as unknown as Meta;
  const n = meta.entities,
    m = meta.triples;
  if (!Number.isInteger(n) || !Number.isInteger(m) || !Array.isArray(meta.sources) || !Array.isArray(meta.predIds))
    throw new SnapshotError('corrupt', 'snapshot header lacks counts');
  if (!Array.isArray(meta.typeIds)) throw new SnapshotError('corrupt', 'snapshot header lacks types');
  const has = new Set(meta.has);
  const entities = readEntities(r, n);
  const entityType = r.array('entities.type', ['u16', 'u32'], n);
  for (let i = 0; i < n; i++)
    if (entityType[i]! >= meta.typeIds.length) throw new SnapshotError('corrupt', 'entity type out of range');

  const keys = r.strings('sourceText.keys') as string[];
  const texts = r.texts('sourceText.values', keys.length);
  const keyOf = new Map(keys.map((k, i) => [k, i]));
  const sourceTexts = new Map<string, () => string>(keys.map((k, i) => [k, () => texts.get(i)]));
  const inline = r.array('sources.inline', 'u8', meta.sources.length);
  const ownInline = r.strings('sources.ownInline', meta.sources.length);
  const lazy = lazyTextProperty((id) => sourceTexts.get(id)!());
  // The header's objects, parsed for this decode only: given their texts in place.
  const sources = meta.sources;
  for (let i = 0; i < sources.length; i++) {
    if (inline[i] === 1) Object.defineProperty(sources[i], 'text', lazy);
    else if (inline[i] === 2) sources[i]!.text = ownInline[i]!;
  }

  const src = r.array('src', ['u16', 'u32'], m);
  const cols: TripleColumns = {
    count: m,
    subj: r.array('subj', 'u32', m),
    obj: r.array('obj', 'u32', m),
    pred: r.array('pred', ['u16', 'u32'], m),
    src,
    evidence: readEvidence(
      r,
      src,
      Int32Array.from(sources, (s) => keyOf.get(s.id) ?? -1),
      texts,
    ),
  };
  if (has.has('date')) cols.date = readDictionary(r, 'date', m);
  if (has.has('attributedTo')) cols.attributedTo = readDictionary(r, 'attributedTo', m);
  if (has.has('qualifier')) cols.qualifier = readDictionary(r, 'qualifier', m);
  if (has.has('givenIds')) cols.givenIds = r.strings('givenIds', m);
  if (has.has('confidence')) cols.confidence = r.array('confidence', 'f64', m);
  if (has.has('status')) cols.status = r.array('status', 'u8', m);
  if (has.has('credibility')) cols.credibility = r.array('credibility', 'u8', m);
  if (has.has('attributes')) {
    const at = r.array('attributes.keys', 'u32');
    const vals = JSON.parse(r.strings('attributes.values', 1)[0]!) as Attributes[];
    cols.attributes = new Map(Array.from(at, (t, i) => [t, vals[i]!]));
  }

  const repeatKeys = r.array('repeat.keys', 'u32');
  const repeatValues = r.array('repeat.values', 'u32', repeatKeys.length);
  const typeCount = r.array('byType.offsets', 'u32').length - 1;
  const ix: StoreIndexes = {
    predIds: meta.predIds,
    extraSourceCount: meta.extraSourceCount,
    out: readCsr(r, 'out', n, m),
    inn: readCsr(r, 'inn', n, m),
    outNbr: r.array('outNbr', 'u32', m),
    inNbr: r.array('inNbr', 'u32', m),
    outPred: r.array('outPred', ['u16', 'u32'], m),
    inPred: r.array('inPred', ['u16', 'u32'], m),
    byPredicate: readCsr(r, 'byPredicate', meta.predIds.length, m),
    byType: readCsr(r, 'byType', Math.max(0, typeCount), n),
    repeatOrdinal: new Map(Array.from(repeatKeys, (t, i) => [t, repeatValues[i]!])),
    typeIds: meta.typeIds,
    entityType,
  };
  if (has.has('derivedOverride')) {
    const ok = r.array('override.keys', 'u32');
    const ov = r.strings('override.values', ok.length);
    ix.derivedOverride = new Map(Array.from(ok, (t, i) => [t, ov[i]!]));
  }
  const parts: StoreParts = {
    schema: meta.schema,
    embeddedSchema: meta.embeddedSchema,
    sources,
    entities,
    cols,
    indexes: ix,
    sourceTexts,
  };
  if (meta.title !== undefined) parts.title = meta.title;
  const store = TripleStore.restore(parts);
  if (store.entityCount !== n || store.typeCount !== typeCount || typeCount !== meta.typeIds.length)
    throw new SnapshotError('corrupt', 'snapshot entities or types do not match its indexes');
  return store;
}
