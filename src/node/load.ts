// Loading dataset and schema files from disk (Node only): regular files
// only, bounded while read (read-file.ts), source texts read relative to the
// dataset file and kept inside its folder, every problem located in the file
// it belongs to.
import { StrictUtf8Decoder, Utf8Locator } from '../core/utf8.ts';
import { fileProblem, tooLargeForText } from '../core/check/problems.ts';
import { openRegular, readBytes, readChunks } from './read-file.ts';
import { closeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Schema, Source } from '../core/model.ts';
import { formatProblem, type Problem } from '../core/problems.ts';
import { parseSchema, type ParseResult, type ValidateOptions } from '../core/validate.ts';
import type { ReaderOptions, ReadResult, ReadSession } from '../core/readers/reader.ts';
import { pickReader, readText as readWith, SNIFF_BYTES } from '../core/readers/registry.ts';
import { TripleStore } from '../core/store.ts';

export const DEFAULT_DATASET = fileURLToPath(new URL('../../graph-data/dataset.json', import.meta.url));
export const DEFAULT_SCHEMA = fileURLToPath(new URL('../../graph-data/schema.json', import.meta.url));

/** Largest dataset or schema file read. V8 cannot hold a string much over
 *  512 MiB, and parsing needs several times the file size in memory. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
/** Largest source text read for evidence checks. */
export const MAX_SOURCE_BYTES = 64 * 1024 * 1024;

type TextRead = { text: string } | { problem: Problem };

/** Reads a UTF-8 text file (a regular file, bounded while read; inside `within` when given), or says in words why it cannot. */
function readText(path: string, limit: number, what: string, within?: string): TextRead {
  const read = readBytes(path, what, limit, within);
  if ('problem' in read) return read;
  let decoded: ReturnType<StrictUtf8Decoder['decode']>;
  try {
    decoded = new StrictUtf8Decoder(path, `${what} ${path}`).decode(read.bytes, true);
  } catch {
    return { problem: tooLargeForText(path, what, path) };
  }
  return decoded === 'bad' ? notUtf8(path, limit, what) : decoded;
}

/** The first byte that is not UTF-8, located by reading the file again from the start (only when decoding failed). */
function notUtf8(path: string, limit: number, what: string): { problem: Problem } {
  const file = openRegular(path, what, limit);
  if ('problem' in file) return file;
  const locator = new Utf8Locator();
  const failed = readChunks(file, path, what, limit, 1 << 16, (bytes) => !locator.push(bytes));
  return failed ?? { problem: locator.problem(path) };
}

/** The entities table written beside a relations table (`graph.csv` → `graph.entities.csv`), read when it is there (a regular file, bounded like any). */
function csvEntitiesBeside(path: string): { name: string; text: string } | undefined {
  const m = /^(.*)\.(csv|tsv)$/i.exec(path);
  if (!m || /\.entities$/i.test(m[1]!)) return undefined;
  const name = `${m[1]}.entities.${m[2]}`;
  const read = readText(name, MAX_FILE_BYTES, 'entities table');
  return 'text' in read ? { name, text: read.text } : undefined;
}

/** Reads and checks a schema file; `schema` is present when it has no errors. */
export function loadSchemaFile(path: string): { schema?: Schema; problems: Problem[] } {
  const read = readText(path, MAX_FILE_BYTES, 'schema file');
  if ('problem' in read) return { problems: [read.problem] };
  return parseSchema(read.text, path, true);
}

/**
 * Reads a dataset file, its schema (embedded, else `schemaPath`, else the
 * default schema) and the texts of its sources, and validates them.
 */
export function loadDatasetFile(
  path: string,
  opts: { schemaPath?: string; checkEvidence?: boolean } = {},
): ParseResult {
  const read = readText(path, MAX_FILE_BYTES, 'dataset file');
  if ('problem' in read) return { ok: false, problems: [read.problem] };
  const ctx = datasetContext(path, opts);
  const reader = pickReader({ name: path, head: read.text.slice(0, SNIFF_BYTES) });
  return ctx.finish(readWith(reader, read.text, ctx.options));
}

/** Validation options for a dataset file (its schema, the texts of its sources) and the step that adds the schema file's problems. */
function datasetContext(
  path: string,
  opts: { schemaPath?: string; checkEvidence?: boolean },
): {
  options: ValidateOptions;
  finish: <R extends ParseResult>(result: R) => R;
  /** A source's text as read from its `path` (read once, shared with validation). */
  textOf: (s: Source) => string | undefined;
} {
  const schemaPath = opts.schemaPath ?? DEFAULT_SCHEMA;
  const schemaFile = loadSchemaFile(schemaPath);
  const base = dirname(resolve(path));
  const texts = new Map<string, TextRead>();
  const sourceRead = (s: Source): TextRead | undefined => {
    if (s.path === undefined) return undefined;
    let r = texts.get(s.id);
    if (!r) {
      r = readText(resolve(base, s.path), MAX_SOURCE_BYTES, `the text of source '${s.id}'`, base);
      if ('text' in r && r.text.charCodeAt(0) === 0xfeff) r = { text: r.text.slice(1) };
      texts.set(s.id, r);
    }
    return r;
  };
  const options: ValidateOptions & Pick<ReaderOptions, 'csvEntities'> = {
    file: path,
    // Both readers decode with a fatal decoder and locate bad bytes themselves.
    decodedStrictly: true,
    defaultSchema: schemaFile.schema,
    checkEvidence: opts.checkEvidence,
    sourceText: (s) => {
      const r = sourceRead(s);
      return r && 'text' in r ? r.text : s.text;
    },
    sourceError: (s) => {
      const r = sourceRead(s);
      if (!r || 'text' in r) return undefined;
      const code = r.problem.code === 'file-not-found' ? 'source-file-missing' : r.problem.code;
      const hint =
        r.problem.code === 'file-not-found'
          ? `the path is taken relative to the dataset file (${base}); fix it or add the file`
          : r.problem.hint;
      return { code, message: r.problem.message, hint };
    },
  };
  const companion = csvEntitiesBeside(path);
  if (companion) options.csvEntities = companion;
  const finish = <R extends ParseResult>(result: R): R => {
    // A dataset without its own schema needs the schema file: report that
    // file's problems (located in it) instead of a bare "no schema".
    const noSchema = result.schemaFrom === undefined ? result.problems.find((p) => p.code === 'no-schema') : undefined;
    if (noSchema) {
      result.problems = result.problems.filter((p) => p.code !== 'no-schema');
      // Where the dataset lacks its schema (its top-level object), as the problem it replaces said.
      const at = { line: noSchema.line ?? 1, column: noSchema.column ?? 1 };
      const p = fileProblem(
        'invalid-schema',
        path,
        `the dataset has no schema of its own and the schema file ${schemaPath} is not usable`,
        'fix the schema file (its problems are listed with it), or embed a schema under "schema"',
        at,
      );
      p.path = noSchema.path;
      result.problems.unshift(p, ...schemaFile.problems);
      result.ok = false;
      delete result.dataset;
      delete (result as Partial<ReadResult>).store;
    } else if (result.schemaFrom === 'default') {
      // Warnings of the schema file in use (unknown fields …) are worth seeing too.
      result.problems.push(...schemaFile.problems);
    }
    return result;
  };
  const textOf = (s: Source): string | undefined => {
    const r = sourceRead(s);
    return r && 'text' in r ? r.text : undefined;
  };
  return { options, finish, textOf };
}

/**
 * Reads a dataset file straight into a store, streaming: the file is read in
 * chunks and never held whole (see core/readers/). Same problems as
 * loadDatasetFile; `store` is present when the file is valid.
 */
export function loadStoreFile(
  path: string,
  opts: { schemaPath?: string; checkEvidence?: boolean; keepDataset?: boolean; chunkBytes?: number } = {},
): ReadResult {
  const none = { scan: 0, parse: 0, check: 0, build: 0 };
  const file = openRegular(path, 'dataset file', MAX_FILE_BYTES);
  if ('problem' in file) return { ok: false, problems: [file.problem], timings: none };
  let ctx: ReturnType<typeof datasetContext>;
  try {
    ctx = datasetContext(path, opts);
  } catch (e) {
    closeSync(file.fd);
    throw e;
  }
  const options: ReaderOptions = {
    ...ctx.options,
    keepDataset: opts.keepDataset,
    // Rare inputs are read whole again (see readers/json-stream.ts); the file is not kept meanwhile.
    wholeText: () => {
      const r = readText(path, MAX_FILE_BYTES, 'dataset file');
      return 'text' in r ? r.text : undefined;
    },
  };
  // Opened on the first text, once the reader is chosen by the file's name and start.
  let session: ReadSession | undefined;
  let stop: Problem | undefined;
  const decoder = new StrictUtf8Decoder(path, `dataset file ${path}`);
  // 64 KiB: a chunk's parsed records stay in cache and die young (measured faster and leaner than 1 MiB).
  const failed = readChunks(file, path, 'dataset file', MAX_FILE_BYTES, opts.chunkBytes ?? 1 << 16, (bytes, last) => {
    const decoded = decoder.decode(bytes, last);
    if (decoded === 'bad') {
      stop = notUtf8(path, MAX_FILE_BYTES, 'dataset file').problem;
      return false;
    }
    if ('problem' in decoded) {
      stop = decoded.problem;
      return false;
    }
    session ??= pickReader({ name: path, head: decoded.text.slice(0, SNIFF_BYTES) }).open(options);
    session.push(decoded.text);
    return !session.finished;
  });
  if (failed) return { ok: false, problems: [failed.problem], timings: none };
  if (stop) return { ok: false, problems: [stop], timings: none };
  const result = ctx.finish(session!.end());
  // The texts validation read travel with the store, so exports can inline them.
  const store = result.store;
  if (store) {
    for (const s of store.sources) {
      if (store.sourceText(s.id) !== undefined) continue;
      const text = ctx.textOf(s);
      if (text !== undefined) store.attachSourceText(s.id, text);
    }
  }
  return result;
}

/** The default data (graph-data/) as a store; throws a readable error if it is invalid. */
export function loadDefault(): { store: TripleStore; result: ParseResult } {
  const result = loadDatasetFile(DEFAULT_DATASET);
  if (!result.ok || !result.dataset || !result.schema) {
    const errors = result.problems.filter((p) => p.severity === 'error');
    const shown = errors.slice(0, 20).map(formatProblem).join('\n');
    const more = errors.length > 20 ? `\n… and ${errors.length - 20} more errors` : '';
    throw new Error(
      `the default data in ${dirname(DEFAULT_DATASET)} is invalid (${errors.length} errors):\n${shown}${more}`,
    );
  }
  return { store: TripleStore.build(result.dataset, result.schema), result };
}
