// Validation of dataset and schema files: every problem found (not only the
// first), each located (file, JSON path, line) and explained with a fix. The
// result carries a clean, typed copy holding only known fields, so nothing
// hostile or malformed travels further. Pure TypeScript: runs in Node and in
// the browser alike.
//
// Performance: one pass per array, Maps built once, no closures or regexes
// created per record; suggestions ("did you mean …") and line numbers are only
// computed for the problems found.
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

class Report {
  readonly problems: Problem[] = [];
  readonly paths: JsonPath[] = [];
  errors = 0;
  private readonly counts = new Map<string, { n: number; errors: number }>();
  constructor(readonly file: string, readonly maxPerCode: number) {}

  /** Whether another problem of this code will be listed (so worth a costly message). */
  room(code: string): boolean {
    return (this.counts.get(code)?.n ?? 0) < this.maxPerCode;
  }

  add(severity: Severity, code: string, path: JsonPath, message: string, hint: string): void {
    if (severity === 'error') this.errors++;
    let c = this.counts.get(code);
    if (!c) { c = { n: 0, errors: 0 }; this.counts.set(code, c); }
    c.n++;
    if (severity === 'error') c.errors++;
    if (c.n > this.maxPerCode) return;
    this.problems.push({ severity, code, file: this.file, path: pathToString(path), message, hint });
    this.paths.push(path);
  }

  /** One summary problem per code whose problems were not all listed. */
  summarise(): void {
    for (const [code, c] of this.counts) {
      if (c.n <= this.maxPerCode) continue;
      const more = c.n - this.maxPerCode;
      this.problems.push({
        severity: c.errors > 0 ? 'error' : 'warning', code, file: this.file, path: '',
        message: `${more.toLocaleString('en-US')} more '${code}' problems not listed (${c.n.toLocaleString('en-US')} in all)`,
        hint: `fix the ones listed and run the validation again`,
      });
      this.paths.push([]);
    }
  }

  /** Fill in line/column from the text, in one streaming pass. */
  locate(text: string | undefined): void {
    if (text === undefined || this.problems.length === 0 || text.length > LIMITS.locateMaxChars) return;
    let locs;
    try {
      locs = locatePaths(text, this.paths);
    } catch {
      return; // Locations are a convenience: never let them hide the problems.
    }
    for (let i = 0; i < this.problems.length; i++) {
      const loc = locs[i];
      if (loc && this.problems[i]!.line === undefined) {
        this.problems[i]!.line = loc.line;
        this.problems[i]!.column = loc.column;
      }
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
  r.summarise();
  return errors === 0 ? { schema, problems: r.problems } : { problems: r.problems };
}

/** Parses and checks a schema file's text, problems located by line. */
export function parseSchema(text: string, file: string): { schema?: Schema; problems: Problem[] } {
  const pre = preflight(text, file);
  if ('problems' in pre && pre.raw === undefined) return { problems: pre.problems };
  const r = new Report(file, 200);
  const { schema, errors } = checkSchemaInto(r, pre.raw, [], { left: 5_000_000 });
  r.summarise();
  r.locate(pre.text);
  const problems = [...pre.problems, ...r.problems];
  return errors === 0 ? { schema, problems } : { problems };
}

// ---------------------------------------------------------------------------
// Duplicate triples: an open-addressing table over numeric ids, so no key
// string is built per triple. Probing is capped; past the cap (only adversarial
// input gets there) an exact string-keyed Map takes over.

class TripleSet {
  private readonly table: Int32Array; // clean index + 1; 0 = empty
  private readonly hashes: Int32Array; // each slot's full hash: most misses end here, without touching the triple
  private readonly mask: number;
  private readonly s: Int32Array;
  private readonly p: Int32Array;
  private readonly o: Int32Array;
  private readonly src: Int32Array;
  private overflow?: Map<string, number>;
  constructor(capacity: number, private readonly triples: readonly Triple[]) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.table = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
    this.s = new Int32Array(capacity);
    this.p = new Int32Array(capacity);
    this.o = new Int32Array(capacity);
    this.src = new Int32Array(capacity);
  }

  /** Records triple `at`; returns the earlier equal triple's index, or -1. */
  add(s: number, p: number, o: number, src: number, evidence: string, at: number): number {
    this.s[at] = s; this.p[at] = p; this.o[at] = o; this.src[at] = src;
    let h = Math.imul(s + 1, 0x9e3779b1) ^ Math.imul(o + 1, 0x85ebca77) ^ Math.imul(p + 1, 0xc2b2ae3d) ^ Math.imul(src + 1, 0x27d4eb2f);
    // Evidence enters the hash by its length and up to 48 sampled characters.
    const n = evidence.length;
    const step = n <= 48 ? 1 : Math.ceil(n / 48);
    h = Math.imul(h ^ n, 0x01000193);
    for (let k = 0; k < n; k += step) h = Math.imul(h ^ evidence.charCodeAt(k), 0x01000193);
    // Final avalanche (MurmurHash3's): the table index uses the low bits.
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
    for (let probe = 0, i = h & this.mask; probe < 64; probe++, i = (i + 1) & this.mask) {
      const v = this.table[i]!;
      if (v === 0) { this.table[i] = at + 1; this.hashes[i] = h; return -1; }
      if (this.hashes[i] !== h) continue;
      const j = v - 1;
      if (this.s[j] === s && this.o[j] === o && this.p[j] === p && this.src[j] === src && this.triples[j]!.evidence === evidence) return j;
    }
    const key = `${s}|${p}|${o}|${src}|${evidence}`;
    this.overflow ??= new Map();
    const j = this.overflow.get(key);
    if (j !== undefined) return j;
    this.overflow.set(key, at);
    return -1;
  }
}

// ---------------------------------------------------------------------------
// Dataset

const DATASET_FIELDS = new Set(['format', 'version', 'title', 'schema', 'sources', 'entities', 'triples']);
const SOURCE_FIELDS = new Set(['id', 'title', 'publisher', 'published', 'url', 'path', 'text']);
const ENTITY_FIELDS = new Set(['id', 'label', 'type', 'aliases', 'description', 'date']);
const TRIPLE_FIELDS = new Set(['id', 'subject', 'predicate', 'object', 'source', 'evidence', 'date', 'confidence', 'attributedTo', 'qualifier']);

function typesList(ts: readonly string[]): string {
  return ts.map((t) => quote(t)).join(', ');
}

export function validateDataset(raw: unknown, opts: ValidateOptions & { text?: string }): ParseResult {
  const r = new Report(opts.file, opts.maxPerCode ?? 200);
  const budget = { left: 5_000_000 };
  let schemaFrom: ParseResult['schemaFrom'];
  let schemaOk = false;
  const result = (schema?: Schema, dataset?: Dataset): ParseResult => {
    r.summarise();
    r.locate(opts.text);
    const ok = r.errors === 0;
    const out: ParseResult = { ok, problems: r.problems };
    if (ok && dataset) out.dataset = dataset;
    if (schema && schemaOk) out.schema = schema;
    if (schemaFrom) out.schemaFrom = schemaFrom;
    return out;
  };

  if (!isObj(raw)) {
    r.add('error', 'not-an-object', [], `the file holds ${typeName(raw)}, not a dataset object`,
      `a dataset is an object: { "format": "${DATASET_FORMAT}", "version": ${DATASET_VERSION}, "sources": [ … ], "entities": [ … ], "triples": [ … ] }`);
    return result();
  }
  const format = own(raw, 'format');
  const hasArrays = Array.isArray(own(raw, 'entities')) || Array.isArray(own(raw, 'triples'));
  if (format === undefined) {
    if (!hasArrays) {
      r.add('error', 'not-a-dataset', [], 'this is not an actorgraph dataset: it has no "format", "entities" or "triples"',
        `a dataset is an object: { "format": "${DATASET_FORMAT}", "version": ${DATASET_VERSION}, "sources": [ … ], "entities": [ … ], "triples": [ … ] }`);
      return result();
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
  const title = str(r, own(raw, 'title'), [], 'title', 'the dataset', { max: LIMITS.title });

  // Schema: embedded, else the default one.
  let schema: Schema | undefined;
  const embedded = own(raw, 'schema');
  if (embedded !== undefined) {
    // Used below even when it has errors, so that data problems are found too.
    const c = checkSchemaInto(r, embedded, ['schema'], budget);
    schema = c.schema;
    schemaOk = c.errors === 0;
    schemaFrom = 'embedded';
  } else if (opts.defaultSchema) {
    const scratch = new Report(opts.file, 1);
    const c = checkSchemaInto(scratch, opts.defaultSchema, [], budget);
    schema = c.schema;
    schemaOk = c.errors === 0;
    schemaFrom = 'default';
    if (c.errors > 0) {
      r.add('error', 'invalid-schema', ['schema'], `the default schema has ${c.errors} error(s)`, 'validate the schema file on its own and fix it first');
    }
  } else {
    r.add('error', 'no-schema', ['schema'], 'the dataset embeds no schema and no default schema was given',
      'embed one under "schema", or load the dataset with the default schema (graph-data/schema.json)');
  }
  const typeIds = new Map<string, EntityType>();
  const predicates = new Map<string, Predicate>();
  for (const t of schema?.entityTypes ?? []) typeIds.set(t.id, t);
  for (const p of schema?.predicates ?? []) predicates.set(p.id, p);
  // Allowed subject/object types per predicate, subtypes included, built once.
  const children = new Map<string, string[]>();
  for (const t of typeIds.values()) {
    if (t.parent === undefined) continue;
    const l = children.get(t.parent);
    if (l) l.push(t.id); else children.set(t.parent, [t.id]);
  }
  const expand = (roots: readonly string[]): Set<string> => {
    const out = new Set<string>();
    const stack = [...roots];
    while (stack.length) {
      const t = stack.pop()!;
      if (out.has(t)) continue;
      out.add(t);
      for (const c of children.get(t) ?? []) stack.push(c);
    }
    return out;
  };
  // Type and predicate ordinals, so the per-triple checks are typed-array reads.
  const typeOrd = new Map<string, number>();
  for (const id of typeIds.keys()) typeOrd.set(id, typeOrd.size);
  const predOrd = new Map<string, number>();
  const predList: Predicate[] = [];
  const domainOk: Uint8Array[] = [];
  const rangeOk: Uint8Array[] = [];
  for (const p of predicates.values()) {
    predOrd.set(p.id, predList.length);
    predList.push(p);
    const dom = new Uint8Array(typeOrd.size);
    const rng = new Uint8Array(typeOrd.size);
    for (const t of expand(p.domain)) dom[typeOrd.get(t)!] = 1;
    for (const t of expand(p.range)) rng[typeOrd.get(t)!] = 1;
    domainOk.push(dom);
    rangeOk.push(rng);
  }

  const sourcesRaw = checkArray(r, raw, 'sources', [], 'the dataset');
  const entitiesRaw = checkArray(r, raw, 'entities', [], 'the dataset');
  const triplesRaw = checkArray(r, raw, 'triples', [], 'the dataset');

  // Sources.
  const unreadable = new Set<string>(); // sources whose file could not be read (already reported)
  const sources: Source[] = [];
  const sourceAt = new Map<string, number>();
  const sourcePath: number[] = [];
  if (sourcesRaw) {
    for (let i = 0; i < sourcesRaw.length; i++) {
      const p: JsonPath = ['sources', i];
      const s = sourcesRaw[i];
      if (!isObj(s)) {
        r.add('error', 'wrong-type', p, `a source must be an object, not ${typeName(s)}`, 'write { "id": "…", "title": "…", "path": "sources/….txt" }');
        continue;
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
      if (id === undefined) continue;
      if (sourceAt.has(id)) {
        r.add('error', 'duplicate-id', [...p, 'id'], `source ${quote(id)} is defined twice (first at sources[${sourcePath[sourceAt.get(id)!]}])`, 'remove one of them or give it another id');
        continue;
      }
      const clean: Source = { id, title: stitle ?? id };
      if (publisher !== undefined) clean.publisher = publisher;
      if (published !== undefined) clean.published = published;
      if (url !== undefined) clean.url = url;
      if (path !== undefined) clean.path = path;
      if (text !== undefined) clean.text = text;
      sourceAt.set(id, sources.length);
      sourcePath.push(i);
      sources.push(clean);
      const err = path !== undefined ? opts.sourceError?.(clean) : undefined;
      if (err) r.add('error', err.code, [...p, 'path'], err.message, err.hint);
      if (err || pathBad) unreadable.add(id);
    }
  }

  // Entities.
  const entities: Entity[] = [];
  const entityTypeOrd: number[] = []; // -1: unknown type (already reported)
  const entityAt = new Map<string, number>();
  const entityPath: number[] = [];
  const typePool = new Pool([...typeIds.keys()], budget);
  if (entitiesRaw) {
    for (let i = 0; i < entitiesRaw.length; i++) {
      const e = entitiesRaw[i];
      if (!isObj(e)) {
        r.add('error', 'wrong-type', ['entities', i], `an entity must be an object, not ${typeName(e)}`, 'write { "id": "…", "label": "…", "type": "…" }');
        continue;
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
      const id = checkId(r, idV, p, 'an entity');
      const label = typeof labelV === 'string' && labelV.length <= LIMITS.label && labelV.trim() !== '' && !CONTROL_WITH_NL.test(labelV) && !BIDI.test(labelV)
        ? labelV : str(r, labelV, p, 'label', 'the entity', { required: true, max: LIMITS.label, nonEmpty: true });
      let type: string | undefined;
      if (typeV === undefined) {
        r.add('error', 'missing-field', [...p, 'type'], 'the entity has no \'type\'', `add "type": "…", one of the schema's entity types${typeIds.size ? ` (${[...typeIds.keys()].slice(0, 8).join(', ')}${typeIds.size > 8 ? ', …' : ''})` : ''}`);
      } else if (typeof typeV !== 'string') {
        r.add('error', 'wrong-type', [...p, 'type'], `'type' must be a type id string, not ${typeName(typeV)}`, 'write "type": "…" with one of the schema\'s entity types');
      } else if (!typeIds.has(typeV)) {
        if (schema) {
          r.add('error', 'unknown-type', [...p, 'type'], `entity ${id !== undefined ? quote(id) : `entities[${i}]`} has type ${quote(typeV)}, which the schema does not define`,
            `${r.room('unknown-type') ? didYouMean(typePool, typeV) : ''}use one of the schema's entity types, or add the type to the schema`);
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
      if (id === undefined) continue;
      if (entityAt.has(id)) {
        r.add('error', 'duplicate-id', [...p, 'id'], `entity ${quote(id)} is defined twice (first at entities[${entityPath[entityAt.get(id)!]}])`,
          'merge the two entries (put extra names under "aliases") or give one another id');
        continue;
      }
      const clean: Entity = { id, label: label ?? id, type: type ?? (typeof typeV === 'string' ? typeV : '') };
      if (aliases !== undefined) clean.aliases = aliases;
      if (description !== undefined) clean.description = description;
      if (date !== undefined) clean.date = date;
      entityAt.set(id, entities.length);
      entityPath.push(i);
      entities.push(clean);
      entityTypeOrd.push(type !== undefined ? typeOrd.get(type)! : -1);
    }
  }

  // Triples.
  const triples: Triple[] = [];
  const used = new Uint8Array(entities.length);
  const sourceUsed = new Uint8Array(sources.length);
  const tripleIds = new Map<string, number>();
  const dedupe = new TripleSet(triplesRaw?.length ?? 0, triples);
  const rawIndex: number[] = []; // position in the file of each clean triple
  const entityPool = new Pool(entities.map((e) => e.id), budget);
  const predPool = new Pool([...predicates.keys()], budget);
  const sourcePool = new Pool(sources.map((s) => s.id), budget);
  const checkEvidence = opts.checkEvidence !== false;
  const sourceTexts = new Map<string, string | null>(); // normalised text, null when unavailable
  const entityRef = (v: unknown, p: JsonPath, field: string, required: boolean): number => {
    if (v === undefined) {
      if (required) r.add('error', 'missing-field', [...p, field], `the triple has no '${field}'`, `add "${field}": "entity-id"`);
      return -1;
    }
    if (typeof v !== 'string') {
      r.add('error', 'wrong-type', [...p, field], `'${field}' must be an entity id string, not ${typeName(v)}`, `write "${field}": "entity-id"`);
      return -1;
    }
    const at = entityAt.get(v);
    if (at === undefined) {
      r.add('error', 'unknown-entity', [...p, field], `${field} ${quote(v)} is not an entity of this dataset`,
        `${r.room('unknown-entity') ? didYouMean(entityPool, v) : ''}fix the id, or add an entity with id ${quote(v)} to "entities"`);
      return -1;
    }
    used[at] = 1;
    return at;
  };
  if (triplesRaw) {
    for (let i = 0; i < triplesRaw.length; i++) {
      const t = triplesRaw[i];
      if (!isObj(t)) {
        r.add('error', 'wrong-type', ['triples', i], `a triple must be an object, not ${typeName(t)}`,
          'write { "subject": "…", "predicate": "…", "object": "…", "source": "…", "evidence": "…" }');
        continue;
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
      let bad = false;
      let id: string | undefined;
      if (idV !== undefined) {
        id = checkId(r, idV, p, 'a triple');
        if (id !== undefined) {
          const first = tripleIds.get(id);
          if (first !== undefined) {
            r.add('error', 'duplicate-id', [...p, 'id'], `triple id ${quote(id)} is used twice (first at triples[${first}])`, 'give each triple its own id, or remove the ids (they are derived when absent)');
          } else tripleIds.set(id, i);
        }
      }
      const s = entityRef(sV, p, 'subject', true);
      const o = entityRef(oV, p, 'object', true);
      let pred: Predicate | undefined;
      let pn = -1;
      if (pV === undefined) {
        r.add('error', 'missing-field', [...p, 'predicate'], 'the triple has no \'predicate\'', 'add "predicate": "…", one of the schema\'s predicates');
      } else if (typeof pV !== 'string') {
        r.add('error', 'wrong-type', [...p, 'predicate'], `'predicate' must be a predicate id string, not ${typeName(pV)}`, 'write "predicate": "…"');
      } else {
        pn = predOrd.get(pV) ?? -1;
        pred = pn >= 0 ? predList[pn] : undefined;
        if (!pred && schema) {
          r.add('error', 'unknown-predicate', [...p, 'predicate'], `predicate ${quote(pV)} is not defined in the schema`,
            `${r.room('unknown-predicate') ? didYouMean(predPool, pV) : ''}use one of the schema's predicates, or add it to the schema`);
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
        const at = sourceAt.get(srcV);
        if (at === undefined) {
          r.add('error', 'unknown-source', [...p, 'source'], `source ${quote(srcV)} is not listed in "sources"`,
            `${r.room('unknown-source') ? didYouMean(sourcePool, srcV) : ''}fix the id, or add the source to "sources"`);
        } else { src = sources[at]; srcIdx = at; sourceUsed[at] = 1; }
      }
      const evidence = typeof evV === 'string' && evV.length <= LIMITS.evidence && evV.trim() !== '' && !CONTROL.test(evV) && !BIDI.test(evV)
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
        const a = entityRef(attrV, p, 'attributedTo', false);
        if (a >= 0) attributedTo = entities[a]!.id;
      }
      const qualifier = qualV === undefined ? undefined : str(r, qualV, p, 'qualifier', 'the triple', { max: LIMITS.qualifier });

      // A broken schema would give misleading type errors: those wait until it is fixed.
      if (pred && s >= 0 && o >= 0 && schemaOk) {
        const sub = entities[s]!;
        const obj = entities[o]!;
        const st = entityTypeOrd[s]!;
        const ot = entityTypeOrd[o]!;
        if (st >= 0 && !domainOk[pn]![st]) {
          r.add('error', 'domain-violation', [...p, 'subject'],
            `${quote(sub.id)} is a ${sub.type}; predicate ${quote(pred.id)} expects its subject to be one of: ${typesList(pred.domain)}`,
            `change the predicate or the entity's type (or swap subject and object if the relation runs the other way)`);
          bad = true;
        }
        if (ot >= 0 && !rangeOk[pn]![ot]) {
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
      if (evidence === undefined || src === undefined) continue;
      if (checkEvidence) {
        let norm = sourceTexts.get(src.id);
        if (norm === undefined) {
          const text = opts.sourceText?.(src) ?? src.text;
          norm = typeof text === 'string' ? normaliseQuotes(text) : null;
          sourceTexts.set(src.id, norm);
          if (norm === null && !unreadable.has(src.id)) {
            r.add('warning', 'evidence-not-checked', ['sources', sourcePath[sourceAt.get(src.id)!]!],
              `evidence not checked: the text of source ${quote(src.id)} is unavailable`,
              src.path !== undefined ? `make sure ${quote(src.path)} exists next to the dataset file` : 'add "path" (a text file next to the dataset) or "text" to the source');
          }
        }
        if (norm !== null && !norm.includes(normaliseQuotes(evidence))) {
          r.add('error', 'evidence-not-found', [...p, 'evidence'], `the evidence ${quote(evidence, 80)} does not occur in source ${quote(src.id)}`,
            'quote the source verbatim (quotes, dashes and white space may differ), or fix the source id');
        }
      }
      if (bad) continue;
      const first = dedupe.add(s, pn, o, srcIdx, evidence, triples.length);
      if (first >= 0) {
        r.add('warning', 'duplicate-triple', p, `the same triple (subject, predicate, object, source and evidence) is already at triples[${rawIndex[first]}]`, 'remove one of the two');
      }
      rawIndex.push(i);
      const clean: Triple = { subject: entities[s]!.id, predicate: pred!.id, object: entities[o]!.id, source: src.id, evidence };
      if (id !== undefined) clean.id = id;
      if (date !== undefined) clean.date = date;
      if (confidence !== undefined) clean.confidence = confidence;
      if (attributedTo !== undefined) clean.attributedTo = attributedTo;
      if (qualifier !== undefined) clean.qualifier = qualifier;
      triples.push(clean);
    }
  }
  if (triplesRaw) {
    for (let i = 0; i < entities.length; i++) {
      if (!used[i]) {
        r.add('warning', 'unused-entity', ['entities', entityPath[i]!], `entity ${quote(entities[i]!.id)} takes part in no triple`, 'add the triples that involve it, or remove it');
      }
    }
    for (let i = 0; i < sources.length; i++) {
      if (!sourceUsed[i]) {
        r.add('warning', 'unused-source', ['sources', sourcePath[i]!], `source ${quote(sources[i]!.id)} is cited by no triple`, 'cite it from the triples it supports, or remove it');
      }
    }
  }

  const dataset: Dataset = { format: DATASET_FORMAT, version: DATASET_VERSION, sources, entities, triples };
  if (title !== undefined) dataset.title = title;
  if (embedded !== undefined && schema) dataset.schema = schema;
  return result(schema, dataset);
}

// ---------------------------------------------------------------------------
// Text → JSON

interface Preflight { raw?: unknown; text: string; problems: Problem[] }

/** BOM, emptiness, encoding and JSON syntax: the checks before the structure. */
function preflight(input: string, file: string): Preflight {
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
  if (text.charCodeAt(0) === 0xfffe || (text.charCodeAt(0) === 0xfffd && text.charCodeAt(1) === 0xfffd)) {
    return fail('not-utf8', 'file is not UTF-8: it starts with a UTF-16 byte order mark', 'save it as UTF-8 (in most editors: "Save with encoding" → UTF-8)', 1, 1);
  }
  if (text.trim() === '') {
    return fail('empty-file', input.length === 0 ? 'the file is empty' : 'the file holds only white space',
      `write a dataset: { "format": "${DATASET_FORMAT}", "version": ${DATASET_VERSION}, "sources": [], "entities": [], "triples": [] }`, 1, 1);
  }
  const nul = text.indexOf('\u0000');
  const bad = text.indexOf('\ufffd');
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
  const pre = preflight(text, opts.file);
  if (pre.raw === undefined && pre.problems.some((p) => p.severity === 'error')) {
    const out: ParseResult = { ok: false, problems: pre.problems };
    return out;
  }
  const res = validateDataset(pre.raw, { ...opts, text: pre.text });
  res.problems.unshift(...pre.problems);
  return res;
}
