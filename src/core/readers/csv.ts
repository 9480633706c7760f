// CSV and TSV tables (csv-scan.ts, chunk by chunk): a relations table, one row
// per relation, and optionally an entities table (given beside it as
// `csvEntities`, or the file itself when its headers say so). What each
// column means comes from csv-columns.ts (or the caller's `csvMapping`).
// Rows become dataset records (graphology-records.ts); a problem is located
// by row and column: line = the row's first line, column = the cell's number.
import { ENTITY_FIELDS, TRIPLE_FIELDS } from '../fields.ts';
import type { Attributes } from '../model.ts';
import type { Problem } from '../problems.ts';
import { fileProblem } from '../check/problems.ts';
import { encodingProblem, TextPreflight } from '../check/preflight.ts';
import { LIMITS } from '../check/options.ts';
import { detach } from '../detach.ts';
import { DatasetAssembler } from './assemble.ts';
import { CsvScanner, type CsvCells } from './csv-scan.ts';
import { detectDelimiter, mapHeaders, type CsvField, type CsvMapping } from './csv-columns.ts';
import { put } from './graphology-map.ts';
import { GraphRecords, type At, type NodeIn, type TripleRest } from './graphology-records.ts';
import type { DatasetReader, ReaderOptions, ReadResult, ReadSession } from './reader.ts';
import { CSV_FORMAT } from './formats.ts';
import { offsetToLocation } from '../json-location.ts';

/** More cells than this in a row is not a table a person made: refused. */
export const MAX_COLUMNS = 1000;
/** A row longer than this (an unterminated quote, usually) stops the read. */
export const MAX_ROW_CHARS = 4 * 1024 * 1024;
/** Reading stops after this many row errors. */
const MAX_ROW_ERRORS = 100;

/** Built-in field names: a column of that name that is not mapped keeps its name with a prefix. */
const BUILT_IN: ReadonlySet<string> = new Set([...TRIPLE_FIELDS, ...ENTITY_FIELDS]);

/** A cell as an attribute value: numbers and true/false typed, the rest as text. */
function cellValue(s: string): string | number | boolean {
  if (s === 'true' || s === 'TRUE') return true;
  if (s === 'false' || s === 'FALSE') return false;
  if (/^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(s) && s.length < 20) {
    const n = Number(s);
    if (Number.isFinite(n)) return n;
  }
  return s;
}

/** A table being read: its header, mapping and where rows are. */
class Table {
  headers: string[] = [];
  mapping: CsvMapping = {};
  kind: 'relations' | 'entities' = 'relations';
  cols: Record<string, number> = {};
  attrCols: { i: number; key: string }[] = [];
  line = 1;
  rows = 0;
  constructor(readonly file: string) {}

  setHeader(headers: string[], given: CsvMapping | undefined): void {
    this.headers = headers.map((h) => h.trim());
    const guess = mapHeaders(this.headers);
    this.mapping = given ?? guess.mapping;
    this.kind = given
      ? given.subject !== undefined || given.object !== undefined
        ? 'relations'
        : 'entities'
      : guess.kind;
    const used = new Set<number>();
    for (const [f, i] of Object.entries(this.mapping) as [CsvField, number][]) {
      if (i === undefined || i < 0 || i >= this.headers.length) continue;
      used.add(i);
      // Where the checker's field paths point: the cell's column, 1-based.
      const field =
        f === 'start' || f === 'end' ? 'date' : f === 'url' ? 'source' : f === 'x' || f === 'y' ? 'position' : f;
      this.cols[field] ??= i + 1;
    }
    this.cols.attributes ??= 1;
    this.headers.forEach((h, i) => {
      if (used.has(i) || h === '') return;
      const key = (BUILT_IN.has(h) ? `column ${h}` : h).slice(0, 100);
      this.attrCols.push({ i, key });
      this.cols[`attributes.${key}`] = i + 1;
    });
  }
}

export class CsvSession implements ReadSession {
  private readonly t = { scan: 0, parse: 0, check: 0, build: 0 };
  private readonly pre: TextPreflight;
  private readonly graph: GraphRecords;
  private readonly problems: Problem[] = [];
  private readonly table: Table;
  private scanner?: CsvScanner;
  private delimiter = ',';
  private newline: '\n' | '\r\n' = '\n';
  private partial = '';
  private first = true;
  private headerDone = false;
  private failed = false;
  private errors = 0;
  private entitiesFrom?: { file: string; count: number };

  /** `graph`: another session's, when this one reads the entities table of a pair. */
  constructor(
    private readonly opts: ReaderOptions,
    graph?: GraphRecords,
  ) {
    this.pre = new TextPreflight(opts.file, opts.decodedStrictly);
    this.graph = graph ?? new GraphRecords(opts.file, opts.defaultSchema);
    this.table = new Table(opts.file);
    const ents = opts.csvEntities;
    if (ents) {
      // The entities table first, whole (it is the smaller one), so that relations find their names.
      const inner = new CsvSession(
        { ...opts, file: ents.name, csvEntities: undefined, csvMapping: ents.mapping },
        this.graph,
      );
      inner.push(ents.text);
      inner.finishRows();
      this.problems.push(...inner.problems);
      if (inner.failed) this.failed = true;
      this.entitiesFrom = { file: ents.name, count: this.graph.nodeCount };
    }
  }

  get finished(): boolean {
    return this.failed;
  }

  push(chunk: string): void {
    if (this.failed || chunk.length === 0) return;
    const t0 = performance.now();
    if (this.first) {
      this.first = false;
      // Spreadsheets write a BOM on purpose ("CSV UTF-8"): taken silently.
      const rest = this.pre.first(chunk);
      if (rest === undefined) {
        this.fail(
          fileProblem(
            'not-utf8',
            this.table.file,
            'file is not UTF-8: it looks like UTF-16',
            'save it as "CSV UTF-8"',
            { line: 1, column: 1 },
          ),
        );
        return;
      }
      chunk = rest;
    }
    const fault = this.pre.fault(chunk);
    if (fault) {
      // The rows before the bad character first, so that the first problem in the file is reported, however it is cut.
      this.feed(this.partial + chunk.slice(0, fault.at), false);
      if (this.failed) return;
      const loc = offsetToLocation(this.partial, this.partial.length);
      this.fail(encodingProblem(this.table.file, fault, { line: this.table.line + loc.line - 1, column: loc.column }));
      return;
    }
    this.take(chunk);
    this.t.parse += performance.now() - t0;
  }

  /**
   * A chunk: the row across the boundary is joined and read on its own, the
   * others in the chunk itself (a flat string; a joined one reads several
   * times slower, character by character).
   */
  private take(chunk: string): void {
    const k = this.headerDone && this.partial !== '' ? chunk.indexOf('\n') : -1;
    if (k < 0) {
      this.feed(this.partial + chunk, false);
      return;
    }
    this.feed(this.partial + chunk.slice(0, k + 1), false);
    if (this.failed) return;
    // The row goes on past that line break (a quoted one): the rest joined to it, as before.
    if (this.partial !== '') this.feed(this.partial + chunk.slice(k + 1), false);
    else this.feed(chunk, false, k + 1);
  }

  /** Parses `buf` from `from`: complete rows now, the incomplete last one kept for the next chunk. */
  private feed(buf: string, last: boolean, from = 0): void {
    if (!this.headerDone) {
      const nl = buf.indexOf('\n');
      if (nl < 0 && !last) {
        this.partial = buf;
        this.checkRowLength();
        return;
      }
      const firstLine = nl < 0 ? buf : buf.slice(0, nl);
      this.delimiter = detectDelimiter(firstLine);
      this.newline = firstLine.endsWith('\r') ? '\r\n' : '\n';
      this.scanner = new CsvScanner(this.delimiter, this.newline);
    }
    // Row by row: each row's extent in the text is known, so the length rule holds for complete rows too.
    const sc = this.scanner!;
    let at = from;
    while (!this.failed && at < buf.length) {
      const r = sc.next(buf, at, last);
      if (r === 'more') break;
      if (r === 'unclosed') {
        if (buf.length - at > MAX_ROW_CHARS) this.rowTooLong();
        // The row that opens the quote: its line, and the cell the quote starts.
        else
          this.fail(
            fileProblem(
              'csv-syntax',
              this.table.file,
              'a quoted cell is not closed: its closing quote (") is missing',
              'close the quote; a quote inside a quoted cell is written twice ("")',
              { line: this.table.line, column: Math.max(1, sc.cells.length) },
            ),
          );
        break;
      }
      if (sc.chars > MAX_ROW_CHARS) {
        this.rowTooLong();
        break;
      }
      at = sc.rowEnd;
      this.row(sc.cells, sc.lines);
    }
    this.partial = last || this.failed ? '' : buf.slice(at);
    if (!last) this.checkRowLength();
  }

  /** The incomplete last row, checked after each chunk: its line break not yet arrived (half of \r\n aside). */
  private checkRowLength(): void {
    const p = this.partial;
    const chars = p.length - (this.newline === '\r\n' && p.endsWith('\r') ? 1 : 0);
    if (chars > MAX_ROW_CHARS) this.rowTooLong();
  }

  private rowTooLong(): void {
    this.fail(
      fileProblem(
        'csv-row-too-long',
        this.table.file,
        `the row at line ${this.table.line} is longer than ${MAX_ROW_CHARS} characters (most often a quote that is never closed)`,
        'close the quote that opens near that line; a quote inside a quoted cell is written twice ("")',
        { line: this.table.line, column: 1 },
      ),
    );
  }

  private row(cells: CsvCells, lines: number): void {
    const tb = this.table;
    const line = tb.line;
    // The next row starts after this one's line breaks.
    tb.line += lines;
    if (this.newline === '\n') cells.trimCr();
    if (cells.length === 1 && cells.empty(0)) return; // a blank line
    if (cells.length > MAX_COLUMNS) {
      this.fail(
        fileProblem(
          'csv-too-wide',
          tb.file,
          `the row at line ${line} has ${cells.length} cells; at most ${MAX_COLUMNS} are read`,
          'check the delimiter, or remove columns that are not needed',
          { line, column: MAX_COLUMNS + 1 },
        ),
      );
      return;
    }
    if (!this.headerDone) {
      this.headerDone = true;
      tb.setHeader(cells.all(), this.opts.csvMapping);
      this.checkHeader(line);
      return;
    }
    if (cells.length !== tb.headers.length) {
      this.rowError(
        'csv-ragged-row',
        `the row has ${cells.length} cells but the header has ${tb.headers.length}`,
        cells.length > tb.headers.length
          ? 'quote cells that contain the delimiter, or add a header for the extra cells'
          : 'add the missing cells (empty ones are fine: two delimiters in a row)',
        { line, column: Math.min(cells.length, tb.headers.length) + 1 },
      );
      return;
    }
    tb.rows++;
    const at: At = { line, column: 1, cols: tb.cols };
    if (tb.kind === 'entities') this.entityRow(cells, at);
    else this.relationRow(cells, at);
  }

  private checkHeader(line: number): void {
    const tb = this.table;
    const m = tb.mapping;
    if (tb.kind === 'relations') {
      const missing = (['subject', 'object'] as const).filter((f) => m[f] === undefined);
      if (missing.length) {
        this.fail(
          fileProblem(
            'csv-missing-column',
            tb.file,
            `no ${missing.join(' or ')} column: the header row is ${tb.headers
              .map((h) => `'${h}'`)
              .join(', ')
              .slice(0, 300)}`,
            'name the columns subject, predicate and object (or source, relation, target; from, type, to); evidence, date and url are optional',
            { line, column: 1 },
          ),
        );
      }
    }
  }

  private rowError(code: string, message: string, hint: string, loc: { line: number; column: number }): void {
    this.problems.push(fileProblem(code, this.table.file, message, hint, loc));
    if (++this.errors >= MAX_ROW_ERRORS) {
      this.fail(
        fileProblem(
          'too-many-errors',
          this.table.file,
          `reading stopped after ${MAX_ROW_ERRORS} row errors`,
          'fix the first ones; they often share one cause (the delimiter, a quote)',
          loc,
        ),
      );
    }
  }

  private fail(p: Problem): void {
    this.problems.push(p);
    this.failed = true;
    this.partial = '';
  }

  /** The cell of field `f`, trimmed; `kept`: a string of its own (see detach), for what outlives the row. */
  private cell(cells: CsvCells, f: CsvField, kept = true): string | undefined {
    const i = this.table.mapping[f];
    if (i === undefined || cells.empty(i)) return undefined;
    const v = cells.get(i);
    // Most cells have no white space at their ends: no new string for them.
    const a = v.charCodeAt(0),
      b = v.charCodeAt(v.length - 1);
    const t = a > 32 && b > 32 && a !== 160 && b !== 160 ? v : v.trim();
    if (t === '') return undefined;
    return kept ? detach(t) : t;
  }

  private attributes(cells: CsvCells): Attributes | undefined {
    let a: Attributes | undefined;
    for (const { i, key } of this.table.attrCols) {
      if (cells.empty(i)) continue;
      const v = cells.get(i).trim();
      if (v === '') continue;
      put((a ??= {}), key, cellValue(detach(v)));
    }
    return a;
  }

  /** The entity a name stands for (its node index): by id, then by label or alias, else a new one with a stable id. */
  private entityFor(name: string, typeName: string | undefined, at: At): number {
    const g = this.graph;
    let i = g.indexOf(name);
    if (i < 0) {
      const id = g.byName(name);
      if (id !== undefined) i = g.indexOf(id);
    }
    if (i >= 0) {
      if (typeName !== undefined) g.fill(i, { typeName });
      return i;
    }
    let fresh = slugId(name);
    for (let n = 2; g.hasNode(fresh); n++) fresh = `${slugId(name)}-${n}`;
    const node: NodeIn = { id: fresh, label: detach(name.slice(0, LIMITS.label)) };
    if (typeName !== undefined) node.typeName = typeName;
    g.node(node, { line: at.line, column: at.column });
    return g.nodeCount - 1;
  }

  private relationRow(cells: CsvCells, at: At): void {
    // Names are looked up; only a new entity's label is kept (entityFor).
    const s = this.cell(cells, 'subject', false),
      o = this.cell(cells, 'object', false);
    const si = s === undefined ? -1 : this.entityFor(s, this.cell(cells, 'subjectType'), at);
    const oi = o === undefined ? -1 : this.entityFor(o, this.cell(cells, 'objectType'), at);
    let rest: TripleRest | undefined;
    const id = this.cell(cells, 'id');
    if (id !== undefined) (rest ??= {}).id = id;
    const date = this.cell(cells, 'date'),
      start = this.cell(cells, 'start'),
      end = this.cell(cells, 'end');
    const when =
      date ??
      (start !== undefined || end !== undefined
        ? start !== undefined && end !== undefined && start === end
          ? start
          : `${start ?? ''}/${end ?? ''}`
        : undefined);
    // A number apart; a confidence that is not one goes on to the checker as written (it says what is wrong).
    let confidence: number | undefined;
    const conf = this.cell(cells, 'confidence', false);
    if (conf !== undefined) {
      const pct = /^(\d+(?:\.\d+)?)\s*%$/.exec(conf);
      const n = pct ? Number(pct[1]) / 100 : Number(conf);
      if (Number.isFinite(n)) confidence = n;
      else (rest ??= {}).confidence = detach(conf) as unknown as number;
    }
    const by = this.cell(cells, 'attributedTo');
    if (by !== undefined) (rest ??= {}).attributedTo = this.graph.idAt(this.entityFor(by, undefined, at));
    const q = this.cell(cells, 'qualifier');
    if (q !== undefined) (rest ??= {}).qualifier = q;
    const st = this.cell(cells, 'status');
    if (st !== undefined) (rest ??= {}).status = st as TripleRest['status'];
    const cr = this.cell(cells, 'credibility');
    if (cr !== undefined)
      (rest ??= {}).credibility = (Number.isFinite(Number(cr)) ? Number(cr) : cr) as TripleRest['credibility'];
    const attrs = this.attributes(cells);
    if (attrs) (rest ??= {}).attributes = attrs;
    const src = this.cell(cells, 'source'),
      url = this.cell(cells, 'url');
    const isUrl = src !== undefined && /^https?:\/\//i.test(src);
    this.graph.edge(
      {
        subject: si < 0 ? '' : this.graph.idAt(si),
        object: oi < 0 ? '' : this.graph.idAt(oi),
        subjectIndex: si,
        objectIndex: oi,
        predicateName: this.cell(cells, 'predicate'),
        sourceName: isUrl ? undefined : src,
        sourceUrl: url ?? (isUrl ? src : undefined),
        evidence: this.cell(cells, 'evidence'),
        date: when,
        confidence,
        rest,
      },
      at,
    );
  }

  private entityRow(cells: CsvCells, at: At): void {
    const label = this.cell(cells, 'label'),
      given = this.cell(cells, 'id');
    const id = given ?? (label !== undefined ? slugId(label) : '');
    const node: NodeIn = { id, label: label ?? id };
    const type = this.cell(cells, 'type');
    if (type !== undefined) node.typeName = type;
    const aliases = this.cell(cells, 'aliases');
    if (aliases !== undefined)
      node.aliases = aliases
        .split(/[;|]/)
        .map((x) => x.trim())
        .filter((x) => x !== '');
    const d = this.cell(cells, 'description');
    if (d !== undefined) node.description = d;
    const date = this.cell(cells, 'date');
    if (date !== undefined) node.date = date;
    const x = Number(this.cell(cells, 'x')),
      y = Number(this.cell(cells, 'y'));
    if (
      Number.isFinite(x) &&
      Number.isFinite(y) &&
      this.cell(cells, 'x') !== undefined &&
      this.cell(cells, 'y') !== undefined
    )
      node.position = { x, y };
    const attrs = this.attributes(cells);
    if (attrs) node.attributes = attrs;
    if (!this.graph.node(node, at)) {
      this.rowError(
        'duplicate-id',
        `entity id '${id}' is already used by an earlier row`,
        'give each entity its own id (or leave the id column empty to derive one from the name)',
        { line: at.line, column: (this.table.mapping.id ?? this.table.mapping.label ?? 0) + 1 },
      );
    }
  }

  /** The end of this table's text. */
  private finishRows(): void {
    if (this.failed) return;
    this.feed(this.partial, true);
    if (!this.failed && !this.headerDone)
      this.fail(
        fileProblem(
          'empty-file',
          this.table.file,
          'the file is empty',
          'write a header row (subject,predicate,object,evidence,url) and one row per relation',
          { line: 1, column: 1 },
        ),
      );
  }

  end(): ReadResult {
    const t0 = performance.now();
    this.finishRows();
    this.t.parse += performance.now() - t0;
    if (this.problems.some((p) => p.severity === 'error'))
      return { ok: false, problems: this.problems, timings: this.t };
    const sink = new DatasetAssembler({ ...this.opts, checkEvidence: false }, this.t);
    const warnings = this.graph.emit(sink);
    const res = sink.end();
    const from = this.entitiesFrom;
    if (from) {
      // Problems of entities read from the entities table are in that file.
      for (const p of res.problems) {
        const m = /^entities\[(\d+)\]/.exec(p.path);
        if (m && Number(m[1]) < from.count) p.file = from.file;
      }
    }
    res.problems.unshift(...this.problems, ...warnings);
    return res;
  }
}

function slugId(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return (s || 'entity').slice(0, LIMITS.id - 8);
}

export const csvReader: DatasetReader = { ...CSV_FORMAT, open: (opts) => new CsvSession(opts) };
