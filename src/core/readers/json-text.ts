// The whole-text JSON reader: a dataset or schema file's text → the shared
// preflight → JSON.parse (syntax errors located and explained) → the checks.
import type { Schema } from '../model.ts';
import type { Problem } from '../problems.ts';
import { findSyntaxError, offsetToLocation } from '../json-location.ts';
import { preflightText } from '../check/preflight.ts';
import { jsonSyntax } from '../check/problems.ts';
import { Report } from '../check/report.ts';
import { checkSchemaInto } from '../check/schema.ts';
import { validateDataset } from '../check/dataset.ts';
import type { ParseResult, ValidateOptions } from '../check/options.ts';

/** JSON text → its value, or the located syntax problem. */
export function parseJson(text: string, file: string): { raw: unknown } | { problem: Problem } {
  try {
    return { raw: JSON.parse(text) };
  } catch (e) {
    const info = findSyntaxError(text);
    if (info) return { problem: jsonSyntax(file, info.message, info.hint, info) };
    // The scanner accepted what JSON.parse refused: fall back to the engine's position.
    const msg = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    const pos = /position (\d+)/.exec(msg);
    const loc = pos ? offsetToLocation(text, Number(pos[1])) : { line: 1, column: 1 };
    return { problem: jsonSyntax(file, msg, 'check the syntax at this position', loc) };
  }
}

/** Preflight and parse: the value, or the problems that stop reading (the BOM warning rides along either way). */
function read(
  input: string,
  file: string,
  decodedStrictly: boolean,
): { raw: unknown; text: string; problems: Problem[] } | { problems: Problem[] } {
  const pre = preflightText(input, file, decodedStrictly);
  if (pre.failed) return { problems: pre.problems };
  const parsed = parseJson(pre.text, file);
  if ('problem' in parsed) return { problems: [...pre.problems, parsed.problem] };
  return { raw: parsed.raw, text: pre.text, problems: pre.problems };
}

/** Parses and checks a schema file's text, problems located by line. */
export function parseSchema(
  text: string,
  file: string,
  decodedStrictly = false,
): { schema?: Schema; problems: Problem[] } {
  const pre = read(text, file, decodedStrictly);
  if (!('raw' in pre)) return { problems: pre.problems };
  const r = new Report(file, 200);
  const { schema, errors } = checkSchemaInto(r, pre.raw, [], { left: 5_000_000 });
  const problems = [...pre.problems, ...r.finish(pre.text)];
  return errors === 0 ? { schema, problems } : { problems };
}

/** JSON text → located problems and, when valid, the clean dataset. */
export function parseDataset(text: string, opts: ValidateOptions): ParseResult {
  const pre = read(text, opts.file, opts.decodedStrictly ?? false);
  if (!('raw' in pre)) return { ok: false, problems: pre.problems };
  const res = validateDataset(pre.raw, { ...opts, text: pre.text });
  res.problems.unshift(...pre.problems);
  return res;
}
