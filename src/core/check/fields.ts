// Small checks shared by every record kind: strings, ids, dates, unknown
// fields, arrays. Each reports its problems (code, message, hint) here only.
import type { JsonPath } from '../json-location.ts';
import { LIMITS } from './options.ts';
import type { Report } from './report.ts';
import { formatCount } from '../format.ts';

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Own property only: `o.constructor` must not find Object.prototype's. */
export function own(o: Obj, k: string): unknown {
  return Object.hasOwn(o, k) ? o[k] : undefined;
}

export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'number') return `a number (${v})`;
  if (typeof v === 'boolean') return `${v}`;
  return typeof v;
}

export function quote(s: string, max = 60): string {
  const shown = s.length > max ? `${s.slice(0, max)}…` : s;
  return `'${shown.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
}

export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
export const CONTROL_WITH_NL = /[\u0000-\u001f\u007f-\u009f]/;
// Bidi embedding/override/isolate controls can make text display reversed.
export const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
export const COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
export const URL_SCHEME = /^https?:\/\/[^\s]+$/i;

/** Checks a required or optional string field; returns it when usable. */
export function str(
  r: Report,
  v: unknown,
  path: JsonPath,
  field: string | number,
  what: string,
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
    r.add(
      'error',
      'wrong-type',
      [...path, field],
      `'${name}' must be a string, not ${typeName(v)}`,
      'write it in double quotes',
    );
    return undefined;
  }
  if (opts.nonEmpty && v.trim() === '') {
    r.add(
      'error',
      field === 'evidence' ? 'empty-evidence' : 'empty-label',
      [...path, field],
      `'${name}' is empty`,
      field === 'evidence'
        ? 'quote the sentence of the source that states this relation'
        : `give it a ${name} people can read, or remove it`,
    );
    return undefined;
  }
  let ok = true;
  if (opts.max !== undefined && v.length > opts.max) {
    r.add(
      'error',
      'too-long',
      [...path, field],
      `'${name}' is ${formatCount(v.length)} characters long; at most ${formatCount(opts.max)} are allowed`,
      field === 'evidence'
        ? 'quote only the sentence that states the relation'
        : name === 'description'
          ? 'shorten it'
          : 'shorten it; put longer text in a description',
    );
    ok = false;
  }
  if ((opts.allowNewlines ? CONTROL : CONTROL_WITH_NL).test(v)) {
    const c = v.match(opts.allowNewlines ? CONTROL : CONTROL_WITH_NL)![0];
    r.add(
      'error',
      'control-character',
      [...path, field],
      `'${name}' contains the control character U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
      opts.allowNewlines
        ? 'remove it (only tabs and line breaks are allowed)'
        : 'remove it: labels are one line of plain text',
    );
    ok = false;
  } else if (BIDI.test(v)) {
    r.add(
      'warning',
      'bidi-control',
      [...path, field],
      `'${name}' contains a bidirectional override character, which can make it display in a misleading order`,
      'remove it; right-to-left text (Arabic, Hebrew) displays correctly without it',
    );
  }
  return ok ? v : undefined;
}

export function checkId(r: Report, v: unknown, path: JsonPath, what: string): string | undefined {
  const p = [...path, 'id'];
  if (v === undefined) {
    r.add(
      'error',
      'missing-field',
      p,
      `${what} has no 'id'`,
      `add "id": "some-id" to it (a short unique name, such as "kataib-hezbollah")`,
    );
    return undefined;
  }
  if (typeof v !== 'string') {
    r.add(
      'error',
      'bad-id',
      p,
      `the id must be a string, not ${typeName(v)}`,
      typeof v === 'number'
        ? `write it in quotes: "id": "${v}"`
        : 'write a short unique name in double quotes, such as "kataib-hezbollah"',
    );
    return undefined;
  }
  if (v.trim() === '' || v !== v.trim() || v.length > LIMITS.id || CONTROL_WITH_NL.test(v)) {
    const why =
      v.trim() === ''
        ? 'is empty'
        : v.length > LIMITS.id
          ? `is ${v.length} characters long (at most ${LIMITS.id})`
          : v !== v.trim()
            ? 'has leading or trailing white space'
            : 'contains a control character';
    r.add(
      'error',
      'bad-id',
      p,
      `the id ${quote(v)} ${why}`,
      'use a short name of letters, digits and dashes, such as "kataib-hezbollah"',
    );
    return undefined;
  }
  return v;
}

export function unknownField(r: Report, k: string, known: ReadonlySet<string>, path: JsonPath, what: string): void {
  r.add(
    'warning',
    'unknown-field',
    [...path, k],
    `unknown field ${quote(k)} in ${what} ignored`,
    `remove it, or check its spelling against the fields of ${what}: ${[...known].join(', ')}`,
  );
}

export function unknownFields(r: Report, o: Obj, known: ReadonlySet<string>, path: JsonPath, what: string): void {
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
    if (i === 4 || i === 7) {
      if (c !== 45) return false;
    } else if (c < 48 || c > 57) return false;
  }
  if (n === 4) return true;
  const m = twoDigits(s, a + 5);
  if (m < 1 || m > 12) return false;
  if (n === 7) return true;
  const y = twoDigits(s, a) * 100 + twoDigits(s, a + 2);
  const d = twoDigits(s, a + 8);
  return d >= 1 && d <= daysIn(y, m);
}

/** The common case without allocation: a valid date or a valid ordered interval (one side may be open: `2020-01/`). */
export function dateOk(v: string, allowInterval: boolean): boolean {
  const slash = allowInterval ? v.indexOf('/') : -1;
  if (slash < 0) return isDate(v, 0, v.length);
  const openStart = slash === 0,
    openEnd = slash === v.length - 1;
  if (openStart && openEnd) return false;
  if (openStart || openEnd) return openStart ? isDate(v, 1, v.length) : isDate(v, 0, slash);
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

export function checkDateAt(r: Report, v: unknown, p: JsonPath, allowInterval: boolean): string | undefined {
  if (typeof v === 'string' && dateOk(v, allowInterval)) return v;
  const form = allowInterval
    ? 'YYYY, YYYY-MM, YYYY-MM-DD or an interval start/end such as 2021-02-25/2021-02-26 (either side may be left open: 2020-01/)'
    : 'YYYY-MM-DD (or YYYY-MM, YYYY)';
  if (typeof v !== 'string') {
    r.add(
      'error',
      'bad-date',
      p,
      `the date must be a string, not ${typeName(v)}`,
      `write it as "${allowInterval ? '2021-02-25' : '2021-02-26'}": ${form}`,
    );
    return undefined;
  }
  const parts = allowInterval ? v.split('/') : [v];
  if (parts.length > 2) {
    r.add('error', 'bad-date', p, `the date ${quote(v)} has more than one '/'`, `write ${form}`);
    return undefined;
  }
  if (parts.length === 2 && parts[0] === '' && parts[1] === '') {
    r.add('error', 'bad-date', p, `the interval '/' has neither start nor end`, `write ${form}`);
    return undefined;
  }
  for (const part of parts) {
    if (part === '' && parts.length === 2) continue; // an open side
    const why = dateError(part);
    if (why) {
      r.add('error', 'bad-date', p, `the date ${quote(part)} ${why}`, `write ${form}`);
      return undefined;
    }
  }
  if (parts.length === 2 && parts[0] !== '' && parts[1] !== '') {
    // Compare the earliest moment of the start with the latest of the end.
    const start = parts[0]!.padEnd(10, '\u0000');
    const end = parts[1]!.padEnd(10, '\uffff');
    if (start > end) {
      r.add(
        'error',
        'bad-date',
        p,
        `the interval ${quote(v)} ends before it starts`,
        `write the earlier date first: ${parts[1]}/${parts[0]}`,
      );
      return undefined;
    }
  }
  return v;
}

export function checkArray(r: Report, o: Obj, field: string, path: JsonPath, what: string): unknown[] | undefined {
  const v = own(o, field);
  if (v === undefined) {
    r.add('error', 'missing-field', [...path, field], `${what} has no '${field}' array`, `add "${field}": [ … ]`);
    return undefined;
  }
  if (!Array.isArray(v)) {
    r.add(
      'error',
      'wrong-type',
      [...path, field],
      `'${field}' must be an array, not ${typeName(v)}`,
      `write "${field}": [ … ]`,
    );
    return undefined;
  }
  return v;
}
