// The problems about a file as a whole (its bytes, encoding, syntax, size,
// whether it can be read), built in one place so every reader and loader
// words them alike. Per-field problems are written where they are checked
// (fields.ts, schema.ts, dataset.ts), each code in one place.
import type { Problem, Severity } from '../problems.ts';
import type { TextLocation } from '../json-location.ts';
import { DATASET_FORMAT, DATASET_VERSION } from '../model.ts';
import { formatCount } from '../format.ts';

export const UTF8_HINT = 'save it as UTF-8 (in most editors: "Save with encoding" → UTF-8)';

const START: TextLocation = { line: 1, column: 1 };

/** A problem of the file as a whole (path ''), at `loc` or else at its start (1:1): every problem has a place. */
export function fileProblem(
  code: string,
  file: string,
  message: string,
  hint: string,
  loc: TextLocation = START,
  severity: Severity = 'error',
): Problem {
  return { severity, code, file, path: '', line: loc.line, column: loc.column, message, hint };
}

export function bomWarning(file: string): Problem {
  return fileProblem(
    'bom',
    file,
    'the file starts with a byte order mark (BOM)',
    'save it as UTF-8 without BOM; it was read correctly this time',
    START,
    'warning',
  );
}

export type NotUtf8Why =
  | { kind: 'utf16-bom' }
  | { kind: 'utf16'; name: string; endian: 'LE' | 'BE' }
  | { kind: 'nul' }
  | { kind: 'bad-bytes' }
  | { kind: 'bad-byte-at'; byte: number };

export function notUtf8(file: string, why: NotUtf8Why, loc: TextLocation = START): Problem {
  const detail =
    why.kind === 'utf16-bom'
      ? 'it starts with a UTF-16 byte order mark'
      : why.kind === 'utf16'
        ? `${why.name} is UTF-16 ${why.endian}`
        : why.kind === 'nul'
          ? 'it contains NUL bytes (it looks like UTF-16)'
          : why.kind === 'bad-bytes'
            ? 'it contains bytes that are not valid UTF-8'
            : `${file} has a byte that is not UTF-8 at byte ${why.byte}`;
  return fileProblem('not-utf8', file, `file is not UTF-8: ${detail}`, UTF8_HINT, loc);
}

export const DATASET_SKELETON = `{ "format": "${DATASET_FORMAT}", "version": ${DATASET_VERSION}, "sources": [ … ], "entities": [ … ], "triples": [ … ] }`;

export function emptyFile(file: string, onlyWhiteSpace: boolean): Problem {
  return fileProblem(
    'empty-file',
    file,
    onlyWhiteSpace ? 'the file holds only white space' : 'the file is empty',
    `write a dataset: { "format": "${DATASET_FORMAT}", "version": ${DATASET_VERSION}, "sources": [], "entities": [], "triples": [] }`,
    START,
  );
}

export function jsonSyntax(file: string, message: string | undefined, hint: string, loc: TextLocation): Problem {
  return fileProblem(
    'json-syntax',
    file,
    message === undefined ? 'invalid JSON' : `invalid JSON: ${message}`,
    hint,
    loc,
  );
}

// Files that cannot be read at all. `what` names the file in words ("dataset file", "the text of source 'x'").

export function fileNotFound(file: string, what: string, path: string, cwd: string): Problem {
  return fileProblem(
    'file-not-found',
    file,
    `${what} not found: ${path}`,
    `check the path (relative paths start from ${cwd})`,
  );
}

export function isDirectory(file: string, what: string, path: string): Problem {
  return fileProblem(
    'file-unreadable',
    file,
    `${what} ${path} is a directory, not a file`,
    'give the path of a .json file',
  );
}

export function fileUnreadable(
  file: string,
  what: string,
  path: string,
  errno: string | undefined,
  hint = 'check that you may read the file',
): Problem {
  return fileProblem('file-unreadable', file, `${what} ${path} cannot be read (${errno ?? 'error'})`, hint);
}

function mib(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MiB`;
}

export function fileTooLarge(file: string, what: string, path: string, size: number, limit: number): Problem {
  return fileProblem(
    'file-too-large',
    file,
    `${what} ${path} is ${mib(size)}; at most ${mib(limit)} can be loaded`,
    'split the data into smaller files, or remove what is not needed',
  );
}

export function tooLargeForText(file: string, what: string, path: string): Problem {
  return fileProblem(
    'file-too-large',
    file,
    `${what} ${path} is too large to read as text`,
    'split the data into smaller files',
  );
}

/** The one summary of the problems of a code past the per-code cap. */
export function notListed(file: string, code: string, total: number, listed: number, anyError: boolean): Problem {
  const more = total - listed;
  return {
    severity: anyError ? 'error' : 'warning',
    code,
    file,
    path: '',
    message: `${formatCount(more)} more '${code}' problems not listed (${formatCount(total)} in all)`,
    hint: `fix the ones listed and run the validation again`,
  };
}
