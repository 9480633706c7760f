// Text → validated dataset → store, with merge: the steps every load takes,
// on the main thread (the small bundled data) or in the loader worker (files).
// No DOM here, and not the bundled dataset either (the worker must not carry it).
import { joinNames, locateInParts } from '../../core/merge-origin.ts';
import schemaText from '../../../graph-data/schema.json?raw';
import type { Schema, Source } from '../../core/model.ts';
import type { Problem } from '../../core/problems.ts';
import { parseSchema, validateDataset } from '../../core/validate.ts';
import { TripleStore } from '../../core/store.ts';
import { mergeDatasets } from '../../core/export.ts';
import { jsonDatasetReader } from '../../core/readers/json-dataset.ts';
import type { DatasetReader } from '../../core/readers/reader.ts';
import type { ParseResult, ValidateOptions } from '../../core/check/options.ts';
import { snapshot, type DataSnapshot } from '../../core/memory-explorer.ts';
import { decodeStrictly, readWhole, type ByteInput } from './utf8.ts';
import { peekHead } from './sniff.ts';
import type { ReadChoices } from './protocol.ts';

const bundledSources = import.meta.glob('../../../graph-data/sources/*.txt', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** Bundled source texts by file name, so a `path` like `sources/x.txt` resolves in the browser. */
const bundledByName = new Map(Object.entries(bundledSources).map(([k, v]) => [k.slice(k.lastIndexOf('/') + 1), v]));

export function bundledText(s: Source): string | undefined {
  if (!s.path) return undefined;
  return bundledByName.get(s.path.slice(s.path.lastIndexOf('/') + 1));
}

let defaultSchemaCache: Schema | undefined;
export function defaultSchema(): Schema {
  if (defaultSchemaCache) return defaultSchemaCache;
  const r = parseSchema(schemaText, 'graph-data/schema.json');
  if (!r.schema) throw new Error(`graph-data/schema.json is invalid: ${r.problems.map((p) => p.message).join('; ')}`);
  return (defaultSchemaCache = r.schema);
}

/**
 * How a file finds its reader: every format in the loader worker (each one's
 * code loaded when a file needs it: core/readers/lazy.ts), only the dataset
 * JSON reader on the page (the bundled data), so that no other format's code
 * weighs on the app's start.
 */
export interface ReaderChoice {
  pick(file: { name: string; head: string | Uint8Array }): DatasetReader | Promise<DatasetReader>;
  readText(reader: DatasetReader, text: string, opts: ValidateOptions): ParseResult;
  /** How many first bytes `pick` looks at. */
  sniffBytes: number;
}

export const JSON_ONLY: ReaderChoice = {
  pick: () => jsonDatasetReader,
  readText: (reader, text, opts) => (reader.readText ?? jsonDatasetReader.readText!)(text, opts),
  sniffBytes: 0,
};

/** What a merge needs of the data already open: its dataset with source texts inline. */
export type CurrentData = DataSnapshot;
/** The store's dataset with every known source text inline, so it can travel to another worker. */
export const shareable = snapshot;

export type Phase = 'reading' | 'validating' | 'merging' | 'indexing';

export type BuildOutcome =
  | { ok: true; store: TripleStore; file: string; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

export interface BuildOptions {
  /** Merge into this; absent: replace. A function so it is fetched only when needed. */
  current?: () => Promise<CurrentData>;
  /** A schema opened with the dataset (instead of the default one). */
  schema?: Schema;
  /** Source texts opened with the dataset, by file name: a source `path` resolves by its last part. */
  sourceFiles?: Map<string, string>;
  /** The text came from a fatal UTF-8 decoder: U+FFFD in it is a character, not a bad byte. */
  decodedStrictly?: boolean;
  /** Options for the file's reader (the CSV mapping). */
  read?: ReadChoices;
  /** Where its reader comes from (default: the dataset JSON reader only). */
  readers?: ReaderChoice;
  onPhase?(phase: Phase): void;
}

/** Where a source's text comes from (inline, opened alongside, bundled), and the error when a named file was not opened. */
function sourceTexts(files: Map<string, string> | undefined) {
  const fromFiles = (s: Source) => (s.path && files ? files.get(s.path.slice(s.path.lastIndexOf('/') + 1)) : undefined);
  const textOf = (s: Source, known?: Map<string, string>) =>
    s.text ?? known?.get(s.id) ?? fromFiles(s) ?? bundledText(s);
  // Texts were opened with the dataset: one it names but that is not among them is an error, as on disk.
  const sourceError = files?.size
    ? (s: Source) =>
        s.path && s.text === undefined && textOf(s) === undefined
          ? {
              code: 'source-file-missing',
              message: `source "${s.id}" names ${s.path}, which was not among the files opened`,
              hint: `open ${s.path.slice(s.path.lastIndexOf('/') + 1)} together with the dataset (Open… takes several files), or fix the path`,
            }
          : undefined
    : undefined;
  return { textOf, sourceError };
}

/** Parses and validates `text` (named `file` in problems), merges when asked, builds the store. */
export async function buildFromText(text: string, file: string, opts: BuildOptions = {}): Promise<BuildOutcome> {
  opts.onPhase?.('validating');
  const { textOf, sourceError } = sourceTexts(opts.sourceFiles);
  const decodedStrictly = opts.decodedStrictly;
  let cur: CurrentData | undefined;
  let known: Map<string, string> | undefined;
  if (opts.current) {
    // Needed before validation: the new file may quote a source the open data holds.
    cur = await opts.current();
    known = new Map(cur.dataset.sources.flatMap((s) => (s.text !== undefined ? [[s.id, s.text] as const] : [])));
  }
  // The format is the file's (by its name and first characters), whatever the data open.
  const readers = opts.readers ?? JSON_ONLY;
  const reader = await readers.pick({ name: file, head: text.slice(0, readers.sniffBytes) });
  const result = readers.readText(reader, text, {
    ...opts.read,
    file,
    defaultSchema: opts.schema ?? defaultSchema(),
    sourceText: (s) => textOf(s, known),
    sourceError,
    decodedStrictly,
  });
  if (!result.ok || !result.dataset || !result.schema) return { ok: false, problems: result.problems };
  const warnings = result.problems.filter((p) => p.severity !== 'error');
  if (!cur) {
    opts.onPhase?.('indexing');
    return {
      ok: true,
      store: TripleStore.build(result.dataset, result.schema, { sourceText: (s) => textOf(s) }),
      file,
      warnings,
    };
  }

  opts.onPhase?.('merging');
  const files = { a: cur.file, b: file };
  const merged = mergeDatasets(cur.dataset, result.dataset, { files });
  if (merged.problems.some((p) => p.severity === 'error')) return { ok: false, problems: merged.problems };
  // Check the union as a whole: the merge may combine ids that each file had right alone.
  const name = joinNames(cur.file, file)!;
  const again = validateDataset(merged.dataset, {
    file: name,
    defaultSchema: cur.schema,
    sourceText: (s) => textOf(s, known),
  });
  if (!again.ok || !again.dataset || !again.schema)
    return { ok: false, problems: locateInParts(again.problems, merged.dataset, cur.dataset, result.dataset, files) };
  opts.onPhase?.('indexing');
  const store = TripleStore.build(again.dataset, again.schema, { sourceText: (s) => textOf(s, known) });
  return { ok: true, store, file: name, warnings: [...warnings, ...merged.problems] };
}

export interface StreamOptions {
  /** A schema opened with the dataset (instead of the default one). */
  schema?: Schema;
  /** Source texts opened with the dataset, by file name. */
  sourceFiles?: Map<string, string>;
  /** Options for the file's reader (the CSV mapping). */
  read?: ReadChoices;
  /** Where its reader comes from (default: the dataset JSON reader only). */
  readers?: ReaderChoice;
  /** Bytes read so far (reading and checking go together). */
  onBytes?(done: number): void;
  onPhase?(phase: Phase): void;
}

/**
 * A dataset's bytes → store without the whole text or any parsed Dataset in
 * memory: strictly decoded chunks go straight into the streaming reader
 * its format picks. Same problems as buildFromText. The rare layouts that
 * reader hands back are read again whole and go through buildFromText.
 */
export async function buildFromBytes(bytes: ByteInput, file: string, opts: StreamOptions = {}): Promise<BuildOutcome> {
  const { textOf, sourceError } = sourceTexts(opts.sourceFiles);
  let whole = false;
  // The reader is chosen by the file's name and first bytes.
  const readers = opts.readers ?? JSON_ONLY;
  const { head, input } = await peekHead(bytes, readers.sniffBytes);
  const ingest = (await readers.pick({ name: file, head })).open({
    ...opts.read,
    file,
    defaultSchema: opts.schema ?? defaultSchema(),
    sourceText: (s) => textOf(s),
    sourceError,
    decodedStrictly: true,
    // Called only for those rare layouts; the text is read again (asynchronously) below.
    wholeText: () => {
      whole = true;
      return undefined;
    },
  });
  const bad = await decodeStrictly(
    input,
    file,
    (text) => {
      ingest.push(text);
      return !ingest.finished;
    },
    opts.onBytes,
  );
  if (bad) return { ok: false, problems: [bad] };
  opts.onPhase?.('indexing');
  const r = ingest.end();
  if (whole) {
    opts.onPhase?.('reading');
    const read = await readWhole(input, file, opts.onBytes);
    if ('problem' in read) return { ok: false, problems: [read.problem] };
    return buildFromText(read.text, file, {
      schema: opts.schema,
      sourceFiles: opts.sourceFiles,
      decodedStrictly: true,
      read: opts.read,
      readers,
      onPhase: opts.onPhase,
    });
  }
  if (!r.ok || !r.store) return { ok: false, problems: r.problems };
  // Texts named by path (opened alongside, bundled): the explorer shows them with the evidence.
  for (const s of r.store.sources) {
    if (s.text !== undefined) continue;
    const t = textOf(s);
    if (t !== undefined) r.store.attachSourceText(s.id, t);
  }
  return { ok: true, store: r.store, file, warnings: r.problems.filter((p) => p.severity !== 'error') };
}
