// The reader seam: how an input format becomes a checked dataset and a store.
//
// A format is one DatasetReader (registered in registry.ts). The caller
// decodes the bytes (StrictUtf8Decoder, core/utf8.ts: one UTF-8 path for
// every format) and pushes the text in chunks split anywhere into a
// ReadSession; end() gives the problems and, when the input is valid, the
// store. Inside, a reader does only what is particular to its syntax:
//
//   bytes ─decode─▶ text chunks ─reader─▶ records ─RecordSink─▶ checker + store
//
// - It runs the shared preflight (check/preflight.ts: BOM, UTF-16, empty
//   file, NUL or bad bytes) and words syntax errors with the builders of
//   check/problems.ts, so every format reports them alike.
// - It cuts its input into records and hands each to a RecordSink (usually a
//   DatasetAssembler, assemble.ts), which runs the same checks (DatasetChecker)
//   and builds the same store columns whatever the format:
//     member(key, …)   top-level metadata: format, version, title, and the
//                      schema items ({ entityTypes, predicates }); a format
//                      without them may leave them out (the default schema is
//                      used) or make them up (a generated schema);
//     record(kind, …)  one source, entity or triple, as a plain object with
//                      the dataset format's field names, in file order per kind.
//   Records may come in any order (a triples table before an entities table):
//   the sink holds triples back until the sources and entities are in.
// - Each record carries a RecordPlace: where it starts and, lazily (only for
//   problems found), where a field inside it is. Line and column for text
//   formats (JSON, JSON lines, N-Triples, Turtle) and XML (GEXF, GraphML: the
//   element or attribute); row and column for CSV (line = the row's first
//   line in the file, column = the cell's column number, 1-based). Problems
//   also carry the record's path in dataset terms (`triples[12].evidence`).
//
// Bounds (hostile files): a reader keeps at most one record's text beyond the
// current chunk, never recurses on the depth of its input, and refuses XML
// entity expansion and external entities. Streamed formats (JSON lines,
// N-Triples, CSV) emit records as their lines complete; tree formats (XML,
// Turtle collections) use an explicit stack.
import type { JsonPath, TextLocation } from '../json-location.ts';
import type { ParseResult, ValidateOptions } from '../check/options.ts';
import type { TripleStore } from '../store.ts';

export type RecordKind = 'sources' | 'entities' | 'triples';

/** Where a record is in its file, and where its fields are. */
export interface RecordPlace {
  /** Where the record begins. */
  readonly loc: TextLocation;
  /**
   * Where a field is, by its path relative to the record as the checker names
   * it (`['aliases', 2]`, `['evidence']`); `loc` itself (the same object)
   * when it cannot be placed more precisely. Called only for problems found.
   */
  locate(rel: JsonPath): TextLocation;
  /**
   * The record, kept for later (the sink holds triples back until every
   * source and entity is in): the reader keeps it compactly (its text, say)
   * and gives the value again on demand. It must not hold the reader's buffers.
   */
  keep(value: unknown): KeptRecord;
  /**
   * For a triple: the positions, among the entities handed to the sink, of
   * its subject and object when the reader has already looked them up (-1
   * or absent: not known). A hint, checked against the entity, never trusted.
   */
  readonly subjectAt?: number;
  readonly objectAt?: number;
}

export interface KeptRecord {
  readonly at: RecordPlace;
  value(): unknown;
}

/** What a reader hands its records to (a DatasetAssembler). */
export interface RecordSink {
  /** Where the dataset begins: the place of problems about what it lacks. */
  start(loc: TextLocation): void;
  /** A top-level member (`keyLoc`: where its name is; `at`: its value). */
  member(key: string, keyLoc: TextLocation, value: unknown, at: RecordPlace): void;
  /** A list of records begins (a list read as a stream rather than as one member value). */
  beginList(kind: RecordKind, keyLoc: TextLocation): void;
  /** records[index] of a list, in file order. */
  record(kind: RecordKind, value: unknown, index: number, at: RecordPlace): void;
  endList(kind: RecordKind): void;
}

export interface ReaderOptions extends ValidateOptions {
  /** The whole text, for inputs a reader can only read whole (rare layouts); undefined when not at hand. */
  wholeText?: () => string | undefined;
  /** Also give the dataset (the store's `toDataset()`). */
  keepDataset?: boolean;
  /** CSV: what each column means (from detectCsvColumns, as the user changed it); guessed from the header when absent. */
  csvMapping?: import('./csv-columns.ts').CsvMapping;
  /** CSV: the entities table given beside a relations table (read first, whole). */
  csvEntities?: { name: string; text: string; mapping?: import('./csv-columns.ts').CsvMapping };
}

export interface ReadResult extends ParseResult {
  /** The store; present only when ok. */
  store?: TripleStore;
  /** Milliseconds spent scanning, parsing records, checking and building the store. */
  timings: { scan: number; parse: number; check: number; build: number };
  /** Why the reader went back to reading the whole text, when it did. */
  fallback?: string;
}

/** One read of one file. */
export interface ReadSession {
  /** The next decoded text (BOM included, if any: the preflight reports it). */
  push(chunk: string): void;
  /** Whether more input would change nothing (an error was found, or the input was handed back). */
  readonly finished: boolean;
  /** After the last chunk (or once finished). */
  end(): ReadResult;
}

/** An input format. */
export interface DatasetReader {
  /** Stable name: 'actorgraph-json' (later 'csv', 'gexf', 'graphml', 'n-triples', 'turtle', 'ftm', 'graphology'). */
  readonly id: string;
  /** For people: 'actorgraph dataset (JSON)'. */
  readonly label: string;
  /** File name endings it claims, lower case with the dot ('.json', '.ftm.json'); longer endings win. */
  readonly extensions: readonly string[];
  /**
   * How sure the reader is that a file beginning with `head` is its format:
   * 0 not at all … 1 certain. `head` is at most SNIFF_BYTES of the file,
   * decoded leniently, BOM removed, possibly cut mid-record.
   */
  sniff(head: string): number;
  /** Starts a streaming read. */
  open(opts: ReaderOptions): ReadSession;
  /** The whole text at once, giving the clean dataset (merges, tests); without it, a session is used. */
  readText?(text: string, opts: ValidateOptions): ParseResult;
}

/** What names and recognises a format (formats.ts), without its parsing code. */
export type ReaderFormat = Pick<DatasetReader, 'id' | 'label' | 'extensions' | 'sniff'>;
