// The in-memory triple store: compact integer ids, columnar typed arrays and
// CSR adjacency, so that a million triples fit in little memory and queries
// walk arrays instead of objects. Parsed Triple objects are not kept: they are
// materialised on demand by `tripleAt`.
import {
  DATASET_FORMAT,
  DATASET_VERSION,
  type Attributes,
  type ClaimStatus,
  type Credibility,
  type Dataset,
  type Entity,
  type Schema,
  type Source,
  type Triple,
} from './model.ts';
import { indexSchema, type SchemaIndex } from './schema.ts';
import { CLAIM_STATUSES, isHedge, reliabilityRank, statusCode } from './trust.ts';
import { buildCsr, indexEntities, indexTypes, slotColumns, smallIntArray, type Csr } from './store-tables.ts';
import { COLLIDING_ID, deriveTripleId, repeatOrdinals, tripleIds } from './triple-ids.ts';
import type {
  BuildOptions,
  StoreIndexes,
  StoreParts,
  StringColumn,
  TripleColumns,
  TrustColumns,
} from './store-columns.ts';
import { ArrayEntities, type EntityTable } from './store-entities.ts';

export { deriveTripleId, tripleIds } from './triple-ids.ts';
export type { Csr } from './store-tables.ts';
export type { BuildOptions, StoreIndexes, StoreParts, TripleColumns, TrustColumns } from './store-columns.ts';

export class TripleStore {
  readonly schema: SchemaIndex;
  readonly sources: Source[];
  readonly title?: string;
  readonly entityCount: number;
  readonly tripleCount: number;

  private readonly entities: EntityTable;
  private readonly typeIds: string[];
  private readonly typeIndex: Map<string, number>;
  private readonly entityType: Uint16Array | Uint32Array;
  private readonly predIds: string[];
  private readonly predIndex: Map<string, number>;
  private readonly sourceIndex: Map<string, number>;

  // Columns, one slot per triple.
  private readonly subj: Uint32Array;
  private readonly obj: Uint32Array;
  private readonly pred: Uint16Array | Uint32Array;
  private readonly src: Uint16Array | Uint32Array;
  private readonly evidence: StringColumn;
  // Optional fields: allocated only when some triple has them.
  private readonly date?: StringColumn;
  private readonly confidence?: Float64Array; // NaN = absent
  private readonly attributedTo?: StringColumn;
  private readonly qualifier?: StringColumn;
  private readonly explicitStatus?: Uint8Array;
  private readonly credibility?: Uint8Array;
  private readonly attributes?: Map<number, Attributes>;
  /** Ids given in the file, by triple index (undefined when derived). */
  private readonly givenIds?: (string | undefined)[];
  private readonly givenIdIndex: Map<string, number>;
  /** Ordinal (>= 2) of id-less triples repeating an earlier id-less s|p|o. */
  private readonly repeatOrdinal: Map<number, number>;
  /** Set only when a given id and a derived one collide (a validation error). */
  private readonly derivedOverride?: Map<number, string>;

  private readonly out: Csr;
  private readonly inn: Csr;
  /** Per CSR slot k: the entity at the other end and the predicate of out.items[k] / inn.items[k]. */
  readonly outNbr: Uint32Array;
  readonly inNbr: Uint32Array;
  readonly outPred: Uint16Array | Uint32Array;
  readonly inPred: Uint16Array | Uint32Array;
  private readonly byPredicate: Csr;
  private readonly byType: Csr;

  /** `restored`: the indexes a snapshot kept (with `cols` and `table`), so nothing is indexed again. */
  private constructor(
    dataset: Dataset,
    schema: Schema,
    cols?: TripleColumns,
    restored?: StoreIndexes,
    table?: EntityTable,
  ) {
    this.schema = indexSchema(schema);
    this.sources = dataset.sources;
    this.embeddedSchema = dataset.schema !== undefined;
    if (dataset.title !== undefined) this.title = dataset.title;

    if (table && restored?.typeIds && restored.entityType) {
      this.entities = table;
      this.typeIds = restored.typeIds.slice();
      this.typeIndex = new Map(this.typeIds.map((id, i) => [id, i]));
      this.entityType = restored.entityType;
    } else {
      const ix = indexEntities(table ? table.all() : dataset.entities);
      this.entities = new ArrayEntities(ix.entities, ix.index);
      ({ ids: this.typeIds, index: this.typeIndex, ofEntity: this.entityType } = indexTypes(schema, ix.entities));
    }
    const n = this.entities.length;
    this.entityCount = n;
    this.predIds = restored ? restored.predIds.slice() : schema.predicates.map((p) => p.id);
    this.predIndex = new Map(this.predIds.map((id, i) => [id, i]));
    this.sourceIndex = new Map();
    dataset.sources.forEach((s, i) => {
      if (!this.sourceIndex.has(s.id)) this.sourceIndex.set(s.id, i);
    });

    // Columns from a streaming reader come validated and resolved; Triple objects are resolved here.
    let c = cols;
    if (!c) {
      const resolved = this.resolveTriples(dataset.triples);
      c = resolved.cols;
      if (resolved.extraSources.length) this.sources = [...this.sources, ...resolved.extraSources];
    }
    const m = c.count;
    this.tripleCount = m;
    this.subj = c.subj;
    this.obj = c.obj;
    this.pred = c.pred;
    this.src = c.src;
    this.evidence = c.evidence;
    if (c.date) this.date = c.date;
    if (c.confidence) this.confidence = c.confidence;
    if (c.attributedTo) this.attributedTo = c.attributedTo;
    if (c.qualifier) this.qualifier = c.qualifier;
    if (c.givenIds) this.givenIds = c.givenIds;
    if (c.status) this.explicitStatus = c.status;
    if (c.credibility) this.credibility = c.credibility;
    if (c.attributes?.size) this.attributes = c.attributes;
    this.givenIdIndex = new Map();
    // Duplicate ids (validation reports them): the first one wins.
    c.givenIds?.forEach((id, t) => {
      if (id !== undefined && !this.givenIdIndex.has(id)) this.givenIdIndex.set(id, t);
    });
    this.extraSourceCount = restored ? restored.extraSourceCount : this.sources.length - dataset.sources.length;

    if (restored) {
      ({
        out: this.out,
        inn: this.inn,
        outNbr: this.outNbr,
        inNbr: this.inNbr,
        outPred: this.outPred,
        inPred: this.inPred,
        byPredicate: this.byPredicate,
        byType: this.byType,
        repeatOrdinal: this.repeatOrdinal,
      } = restored);
      if (restored.derivedOverride) this.derivedOverride = restored.derivedOverride;
      return;
    }
    const predMax = this.predIds.length;
    this.out = buildCsr(this.subj, n);
    this.inn = buildCsr(this.obj, n);
    ({
      outNbr: this.outNbr,
      inNbr: this.inNbr,
      outPred: this.outPred,
      inPred: this.inPred,
    } = slotColumns(m, this.out, this.inn, this.subj, this.obj, this.pred, predMax));
    this.byPredicate = buildCsr(this.pred, this.predIds.length);
    this.byType = buildCsr(this.entityType, this.typeIds.length);
    this.repeatOrdinal = repeatOrdinals(this.out, n, this.pred, this.obj, this.givenIds);
    this.derivedOverride = this.settleDerivedIds(cols ? undefined : dataset.triples);
  }

  /** Triple objects → columns of indices; predicates and sources the schema or dataset lack are appended (validation reports them). */
  private resolveTriples(triples: readonly Triple[]): { cols: TripleColumns; extraSources: Source[] } {
    const m = triples.length;
    for (const t of triples)
      if (!this.predIndex.has(t.predicate)) {
        this.predIndex.set(t.predicate, this.predIds.length);
        this.predIds.push(t.predicate);
      }
    const evidence = new Array<string | undefined>(m);
    let date: (string | undefined)[] | undefined,
      attributedTo: (string | undefined)[] | undefined,
      qualifier: (string | undefined)[] | undefined;
    const c: TripleColumns = {
      count: m,
      subj: new Uint32Array(m),
      obj: new Uint32Array(m),
      pred: smallIntArray(m, this.predIds.length),
      src: smallIntArray(m, this.sources.length + 1),
      evidence,
    };
    const extraSources: Source[] = [];
    for (let t = 0; t < m; t++) {
      const tr = triples[t]!;
      const s = this.entities.indexOf(tr.subject);
      const o = this.entities.indexOf(tr.object);
      if (s < 0 || o < 0) {
        const which = s < 0 ? `subject '${tr.subject}'` : `object '${tr.object}'`;
        throw new Error(
          `triples[${t}]: ${which} is not an entity of the dataset; validate the dataset (actorgraph validate) and add the entity or fix the id before building the store`,
        );
      }
      c.subj[t] = s;
      c.obj[t] = o;
      c.pred[t] = this.predIndex.get(tr.predicate)!;
      let si = this.sourceIndex.get(tr.source);
      if (si === undefined) {
        // Unknown source (validation reports it): keep the reference so the triple round-trips.
        si = this.sources.length + extraSources.length;
        this.sourceIndex.set(tr.source, si);
        extraSources.push({ id: tr.source, title: tr.source });
      }
      c.src[t] = si;
      evidence[t] = tr.evidence;
      if (tr.date !== undefined) (date ??= c.date = new Array(m))[t] = tr.date;
      if (tr.confidence !== undefined) (c.confidence ??= new Float64Array(m).fill(NaN))[t] = tr.confidence;
      if (tr.attributedTo !== undefined) (attributedTo ??= c.attributedTo = new Array(m))[t] = tr.attributedTo;
      if (tr.qualifier !== undefined) (qualifier ??= c.qualifier = new Array(m))[t] = tr.qualifier;
      if (tr.id !== undefined) (c.givenIds ??= new Array(m))[t] = tr.id;
      if (tr.status !== undefined) (c.status ??= new Uint8Array(m))[t] = statusCode(tr.status) + 1;
      if (tr.credibility !== undefined) (c.credibility ??= new Uint8Array(m))[t] = tr.credibility;
      if (tr.attributes !== undefined) (c.attributes ??= new Map()).set(t, tr.attributes);
    }
    return { cols: c, extraSources };
  }

  /** Derived ids that must differ from the plain `s|p|o#n` form, so every id stays unique; undefined when none. */
  private settleDerivedIds(triples: readonly Triple[] | undefined): Map<number, string> | undefined {
    let override: Map<number, string> | undefined;
    const m = this.tripleCount;
    if (this.entityIds().some((id) => COLLIDING_ID.test(id)) || this.predIds.some((p) => p.includes('|'))) {
      // Derived ids may collide with each other: settle every id as tripleIds does (rare ids, so the cost is rare too).
      const ids = tripleIds(
        triples ??
          Array.from({ length: m }, (_, t) => ({
            id: this.givenIds?.[t],
            subject: this.entities.id(this.subj[t]!),
            predicate: this.predIds[this.pred[t]!]!,
            object: this.entities.id(this.obj[t]!),
          })),
      );
      for (let t = 0; t < m; t++) {
        if (this.givenIds?.[t] === undefined && ids[t] !== this.derivedId(t)) (override ??= new Map()).set(t, ids[t]!);
      }
    } else if (this.givenIdIndex.size) {
      // A given id shaped like a derived one could shadow it; disambiguate the derived one.
      for (const [id] of this.givenIdIndex) {
        if (!id.includes('|')) continue;
        const t = this.findDerived(id, override);
        if (t >= 0) {
          let k = 2;
          while (this.givenIdIndex.has(`${id}~${k}`)) k++;
          (override ??= new Map()).set(t, `${id}~${k}`);
        }
      }
    }
    return override;
  }

  /** Sources appended for triples citing a source the dataset lacks. */
  private readonly extraSourceCount: number;
  /** Whether the dataset embedded its schema (toDataset gives it back then). */
  private readonly embeddedSchema: boolean;

  static build(dataset: Dataset, schema: Schema, opts: BuildOptions = {}): TripleStore {
    return TripleStore.withTexts(new TripleStore(dataset, schema), dataset, opts);
  }

  /**
   * A store from triple columns a reader has already validated and resolved
   * (`dataset` gives title, schema presence, sources and entities; its
   * `triples` are ignored): no Triple objects are made.
   */
  static fromColumns(dataset: Dataset, schema: Schema, cols: TripleColumns, opts: BuildOptions = {}): TripleStore {
    return TripleStore.withTexts(new TripleStore(dataset, schema, cols), dataset, opts);
  }

  /** A store again from what `parts()` gave (a snapshot): nothing is validated or indexed again. */
  static restore(p: StoreParts): TripleStore {
    const ds: Dataset = {
      format: DATASET_FORMAT,
      version: DATASET_VERSION,
      sources: p.sources,
      entities: [],
      triples: [],
    };
    if (p.title !== undefined) ds.title = p.title;
    if (p.embeddedSchema) ds.schema = p.schema;
    const store = new TripleStore(ds, p.schema, p.cols, p.indexes, p.entities);
    for (const [id, text] of p.sourceTexts) store.sourceTexts.set(id, text);
    return store;
  }

  /** Everything the store holds, by reference (for a snapshot; see core/snapshot/). */
  parts(): StoreParts {
    const cols: TripleColumns = {
      count: this.tripleCount,
      subj: this.subj,
      obj: this.obj,
      pred: this.pred,
      src: this.src,
      evidence: this.evidence,
    };
    if (this.date) cols.date = this.date;
    if (this.confidence) cols.confidence = this.confidence;
    if (this.attributedTo) cols.attributedTo = this.attributedTo;
    if (this.qualifier) cols.qualifier = this.qualifier;
    if (this.givenIds) cols.givenIds = this.givenIds;
    if (this.explicitStatus) cols.status = this.explicitStatus;
    if (this.credibility) cols.credibility = this.credibility;
    if (this.attributes) cols.attributes = this.attributes;
    const indexes: StoreIndexes = {
      predIds: this.predIds,
      extraSourceCount: this.extraSourceCount,
      out: this.out,
      inn: this.inn,
      outNbr: this.outNbr,
      inNbr: this.inNbr,
      outPred: this.outPred,
      inPred: this.inPred,
      byPredicate: this.byPredicate,
      byType: this.byType,
      repeatOrdinal: this.repeatOrdinal,
      typeIds: this.typeIds,
      entityType: this.entityType,
    };
    if (this.derivedOverride) indexes.derivedOverride = this.derivedOverride;
    const p: StoreParts = {
      schema: this.schema.schema,
      embeddedSchema: this.embeddedSchema,
      sources: this.sources,
      entities: this.entities,
      cols,
      indexes,
      sourceTexts: this.sourceTexts,
    };
    if (this.title !== undefined) p.title = this.title;
    return p;
  }

  private static withTexts(store: TripleStore, dataset: Dataset, opts: BuildOptions): TripleStore {
    for (const s of dataset.sources) {
      const text = s.text ?? opts.sourceText?.(s);
      if (text !== undefined) store.sourceTexts.set(s.id, text);
    }
    return store;
  }

  /** A function: the text is made when first asked (a snapshot's, decoded then). */
  private readonly sourceTexts = new Map<string, string | (() => string)>();

  /** The text of a source: inline in the dataset, or read by the loader. */
  sourceText(sourceId: string): string | undefined {
    const v = this.sourceTexts.get(sourceId);
    if (typeof v !== 'function') return v;
    const text = v();
    this.sourceTexts.set(sourceId, text);
    return text;
  }
  /** Records a source's text (the loader reads it from the source's path). */
  attachSourceText(sourceId: string, text: string): void {
    this.sourceTexts.set(sourceId, text);
  }
  source(sourceId: string): Source | undefined {
    const i = this.sourceIndex.get(sourceId);
    return i === undefined ? undefined : this.sources[i];
  }

  // ---- entities -------------------------------------------------------

  indexOf(entityId: string): number {
    return this.entities.indexOf(entityId);
  }
  entityAt(i: number): Entity {
    if (!(Number.isInteger(i) && i >= 0 && i < this.entityCount))
      throw new RangeError(`entity index ${i} out of range 0..${this.entityCount - 1}`);
    return this.entities.at(i);
  }
  entity(id: string): Entity | undefined {
    const i = this.entities.indexOf(id);
    return i < 0 ? undefined : this.entities.at(i);
  }
  /** Index of the entity's type in `typeId`. */
  typeIndexOf(i: number): number {
    return this.entityType[i]!;
  }
  typeId(k: number): string {
    return this.typeIds[k]!;
  }
  typeIndexById(id: string): number {
    return this.typeIndex.get(id) ?? -1;
  }
  get typeCount(): number {
    return this.typeIds.length;
  }
  /** Entity indices of exactly type k (not subtypes). */
  entitiesOfType(k: number): Uint32Array {
    return this.byType.items.subarray(this.byType.offsets[k], this.byType.offsets[k + 1]);
  }
  /** A Uint8Array over type indices: 1 when the type is one of `types` or a subtype of one. */
  typeMask(types: Iterable<string>): Uint8Array {
    const mask = new Uint8Array(this.typeIds.length);
    for (const id of this.schema.expand(types)) {
      const k = this.typeIndex.get(id);
      if (k !== undefined) mask[k] = 1;
    }
    return mask;
  }

  // ---- predicates -----------------------------------------------------

  predicateIndex(id: string): number {
    return this.predIndex.get(id) ?? -1;
  }
  predicateId(p: number): string {
    return this.predIds[p]!;
  }
  get predicateCount(): number {
    return this.predIds.length;
  }
  /** Triple indices with predicate p, in file order. */
  triplesWithPredicate(p: number): Uint32Array {
    return this.byPredicate.items.subarray(this.byPredicate.offsets[p], this.byPredicate.offsets[p + 1]);
  }

  // ---- triples --------------------------------------------------------

  subjectOf(t: number): number {
    return this.subj[t]!;
  }
  objectOf(t: number): number {
    return this.obj[t]!;
  }
  predicateOf(t: number): number {
    return this.pred[t]!;
  }

  /** The triple's id: as given in the file, else derived. */
  tripleId(t: number): string {
    const given = this.givenIds?.[t];
    if (given !== undefined) return given;
    return this.derivedOverride?.get(t) ?? this.derivedId(t);
  }

  /** `s|p|o`, `#n` for repeats, before any disambiguation. */
  private derivedId(t: number): string {
    return deriveTripleId(
      {
        subject: this.entities.id(this.subj[t]!),
        predicate: this.predIds[this.pred[t]!]!,
        object: this.entities.id(this.obj[t]!),
      },
      this.repeatOrdinal.size ? (this.repeatOrdinal.get(t) ?? 1) : 1,
    );
  }

  private entityIds(): string[] {
    return Array.from({ length: this.entityCount }, (_, i) => this.entities.id(i));
  }
  /** `|predicate|` per predicate index: a derived id is then two concatenations, not four. */
  private predicateMidList?: string[];

  /** True when the file gave this triple its id. */
  hasGivenId(t: number): boolean {
    return this.givenIds?.[t] !== undefined;
  }

  tripleAt(t: number): Triple {
    if (!(t >= 0 && t < this.tripleCount))
      throw new RangeError(`triple index ${t} out of range 0..${this.tripleCount - 1}`);
    return this.makeTriple(t);
  }

  /** `tripleAt` of `indices[0 .. count)`, in that order: one tight loop for queries that return many triples. */
  triplesAt(indices: ArrayLike<number>, count = indices.length): Triple[] {
    const out: Triple[] = [];
    for (let k = 0; k < count; k++) {
      const t = indices[k]!;
      if (!(t >= 0 && t < this.tripleCount))
        throw new RangeError(`triple index ${t} out of range 0..${this.tripleCount - 1}`);
      out.push(this.makeTriple(t));
    }
    return out;
  }

  private makeTriple(t: number): Triple {
    const ids = this.entities;
    const subject = ids.id(this.subj[t]!),
      predicate = this.predIds[this.pred[t]!]!,
      object = ids.id(this.obj[t]!);
    let id = this.givenIds?.[t] ?? this.derivedOverride?.get(t);
    if (id === undefined) {
      // deriveTripleId's string, built with fewer intermediate strings (this is most of a triple's cost).
      const mids = (this.predicateMidList ??= this.predIds.map((p) => `|${p}|`));
      id = subject + mids[this.pred[t]!]! + object;
      const n = this.repeatOrdinal.size ? this.repeatOrdinal.get(t) : undefined;
      if (n !== undefined && n >= 2) id = `${id}#${n}`;
    }
    const triple: Triple = { id, subject, predicate, object, source: this.sources[this.src[t]!]!.id };
    const ev = this.evidence.at(t);
    if (ev !== undefined) triple.evidence = ev;
    const date = this.date?.at(t);
    if (date !== undefined) triple.date = date;
    const c = this.confidence?.[t];
    if (c !== undefined && !Number.isNaN(c)) triple.confidence = c;
    const by = this.attributedTo?.at(t);
    if (by !== undefined) triple.attributedTo = by;
    const q = this.qualifier?.at(t);
    if (q !== undefined) triple.qualifier = q;
    const st = this.explicitStatus?.[t];
    if (st) triple.status = CLAIM_STATUSES[st - 1]!;
    const cr = this.credibility?.[t];
    if (cr) triple.credibility = cr as Credibility;
    const at = this.attributes?.get(t);
    if (at !== undefined) triple.attributes = at;
    return triple;
  }

  // ---- trust ----------------------------------------------------------

  /** The claim status of every triple as codes (index in CLAIM_STATUSES), derived once (statusOf's rules). */
  private statusCodes?: Uint8Array;
  statusCodeColumn(): Uint8Array {
    if (this.statusCodes) return this.statusCodes;
    const m = this.tripleCount;
    const codes = new Uint8Array(m);
    const unsourced = statusCode('unsourced'),
      hedged = statusCode('hedged'),
      attributed = statusCode('attributed'),
      asserted = statusCode('asserted');
    const hedgeMemo = new Map<string, boolean>();
    const ev = this.evidence;
    // Presence only: a snapshot's column tells it without slicing the quote.
    const quoted = ev.has ? ev.has.bind(ev) : (t: number) => ev.at(t) !== undefined;
    for (let t = 0; t < m; t++) {
      const ex = this.explicitStatus?.[t];
      if (ex) {
        codes[t] = ex - 1;
        continue;
      }
      if (!quoted(t)) {
        codes[t] = unsourced;
        continue;
      }
      const q = this.qualifier?.at(t);
      if (q !== undefined) {
        let h = hedgeMemo.get(q);
        if (h === undefined) {
          h = isHedge(q);
          hedgeMemo.set(q, h);
        }
        if (h) {
          codes[t] = hedged;
          continue;
        }
      }
      codes[t] = this.attributedTo?.at(t) !== undefined ? attributed : asserted;
    }
    return (this.statusCodes = codes);
  }
  statusAt(t: number): ClaimStatus {
    return CLAIM_STATUSES[this.statusCodeColumn()[t]!]!;
  }
  /** Credibility 1..6 of triple t; 6 when absent. */
  credibilityAt(t: number): number {
    return this.credibility?.[t] || 6;
  }
  /** Reliability rank 0 (A) … 5 (F) of each source, by source index. */
  private sourceRanks?: Uint8Array;
  sourceReliabilityRanks(): Uint8Array {
    return (this.sourceRanks ??= Uint8Array.from(this.sources, (s) => reliabilityRank(s.reliability)));
  }
  /** The raw optional columns, for scans (undefined when no triple has the field). */
  get trustColumns(): TrustColumns {
    const c: TrustColumns = { evidence: this.evidence, src: this.src };
    if (this.date) c.date = this.date;
    if (this.attributedTo) c.attributedTo = this.attributedTo;
    if (this.qualifier) c.qualifier = this.qualifier;
    if (this.credibility) c.credibility = this.credibility;
    return c;
  }

  /** As in the file: no id when it had none. */
  private fileTripleAt(t: number): Triple {
    const triple = this.tripleAt(t);
    if (!this.hasGivenId(t)) delete triple.id;
    return triple;
  }

  tripleIndexOf(tripleId: string): number {
    const given = this.givenIdIndex.get(tripleId);
    if (given !== undefined) return given;
    if (this.derivedOverride) {
      for (const [t, id] of this.derivedOverride) if (id === tripleId) return t;
    }
    const t = this.findDerived(tripleId);
    return t >= 0 && !this.derivedOverride?.has(t) ? t : -1;
  }

  /** The id-less triple whose derived id is `id`, or -1. Parses instead of keeping a map of a million strings. */
  private findDerived(id: string, override = this.derivedOverride): number {
    // `x|p|a#2` is the 2nd repeat of x|p|a, or the first x|p|(a#2) when an entity id ends in #2: try both.
    const hash = /#(\d+)$/.exec(id);
    if (hash && Number(hash[1]) >= 2 && String(Number(hash[1])) === hash[1]) {
      const t = this.findDerivedAt(id.slice(0, hash.index), Number(hash[1]), override);
      if (t >= 0) return t;
    }
    return this.findDerivedAt(id, 1, override);
  }

  private findDerivedAt(body: string, ordinal: number, override: Map<number, string> | undefined): number {
    for (let p = 0; p < this.predIds.length; p++) {
      const mid = `|${this.predIds[p]}|`;
      for (let at = body.indexOf(mid); at >= 0; at = body.indexOf(mid, at + 1)) {
        const s = this.entities.indexOf(body.slice(0, at));
        const o = this.entities.indexOf(body.slice(at + mid.length));
        if (s < 0 || o < 0) continue;
        const { offsets, items } = this.out;
        for (let k = offsets[s]!; k < offsets[s + 1]!; k++) {
          const t = items[k]!;
          if (this.pred[t] !== p || this.obj[t] !== o || this.givenIds?.[t] !== undefined || override?.has(t)) continue;
          if ((this.repeatOrdinal.get(t) ?? 1) === ordinal) return t;
        }
      }
    }
    return -1;
  }

  sourceIndexOf(t: number): number {
    return this.src[t]!;
  }

  // ---- adjacency ------------------------------------------------------

  outTriples(i: number): Uint32Array {
    return this.out.items.subarray(this.out.offsets[i], this.out.offsets[i + 1]);
  }
  inTriples(i: number): Uint32Array {
    return this.inn.items.subarray(this.inn.offsets[i], this.inn.offsets[i + 1]);
  }
  outDegree(i: number): number {
    return this.out.offsets[i + 1]! - this.out.offsets[i]!;
  }
  inDegree(i: number): number {
    return this.inn.offsets[i + 1]! - this.inn.offsets[i]!;
  }
  /** Triples the entity takes part in (a self-loop counts twice). */
  degree(i: number): number {
    return this.outDegree(i) + this.inDegree(i);
  }
  /** The raw CSR arrays, for hot loops that must not allocate subarrays. */
  get outCsr(): Csr {
    return this.out;
  }
  get inCsr(): Csr {
    return this.inn;
  }
  /** The subject/object/predicate columns, for hot loops. */
  get columns(): {
    subj: Uint32Array;
    obj: Uint32Array;
    pred: Uint16Array | Uint32Array;
    entityType: Uint16Array | Uint32Array;
  } {
    return { subj: this.subj, obj: this.obj, pred: this.pred, entityType: this.entityType };
  }

  // ---- whole dataset --------------------------------------------------

  /** The dataset as it went in: given ids kept, missing ids left missing. */
  toDataset(): Dataset {
    const ds: Dataset = {
      format: DATASET_FORMAT,
      version: DATASET_VERSION,
      sources: this.sources.slice(0, this.sources.length - this.extraSourceCount),
      entities: this.entities.all(),
      triples: Array.from({ length: this.tripleCount }, (_, t) => this.fileTripleAt(t)),
    };
    if (this.title !== undefined) ds.title = this.title;
    if (this.embeddedSchema) ds.schema = this.schema.schema;
    return ds;
  }
}
