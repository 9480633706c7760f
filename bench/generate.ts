// Seeded synthetic actor graphs for the benchmarks: typed entities with
// aliases, heavy-tailed degrees, triples that respect the schema's
// domain/range, and sources whose text holds every evidence quote verbatim.
// Same options → byte-identical output (own PRNG, no Math.random, no clock).
import { mulberry32 } from '../src/core/random.ts';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexSchema } from '../src/core/schema.ts';
import { fnv1a } from '../src/core/hash.ts';
import type { Dataset, Entity, Schema, Source, Triple } from '../src/core/model.ts';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const ROOT_DIR = resolve(BENCH_DIR, '..');
export const DATA_DIR = join(BENCH_DIR, 'data');
/** The default schema; ACTORGRAPH_BENCH_SCHEMA points elsewhere (to benchmark another schema). */
export const SCHEMA_PATH = process.env.ACTORGRAPH_BENCH_SCHEMA ?? join(ROOT_DIR, 'graph-data', 'schema.json');

export { mulberry32 };

export interface GenerateOptions {
  /** Number of triples. */
  triples: number;
  seed: number;
  schema: Schema;
  /** Average triples per entity (default 10). */
  triplesPerEntity?: number;
  /** Entity count; overrides triples / triplesPerEntity. */
  entities?: number;
  /** Zipf exponent of endpoint popularity (default 0.6): larger, heavier tail. */
  skew?: number;
  /** Triples per source document, on average (default 40). */
  triplesPerSource?: number;
}

export const SIZES: Record<string, number> = { '10k': 10_000, '50k': 50_000, '100k': 100_000, '1m': 1_000_000 };

export function parseSize(s: string): number {
  const key = s.toLowerCase();
  if (key in SIZES) return SIZES[key]!;
  const m = /^(\d+(?:\.\d+)?)([km]?)$/.exec(key);
  if (!m) throw new Error(`bad size "${s}": use 10k, 100k, 1m or a number of triples`);
  return Math.round(Number(m[1]) * (m[2] === 'k' ? 1e3 : m[2] === 'm' ? 1e6 : 1));
}

export function sizeName(n: number): string {
  return n % 1_000_000 === 0 ? `${n / 1_000_000}m` : n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

export function loadSchema(path = SCHEMA_PATH): Schema {
  if (!existsSync(path)) {
    throw new Error(`${path}: the default schema is missing; the generator draws types and predicates from it`);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as Schema;
}

// --- names -----------------------------------------------------------------

const SYL = [
  'al',
  'ba',
  'dar',
  'fa',
  'ha',
  'ka',
  'lu',
  'ma',
  'na',
  'qa',
  'ra',
  'sa',
  'ta',
  'zu',
  'mi',
  'ro',
  'ter',
  'ven',
  'kor',
  'len',
  'dan',
  'sul',
  'har',
  'bek',
  'vos',
  'nir',
  'gal',
  'tam',
  'yer',
  'ost',
];
// Transliteration variants with diacritics, for aliases.
const ACCENT: Record<string, string> = {
  a: 'ā',
  e: 'é',
  i: 'ī',
  o: 'ō',
  u: 'ū',
  h: 'ḥ',
  s: 'ş',
  z: 'ż',
  k: 'ḳ',
  d: 'ḍ',
  t: 'ṭ',
};
const ORG_FORMS = [
  '{N} Brigades',
  '{N} Front',
  'Movement for {N}',
  '{N} Party',
  'Army of {N}',
  '{N} Council',
  '{N} Alliance',
  'Sons of {N}',
  '{N} Battalion',
  'Union of {N} Workers',
  '{N} Foundation',
  '{N} Ministry',
];
const PLACE_FORMS = ['{N}', '{N}', 'Al-{N}', '{N} Province', 'Port {N}', '{N}abad', 'Upper {N}'];
const EVENT_FORMS = [
  '{N} airstrike',
  'Battle of {N}',
  '{N} talks',
  '{N} ceasefire',
  'Siege of {N}',
  '{N} bombing',
  '{N} summit',
  '{N} raid',
];
const GENERIC_FORMS = ['{N}', 'The {N}', '{N} Initiative', '{N} Group'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const LEADS = [
  '',
  '',
  '',
  'Officials said ',
  'According to local sources, ',
  'The report says ',
  'Witnesses said ',
  'In a statement, it was confirmed that ',
  'Analysts believe ',
];
const TAILS = ['', '', ', the report said', ', according to two officials', ' earlier this year', ', sources said'];
const FILLER = [
  'The situation remained tense.',
  'No casualties were reported.',
  'Talks are expected to resume.',
  'The claim could not be independently verified.',
  'Further details were not released.',
  'Regional powers called for restraint.',
];
const QUALIFIERS = ['reportedly', 'likely', 'suspected', 'allegedly'];

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Entity types' roots decide the name style (person, organisation, place, event, other). */
function nameStyle(
  typeId: string,
  schema: ReturnType<typeof indexSchema>,
): 'person' | 'org' | 'place' | 'event' | 'other' {
  const ids: string[] = [];
  for (let cur: string | undefined = typeId, i = 0; cur && i < 32; i++) {
    ids.push(cur);
    cur = schema.types.get(cur)?.parent;
  }
  const s = ids.join(' ');
  if (/person|individual|people|official|leader|politician|commander/.test(s)) return 'person';
  if (/event|strike|attack|operation|incident|meeting/.test(s)) return 'event';
  if (/place|location|country|city|region|site|area|state|territory/.test(s)) return 'place';
  if (/org|group|party|agency|government|militia|military|company|force|institution|unit/.test(s)) return 'org';
  return 'other';
}

// --- the generator ----------------------------------------------------------

interface Picker {
  ids: Int32Array;
  cum: Float64Array;
}

function makePicker(ids: number[], weight: Float64Array): Picker {
  const cum = new Float64Array(ids.length);
  let acc = 0;
  for (let i = 0; i < ids.length; i++) {
    acc += weight[ids[i]!]!;
    cum[i] = acc;
  }
  return { ids: Int32Array.from(ids), cum };
}

function pick(p: Picker, r: number): number {
  const x = r * p.cum[p.cum.length - 1]!;
  let lo = 0,
    hi = p.cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (p.cum[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return p.ids[lo]!;
}

export function generateDataset(opts: GenerateOptions): Dataset {
  const rnd = mulberry32(opts.seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const choice = <T>(a: readonly T[]): T => a[int(a.length)]!;
  const schema = opts.schema;
  const idx = indexSchema(schema);
  const nTriples = opts.triples;
  const nEntities = opts.entities ?? Math.max(2, Math.round(nTriples / (opts.triplesPerEntity ?? 10)));
  const skew = opts.skew ?? 0.6;

  // Types that some predicate can use, as subject or object (subtypes included).
  const usable = new Set<string>();
  for (const p of schema.predicates) for (const t of idx.expand([...p.domain, ...p.range])) usable.add(t);
  const typeIds = schema.entityTypes.map((t) => t.id).filter((t) => usable.has(t));
  if (typeIds.length === 0) throw new Error('schema: no entity type appears in any predicate domain or range');
  // Uneven type mix, as in real collections: a few types dominate.
  const typeWeight = typeIds.map(() => 0.2 + rnd() * rnd() * 3);
  const typeCum: number[] = [];
  typeWeight.reduce((a, w) => {
    typeCum.push(a + w);
    return a + w;
  }, 0);
  const pickType = () => {
    const x = rnd() * typeCum[typeCum.length - 1]!;
    let i = 0;
    while (typeCum[i]! <= x) i++;
    return typeIds[i]!;
  };

  const word = (minSyl: number, maxSyl: number) => {
    const n = minSyl + int(maxSyl - minSyl + 1);
    let w = '';
    for (let i = 0; i < n; i++) w += choice(SYL);
    return cap(w);
  };
  const usedIds = new Map<string, number>();
  const entities: Entity[] = [];
  const typeOf: string[] = [];
  for (let i = 0; i < nEntities; i++) {
    const type = pickType();
    const style = nameStyle(type, idx);
    let label: string;
    if (style === 'person') label = `${word(1, 2)} ${word(2, 3)}`;
    else if (style === 'org') label = choice(ORG_FORMS).replace('{N}', word(2, 3));
    else if (style === 'place') label = choice(PLACE_FORMS).replace('{N}', word(2, 3));
    else if (style === 'event') label = choice(EVENT_FORMS).replace('{N}', word(2, 3));
    else label = choice(GENERIC_FORMS).replace('{N}', word(2, 3));
    const slug = label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    const seen = usedIds.get(slug) ?? 0;
    usedIds.set(slug, seen + 1);
    const e: Entity = { id: seen ? `${slug}-${seen + 1}` : slug, label, type };
    const nAliases = rnd() < 0.35 ? 1 + int(3) : 0;
    if (nAliases) {
      const aliases = new Set<string>();
      for (let a = 0; a < nAliases; a++) {
        const kind = int(4);
        if (kind === 0) {
          // Acronym, sometimes dotted.
          const ac = label
            .split(/\s+/)
            .filter((w) => /^[A-Z]/.test(w))
            .map((w) => w[0])
            .join('');
          if (ac.length >= 2) aliases.add(rnd() < 0.5 ? ac : `${ac.split('').join('.')}.`);
        } else if (kind === 1) {
          aliases.add(label.replace(/[aeiouhszkdt]/g, (c) => (rnd() < 0.4 ? (ACCENT[c] ?? c) : c)));
        } else if (kind === 2) {
          aliases.add(rnd() < 0.5 ? label.replace(/ /g, '-') : label.toUpperCase());
        } else {
          aliases.add(`${word(2, 3)} ${word(1, 2)}`);
        }
      }
      aliases.delete(label);
      if (aliases.size) e.aliases = [...aliases];
    }
    if (style === 'event') e.date = isoDate(rnd, rnd() < 0.2 ? 'month' : 'day');
    if (rnd() < 0.1) e.description = `A ${type.replace(/-/g, ' ')} in the synthetic benchmark graph.`;
    entities.push(e);
    typeOf.push(type);
  }

  // Popularity: Zipf over a random ranking → heavy-tailed degrees.
  const rank = new Int32Array(nEntities);
  for (let i = 0; i < nEntities; i++) rank[i] = i;
  for (let i = nEntities - 1; i > 0; i--) {
    const j = int(i + 1);
    const t = rank[i]!;
    rank[i] = rank[j]!;
    rank[j] = t;
  }
  const weight = new Float64Array(nEntities);
  for (let r = 0; r < nEntities; r++) weight[rank[r]!] = 1 / (r + 1) ** skew;

  const byType = new Map<string, number[]>();
  for (let i = 0; i < nEntities; i++) {
    const list = byType.get(typeOf[i]!) ?? [];
    list.push(i);
    byType.set(typeOf[i]!, list);
  }
  const pickerFor = (types: string[]): Picker | undefined => {
    const ids: number[] = [];
    for (const t of idx.expand(types)) ids.push(...(byType.get(t) ?? []));
    ids.sort((a, b) => a - b);
    return ids.length ? makePicker(ids, weight) : undefined;
  };
  const preds = schema.predicates
    .map((p) => ({ p, dom: pickerFor(p.domain), ran: pickerFor(p.range) }))
    .filter((x) => x.dom && x.ran) as { p: Schema['predicates'][number]; dom: Picker; ran: Picker }[];
  if (!preds.length) throw new Error('schema: no predicate has entities for both its domain and range');
  // Predicates an entity can take part in, to give every entity at least one triple.
  const asSubject = new Map<string, number[]>();
  const asObject = new Map<string, number[]>();
  for (const t of typeIds) {
    asSubject.set(
      t,
      preds.flatMap((x, k) => (idx.expand(x.p.domain).has(t) ? [k] : [])),
    );
    asObject.set(
      t,
      preds.flatMap((x, k) => (idx.expand(x.p.range).has(t) ? [k] : [])),
    );
  }
  const predWeight = preds.map(() => 0.3 + rnd() * 2);
  const predCum: number[] = [];
  predWeight.reduce((a, w) => {
    predCum.push(a + w);
    return a + w;
  }, 0);
  const pickPred = () => {
    const x = rnd() * predCum[predCum.length - 1]!;
    let i = 0;
    while (predCum[i]! <= x) i++;
    return i;
  };

  const ends: [number, number, number][] = []; // [pred, subject, object]
  // First one triple per entity (within budget) so nothing is isolated.
  for (let i = 0; i < nEntities && ends.length < nTriples; i++) {
    const t = typeOf[i]!;
    const s = asSubject.get(t)!,
      o = asObject.get(t)!;
    const useSubj = s.length && (!o.length || rnd() < 0.5);
    const k = useSubj ? choice(s) : choice(o);
    const x = preds[k]!;
    let a = useSubj ? i : pick(x.dom, rnd());
    let b = useSubj ? pick(x.ran, rnd()) : i;
    if (a === b) {
      if (useSubj) b = pick(x.ran, rnd());
      else a = pick(x.dom, rnd());
    }
    if (a !== b) ends.push([k, a, b]);
  }
  while (ends.length < nTriples) {
    const k = pickPred();
    const x = preds[k]!;
    const a = pick(x.dom, rnd()),
      b = pick(x.ran, rnd());
    if (a !== b) ends.push([k, a, b]);
  }
  // Shuffle so source documents mix old and new entities.
  for (let i = ends.length - 1; i > 0; i--) {
    const j = int(i + 1);
    const t = ends[i]!;
    ends[i] = ends[j]!;
    ends[j] = t;
  }

  // Sources: documents of ~triplesPerSource sentences, each triple's evidence one of them.
  const perSource = opts.triplesPerSource ?? 40;
  const sources: Source[] = [];
  const triples: Triple[] = [];
  let t = 0;
  for (let s = 0; t < ends.length; s++) {
    const n = Math.max(1, Math.round(perSource * (0.25 + rnd() * 1.5)));
    const sid = `src-${s + 1}`;
    const date = isoDate(rnd, 'day');
    const sentences: string[] = [];
    for (let j = 0; j < n && t < ends.length; j++, t++) {
      const [k, a, b] = ends[t]!;
      const p = preds[k]!.p;
      const S = entities[a]!,
        O = entities[b]!;
      // Sometimes the source names an entity by an alias, as real texts do.
      const sName = S.aliases && rnd() < 0.2 ? choice(S.aliases) : S.label;
      const oName = O.aliases && rnd() < 0.2 ? choice(O.aliases) : O.label;
      const evidence = `${cap(choice(LEADS) + sName)} ${p.label} ${oName}${choice(TAILS)}.`;
      sentences.push(evidence);
      if (rnd() < 0.15) sentences.push(choice(FILLER));
      const tr: Triple = { subject: S.id, predicate: p.id, object: O.id, source: sid, evidence };
      if (rnd() < 0.5) {
        const start = isoDate(rnd, rnd() < 0.15 ? 'month' : 'day');
        // Intervals end after they start: 2018-03/2021-07.
        tr.date = start.length === 7 ? `${start}/${isoDate(rnd, 'month', Number(start.slice(0, 4)) + 1, 2026)}` : start;
      }
      if (rnd() < 0.7) tr.confidence = Math.round((0.4 + rnd() * 0.6) * 100) / 100;
      if (rnd() < 0.05) tr.qualifier = choice(QUALIFIERS);
      if (rnd() < 0.03) tr.attributedTo = entities[int(nEntities)]!.id;
      triples.push(tr);
    }
    const title = `${choice(['Report', 'Analysis', 'Briefing', 'Dispatch', 'Update'])}: ${word(2, 3)} ${choice(['crisis', 'talks', 'front', 'region', 'networks'])}`;
    const words = date.split('-');
    const text = `${title}\n${MONTHS[Number(words[1]) - 1]} ${Number(words[2])}, ${words[0]}\n\n${paragraphs(sentences, rnd)}`;
    sources.push({
      id: sid,
      title,
      publisher: `${word(2, 2)} ${choice(['News', 'Monitor', 'Times', 'Review', 'Post'])}`,
      published: date,
      text,
    });
  }

  return {
    format: 'actorgraph/dataset',
    version: 1,
    title: `Synthetic actor graph: ${nEntities} entities, ${nTriples} triples (seed ${opts.seed})`,
    sources,
    entities,
    triples,
  };
}

function paragraphs(sentences: string[], rnd: () => number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences.length; ) {
    const n = 2 + Math.floor(rnd() * 4);
    out.push(sentences.slice(i, i + n).join(' '));
    i += n;
  }
  return `${out.join('\n\n')}\n`;
}

function isoDate(rnd: () => number, precision: 'month' | 'day', from = 2015, to = 2025): string {
  const y = from + Math.floor(rnd() * (to - from));
  const m = 1 + Math.floor(rnd() * 12);
  const mm = String(m).padStart(2, '0');
  if (precision === 'month') return `${y}-${mm}`;
  const d = 1 + Math.floor(rnd() * 28);
  return `${y}-${mm}-${String(d).padStart(2, '0')}`;
}

/** JSON with one entity, triple or source per line: how large generated files are usually written. */
export function serialiseDataset(ds: Dataset): string {
  const parts: string[] = ['{\n'];
  const { sources, entities, triples, ...head } = ds;
  for (const [k, v] of Object.entries(head)) parts.push(`  ${JSON.stringify(k)}: ${JSON.stringify(v)},\n`);
  const list = (name: string, items: unknown[], last: boolean) => {
    parts.push(`  ${JSON.stringify(name)}: [\n`);
    for (let i = 0; i < items.length; i++)
      parts.push(`    ${JSON.stringify(items[i])}${i < items.length - 1 ? ',' : ''}\n`);
    parts.push(last ? '  ]\n' : '  ],\n');
  };
  list('sources', sources, false);
  list('entities', entities, false);
  list('triples', triples, true);
  parts.push('}\n');
  return parts.join('');
}

const NT_BASE = 'urn:actorgraph:';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDFS_LABEL = 'http://www.w3.org/2000/01/rdf-schema#label';
const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const SKOS_ALT = 'http://www.w3.org/2004/02/skos/core#altLabel';

function ntString(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The same graph as N-Triples: every entity's type and label, and every
 * triple as subject–predicate–object. Evidence, sources, dates and aliases
 * are left out, so the RDF parser has less to do than our loader.
 */
export function toNTriples(ds: Dataset): string {
  const lines: string[] = [];
  writeNTriples(ds, false, (chunk) => lines.push(chunk));
  return lines.join('');
}

/**
 * With `full`, the same information our loader reads: aliases, source texts,
 * and each triple reified (rdf:subject/predicate/object) with its source,
 * evidence, id and date — the standard N-Triples way to carry provenance.
 */
export function writeNTriples(ds: Dataset, full: boolean, out: (chunk: string) => void): void {
  const iri = (kind: string, id: string) => `<${NT_BASE}${kind}/${encodeURIComponent(id)}>`;
  let lines: string[] = [];
  const flush = (force = false) => {
    if (lines.length && (force || lines.length > 50_000)) {
      out(`${lines.join('\n')}\n`);
      lines = [];
    }
  };
  for (const e of ds.entities) {
    const s = iri('e', e.id);
    lines.push(`${s} <${RDF_TYPE}> ${iri('t', e.type)} .`);
    lines.push(`${s} <${RDFS_LABEL}> ${ntString(e.label)} .`);
    if (full) for (const a of e.aliases ?? []) lines.push(`${s} <${SKOS_ALT}> ${ntString(a)} .`);
    flush();
  }
  if (full) {
    for (const src of ds.sources) {
      const s = iri('s', src.id);
      lines.push(`${s} <${RDFS_LABEL}> ${ntString(src.title)} .`);
      if (src.text !== undefined) lines.push(`${s} <${NT_BASE}text> ${ntString(src.text)} .`);
    }
  }
  ds.triples.forEach((t, i) => {
    const [s, p, o] = [iri('e', t.subject), iri('p', t.predicate), iri('e', t.object)];
    lines.push(`${s} ${p} ${o} .`);
    if (full) {
      const st = `_:t${i}`;
      lines.push(
        `${st} <${RDF_NS}subject> ${s} .`,
        `${st} <${RDF_NS}predicate> ${p} .`,
        `${st} <${RDF_NS}object> ${o} .`,
        `${st} <${NT_BASE}source> ${iri('s', t.source)} .`,
      );
      if (t.evidence !== undefined) lines.push(`${st} <${NT_BASE}evidence> ${ntString(t.evidence)} .`);
      if (t.id !== undefined) lines.push(`${st} <${NT_BASE}id> ${ntString(t.id)} .`);
      if (t.date !== undefined) lines.push(`${st} <${NT_BASE}date> ${ntString(t.date)} .`);
    }
    flush();
  });
  flush(true);
}

export interface GeneratedFile {
  path: string;
  ntPath: string;
  ntFullPath: string;
  triples: number;
  seed: number;
  created: boolean;
}

/** The dataset file for (size, seed) in bench/data/, generated on first use. */
export function ensureDatasetFile(
  triples: number,
  seed: number,
  schema = loadSchema(),
  opts: Partial<GenerateOptions> = {},
): GeneratedFile {
  mkdirSync(DATA_DIR, { recursive: true });
  const suffix = opts.entities ? `-e${opts.entities}` : '';
  const base = join(DATA_DIR, `synthetic-${sizeName(triples)}${suffix}-s${seed}`);
  const path = `${base}.json`,
    ntPath = `${base}.nt`,
    ntFullPath = `${base}.full.nt`;
  // The schema's hash is part of the cache key: a changed schema regenerates.
  const stamp = `${base}.schema-hash`;
  const hash = fnv1a(JSON.stringify(schema)).toString(16);
  const fresh =
    existsSync(path) &&
    existsSync(ntPath) &&
    existsSync(ntFullPath) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === hash;
  if (fresh) return { path, ntPath, ntFullPath, triples, seed, created: false };
  const ds = generateDataset({ ...opts, triples, seed, schema });
  // Write then rename, so an interrupted run leaves no half file behind.
  writeFileSync(`${path}.tmp`, serialiseDataset(ds));
  renameSync(`${path}.tmp`, path);
  writeFileSync(`${ntPath}.tmp`, toNTriples(ds));
  renameSync(`${ntPath}.tmp`, ntPath);
  const fd = openSync(`${ntFullPath}.tmp`, 'w');
  try {
    writeNTriples(ds, true, (chunk) => writeSync(fd, chunk));
  } finally {
    closeSync(fd);
  }
  renameSync(`${ntFullPath}.tmp`, ntFullPath);
  writeFileSync(stamp, hash);
  return { path, ntPath, ntFullPath, triples, seed, created: true };
}

// `node bin/run-ts.mjs bench/generate.ts --size 100k --seed 1` writes the file.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string, dflt: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
  };
  const f = ensureDatasetFile(parseSize(arg('size', '10k')), Number(arg('seed', '1')));
  console.log(`${f.created ? 'wrote' : 'cached'} ${f.path}`);
}
