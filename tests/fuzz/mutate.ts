// Seeded mutations of hostile inputs: every input is a pure function of
// (seed, index), so a failure is replayed from the two numbers it prints.
import { mulberry32 } from '../../src/core/random.ts';

export type Rng = () => number;

/** mulberry32: small, fast, good enough to pick mutations. */
export const rng: (seed: number) => Rng = mulberry32;

export function inputSeed(seed: number, index: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ index, 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

const int = (r: Rng, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rng, a: readonly T[]): T => a[int(r, a.length)]!;

/** How large the big mutations may grow (the brief run keeps them smaller). */
export interface Scale {
  bigChars: number;
  deep: number;
}
export const FULL: Scale = { bigChars: 6_000_000, deep: 200_000 };
export const BRIEF: Scale = { bigChars: 600_000, deep: 20_000 };

const CHARS = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  '\\',
  ' ',
  '\n',
  '\r',
  '\t',
  '0',
  '1',
  '-',
  '.',
  'e',
  'x',
  'n',
  't',
  '/',
  '*',
  '\u0000',
  '\u0007',
  '\u001f',
  '\u00a0',
  '\u2028',
  '\u202e',
  '\ufeff',
  '\ufffd',
  '\ud800',
  '\udc00',
  '😀',
  'é',
  'ي',
];
const KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  'then',
  'length',
  '',
];
const VALUES = [
  'null',
  'true',
  '0',
  '-0',
  '1e309',
  '-1e-400',
  '123456789012345678901234567890',
  '[]',
  '{}',
  '""',
  '"\\u0000"',
  '"\\ud800"',
  '[[[[]]]]',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
];

function randomUnicode(r: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    const k = r();
    if (k < 0.3) s += String.fromCharCode(int(r, 0x80));
    else if (k < 0.5) s += String.fromCharCode(0x80 + int(r, 0x780));
    else if (k < 0.7) s += String.fromCharCode(0x800 + int(r, 0xd000));
    else if (k < 0.8)
      s += String.fromCharCode(0xd800 + int(r, 0x800)); // lone surrogates
    else if (k < 0.9) s += String.fromCodePoint(0x10000 + int(r, 0xfffff));
    else s += pick(r, CHARS);
  }
  return s;
}

/** The string tokens of `s` (positions of their contents). */
function strings(s: string, max = 4000): [number, number][] {
  const out: [number, number][] = [];
  const re = /"((?:[^"\\\n]|\\.){0,200})"/g;
  for (let m: RegExpExecArray | null; (m = re.exec(s)) && out.length < max; )
    out.push([m.index + 1, m.index + 1 + m[1]!.length]);
  return out;
}

type StringMutation = (r: Rng, s: string, other: string, scale: Scale) => string;

const at = (r: Rng, s: string) => int(r, s.length + 1);

export const STRING_MUTATIONS: Record<string, StringMutation> = {
  char: (r, s) => {
    const i = int(r, Math.max(1, s.length));
    return s.slice(0, i) + pick(r, CHARS) + s.slice(i + 1);
  },
  insert: (r, s) => {
    const i = at(r, s);
    let x = '';
    for (let k = 1 + int(r, 8); k > 0; k--) x += pick(r, CHARS);
    return s.slice(0, i) + x + s.slice(i);
  },
  delete: (r, s) => {
    const i = at(r, s);
    return s.slice(0, i) + s.slice(i + 1 + int(r, r() < 0.8 ? 16 : Math.max(1, s.length >> 2)));
  },
  duplicate: (r, s) => {
    const i = at(r, s);
    const n = int(r, 400);
    return s.slice(0, i) + s.slice(i, i + n) + s.slice(i);
  },
  move: (r, s) => {
    const i = at(r, s);
    const n = int(r, 200);
    const part = s.slice(i, i + n);
    const rest = s.slice(0, i) + s.slice(i + n);
    const j = at(r, rest);
    return rest.slice(0, j) + part + rest.slice(j);
  },
  splice: (r, s, other) => s.slice(0, at(r, s)) + other.slice(at(r, other)),
  truncate: (r, s) => s.slice(0, at(r, s)),
  deep: (r, s, _o, scale) => {
    const d = pick(r, [64, 1000, 5000, scale.deep]);
    const open = r() < 0.7 ? '[' : '{"a":';
    const close = open === '[' ? ']' : '}';
    const short = r() < 0.5 ? 1 : 0;
    const i = at(r, s);
    return s.slice(0, i) + open.repeat(d) + (r() < 0.5 ? '1' : '') + close.repeat(d - short) + s.slice(i);
  },
  hugeString: (r, s, _o, scale) => {
    const n = 1 + int(r, scale.bigChars);
    const str = strings(s);
    const fill = pick(r, ['x', 'é', '\\n', '😀', ' ']).repeat(Math.ceil(n / 2));
    if (str.length === 0 || r() < 0.2) {
      const i = at(r, s);
      return `${s.slice(0, i)}"${fill}"${s.slice(i)}`;
    }
    const [a, b] = pick(r, str);
    return s.slice(0, a) + fill + s.slice(b);
  },
  whitespace: (r, s, _o, scale) => {
    const i = r() < 0.5 ? 0 : at(r, s);
    return s.slice(0, i) + pick(r, [' ', '\n', '\r\n', '\t']).repeat(1 + int(r, scale.bigChars)) + s.slice(i);
  },
  unicode: (r, s) => {
    const i = at(r, s);
    return s.slice(0, i) + randomUnicode(r, 1 + int(r, 20)) + s.slice(i);
  },
  protoKey: (r, s) => {
    const str = strings(s);
    if (!str.length) return `{"__proto__":${s}}`;
    const [a, b] = pick(r, str);
    return s.slice(0, a) + pick(r, KEYS) + s.slice(b);
  },
  value: (r, s) => {
    // Replace what follows a colon with a hostile value.
    const colons: number[] = [];
    for (let i = s.indexOf(':'); i >= 0 && colons.length < 4000; i = s.indexOf(':', i + 1)) colons.push(i);
    if (!colons.length) return s;
    const c = pick(r, colons) + 1;
    const m = /^\s*("(?:[^"\\]|\\.)*"|-?[\d.eE+-]+|true|false|null)/.exec(s.slice(c, c + 300));
    const end = m ? c + m[0].length : c;
    return s.slice(0, c) + pick(r, VALUES) + s.slice(end);
  },
  deepValue: (r, s, _o, scale) => {
    // A closed, valid value of great depth where a field's value stands: valid JSON, deep data.
    const colons: number[] = [];
    for (let i = s.indexOf(':'); i >= 0 && colons.length < 4000; i = s.indexOf(':', i + 1)) colons.push(i);
    if (!colons.length) return s;
    const c = pick(r, colons) + 1;
    const m = /^\s*("(?:[^"\\]|\\.)*"|-?[\d.eE+-]+|true|false|null)/.exec(s.slice(c, c + 300));
    const d = pick(r, [1000, scale.deep]);
    const v = r() < 0.5 ? '['.repeat(d) + ']'.repeat(d) : `${'{"a":'.repeat(d)}1${'}'.repeat(d)}`;
    return s.slice(0, c) + v + s.slice(m ? c + m[0].length : c);
  },
  stringText: (r, s) => {
    // New content for a label, title or description, escaped: the JSON stays valid.
    const fields: [number, number][] = [];
    const re = /"(?:label|title|description|publisher)"\s*:\s*"((?:[^"\\\n]|\\.)*)"/g;
    for (let m: RegExpExecArray | null; (m = re.exec(s)) && fields.length < 4000; )
      fields.push([m.index + m[0].length - 1 - m[1]!.length, m.index + m[0].length - 1]);
    if (!fields.length) return s;
    const [a, b] = pick(r, fields);
    return s.slice(0, a) + JSON.stringify(randomUnicode(r, 1 + int(r, 30))).slice(1, -1) + s.slice(b);
  },
  renameId: (r, s) => {
    // Every occurrence of one id becomes a prototype name: references stay consistent.
    const ids = [...s.matchAll(/"id"\s*:\s*"([^"\\]{1,200})"/g)].map((m) => m[1]!);
    if (!ids.length) return s;
    const id = pick(r, ids);
    return s.split(`"${id}"`).join(
      `"${pick(
        r,
        KEYS.filter((k) => k),
      )}"`,
    );
  },
  newlines: (r, s) => s.replace(/\n/g, pick(r, ['\r\n', '\r', '\u2028', ''])),
  duplicateKey: (r, s) => {
    const i = s.indexOf('{');
    return i < 0
      ? s
      : `${s.slice(0, i + 1)}${pick(r, ['"entities":[],', '"schema":{},', '"format":"x",', '"triples":[{}],', '"__proto__":{},'])}${s.slice(i + 1)}`;
  },
};

type ByteMutation = (r: Rng, b: Uint8Array) => Uint8Array;

function put(b: Uint8Array, i: number, x: number[], del = 0): Uint8Array {
  const out = new Uint8Array(b.length + x.length - Math.min(del, b.length - i));
  out.set(b.subarray(0, i));
  out.set(x, i);
  out.set(b.subarray(i + del), i + x.length);
  return out;
}

export const BYTE_MUTATIONS: Record<string, ByteMutation> = {
  bom: (r, b) =>
    put(
      b,
      0,
      pick(r, [
        [0xef, 0xbb, 0xbf],
        [0xff, 0xfe],
        [0xfe, 0xff],
        [0xef, 0xbb],
      ]),
    ),
  utf16: (r, b) => {
    const s = new TextDecoder().decode(b);
    const out = new Uint8Array(s.length * 2 + 2);
    const be = r() < 0.5;
    if (r() < 0.7) {
      out[0] = be ? 0xfe : 0xff;
      out[1] = be ? 0xff : 0xfe;
    }
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      out[2 + 2 * i + (be ? 1 : 0)] = c & 0xff;
      out[2 + 2 * i + (be ? 0 : 1)] = c >> 8;
    }
    return out;
  },
  badByte: (r, b) =>
    put(
      b,
      int(r, b.length + 1),
      pick(r, [
        [0x80],
        [0xff],
        [0xc0, 0x80],
        [0xed, 0xa0, 0x80],
        [0xf5, 0x80, 0x80, 0x80],
        [0xe2, 0x82],
        [0xf0, 0x9f, 0x98],
      ]),
    ),
  nul: (r, b) => put(b, int(r, b.length + 1), [0]),
  cutBytes: (r, b) => b.subarray(0, int(r, b.length + 1)),
  byteFlip: (r, b) => {
    if (!b.length) return b;
    const c = b.slice();
    c[int(r, c.length)] = int(r, 256);
    return c;
  },
};

const STRING_NAMES = Object.keys(STRING_MUTATIONS);
const BYTE_NAMES = Object.keys(BYTE_MUTATIONS);
const GENTLE = ['stringText', 'renameId', 'deepValue', 'stringText'];
const BIG = new Set(['deep', 'deepValue', 'hugeString', 'whitespace']);

/** One input: 1-4 mutations of a seed (the first `seeds.length` indices are the seeds themselves). */
export function mutate(
  r: Rng,
  seed: { bytes: Uint8Array; text?: string },
  other: string,
  scale: Scale,
): { bytes: Uint8Array; recipe: string[] } {
  const recipe: string[] = [];
  let s = seed.text;
  let steps = 1 + int(r, 4);
  let big = 0;
  if (s !== undefined && r() < 0.35) {
    // Gentle: the JSON stays valid, so many inputs are valid files the Explorer is asked about.
    for (let k = 1 + int(r, 2); k > 0; k--) {
      const name = pick(r, GENTLE);
      s = STRING_MUTATIONS[name]!(r, s, other, r() < 0.2 ? scale : { ...scale, deep: 1000 });
      recipe.push(name);
    }
    return { bytes: new TextEncoder().encode(s), recipe };
  }
  if (s !== undefined) {
    for (; steps > 0 && r() < 0.85; steps--) {
      let name = pick(r, STRING_NAMES);
      // At most one big mutation per input, and rarely: they are slow to read by design.
      if (BIG.has(name) && (big++ > 0 || r() < 0.5)) name = 'char';
      s = STRING_MUTATIONS[name]!(r, s, other, scale);
      recipe.push(name);
    }
  }
  let bytes = s !== undefined ? new TextEncoder().encode(s) : seed.bytes;
  for (; steps > 0; steps--) {
    const name = pick(r, BYTE_NAMES);
    bytes = BYTE_MUTATIONS[name]!(r, bytes);
    recipe.push(name);
  }
  return { bytes, recipe };
}
