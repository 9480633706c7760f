// Validation of dataset and schema files: every problem found (not only the
// first), each located (file, JSON path, line) and explained with a fix. The
// result carries a clean, typed copy holding only known fields, so nothing
// hostile or malformed travels further. Pure TypeScript: runs in Node and in
// the browser alike.
//
// Performance: one pass per array, Maps built once, no closures or regexes
// created per record; suggestions ("did you mean …") and line numbers are only
// computed for the problems found.
import { indexSchema } from './schema.ts';
import {
  DATASET_FORMAT, DATASET_VERSION,
  type Dataset, type Entity, type EntityType, type Predicate, type Schema, type Source, type Triple,
} from './model.ts';
import type { Problem, Severity } from './problems.ts';
import { normaliseQuotes } from './text.ts';
import { findSyntaxError, locatePaths, offsetToLocation, pathToString, type JsonPath } from './json-location.ts';

export interface ValidateOptions {
  /** Name of the file, as problems should show it. */
  file: string;
  /** Used when the dataset embeds no schema. */
  defaultSchema?: Schema;
  /** Text of a source (its `path` resolved by the caller); inline `text` is used otherwise. */
  sourceText?: (s: Source) => string | undefined;
  /** Check that every evidence quote occurs in its source text (default true). */
  checkEvidence?: boolean;
  /** Most problems listed per code; the rest are counted in one summary problem (default 200). */
  maxPerCode?: number;
  /** Why a source's `path` cannot be read (missing file …), reported as an error at that path. */
  sourceError?: (s: Source) => { code: string; message: string; hint: string } | undefined;
  /**
   * The caller decoded the bytes with a fatal UTF-8 decoder (and reported bad
   * bytes itself): U+FFFD in the text is then a character like any other.
   */
  decodedStrictly?: boolean;
}

export interface ParseResult {
  /** No error-severity problems. */
  ok: boolean;
  /** The clean dataset; present only when ok. */
  dataset?: Dataset;
  /** Embedded schema ?? default schema (present when it is valid). */
  schema?: Schema;
  /** Where the schema came from: the dataset's own, or the default given. */
  schemaFrom?: 'embedded' | 'default';
  problems: Problem[];
}

/** Sane bounds on field sizes: beyond them a value is a mistake or an attack. */
export const LIMITS = {
  id: 200,
  label: 500,
  alias: 500,
  evidence: 5_000,
  title: 1_000,
  description: 10_000,
  qualifier: 200,
  url: 2_000,
  /** Above this size the text is not scanned for line numbers, to bound time. */
  locateMaxChars: 64 * 1024 * 1024,
} as const;

// ---------------------------------------------------------------------------
// Problem collection

/** Sections of a dataset check, in the order the whole-object check meets them.
 *  A streaming reader meets them in file order; problems are put back in this
 *  order, so both list the same problems in the same order. */
export const SECTION = { header: 0, schema: 1, arrays: 2, sources: 3, entities: 4, triples: 5, finish: 6 } as const;
const SECTIONS = 7;

export class Report {
  errors = 0;
  /** Section the problems added now belong to. */
  section = 0;
  /** Called for each problem that may be listed: a streaming reader locates it while its text is at hand. */
  onListed?: (p: Problem, path: JsonPath) => void;
  private readonly lists: { problems: Problem[]; paths: JsonPath[]; counts: Map<string, number> }[] = [];
  private readonly counts = new Map<string, { n: number; errors: number; first: number }>();
  private seq = 0;
  constructor(readonly file: string, readonly maxPerCode: number) {
    for (let i = 0; i < SECTIONS; i++) this.lists.push({ problems: [], paths: [], counts: new Map() });
  }

  /** Whether another problem of this code will be listed (so worth a costly message). */
  room(code: string): boolean {
    return (this.counts.get(code)?.n ?? 0) < this.maxPerCode;
  }

  add(severity: Severity, code: string, path: JsonPath, message: string, hint: string): void {
    if (severity === 'error') this.errors++;
    const order = this.section * 2 ** 40 + this.seq++;
    let c = this.counts.get(code);
    if (!c) { c = { n: 0, errors: 0, first: order }; this.counts.set(code, c); } else if (order < c.first) c.first = order;
    c.n++;
    if (severity === 'error') c.errors++;
    // Capped per section here, across sections in finish(): the first ones in check order are listed.
    const l = this.lists[this.section]!;
    const k = l.counts.get(code) ?? 0;
    if (k >= this.maxPerCode) return;
    l.counts.set(code, k + 1);
    const p: Problem = { severity, code, file: this.file, path: pathToString(path), message, hint };
    l.problems.push(p);
    l.paths.push(path);
    this.onListed?.(p, path);
  }

  /**
   * The problems in check order, at most maxPerCode per code, then one
   * summary per code whose problems were not all listed; located from the
   * text when given (and not too large).
   */
  finish(text?: string): Problem[] {
    const problems: Problem[] = [];
    const paths: JsonPath[] = [];
    const listed = new Map<string, number>();
    for (const l of this.lists) {
      for (let i = 0; i < l.problems.length; i++) {
        const p = l.problems[i]!;
        const k = listed.get(p.code) ?? 0;
        if (k >= this.maxPerCode) continue;
        listed.set(p.code, k + 1);
        problems.push(p);
        paths.push(l.paths[i]!);
      }
    }
    const codes = [...this.counts].sort((a, b) => a[1].first - b[1].first);
    for (const [code, c] of codes) {
      if (c.n <= this.maxPerCode) continue;
      const more = c.n - this.maxPerCode;
      const p: Problem = {
        severity: c.errors > 0 ? 'error' : 'warning', code, file: this.file, path: '',
        message: `${more.toLocaleString('en-US')} more '${code}' problems not listed (${c.n.toLocaleString('en-US')} in all)`,
        hint: `fix the ones listed and run the validation again`,
      };
      problems.push(p);
      paths.push([]);
      this.onListed?.(p, []);
    }
    locate(problems, paths, text);
    return problems;
  }
}

/** Fill in line/column from the text, in one streaming pass. */
function locate(problems: Problem[], paths: JsonPath[], text: string | undefined): void {
  if (text === undefined || problems.length === 0 || text.length > LIMITS.locateMaxChars) return;
  let locs;
  try {
    locs = locatePaths(text, paths);
  } catch {
    return; // Locations are a convenience: never let them hide the problems.
  }
  for (let i = 0; i < problems.length; i++) {
    const loc = locs[i];
    if (loc && problems[i]!.line === undefined) {
      problems[i]!.line = loc.line;
      problems[i]!.column = loc.column;
    }
  }
}

// ---------------------------------------------------------------------------
// Small checks shared by every record kind

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Own property only: `o.constructor` must not find Object.prototype's. */
function own(o: Obj, k: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'number') return `a number (${v})`;
  if (typeof v === 'boolean') return `${v}`;
  return typeof v;
}

function quote(s: string, max = 60): string {
  const shown = s.length > max ? `${s.slice(0, max)}…` : s;
  return `'${shown.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const CONTROL_WITH_NL = /[\u0000-\u001f\u007f-\u009f]/;
// Bidi embedding/override/isolate controls can make text display reversed.
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const URL_SCHEME = /^https?:\/\/[^\s]+$/i;

/** Checks a required or optional string field; returns it when usable. */
function str(
  r: Report, v: unknown, path: JsonPath, field: string | number, what: string,
  opts: { required?: boolean; max?: number; allowNewlines?: boolean; nonEmpty?: boolean; name?: string },
): string | undefined {
  const name = opts.name ?? String(field);
  if (v === undefined) {
    if (opts.required) {
      r.add('error', 'missing-field', [...path, field], `${what} has no '${name}'`, `add "${field}": "…" to it`);
    }
    return undefined;
  }
  if (typeof v !== 'string') {
    r.add('error', 'wrong-type', [...path, field], `'${name}' must be a string, not ${typeName(v)}`, 'write it in double quotes');
    return undefined;
  }
  if (opts.nonEmpty && v.trim() === '') {
    r.add('error', field === 'evidence' ? 'empty-evidence' : 'empty-label', [...path, field], `'${name}' is empty`,
      field === 'evidence' ? 'quote the sentence of the source that states this relation' : `give it a ${name} people can read, or remove it`);
    return undefined;
  }
  let ok = true;
  if (opts.max !== undefined && v.length > opts.max) {
    r.add('error', 'too-long', [...path, field], `'${name}' is ${v.length.toLocaleString('en-US')} characters long; at most ${opts.max.toLocaleString('en-US')} are allowed`,
      field === 'evidence' ? 'quote only the sentence that states the relation' : name === 'description' ? 'shorten it' : 'shorten it; put longer text in a description');
    ok = false;
  }
  if ((opts.allowNewlines ? CONTROL : CONTROL_WITH_NL).test(v)) {
    const c = v.match(opts.allowNewlines ? CONTROL : CONTROL_WITH_NL)![0];
    r.add('error', 'control-character', [...path, field], `'${name}' contains the control character U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
      opts.allowNewlines ? 'remove it (only tabs and line breaks are allowed)' : 'remove it: labels are one line of plain text');
    ok = false;
  } else if (BIDI.test(v)) {
    r.add('warning', 'bidi-control', [...path, field], `'${name}' contains a bidirectional override character, which can make it display in a misleading order`,
      'remove it; right-to-left text (Arabic, Hebrew) displays correctly without it');
  }
  return ok ? v : undefined;
}

function checkId(r: Report, v: unknown, path: JsonPath, what: string): string | undefined {
  const p = [...path, 'id'];
  if (v === undefined) {
    r.add('error', 'missing-field', p, `${what} has no 'id'`, `add "id": "some-id" to it (a short unique name, such as "kataib-hezbollah")`);
    return undefined;
  }
  if (typeof v !== 'string') {
    r.add('error', 'bad-id', p, `the id must be a string, not ${typeName(v)}`,
      typeof v === 'number' ? `write it in quotes: "id": "${v}"` : 'write a short unique name in double quotes, such as "kataib-hezbollah"');
    return undefined;
  }
  if (v.trim() === '' || v !== v.trim() || v.length > LIMITS.id || CONTROL_WITH_NL.test(v)) {
    const why = v.trim() === '' ? 'is empty' : v.length > LIMITS.id ? `is ${v.length} characters long (at most ${LIMITS.id})`
      : v !== v.trim() ? 'has leading or trailing white space' : 'contains a control character';
    r.add('error', 'bad-id', p, `the id ${quote(v)} ${why}`, 'use a short name of letters, digits and dashes, such as "kataib-hezbollah"');
    return undefined;
  }
  return v;
}

function unknownField(r: Report, k: string, known: ReadonlySet<string>, path: JsonPath, what: string): void {
  r.add('warning', 'unknown-field', [...path, k], `unknown field ${quote(k)} in ${what} ignored`,
    `remove it, or check its spelling against the fields of ${what}: ${[...known].join(', ')}`);
}

function unknownFields(r: Report, o: Obj, known: ReadonlySet<string>, path: JsonPath, what: string): void {
  for (const k in o) if (!known.has(k)) unknownField(r, k, known, path, what);
}

function daysIn(y: number, m: number): number {
  return m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** undefined when `s` is a real ISO date (YYYY, YYYY-MM, YYYY-MM-DD); otherwise why not. */
function dateError(s: string): string | undefined {
  const m = DATE.exec(s);
  if (!m) return 'is not in the form YYYY, YYYY-MM or YYYY-MM-DD';
  const y = Number(m[1]);
  if (m[2] !== undefined) {
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return `has month ${m[2]}, which does not exist`;
    if (m[3] !== undefined) {
      const d = Number(m[3]);
      if (d < 1 || d > daysIn(y, mo)) return `is a day that does not exist (${y}-${m[2]} has ${daysIn(y, mo)} days)`;
    }
  }
  return undefined;
}

function twoDigits(s: string, i: number): number {
  return (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;
}

/** Whether s[a, b) is a real YYYY, YYYY-MM or YYYY-MM-DD date; no allocation (hot path). */
function isDate(s: string, a: number, b: number): boolean {
  const n = b - a;
  if (n !== 4 && n !== 7 && n !== 10) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(a + i);
    if (i === 4 || i === 7) { if (c !== 45) return false; } else if (c < 48 || c > 57) return false;
  }
  if (n === 4) return true;
  const m = twoDigits(s, a + 5);
  if (m < 1 || m > 12) return false;
  if (n === 7) return true;
  const y = twoDigits(s, a) * 100 + twoDigits(s, a + 2);
  const d = twoDigits(s, a + 8);
  return d >= 1 && d <= daysIn(y, m);
}

/** The common case without allocation: a valid date or a valid ordered interval. */
function dateOk(v: string, allowInterval: boolean): boolean {
  const slash = allowInterval ? v.indexOf('/') : -1;
  if (slash < 0) return isDate(v, 0, v.length);
  if (!isDate(v, 0, slash) || !isDate(v, slash + 1, v.length)) return false;
  // Start's earliest moment must not be after end's latest: compare the common prefix.
  const l = Math.min(slash, v.length - slash - 1);
  for (let i = 0; i < l; i++) {
    const x = v.charCodeAt(i);
    const y = v.charCodeAt(slash + 1 + i);
    if (x !== y) return x < y;
  }
  return true;
}

function checkDateAt(r: Report, v: unknown, p: JsonPath, allowInterval: boolean): string | undefined {
  if (typeof v === 'string' && dateOk(v, allowInterval)) return v;
  const form = allowInterval ? 'YYYY, YYYY-MM, YYYY-MM-DD or an interval start/end such as 2021-02-25/2021-02-26' : 'YYYY-MM-DD (or YYYY-MM, YYYY)';
  if (typeof v !== 'string') {
    r.add('error', 'bad-date', p, `the date must be a string, not ${typeName(v)}`, `write it as "${allowInterval ? '2021-02-25' : '2021-02-26'}": ${form}`);
    return undefined;
  }
  const parts = allowInterval ? v.split('/') : [v];
  if (parts.length > 2) {
    r.add('error', 'bad-date', p, `the date ${quote(v)} has more than one '/'`, `write ${form}`);
    return undefined;
  }
  for (const part of parts) {
    const why = dateError(part);
    if (why) {
      r.add('error', 'bad-date', p, `the date ${quote(part)} ${why}`, `write ${form}`);
      return undefined;
    }
  }
  if (parts.length === 2) {
    // Compare the earliest moment of the start with the latest of the end.
    const start = parts[0]!.padEnd(10, '\u0000');
    const end = parts[1]!.padEnd(10, '\uffff');
    if (start > end) {
      r.add('error', 'bad-date', p, `the interval ${quote(v)} ends before it starts`, `write the earlier date first: ${parts[1]}/${parts[0]}`);
      return undefined;
    }
  }
  return v;
}

// ---------------------------------------------------------------------------
// "Did you mean …": edit distance, computed only for reported problems.

/** Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

const fold = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Candidate names of one kind (entity ids, predicate ids …) for suggestions. */
class Pool {
  private folded?: Map<string, string>;
  constructor(private readonly names: readonly string[], private readonly budget: { left: number }) {}

  closest(word: string): string | undefined {
    if (!this.folded) {
      this.folded = new Map();
      for (const n of this.names) if (!this.folded.has(fold(n))) this.folded.set(fold(n), n);
    }
    const same = this.folded.get(fold(word));
    if (same !== undefined) return same;
    // Bounded work overall, so a file full of bad references stays fast.
    if (this.budget.left < this.names.length) return undefined;
    this.budget.left -= this.names.length;
    const max = Math.max(1, Math.min(4, Math.floor(word.length / 3)));
    let best: string | undefined;
    let bestD = max + 1;
    for (const n of this.names) {
      const d = editDistance(word, n, bestD - 1);
      if (d < bestD) { bestD = d; best = n; }
    }
    if (best !== undefined) return best;
    // A word contained in a name ("hezbollah" for "kataib-hezbollah").
    if (word.length >= 4) {
      const fw = fold(word);
      for (const n of this.names) if (fold(n).includes(fw)) return n;
    }
    return undefined;
  }
}

function didYouMean(pool: Pool, word: string): string {
  const s = pool.closest(word);
  return s === undefined ? '' : `did you mean ${quote(s)}? `;
}

// ---------------------------------------------------------------------------
// Schema

const TYPE_FIELDS = new Set(['id', 'label', 'color', 'parent', 'description']);
const PREDICATE_FIELDS = new Set(['id', 'label', 'inverseLabel', 'domain', 'range', 'symmetric', 'description']);
const SCHEMA_FIELDS = new Set(['entityTypes', 'predicates']);

interface CheckedSchema {
  schema: Schema;
  errors: number;
}

function checkArray(r: Report, o: Obj, field: string, path: JsonPath, what: string): unknown[] | undefined {
  const v = own(o, field);
  if (v === undefined) {
    r.add('error', 'missing-field', [...path, field], `${what} has no '${field}' array`, `add "${field}": [ … ]`);
    return undefined;
  }
  if (!Array.isArray(v)) {
    r.add('error', 'wrong-type', [...path, field], `'${field}' must be an array, not ${typeName(v)}`, `write "${field}": [ … ]`);
    return undefined;
  }
  return v;
}

function checkSchemaInto(r: Report, raw: unknown, at: JsonPath, budget: { left: number }): CheckedSchema {
  const before = r.errors;
  const schema: Schema = { entityTypes: [], predicates: [] };
  const what = at.length ? 'the embedded schema' : 'the schema';
  if (!isObj(raw)) {
    r.add('error', 'wrong-type', at, `${what} must be an object, not ${typeName(raw)}`,
      'write { "entityTypes": [ … ], "predicates": [ … ] }');
    return { schema, errors: r.errors - before };
  }
  unknownFields(r, raw, SCHEMA_FIELDS, at, what);
  const types = checkArray(r, raw, 'entityTypes', at, what) ?? [];
  const preds = checkArray(r, raw, 'predicates', at, what) ?? [];

  const typeAt = new Map<string, number>();
  const typePath: JsonPath[] = [];
  for (let i = 0; i < types.length; i++) {
    const p: JsonPath = [...at, 'entityTypes', i];
    const t = types[i];
    if (!isObj(t)) {
      r.add('error', 'wrong-type', p, `an entity type must be an object, not ${typeName(t)}`, 'write { "id": "…", "label": "…", "color": "#rrggbb" }');
      continue;
    }
    unknownFields(r, t, TYPE_FIELDS, p, 'an entity type');
    const id = checkId(r, own(t, 'id'), p, 'an entity type');
    const label = str(r, own(t, 'label'), p, 'label', 'the entity type', { required: true, max: LIMITS.label, nonEmpty: true });
    const colorV = own(t, 'color');
    let color: string | undefined;
    if (colorV === undefined) {
      r.add('error', 'missing-field', [...p, 'color'], `the entity type has no 'color'`, 'add "color": "#rrggbb", such as "#1f77b4"');
    } else if (typeof colorV !== 'string' || !COLOR.test(colorV)) {
      r.add('error', 'bad-color', [...p, 'color'], `the colour ${typeof colorV === 'string' ? quote(colorV) : typeName(colorV)} is not #rgb or #rrggbb`, 'write a hex colour such as "#1f77b4"');
    } else color = colorV;
    const parentV = own(t, 'parent');
    const parent = parentV === undefined ? undefined : typeof parentV === 'string' ? parentV : undefined;
    if (parentV !== undefined && parent === undefined) {
      r.add('error', 'wrong-type', [...p, 'parent'], `'parent' must be a type id string, not ${typeName(parentV)}`, 'write "parent": "organization" or remove it');
    }
    const description = str(r, own(t, 'description'), p, 'description', 'the entity type', { max: LIMITS.description, allowNewlines: true });
    if (id === undefined) continue;
    if (typeAt.has(id)) {
      r.add('error', 'duplicate-id', [...p, 'id'], `entity type ${quote(id)} is defined twice (first at ${pathToString(typePath[typeAt.get(id)!]!)})`, 'remove one of them or give it another id');
      continue;
    }
    typeAt.set(id, schema.entityTypes.length);
    typePath.push(p);
    const clean: EntityType = { id, label: label ?? id, color: color ?? '#888888' };
    if (parent !== undefined) clean.parent = parent;
    if (description !== undefined) clean.description = description;
    schema.entityTypes.push(clean);
  }
  const typePool = new Pool(schema.entityTypes.map((t) => t.id), budget);
  for (let i = 0; i < schema.entityTypes.length; i++) {
    const t = schema.entityTypes[i]!;
    if (t.parent !== undefined && !typeAt.has(t.parent)) {
      r.add('error', 'unknown-parent-type', [...typePath[i]!, 'parent'], `type ${quote(t.id)} has parent ${quote(t.parent)}, which is not a type of this schema`,
        `${didYouMean(typePool, t.parent)}define the parent type or remove "parent"`);
      delete t.parent;
    }
  }
  // Cycles in the parent chain: walk from each type, colouring visited ones.
  const state = new Map<string, 1 | 2>(); // 1 on the current walk, 2 done
  for (const t of schema.entityTypes) {
    const walk: string[] = [];
    let cur: string | undefined = t.id;
    while (cur !== undefined && !state.has(cur)) {
      state.set(cur, 1);
      walk.push(cur);
      cur = schema.entityTypes[typeAt.get(cur)!]!.parent;
    }
    if (cur !== undefined && state.get(cur) === 1) {
      const cycle = walk.slice(walk.indexOf(cur));
      const last = cycle[cycle.length - 1]!;
      r.add('error', 'type-cycle', [...typePath[typeAt.get(last)!]!, 'parent'],
        `the entity types form a cycle: ${[...cycle, cur].map((x) => quote(x)).join(' → ')}`,
        `a type cannot be its own ancestor: remove the "parent" of ${quote(last)} or of another type in the cycle`);
      delete schema.entityTypes[typeAt.get(last)!]!.parent;
    }
    for (const w of walk) state.set(w, 2);
  }

  const predAt = new Set<string>();
  for (let i = 0; i < preds.length; i++) {
    const p: JsonPath = [...at, 'predicates', i];
    const d = preds[i];
    if (!isObj(d)) {
      r.add('error', 'wrong-type', p, `a predicate must be an object, not ${typeName(d)}`, 'write { "id": "…", "label": "…", "inverseLabel": "…", "domain": [ … ], "range": [ … ] }');
      continue;
    }
    unknownFields(r, d, PREDICATE_FIELDS, p, 'a predicate');
    const id = checkId(r, own(d, 'id'), p, 'a predicate');
    const label = str(r, own(d, 'label'), p, 'label', 'the predicate', { required: true, max: LIMITS.label, nonEmpty: true });
    const inverseLabel = str(r, own(d, 'inverseLabel'), p, 'inverseLabel', 'the predicate', { required: true, max: LIMITS.label, nonEmpty: true });
    const side = (field: 'domain' | 'range'): string[] => {
      const v = own(d, field);
      const fp = [...p, field];
      if (v === undefined) {
        r.add('error', 'missing-field', fp, `the predicate has no '${field}'`, `add "${field}": [ "type-id", … ] listing the entity types allowed as ${field === 'domain' ? 'subject' : 'object'}`);
        return [];
      }
      if (!Array.isArray(v)) {
        r.add('error', 'wrong-type', fp, `'${field}' must be an array of type ids, not ${typeName(v)}`, `write "${field}": [ "type-id", … ]`);
        return [];
      }
      if (v.length === 0) {
        r.add('error', 'empty-domain', fp, `'${field}' is empty: no entity could be the ${field === 'domain' ? 'subject' : 'object'}`, `list the allowed types, or the root type (such as "entity") to allow any`);
      }
      const out: string[] = [];
      v.forEach((x, j) => {
        if (typeof x !== 'string') {
          r.add('error', 'wrong-type', [...fp, j], `a type id must be a string, not ${typeName(x)}`, 'write it in double quotes');
        } else if (!typeAt.has(x)) {
          r.add('error', 'unknown-type', [...fp, j], `${field} names the type ${quote(x)}, which is not defined in the schema`,
            `${didYouMean(typePool, x)}define the type under entityTypes or fix the name`);
        } else out.push(x);
      });
      return out;
    };
    const domain = side('domain');
    const range = side('range');
    const symV = own(d, 'symmetric');
    if (symV !== undefined && typeof symV !== 'boolean') {
      r.add('error', 'wrong-type', [...p, 'symmetric'], `'symmetric' must be true or false, not ${typeName(symV)}`, 'write "symmetric": true, or remove it');
    }
    const description = str(r, own(d, 'description'), p, 'description', 'the predicate', { max: LIMITS.description, allowNewlines: true });
    if (id === undefined) continue;
    if (predAt.has(id)) {
      r.add('error', 'duplicate-id', [...p, 'id'], `predicate ${quote(id)} is defined twice`, 'remove one of them or give it another id');
      continue;
    }
    predAt.add(id);
    const clean: Predicate = { id, label: label ?? id, inverseLabel: inverseLabel ?? label ?? id, domain, range };
    if (symV === true) clean.symmetric = true;
    if (description !== undefined) clean.description = description;
    schema.predicates.push(clean);
  }
  return { schema, errors: r.errors - before };
}

/** Checks a schema on its own (a schema file); `schema` is present when it has no errors. */
export function validateSchema(raw: unknown, file: string): { schema?: Schema; problems: Problem[] } {
  const r = new Report(file, 200);
  const { schema, errors } = checkSchemaInto(r, raw, [], { left: 5_000_000 });
  const problems = r.finish();
  return errors === 0 ? { schema, problems } : { problems };
}

/** Parses and checks a schema file's text, problems located by line. */
export function parseSchema(text: string, file: string, decodedStrictly = false): { schema?: Schema; problems: Problem[] } {
  const pre = preflight(text, file, decodedStrictly);
  if ('problems' in pre && pre.raw === undefined) return { problems: pre.problems };
  const r = new Report(file, 200);
  const { schema, errors } = checkSchemaInto(r, pre.raw, [], { left: 5_000_000 });
  const problems = [...pre.problems, ...r.finish(pre.text)];
  return errors === 0 ? { schema, problems } : { problems };
}

// ---------------------------------------------------------------------------
// Duplicate triples: an open-addressing table over numeric ids, so no key
// string is built per triple. It grows as triples arrive (a streaming reader
// does not know their number). Probing is capped; past the cap (only
// adversarial input gets there) an exact string-keyed Map takes over.

class TripleSet {
  private table: Int32Array; // triple index + 1; 0 = empty
  private hashes: Int32Array; // each slot's full hash: most misses end here, without touching the triple
  private mask: number;
  private s: Int32Array;
  private p: Int32Array;
  private o: Int32Array;
  private src: Int32Array;
  private readonly evidence: string[] = [];
  private count = 0;
  private overflow?: Map<string, number>;
  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.table = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
    const n = Math.max(16, capacity);
    this.s = new Int32Array(n); this.p = new Int32Array(n); this.o = new Int32Array(n); this.src = new Int32Array(n);
  }

  private grow(): void {
    const n = this.s.length * 2;
    const widen = (a: Int32Array): Int32Array => { const b = new Int32Array(n); b.set(a); return b; };
    this.s = widen(this.s); this.p = widen(this.p); this.o = widen(this.o); this.src = widen(this.src);
  }

  private rehash(): void {
    const oldTable = this.table, oldHashes = this.hashes;
    this.table = new Int32Array(oldTable.length * 2);
    this.hashes = new Int32Array(oldTable.length * 2);
    this.mask = this.table.length - 1;
    for (let k = 0; k < oldTable.length; k++) {
      const v = oldTable[k]!;
      if (v === 0) continue;
      const h = oldHashes[k]!;
      let i = h & this.mask;
      while (this.table[i] !== 0) i = (i + 1) & this.mask;
      this.table[i] = v; this.hashes[i] = h;
    }
  }

  /** Records triple `at` (0, 1, 2 … in order); returns the earlier equal triple's index, or -1. */
  add(s: number, p: number, o: number, src: number, evidence: string, at: number): number {
    if (at >= this.s.length) this.grow();
    if (this.count * 2 >= this.table.length) this.rehash();
    this.s[at] = s; this.p[at] = p; this.o[at] = o; this.src[at] = src;
    this.evidence[at] = evidence;
    let h = Math.imul(s + 1, 0x9e3779b1) ^ Math.imul(o + 1, 0x85ebca77) ^ Math.imul(p + 1, 0xc2b2ae3d) ^ Math.imul(src + 1, 0x27d4eb2f);
    // Evidence enters the hash by its length and up to 24 sampled characters.
    const n = evidence.length;
    const step = n <= 24 ? 1 : Math.ceil(n / 24);
    h = Math.imul(h ^ n, 0x01000193);
    for (let k = 0; k < n; k += step) h = Math.imul(h ^ evidence.charCodeAt(k), 0x01000193);
    // Final avalanche (MurmurHash3's): the table index uses the low bits.
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
    for (let probe = 0, i = h & this.mask; probe < 64; probe++, i = (i + 1) & this.mask) {
      const v = this.table[i]!;
      if (v === 0) {
        // After a rehash an equal triple may sit in the overflow map rather than on this probe path.
        if (this.overflow) {
          const j = this.overflow.get(`${s}|${p}|${o}|${src}|${evidence}`);
          if (j !== undefined) return j;
        }
        this.table[i] = at + 1; this.hashes[i] = h; this.count++;
        return -1;
      }
      if (this.hashes[i] !== h) continue;
      const j = v - 1;
      if (this.s[j] === s && this.o[j] === o && this.p[j] === p && this.src[j] === src && this.evidence[j] === evidence) return j;
    }
    const key = `${s}|${p}|${o}|${src}|${evidence}`;
    this.overflow ??= new Map();
    const j = this.overflow.get(key);
    if (j !== undefined) return j;
    this.overflow.set(key, at);
    return -1;
  }
}

/**
 * Entity id → index: open addressing with each slot's hash beside it, so a
 * lookup (two per triple) mostly reads two typed-array slots and compares one
 * string, where a Map with 100k string keys measured slower.
 */
class IdIndex {
  private ids: string[] = [];
  private slots = new Int32Array(1024).fill(-1);
  private hashes = new Int32Array(1024);
  private mask = 1023;

  private static hash(s: string): number {
    let h = 0x811c9dc5 ^ s.length;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h ^ (h >>> 15);
  }

  get size(): number { return this.ids.length; }

  /** The index of `id`, or -1. */
  get(id: string): number {
    const h = IdIndex.hash(id);
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const v = this.slots[i]!;
      if (v < 0) return -1;
      if (this.hashes[i] === h && this.ids[v] === id) return v;
    }
  }

  /** Records id → index (the id must be new, and indices 0, 1, 2 … in order). */
  add(id: string, index: number): void {
    this.ids[index] = id;
    if (this.ids.length * 2 > this.slots.length) {
      const n = this.slots.length * 2;
      this.slots = new Int32Array(n).fill(-1);
      this.hashes = new Int32Array(n);
      this.mask = n - 1;
      for (let k = 0; k < this.ids.length; k++) this.put(this.ids[k]!, k);
    } else this.put(id, index);
  }

  private put(id: string, index: number): void {
    const h = IdIndex.hash(id);
    let i = h & this.mask;
    while (this.slots[i]! >= 0) i = (i + 1) & this.mask;
    this.slots[i] = index;
    this.hashes[i] = h;
  }
}

// ---------------------------------------------------------------------------
// Dataset

const DATASET_FIELDS = new Set(['format', 'version', 'title', 'schema', 'sources', 'entities', 'triples']);
const SOURCE_FIELDS = new Set(['id', 'title', 'publisher', 'published', 'url', 'path', 'text']);
const ENTITY_FIELDS = new Set(['id', 'label', 'type', 'aliases', 'description', 'date']);
const TRIPLE_FIELDS = new Set(['id', 'subject', 'predicate', 'object', 'source', 'evidence', 'date', 'confidence', 'attributedTo', 'qualifier']);
// Evidence equal to its own normalised form: no quote or dash variants, no white space but single inner spaces.
// One test for the common case of evidence: no control or bidi character, in normal form (so not blank either).
const EVIDENCE_SUSPECT = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2018\u2019\u201A\u201B\u2032\u00B4`\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u2013\u2014\u2212\u2010\u2011\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}|^ | $/;
const NOT_NORMAL = /[\u2018\u2019\u201A\u201B\u2032\u00B4`\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u2013\u2014\u2212\u2010\u2011\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}|^ | $/;

function typesList(ts: readonly string[]): string {
  return ts.map((t) => quote(t)).join(', ');
}

/** A triple that passed its checks, as indices into the checker's tables (one object, reused). */
export interface CheckedTriple {
  s: number; p: number; o: number; src: number;
  evidence: string;
  id: string | undefined; date: string | undefined; confidence: number | undefined;
  attributedTo: string | undefined; qualifier: string | undefined;
}

/**
 * The checks of a dataset, record by record: the whole-object validation and
 * the streaming reader (ingest.ts) both drive it, so they find the same
 * problems. Call header → useSchema → arrays (any order when streaming: the
 * report keeps sections apart), then sources, entities, beginTriples,
 * triples, finish, result.
 */
export class DatasetChecker {
  readonly r: Report;
  private readonly budget = { left: 5_000_000 };
  schema?: Schema;
  schemaOk = false;
  schemaFrom?: 'embedded' | 'default';
  embedded = false;
  title?: string;
  private readonly typeIds = new Map<string, EntityType>();
  private readonly typeOrd = new Map<string, number>();
  private readonly predOrd = new Map<string, number>();
  private readonly predList: Predicate[] = [];
  private readonly domainOk: Uint8Array[] = [];
  private readonly rangeOk: Uint8Array[] = [];
  private typePool?: Pool;

  private readonly unreadable = new Set<string>(); // sources whose file could not be read (already reported)
  readonly sources: Source[] = [];
  private readonly sourceAt = new Map<string, number>();
  private readonly sourcePath: number[] = [];
  readonly entities: Entity[] = [];
  private readonly entityTypeOrd: number[] = []; // -1: unknown type (already reported)
  readonly entityAt = new IdIndex();
  private readonly entityPath: number[] = [];

  private hasTriples = false;
  private used = new Uint8Array(0);
  private sourceUsed = new Uint8Array(0);
  private readonly tripleIds = new Map<string, number>();
  private dedupe = new TripleSet(0);
  private rawIndex = new Int32Array(1024); // position in the file of each accepted triple
  /** Triples accepted so far. */
  accepted = 0;
  private entityPool?: Pool;
  private predPool?: Pool;
  private sourcePool?: Pool;
  private readonly checkEvidence: boolean;
  private readonly sourceTexts = new Map<string, { text: string; norm?: string } | null>(); // null when unavailable
  /** Filled by triple() when it returns true. */
  readonly cur: CheckedTriple = { s: -1, p: -1, o: -1, src: -1, evidence: '', id: undefined, date: undefined, confidence: undefined, attributedTo: undefined, qualifier: undefined };

  constructor(readonly opts: ValidateOptions) {
    this.r = new Report(opts.file, opts.maxPerCode ?? 200);
    this.checkEvidence = opts.checkEvidence !== false;
  }

  notAnObject(raw: unknown): void {
    this.r.section = SECTION.header;
    this.r.add('error', 'not-an-object', [], `the file holds ${typeName(raw)}, not a dataset object`,
      `a dataset is an object: { "format": "${DATASET_FORMAT}", "version": ${DATASET_VERSION}, "sources": [ … ], "entities": [ … ], "triples": [ … ] }`);
  }

  /** Whether an object with these members is no dataset at all (then header() says so and nothing else counts). */
  static notADataset(raw: Obj): boolean {
    return own(raw, 'format') === undefined && !Array.isArray(own(raw, 'entities')) && !Array.isArray(own(raw, 'triples'));
  }

  /** format, version, title and unknown top-level fields; false when the object is no dataset. */
  header(raw: Obj): boolean {
    const r = this.r;
    r.section = SECTION.header;
    const format = own(raw, 'format');
    if (format === undefined) {
      if (DatasetChecker.notADataset(raw)) {
        r.add('error', 'not-a-dataset', [], 'this is not an actorgraph dataset: it has no "format", "entities" or "triples"',
          `a dataset is an object: { "format": "${DATASET_FORMAT}", "version": ${DATASET_VERSION}, "sources": [ … ], "entities": [ … ], "triples": [ … ] }`);
        return false;
      }
      unknownFields(r, raw, DATASET_FIELDS, [], 'a dataset');
      r.add('warning', 'missing-format', ['format'], `the file has no "format"; read as ${quote(DATASET_FORMAT)}`, `add "format": "${DATASET_FORMAT}" at the top`);
    } else if (format !== DATASET_FORMAT) {
      unknownFields(r, raw, DATASET_FIELDS, [], 'a dataset');
      r.add('error', 'wrong-format', ['format'], `"format" is ${typeof format === 'string' ? quote(format) : typeName(format)}, not ${quote(DATASET_FORMAT)}`,
        `this tool reads ${quote(DATASET_FORMAT)} files; set "format": "${DATASET_FORMAT}" if the file follows that layout`);
    }
    if (format === DATASET_FORMAT) unknownFields(r, raw, DATASET_FIELDS, [], 'a dataset');
    const version = own(raw, 'version');
    if (version === undefined) {
      r.add('warning', 'missing-version', ['version'], `the file has no "version"; read as version ${DATASET_VERSION}`, `add "version": ${DATASET_VERSION}`);
    } else if (version !== DATASET_VERSION) {
      r.add('error', 'unsupported-version', ['version'], `"version" is ${typeName(version)}; this tool reads version ${DATASET_VERSION}`,
        typeof version === 'string' && Number(version) === DATASET_VERSION ? `write the number without quotes: "version": ${DATASET_VERSION}` : `convert the file to version ${DATASET_VERSION}, or use a tool that reads version ${String(version)}`);
    }
    this.title = str(r, own(raw, 'title'), [], 'title', 'the dataset', { max: LIMITS.title });
    return true;
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
        r.add('error', 'invalid-schema', ['schema'], `the default schema has ${c.errors} error(s)`, 'validate the schema file on its own and fix it first');
      }
    } else {
      r.add('error', 'no-schema', ['schema'], 'the dataset embeds no schema and no default schema was given',
        'embed one under "schema", or load the dataset with the default schema (graph-data/schema.json)');
    }
    this.schema = schema;
    const typeIds = this.typeIds;
    const predicates = new Map<string, Predicate>();
    for (const t of schema?.entityTypes ?? []) typeIds.set(t.id, t);
    for (const p of schema?.predicates ?? []) predicates.set(p.id, p);
    // Allowed subject/object types per predicate, subtypes included, built once.
    const { expand } = indexSchema({ entityTypes: [...typeIds.values()], predicates: [] });
    // Type and predicate ordinals, so the per-triple checks are typed-array reads.
    for (const id of typeIds.keys()) this.typeOrd.set(id, this.typeOrd.size);
    for (const p of predicates.values()) {
      this.predOrd.set(p.id, this.predList.length);
      this.predList.push(p);
      const dom = new Uint8Array(this.typeOrd.size);
      const rng = new Uint8Array(this.typeOrd.size);
      for (const t of expand(p.domain)) dom[this.typeOrd.get(t)!] = 1;
      for (const t of expand(p.range)) rng[this.typeOrd.get(t)!] = 1;
      this.domainOk.push(dom);
      this.rangeOk.push(rng);
    }
    this.typePool = new Pool([...typeIds.keys()], this.budget);
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
    const r = this.r;
    r.section = SECTION.sources;
    const p: JsonPath = ['sources', i];
    if (!isObj(s)) {
      r.add('error', 'wrong-type', p, `a source must be an object, not ${typeName(s)}`, 'write { "id": "…", "title": "…", "path": "sources/….txt" }');
      return;
    }
    unknownFields(r, s, SOURCE_FIELDS, p, 'a source');
    const id = checkId(r, own(s, 'id'), p, 'a source');
    const stitle = str(r, own(s, 'title'), p, 'title', 'the source', { required: true, max: LIMITS.title, nonEmpty: true });
    const publisher = str(r, own(s, 'publisher'), p, 'publisher', 'the source', { max: LIMITS.title });
    const publishedV = own(s, 'published');
    const published = publishedV === undefined ? undefined : checkDateAt(r, publishedV, [...p, 'published'], false);
    const urlV = str(r, own(s, 'url'), p, 'url', 'the source', { max: LIMITS.url });
    let url = urlV;
    if (urlV !== undefined && !URL_SCHEME.test(urlV)) {
      r.add('error', 'bad-url', [...p, 'url'], `the url ${quote(urlV)} is not an http(s) address`, 'write the full address, starting with https://');
      url = undefined;
    }
    let path = str(r, own(s, 'path'), p, 'path', 'the source', { max: LIMITS.url, nonEmpty: true });
    let pathBad = false;
    // Source texts are read relative to the dataset file and must stay beside it.
    if (path !== undefined && (/^(?:[\\/]|[A-Za-z]:)/.test(path) || path.split(/[\\/]/).includes('..'))) {
      r.add('error', 'bad-path', [...p, 'path'], `the path ${quote(path)} leaves the dataset's folder`,
        'give the path relative to the dataset file, inside its folder, such as "sources/article.txt"');
      path = undefined;
      pathBad = true;
    }
    const textV = own(s, 'text');
    let text: string | undefined;
    if (textV !== undefined) {
      if (typeof textV === 'string') text = textV;
      else r.add('error', 'wrong-type', [...p, 'text'], `'text' must be a string, not ${typeName(textV)}`, 'put the source text in one string, with \\n for line breaks');
    }
    if (id === undefined) return;
    if (this.sourceAt.has(id)) {
      r.add('error', 'duplicate-id', [...p, 'id'], `source ${quote(id)} is defined twice (first at sources[${this.sourcePath[this.sourceAt.get(id)!]}])`, 'remove one of them or give it another id');
      return;
    }
    const clean: Source = { id, title: stitle ?? id };
    if (publisher !== undefined) clean.publisher = publisher;
    if (published !== undefined) clean.published = published;
    if (url !== undefined) clean.url = url;
    if (path !== undefined) clean.path = path;
    if (text !== undefined) clean.text = text;
    this.sourceAt.set(id, this.sources.length);
    this.sourcePath.push(i);
    this.sources.push(clean);
    const err = path !== undefined ? this.opts.sourceError?.(clean) : undefined;
    if (err) r.add('error', err.code, [...p, 'path'], err.message, err.hint);
    if (err || pathBad) this.unreadable.add(id);
  }

  entity(e: unknown, i: number): void {
    const r = this.r;
    r.section = SECTION.entities;
    if (!isObj(e)) {
      r.add('error', 'wrong-type', ['entities', i], `an entity must be an object, not ${typeName(e)}`, 'write { "id": "…", "label": "…", "type": "…" }');
      return;
    }
    let idV: unknown, labelV: unknown, typeV: unknown, aliasesV: unknown, descV: unknown, dateV: unknown;
    for (const k in e) {
      switch (k) {
        case 'id': idV = e[k]; break;
        case 'label': labelV = e[k]; break;
        case 'type': typeV = e[k]; break;
        case 'aliases': aliasesV = e[k]; break;
        case 'description': descV = e[k]; break;
        case 'date': dateV = e[k]; break;
        default: unknownField(r, k, ENTITY_FIELDS, ['entities', i], 'an entity');
      }
    }
    const p: JsonPath = ['entities', i];
    const typeIds = this.typeIds;
    const id = checkId(r, idV, p, 'an entity');
    const label = typeof labelV === 'string' && labelV.length <= LIMITS.label && labelV.trim() !== '' && !CONTROL_WITH_NL.test(labelV) && !BIDI.test(labelV)
      ? labelV : str(r, labelV, p, 'label', 'the entity', { required: true, max: LIMITS.label, nonEmpty: true });
    let type: string | undefined;
    if (typeV === undefined) {
      r.add('error', 'missing-field', [...p, 'type'], 'the entity has no \'type\'', `add "type": "…", one of the schema's entity types${typeIds.size ? ` (${[...typeIds.keys()].slice(0, 8).join(', ')}${typeIds.size > 8 ? ', …' : ''})` : ''}`);
    } else if (typeof typeV !== 'string') {
      r.add('error', 'wrong-type', [...p, 'type'], `'type' must be a type id string, not ${typeName(typeV)}`, 'write "type": "…" with one of the schema\'s entity types');
    } else if (!typeIds.has(typeV)) {
      if (this.schema) {
        r.add('error', 'unknown-type', [...p, 'type'], `entity ${id !== undefined ? quote(id) : `entities[${i}]`} has type ${quote(typeV)}, which the schema does not define`,
          `${r.room('unknown-type') ? didYouMean(this.typePool!, typeV) : ''}use one of the schema's entity types, or add the type to the schema`);
      }
    } else type = typeV;
    let aliases: string[] | undefined;
    if (aliasesV !== undefined) {
      if (!Array.isArray(aliasesV)) {
        r.add('error', 'wrong-type', [...p, 'aliases'], `'aliases' must be an array of strings, not ${typeName(aliasesV)}`, 'write "aliases": [ "KH", … ]');
      } else {
        aliases = [];
        for (let j = 0; j < aliasesV.length; j++) {
          const a = aliasesV[j];
          if (typeof a !== 'string') {
            r.add('error', 'wrong-type', [...p, 'aliases', j], `an alias must be a string, not ${typeName(a)}`, 'write it in double quotes');
            continue;
          }
          const ok = str(r, a, [...p, 'aliases'], j, 'the entity', { max: LIMITS.alias, nonEmpty: true, name: 'alias' });
          if (ok !== undefined) aliases.push(ok);
        }
      }
    }
    const description = descV === undefined ? undefined : str(r, descV, p, 'description', 'the entity', { max: LIMITS.description, allowNewlines: true });
    const date = dateV === undefined ? undefined : typeof dateV === 'string' && dateOk(dateV, true) ? dateV : checkDateAt(r, dateV, [...p, 'date'], true);
    if (id === undefined) return;
    const dup = this.entityAt.get(id);
    if (dup >= 0) {
      r.add('error', 'duplicate-id', [...p, 'id'], `entity ${quote(id)} is defined twice (first at entities[${this.entityPath[dup]}])`,
        'merge the two entries (put extra names under "aliases") or give one another id');
      return;
    }
    const clean: Entity = { id, label: label ?? id, type: type ?? (typeof typeV === 'string' ? typeV : '') };
    if (aliases !== undefined) clean.aliases = aliases;
    if (description !== undefined) clean.description = description;
    if (date !== undefined) clean.date = date;
    this.entityAt.add(id, this.entities.length);
    this.entityPath.push(i);
    this.entities.push(clean);
    this.entityTypeOrd.push(type !== undefined ? this.typeOrd.get(type)! : -1);
  }

  /** Once every source and entity is in; `capacity` is a hint (the number of triples when known). */
  beginTriples(capacity: number): void {
    this.hasTriples = true;
    this.used = new Uint8Array(this.entities.length);
    this.sourceUsed = new Uint8Array(this.sources.length);
    this.dedupe = new TripleSet(capacity);
    this.entityPool = new Pool(this.entities.map((e) => e.id), this.budget);
    this.predPool = new Pool([...this.predOrd.keys()], this.budget);
    this.sourcePool = new Pool(this.sources.map((s) => s.id), this.budget);
  }

  private entityRef(v: unknown, p: JsonPath, field: string, required: boolean): number {
    const r = this.r;
    if (v === undefined) {
      if (required) r.add('error', 'missing-field', [...p, field], `the triple has no '${field}'`, `add "${field}": "entity-id"`);
      return -1;
    }
    if (typeof v !== 'string') {
      r.add('error', 'wrong-type', [...p, field], `'${field}' must be an entity id string, not ${typeName(v)}`, `write "${field}": "entity-id"`);
      return -1;
    }
    const at = this.entityAt.get(v);
    if (at < 0) {
      r.add('error', 'unknown-entity', [...p, field], `${field} ${quote(v)} is not an entity of this dataset`,
        `${r.room('unknown-entity') ? didYouMean(this.entityPool!, v) : ''}fix the id, or add an entity with id ${quote(v)} to "entities"`);
      return -1;
    }
    this.used[at] = 1;
    return at;
  }

  /** Checks triples[i]; true when it is accepted, its fields then in `cur`. */
  triple(t: unknown, i: number): boolean {
    const r = this.r;
    r.section = SECTION.triples;
    if (!isObj(t)) {
      r.add('error', 'wrong-type', ['triples', i], `a triple must be an object, not ${typeName(t)}`,
        'write { "subject": "…", "predicate": "…", "object": "…", "source": "…", "evidence": "…" }');
      return false;
    }
    let idV: unknown, sV: unknown, pV: unknown, oV: unknown, srcV: unknown, evV: unknown, dateV: unknown, confV: unknown, attrV: unknown, qualV: unknown;
    for (const k in t) {
      switch (k) {
        case 'id': idV = t[k]; break;
        case 'subject': sV = t[k]; break;
        case 'predicate': pV = t[k]; break;
        case 'object': oV = t[k]; break;
        case 'source': srcV = t[k]; break;
        case 'evidence': evV = t[k]; break;
        case 'date': dateV = t[k]; break;
        case 'confidence': confV = t[k]; break;
        case 'attributedTo': attrV = t[k]; break;
        case 'qualifier': qualV = t[k]; break;
        default: unknownField(r, k, TRIPLE_FIELDS, ['triples', i], 'a triple');
      }
    }
    const p: JsonPath = ['triples', i];
    const entities = this.entities;
    let bad = false;
    let id: string | undefined;
    if (idV !== undefined) {
      id = checkId(r, idV, p, 'a triple');
      if (id !== undefined) {
        const first = this.tripleIds.get(id);
        if (first !== undefined) {
          r.add('error', 'duplicate-id', [...p, 'id'], `triple id ${quote(id)} is used twice (first at triples[${first}])`, 'give each triple its own id, or remove the ids (they are derived when absent)');
        } else this.tripleIds.set(id, i);
      }
    }
    const s = this.entityRef(sV, p, 'subject', true);
    const o = this.entityRef(oV, p, 'object', true);
    let pred: Predicate | undefined;
    let pn = -1;
    if (pV === undefined) {
      r.add('error', 'missing-field', [...p, 'predicate'], 'the triple has no \'predicate\'', 'add "predicate": "…", one of the schema\'s predicates');
    } else if (typeof pV !== 'string') {
      r.add('error', 'wrong-type', [...p, 'predicate'], `'predicate' must be a predicate id string, not ${typeName(pV)}`, 'write "predicate": "…"');
    } else {
      pn = this.predOrd.get(pV) ?? -1;
      pred = pn >= 0 ? this.predList[pn] : undefined;
      if (!pred && this.schema) {
        r.add('error', 'unknown-predicate', [...p, 'predicate'], `predicate ${quote(pV)} is not defined in the schema`,
          `${r.room('unknown-predicate') ? didYouMean(this.predPool!, pV) : ''}use one of the schema's predicates, or add it to the schema`);
      }
    }
    if (!pred || s < 0 || o < 0) bad = true;
    let src: Source | undefined;
    let srcIdx = -1;
    if (srcV === undefined) {
      r.add('error', 'missing-field', [...p, 'source'], 'the triple has no \'source\'', 'add "source": "source-id" naming the source that states it');
    } else if (typeof srcV !== 'string') {
      r.add('error', 'wrong-type', [...p, 'source'], `'source' must be a source id string, not ${typeName(srcV)}`, 'write "source": "source-id"');
    } else {
      const at = this.sourceAt.get(srcV);
      if (at === undefined) {
        r.add('error', 'unknown-source', [...p, 'source'], `source ${quote(srcV)} is not listed in "sources"`,
          `${r.room('unknown-source') ? didYouMean(this.sourcePool!, srcV) : ''}fix the id, or add the source to "sources"`);
      } else { src = this.sources[at]; srcIdx = at; this.sourceUsed[at] = 1; }
    }
    const clear = typeof evV === 'string' && evV.length > 0 && evV.length <= LIMITS.evidence && !EVIDENCE_SUSPECT.test(evV);
    let evidence = clear ? evV as string : typeof evV === 'string' && evV.length <= LIMITS.evidence && evV.trim() !== '' && !CONTROL.test(evV) && !BIDI.test(evV)
      ? evV : str(r, evV, p, 'evidence', 'the triple', { required: true, max: LIMITS.evidence, nonEmpty: true, allowNewlines: true });
    const date = dateV === undefined ? undefined : typeof dateV === 'string' && dateOk(dateV, true) ? dateV : checkDateAt(r, dateV, [...p, 'date'], true);
    let confidence: number | undefined;
    if (confV !== undefined) {
      if (typeof confV !== 'number' || !(confV >= 0 && confV <= 1)) {
        r.add('error', 'bad-confidence', [...p, 'confidence'], `confidence is ${typeName(confV)}; it must be a number from 0 to 1`,
          typeof confV === 'number' && confV > 1 && confV <= 100 ? `write it as a fraction: ${confV / 100}` : 'write a number such as 0.8, or remove it');
      } else confidence = confV;
    }
    let attributedTo: string | undefined;
    if (attrV !== undefined) {
      const a = this.entityRef(attrV, p, 'attributedTo', false);
      if (a >= 0) attributedTo = entities[a]!.id;
    }
    const qualifier = qualV === undefined ? undefined : str(r, qualV, p, 'qualifier', 'the triple', { max: LIMITS.qualifier });

    // A broken schema would give misleading type errors: those wait until it is fixed.
    if (pred && s >= 0 && o >= 0 && this.schemaOk) {
      const sub = entities[s]!;
      const obj = entities[o]!;
      const st = this.entityTypeOrd[s]!;
      const ot = this.entityTypeOrd[o]!;
      if (st >= 0 && !this.domainOk[pn]![st]) {
        r.add('error', 'domain-violation', [...p, 'subject'],
          `${quote(sub.id)} is a ${sub.type}; predicate ${quote(pred.id)} expects its subject to be one of: ${typesList(pred.domain)}`,
          `change the predicate or the entity's type (or swap subject and object if the relation runs the other way)`);
        bad = true;
      }
      if (ot >= 0 && !this.rangeOk[pn]![ot]) {
        r.add('error', 'range-violation', [...p, 'object'],
          `${quote(obj.id)} is a ${obj.type}; predicate ${quote(pred.id)} expects its object to be one of: ${typesList(pred.range)}`,
          `change the predicate or the entity's type (or swap subject and object if the relation runs the other way)`);
        bad = true;
      }
    }
    if (pred && s >= 0 && s === o) {
      r.add('warning', 'self-loop', p, `${quote(entities[s]!.id)} ${pred.label} itself`,
        'check the subject and object: a relation of an entity with itself is usually a typing slip');
    }
    if (evidence === undefined || src === undefined) return false;
    if (this.checkEvidence) {
      let st = this.sourceTexts.get(src.id);
      if (st === undefined) {
        const text = this.opts.sourceText?.(src) ?? src.text;
        st = typeof text === 'string' ? { text } : null;
        this.sourceTexts.set(src.id, st);
        if (st === null && !this.unreadable.has(src.id)) {
          r.add('warning', 'evidence-not-checked', ['sources', this.sourcePath[this.sourceAt.get(src.id)!]!],
            `evidence not checked: the text of source ${quote(src.id)} is unavailable`,
            src.path !== undefined ? `make sure ${quote(src.path)} exists next to the dataset file` : 'add "path" (a text file next to the dataset) or "text" to the source');
        }
      }
      // Most quotes are in normal form and occur verbatim: then neither text is normalised.
      // (A normal-form quote found verbatim is also found in the normalised text.)
      const plain = clear || !NOT_NORMAL.test(evidence);
      const at = st !== null && plain ? st.text.indexOf(evidence) : -1;
      // A quote found verbatim in an inline text (which the store keeps anyway) is kept as a
      // slice of it: V8 then stores a reference, not a second copy of the characters.
      if (at >= 0 && src.text !== undefined && evidence.length >= 16) evidence = st!.text.slice(at, at + evidence.length);
      if (st !== null && at < 0 && !(st.norm ??= normaliseQuotes(st.text)).includes(plain ? evidence : normaliseQuotes(evidence))) {
        r.add('error', 'evidence-not-found', [...p, 'evidence'], `the evidence ${quote(evidence, 80)} does not occur in source ${quote(src.id)}`,
          'quote the source verbatim (quotes, dashes and white space may differ), or fix the source id');
      }
    }
    if (bad) return false;
    const k = this.accepted;
    const first = this.dedupe.add(s, pn, o, srcIdx, evidence, k);
    if (first >= 0) {
      r.add('warning', 'duplicate-triple', p, `the same triple (subject, predicate, object, source and evidence) is already at triples[${this.rawIndex[first]}]`, 'remove one of the two');
    }
    if (k >= this.rawIndex.length) { const b = new Int32Array(this.rawIndex.length * 2); b.set(this.rawIndex); this.rawIndex = b; }
    this.rawIndex[k] = i;
    this.accepted++;
    const c = this.cur;
    c.s = s; c.p = pn; c.o = o; c.src = srcIdx; c.evidence = evidence;
    c.id = id; c.date = date; c.confidence = confidence; c.attributedTo = attributedTo; c.qualifier = qualifier;
    return true;
  }

  /** The clean triple of `cur`. */
  cleanTriple(): Triple {
    const c = this.cur;
    const clean: Triple = { subject: this.entities[c.s]!.id, predicate: this.predList[c.p]!.id, object: this.entities[c.o]!.id, source: this.sources[c.src]!.id, evidence: c.evidence };
    if (c.id !== undefined) clean.id = c.id;
    if (c.date !== undefined) clean.date = c.date;
    if (c.confidence !== undefined) clean.confidence = c.confidence;
    if (c.attributedTo !== undefined) clean.attributedTo = c.attributedTo;
    if (c.qualifier !== undefined) clean.qualifier = c.qualifier;
    return clean;
  }

  /** Checks that need every record: entities and sources no triple uses. */
  finish(): void {
    const r = this.r;
    r.section = SECTION.finish;
    if (!this.hasTriples) return;
    for (let i = 0; i < this.entities.length; i++) {
      if (!this.used[i]) {
        r.add('warning', 'unused-entity', ['entities', this.entityPath[i]!], `entity ${quote(this.entities[i]!.id)} takes part in no triple`, 'add the triples that involve it, or remove it');
      }
    }
    for (let i = 0; i < this.sources.length; i++) {
      if (!this.sourceUsed[i]) {
        r.add('warning', 'unused-source', ['sources', this.sourcePath[i]!], `source ${quote(this.sources[i]!.id)} is cited by no triple`, 'cite it from the triples it supports, or remove it');
      }
    }
  }

  /** Where entities[i] (a kept entity's index) and sources[i] were in the file. */
  entityFileIndex(i: number): number { return this.entityPath[i]!; }
  sourceFileIndex(i: number): number { return this.sourcePath[i]!; }

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
  const dataset: Dataset = { format: DATASET_FORMAT, version: DATASET_VERSION, sources: c.sources, entities: c.entities, triples };
  if (c.title !== undefined) dataset.title = c.title;
  if (c.embedded && c.schema) dataset.schema = c.schema;
  return c.result(opts.text, dataset);
}

// ---------------------------------------------------------------------------
// Text → JSON

interface Preflight { raw?: unknown; text: string; problems: Problem[] }

/** BOM, emptiness, encoding and JSON syntax: the checks before the structure. */
function preflight(input: string, file: string, decodedStrictly = false): Preflight {
  const problems: Problem[] = [];
  let text = input;
  const fail = (code: string, message: string, hint: string, line?: number, column?: number): Preflight => {
    const p: Problem = { severity: 'error', code, file, path: '', message, hint };
    if (line !== undefined) { p.line = line; p.column = column ?? 1; }
    problems.push(p);
    return { text, problems };
  };
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    problems.push({ severity: 'warning', code: 'bom', file, path: '', line: 1, column: 1,
      message: 'the file starts with a byte order mark (BOM)', hint: 'save it as UTF-8 without BOM; it was read correctly this time' });
  }
  if (text.charCodeAt(0) === 0xfffe || (!decodedStrictly && text.charCodeAt(0) === 0xfffd && text.charCodeAt(1) === 0xfffd)) {
    return fail('not-utf8', 'file is not UTF-8: it starts with a UTF-16 byte order mark', 'save it as UTF-8 (in most editors: "Save with encoding" → UTF-8)', 1, 1);
  }
  if (text.trim() === '') {
    return fail('empty-file', input.length === 0 ? 'the file is empty' : 'the file holds only white space',
      `write a dataset: { "format": "${DATASET_FORMAT}", "version": ${DATASET_VERSION}, "sources": [], "entities": [], "triples": [] }`, 1, 1);
  }
  const nul = text.indexOf('\u0000');
  // Without a strict decoder, U+FFFD is the mark a lenient one left on bad bytes.
  const bad = decodedStrictly ? -1 : text.indexOf('\ufffd');
  if (nul >= 0 || bad >= 0) {
    const at = nul >= 0 && (bad < 0 || nul < bad) ? nul : bad;
    const loc = offsetToLocation(text, at);
    return fail('not-utf8', nul === at ? 'file is not UTF-8: it contains NUL bytes (it looks like UTF-16)' : 'file is not UTF-8: it contains bytes that are not valid UTF-8',
      'save it as UTF-8 (in most editors: "Save with encoding" → UTF-8)', loc.line, loc.column);
  }
  try {
    return { raw: JSON.parse(text), text, problems };
  } catch (e) {
    const info = findSyntaxError(text);
    if (info) return fail('json-syntax', `invalid JSON: ${info.message}`, info.hint, info.line, info.column);
    // jsonc-parser accepted what JSON.parse refused: fall back to the engine's position.
    const msg = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    const pos = /position (\d+)/.exec(msg);
    const loc = pos ? offsetToLocation(text, Number(pos[1])) : { line: 1, column: 1 };
    return fail('json-syntax', `invalid JSON: ${msg}`, 'check the syntax at this position', loc.line, loc.column);
  }
}

/** JSON text → located problems and, when valid, the clean dataset. */
export function parseDataset(text: string, opts: ValidateOptions): ParseResult {
  const pre = preflight(text, opts.file, opts.decodedStrictly);
  if (pre.raw === undefined && pre.problems.some((p) => p.severity === 'error')) {
    const out: ParseResult = { ok: false, problems: pre.problems };
    return out;
  }
  const res = validateDataset(pre.raw, { ...opts, text: pre.text });
  res.problems.unshift(...pre.problems);
  return res;
}
