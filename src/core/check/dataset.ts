// The checks of a dataset, record by record (DatasetChecker), and the
// whole-object validation that drives them.
import {
  DATASET_FORMAT,
  DATASET_VERSION,
  type Attributes,
  type ClaimStatus,
  type Credibility,
  type Dataset,
  type Entity,
  type EntityType,
  type Predicate,
  type Schema,
  type Source,
  type Triple,
} from '../model.ts';
import type { Problem } from '../problems.ts';
import type { ParseResult, ValidateOptions } from './options.ts';
import { Report, SECTION } from './report.ts';
import { checkArray, isObj, own, quote, type Obj } from './fields.ts';
import { Pool } from './suggest.ts';
import { checkSchemaInto } from './schema.ts';
import { IdIndex, TripleSet } from './tables.ts';
import { checkHeader, notADataset, notAnObject } from './header.ts';
import { schemaTables } from './schema-tables.ts';
import { EvidenceCheck } from './evidence.ts';
import { checkEntity, checkSource } from './dataset-records.ts';
import { checkTriple } from './dataset-triple.ts';
import { formatCount } from '../format.ts';

/** A triple that passed its checks, as indices into the checker's tables (one object, reused). */
export interface CheckedTriple {
  s: number;
  p: number;
  o: number;
  src: number;
  /** undefined: an unsourced relation. */
  evidence: string | undefined;
  id: string | undefined;
  date: string | undefined;
  confidence: number | undefined;
  attributedTo: string | undefined;
  qualifier: string | undefined;
  status: ClaimStatus | undefined;
  credibility: Credibility | undefined;
  attributes: Attributes | undefined;
}

/**
 * The checks of a dataset, record by record: the whole-object validation and
 * every reader (through readers/assemble.ts) drive it, so they find the same
 * problems. Call header → useSchema → arrays (any order when streaming: the
 * report keeps sections apart), then sources, entities, beginTriples,
 * triples, finish, result. Its tables are read and filled by the record checks
 * in dataset-records.ts and dataset-triple.ts, hence not private.
 */
export class DatasetChecker {
  readonly r: Report;
  readonly budget = { left: 5_000_000 };
  schema?: Schema;
  schemaOk = false;
  schemaFrom?: 'embedded' | 'default';
  embedded = false;
  title?: string;
  // The schema as ordinals and typed arrays (schema-tables.ts), set by useSchema.
  typeIds = new Map<string, EntityType>();
  typeOrd = new Map<string, number>();
  predOrd = new Map<string, number>();
  predList: Predicate[] = [];
  domainOk: Uint8Array[] = [];
  rangeOk: Uint8Array[] = [];
  typePool?: Pool;

  readonly unreadable = new Set<string>(); // sources whose file could not be read (already reported)
  readonly sources: Source[] = [];
  readonly sourceAt = new Map<string, number>();
  readonly sourcePath: number[] = [];
  readonly entities: Entity[] = [];
  readonly entityTypeOrd: number[] = []; // -1: unknown type (already reported)
  readonly entityAt = new IdIndex();
  readonly entityPath: number[] = [];

  hasTriples = false;
  used = new Uint8Array(0);
  sourceUsed = new Uint8Array(0);
  readonly tripleIds = new Map<string, number>();
  dedupe = new TripleSet(0);
  rawIndex = new Int32Array(1024); // position in the file of each accepted triple
  /** Triples accepted so far. */
  accepted = 0;
  entityPool?: Pool;
  predPool?: Pool;
  sourcePool?: Pool;
  readonly evidence?: EvidenceCheck;
  /** Filled by triple() when it returns true. */
  readonly cur: CheckedTriple = {
    s: -1,
    p: -1,
    o: -1,
    src: -1,
    evidence: '',
    id: undefined,
    date: undefined,
    confidence: undefined,
    attributedTo: undefined,
    qualifier: undefined,
    status: undefined,
    credibility: undefined,
    attributes: undefined,
  };
  /** Accepted relations without evidence (one summary warning at the end). */
  unsourced = 0;
  firstUnsourced = -1;
  unsourcedWarning?: Problem;

  constructor(readonly opts: ValidateOptions) {
    this.r = new Report(opts.file, opts.maxPerCode ?? 200);
    if (opts.checkEvidence !== false) this.evidence = new EvidenceCheck(opts.sourceText);
  }

  notAnObject(raw: unknown): void {
    this.r.section = SECTION.header;
    notAnObject(this.r, raw);
  }

  /** Whether an object with these members is no dataset at all (then header() says so and nothing else counts). */
  static notADataset(raw: Obj): boolean {
    return notADataset(raw);
  }

  /** format, version, title and unknown top-level fields; false when the object is no dataset. */
  header(raw: Obj): boolean {
    this.r.section = SECTION.header;
    const h = checkHeader(this.r, raw);
    this.title = h.title;
    return h.dataset;
  }

  /** The embedded schema (the value of "schema"), else the default one. */
  useSchema(embedded: unknown): void {
    const r = this.r;
    r.section = SECTION.schema;
    let schema: Schema | undefined;
    if (embedded !== undefined) {
      // Used below even when it has errors, so that data problems are found too.
      const c = checkSchemaInto(r, embedded, ['schema'], this.budget);
      schema = c.schema;
      this.schemaOk = c.errors === 0;
      this.schemaFrom = 'embedded';
      this.embedded = true;
    } else if (this.opts.defaultSchema) {
      const scratch = new Report(this.opts.file, 1);
      const c = checkSchemaInto(scratch, this.opts.defaultSchema, [], this.budget);
      schema = c.schema;
      this.schemaOk = c.errors === 0;
      this.schemaFrom = 'default';
      if (c.errors > 0) {
        r.add(
          'error',
          'invalid-schema',
          ['schema'],
          `the default schema has ${c.errors} error(s)`,
          'validate the schema file on its own and fix it first',
        );
      }
    } else {
      r.add(
        'error',
        'no-schema',
        ['schema'],
        'the dataset embeds no schema and no default schema was given',
        'embed one under "schema", or load the dataset with the default schema (graph-data/schema.json)',
      );
    }
    this.schema = schema;
    ({
      typeIds: this.typeIds,
      typeOrd: this.typeOrd,
      predOrd: this.predOrd,
      predList: this.predList,
      domainOk: this.domainOk,
      rangeOk: this.rangeOk,
      typePool: this.typePool,
    } = schemaTables(schema, this.budget));
  }

  /** The three arrays (each undefined, and reported, when missing or not an array). */
  arrays(raw: Obj): { sources?: unknown[]; entities?: unknown[]; triples?: unknown[] } {
    this.r.section = SECTION.arrays;
    return {
      sources: checkArray(this.r, raw, 'sources', [], 'the dataset'),
      entities: checkArray(this.r, raw, 'entities', [], 'the dataset'),
      triples: checkArray(this.r, raw, 'triples', [], 'the dataset'),
    };
  }

  source(s: unknown, i: number): void {
    checkSource(this, s, i);
  }

  entity(e: unknown, i: number): void {
    checkEntity(this, e, i);
  }

  /** Once every source and entity is in; `capacity` is a hint (the number of triples when known). */
  beginTriples(capacity: number): void {
    this.hasTriples = true;
    this.used = new Uint8Array(this.entities.length);
    this.sourceUsed = new Uint8Array(this.sources.length);
    this.dedupe = new TripleSet(capacity);
    this.entityPool = new Pool(
      this.entities.map((e) => e.id),
      this.budget,
    );
    this.predPool = new Pool([...this.predOrd.keys()], this.budget);
    this.sourcePool = new Pool(
      this.sources.map((s) => s.id),
      this.budget,
    );
  }

  /**
   * Checks triples[i]; true when it is accepted, its fields then in `cur`.
   * `subjectAt`, `objectAt`: where the reader saw its entities (see RecordPlace), or -1.
   */
  triple(t: unknown, i: number, subjectAt = -1, objectAt = -1): boolean {
    return checkTriple(this, t, i, subjectAt, objectAt);
  }

  /** The clean triple of `cur`. */
  cleanTriple(): Triple {
    const c = this.cur;
    const clean: Triple = {
      subject: this.entities[c.s]!.id,
      predicate: this.predList[c.p]!.id,
      object: this.entities[c.o]!.id,
      source: this.sources[c.src]!.id,
    };
    if (c.evidence !== undefined) clean.evidence = c.evidence;
    if (c.id !== undefined) clean.id = c.id;
    if (c.date !== undefined) clean.date = c.date;
    if (c.confidence !== undefined) clean.confidence = c.confidence;
    if (c.attributedTo !== undefined) clean.attributedTo = c.attributedTo;
    if (c.qualifier !== undefined) clean.qualifier = c.qualifier;
    if (c.status !== undefined) clean.status = c.status;
    if (c.credibility !== undefined) clean.credibility = c.credibility;
    if (c.attributes !== undefined) clean.attributes = c.attributes;
    return clean;
  }

  /** Checks that need every record: entities and sources no triple uses. */
  finish(): void {
    const r = this.r;
    r.section = SECTION.finish;
    if (!this.hasTriples) return;
    if (this.unsourced > 1 && this.unsourcedWarning) {
      this.unsourcedWarning.message = `${formatCount(this.unsourced)} relations have no evidence (the first is triples[${this.firstUnsourced}]): they are unsourced`;
    }
    for (let i = 0; i < this.entities.length; i++) {
      if (!this.used[i]) {
        r.add(
          'warning',
          'unused-entity',
          ['entities', this.entityPath[i]!],
          `entity ${quote(this.entities[i]!.id)} takes part in no triple`,
          'add the triples that involve it, or remove it',
        );
      }
    }
    for (let i = 0; i < this.sources.length; i++) {
      if (!this.sourceUsed[i]) {
        r.add(
          'warning',
          'unused-source',
          ['sources', this.sourcePath[i]!],
          `source ${quote(this.sources[i]!.id)} is cited by no triple`,
          'cite it from the triples it supports, or remove it',
        );
      }
    }
  }

  /** Where entities[i] (a kept entity's index) and sources[i] were in the file. */
  entityFileIndex(i: number): number {
    return this.entityPath[i]!;
  }
  sourceFileIndex(i: number): number {
    return this.sourcePath[i]!;
  }

  /** The result; `text` locates the problems (a streaming reader has located them already). */
  result(text?: string, dataset?: Dataset): ParseResult {
    const problems = this.r.finish(text);
    const ok = this.r.errors === 0;
    const out: ParseResult = { ok, problems };
    if (ok && dataset) out.dataset = dataset;
    if (this.schema && this.schemaOk) out.schema = this.schema;
    if (this.schemaFrom) out.schemaFrom = this.schemaFrom;
    return out;
  }
}

export function validateDataset(raw: unknown, opts: ValidateOptions & { text?: string }): ParseResult {
  const c = new DatasetChecker(opts);
  if (!isObj(raw)) {
    c.notAnObject(raw);
    return c.result(opts.text);
  }
  if (!c.header(raw)) return c.result(opts.text);
  c.useSchema(own(raw, 'schema'));
  const a = c.arrays(raw);
  if (a.sources) for (let i = 0; i < a.sources.length; i++) c.source(a.sources[i], i);
  if (a.entities) for (let i = 0; i < a.entities.length; i++) c.entity(a.entities[i], i);
  const triples: Triple[] = [];
  if (a.triples) {
    c.beginTriples(a.triples.length);
    for (let i = 0; i < a.triples.length; i++) if (c.triple(a.triples[i], i)) triples.push(c.cleanTriple());
  }
  c.finish();
  const dataset: Dataset = {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    sources: c.sources,
    entities: c.entities,
    triples,
  };
  if (c.title !== undefined) dataset.title = c.title;
  if (c.embedded && c.schema) dataset.schema = c.schema;
  return c.result(opts.text, dataset);
}
