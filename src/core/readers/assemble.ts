// The record sink every reader feeds: records go through the per-record
// checks (DatasetChecker, the same as the whole-object validation) in the
// order the checks need, accepted triples become store columns, and each
// problem is located from its record's place while the reader has it.
import { DATASET_FORMAT, DATASET_VERSION, type Dataset } from '../model.ts';
import type { Problem } from '../problems.ts';
import type { JsonPath, TextLocation } from '../json-location.ts';
import { TripleStore } from '../store.ts';
import { DatasetChecker } from '../check/dataset.ts';
import { ColumnBuilder, grow32 } from './columns.ts';
import type { KeptRecord, ReaderOptions, ReadResult, RecordKind, RecordPlace, RecordSink } from './reader.ts';

/** A layout this sink cannot take as a stream (the reader may read the whole text instead). */
export class UnsupportedLayout extends Error {}

type Timings = ReadResult['timings'];

export class DatasetAssembler implements RecordSink {
  private readonly checker: DatasetChecker;
  private readonly columns = new ColumnBuilder();
  private rootLoc: TextLocation = { line: 1, column: 1 };
  // Top level as seen so far: member values (streamed lists stand as []), key and value places.
  private readonly stub: Record<string, unknown> = {};
  private readonly keyLocs = new Map<string, TextLocation>();
  private readonly memberAt = new Map<string, RecordPlace>();
  private schemaDecided = false;
  private sourcesDone = false;
  private entitiesDone = false;
  private triplesBegun = false;
  private pending: { index: number; kept: KeptRecord }[] = [];
  // Where each source and entity starts (by file index), for problems found later.
  private readonly srcLoc: number[] = [];
  private entLine = new Uint32Array(1024);
  private entCol = new Uint32Array(1024);
  // The record being checked, for locating its problems (fields, not an object per record).
  private curKind: RecordKind | undefined;
  private curIndex = -1;
  private curAt: RecordPlace | undefined;

  constructor(
    private readonly opts: ReaderOptions,
    private readonly t: Timings,
  ) {
    this.checker = new DatasetChecker(opts);
    this.checker.r.onListed = (p, path) => this.locate(p, path);
  }

  start(loc: TextLocation): void {
    this.rootLoc = loc;
  }

  member(key: string, keyLoc: TextLocation, value: unknown, at: RecordPlace): void {
    if (key === 'schema' && this.schemaDecided) throw new UnsupportedLayout('late-schema');
    this.keyLocs.set(key, keyLoc);
    this.defineMember(key, value);
    this.memberAt.set(key, at);
    if (key === 'sources') this.sourcesDone = true;
    if (key === 'entities') this.entitiesDone = true;
    if (this.sourcesDone && this.entitiesDone) this.drainPending();
  }

  beginList(kind: RecordKind, keyLoc: TextLocation): void {
    this.keyLocs.set(kind, keyLoc);
    this.defineMember(kind, []);
  }

  endList(kind: RecordKind): void {
    if (kind === 'sources') this.sourcesDone = true;
    if (kind === 'entities') this.entitiesDone = true;
    if (this.sourcesDone && this.entitiesDone) this.drainPending();
  }

  record(kind: RecordKind, value: unknown, index: number, at: RecordPlace): void {
    if (kind === 'triples' && !(this.sourcesDone && this.entitiesDone)) {
      // Triples need every source and entity: keep them until then.
      this.pending.push({ index, kept: at.keep(value) });
      return;
    }
    this.check(kind, value, index, at);
  }

  private defineMember(key: string, value: unknown): void {
    // defineProperty: "__proto__" stays an own key, as JSON.parse makes it.
    Object.defineProperty(this.stub, key, { value, enumerable: true, writable: true, configurable: true });
  }

  private decideSchema(): void {
    if (this.schemaDecided) return;
    this.schemaDecided = true;
    this.checker.useSchema(Object.hasOwn(this.stub, 'schema') ? this.stub.schema : undefined);
  }

  private check(kind: RecordKind, value: unknown, i: number, at: RecordPlace): void {
    this.curKind = kind;
    this.curIndex = i;
    this.curAt = at;
    const c = this.checker;
    const loc = at.loc;
    if (kind === 'sources') {
      this.srcLoc[2 * i] = loc.line;
      this.srcLoc[2 * i + 1] = loc.column;
      c.source(value, i);
    } else if (kind === 'entities') {
      this.decideSchema();
      this.entLine = grow32(this.entLine, i + 1);
      this.entCol = grow32(this.entCol, i + 1);
      this.entLine[i] = loc.line;
      this.entCol[i] = loc.column;
      c.entity(value, i);
    } else {
      if (!this.triplesBegun) {
        this.decideSchema();
        c.beginTriples(1024);
        this.triplesBegun = true;
      }
      if (c.triple(value, i, at.subjectAt ?? -1, at.objectAt ?? -1)) this.columns.append(c.cur);
    }
    this.curKind = undefined;
    this.curAt = undefined;
  }

  private drainPending(): void {
    const pending = this.pending;
    if (pending.length === 0) return;
    this.pending = [];
    const t0 = performance.now();
    for (const p of pending) this.check('triples', p.kept.value(), p.index, p.kept.at);
    this.t.check += performance.now() - t0;
  }

  // ---- locating problems ----------------------------------------------

  /** Where the problem at `path` is; the record's text is at hand when it is found. */
  private locate(p: Problem, path: JsonPath): void {
    if (p.line !== undefined) return;
    const loc = this.where(path);
    p.line = loc.line;
    p.column = loc.column;
  }

  private where(path: JsonPath): TextLocation {
    if (path.length === 0) return this.rootLoc;
    const key = path[0];
    const keyLoc = typeof key === 'string' ? this.keyLocs.get(key) : undefined;
    if (keyLoc === undefined) return this.rootLoc; // a missing member: the object that lacks it
    if (path.length === 1) return keyLoc;
    const idx = path[1];
    if (this.curAt && this.curKind === key && this.curIndex === idx) return this.curAt.locate(path.slice(2));
    if (key === 'sources' && typeof idx === 'number' && this.srcLoc[2 * idx] !== undefined)
      return { line: this.srcLoc[2 * idx]!, column: this.srcLoc[2 * idx + 1]! };
    if (key === 'entities' && typeof idx === 'number' && idx < this.entLine.length && this.entLine[idx]! > 0)
      return { line: this.entLine[idx]!, column: this.entCol[idx]! };
    const m = this.memberAt.get(key as string);
    if (m) {
      const loc = m.locate(path.slice(1));
      return loc === m.loc ? keyLoc : loc;
    }
    return keyLoc;
  }

  // ---- the result -----------------------------------------------------

  /** Once the input is complete: the last checks, the problems and, when valid, the store. */
  end(): ReadResult {
    this.sourcesDone = true;
    this.entitiesDone = true;
    this.decideSchema();
    this.drainPending();
    const c = this.checker;
    const stub = this.stub;
    if (DatasetChecker.notADataset(stub)) {
      // No dataset at all: that is the one problem, as the whole-text check says.
      const only = new DatasetChecker(this.opts);
      only.r.onListed = (p) => {
        p.line = this.rootLoc.line;
        p.column = this.rootLoc.column;
      };
      only.header(stub);
      return { ...only.result(), timings: this.t };
    }
    const t0 = performance.now();
    c.header(stub);
    c.arrays(stub);
    if (!this.triplesBegun && Array.isArray(stub.triples)) {
      c.beginTriples(0);
      this.triplesBegun = true;
    }
    c.finish();
    const res: ReadResult = { ...c.result(), timings: this.t };
    if (res.ok && c.schema) {
      const shell: Dataset = {
        format: DATASET_FORMAT,
        version: DATASET_VERSION,
        sources: c.sources,
        entities: c.entities,
        triples: [],
      };
      if (c.title !== undefined) shell.title = c.title;
      if (c.embedded) shell.schema = c.schema;
      res.store = TripleStore.fromColumns(
        shell,
        c.schema,
        this.columns.columns(c.schema.predicates.length, c.sources.length),
      );
      if (this.opts.keepDataset) res.dataset = res.store.toDataset();
    }
    this.t.build += performance.now() - t0;
    return res;
  }
}
