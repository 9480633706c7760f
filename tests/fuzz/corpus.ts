// Seed inputs per fuzz target. A reader's corpus is every file under
// tests/fixtures/ and tests/fuzz/seeds/<reader id>/ whose name ends as the
// reader claims, plus graph-data/ for the dataset JSON; a reader with none
// (a format added later without fixtures) gets generic text seeds.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { DatasetReader } from '../../src/core/readers/reader.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Which default schema a seed is read with (its sources' texts come with it). */
export type SchemaName = 'graph' | 'fixtures';

export interface Seed {
  name: string;
  bytes: Uint8Array;
  /** Its text, when it is UTF-8 (string mutations need it). */
  text?: string;
  schema: SchemaName;
}

/** The pseudo-reader of schema files (parseSchema), fuzzed alongside the readers. */
export const SCHEMA_TARGET = 'schema-json';

function files(dir: string): string[] {
  let out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const n of names.sort()) {
    const p = join(dir, n);
    const st = statSync(p);
    if (st.isDirectory()) out = out.concat(files(p));
    else if (st.isFile() && st.size < 2_000_000) out.push(p);
  }
  return out;
}

function seed(path: string, schema: SchemaName): Seed {
  const bytes = new Uint8Array(readFileSync(path));
  let text: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = undefined;
  }
  return { name: relative(ROOT, path), bytes, text, schema };
}

const GENERIC = [
  '{"format":"actorgraph/dataset","version":1,"sources":[],"entities":[],"triples":[]}',
  'id,label,type\na,Alpha,person\nb,"Beta, the second",organization\n',
  'subject;predicate;object;source;evidence\na;knows;b;s;"a knows b"\n',
  '<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a" label="A"/></nodes><edges><edge source="a" target="a"/></edges></graph></gexf>\n',
  '<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"><node id="a"/><edge source="a" target="a"/></graph></graphml>\n',
  '<http://example.org/a> <http://example.org/knows> <http://example.org/b> .\n_:b1 <http://www.w3.org/2000/01/rdf-schema#label> "B"@en .\n',
  '@prefix ex: <http://example.org/> .\nex:a ex:knows ex:b ; ex:label "A" , "Alpha" .\nex:c ex:list ( ex:a ( ex:b ) ) .\n',
  '{"id":"p1","schema":"Person","properties":{"name":["Alice"]}}\n{"id":"o1","schema":"Organization","properties":{"name":["Acme"]}}\n',
  '{"nodes":[{"key":"a"}],"edges":[{"source":"a","target":"a"}],"attributes":{}}',
];

/** Inputs hostile by design for one format or another, given to every reader: each must be an error or a warning, never a crash or a hang. */
const BOMBS: [string, string][] = [
  [
    'xml-billion-laughs',
    `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>\n<gexf><graph><nodes><node id="a" label="&lol9;"/></nodes></graph></gexf>\n`,
  ],
  [
    'xml-external-entity',
    '<?xml version="1.0"?>\n<!DOCTYPE g [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<graphml><graph><node id="&xxe;"/></graph></graphml>\n',
  ],
  ['xml-deep', `<?xml version="1.0"?>\n<gexf>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</gexf>\n`],
  ['csv-wide-row', `id,label,type\n${'a,'.repeat(200_000)}a\n`],
  ['csv-open-quote', `id,label,type\na,"${'x'.repeat(100_000)}\n`],
  [
    'turtle-deep-collection',
    `@prefix ex: <http://example.org/> .\nex:a ex:b ${'( '.repeat(50_000)}${') '.repeat(50_000)}.\n`,
  ],
  [
    'turtle-deep-blank-nodes',
    `@prefix ex: <http://example.org/> .\nex:a ex:b ${'[ ex:c '.repeat(50_000)}${'] '.repeat(50_000)}.\n`,
  ],
  ['ntriples-huge-literal', `<http://e/a> <http://e/b> "${'x'.repeat(500_000)}" .\n`],
  ['ftm-deep', `{"id":"p","schema":"Person","properties":{"name":${'['.repeat(100_000)}${']'.repeat(100_000)}}}\n`],
];

const cache = new Map<string, Seed[]>();

/** The seeds for a reader (or SCHEMA_TARGET). */
export function corpusFor(reader: DatasetReader | typeof SCHEMA_TARGET): Seed[] {
  const id = typeof reader === 'string' ? reader : reader.id;
  const hit = cache.get(id);
  if (hit) return hit;
  let seeds: Seed[];
  if (typeof reader === 'string') {
    seeds = [
      seed(join(ROOT, 'graph-data/schema.json'), 'graph'),
      seed(join(ROOT, 'tests/fixtures/schema.json'), 'fixtures'),
    ];
  } else {
    const claims = (p: string) => reader.extensions.some((e) => p.toLowerCase().endsWith(e));
    const own = files(join(ROOT, 'tests/fuzz/seeds', id));
    const fixtures = files(join(ROOT, 'tests/fixtures')).filter(claims);
    seeds = [...own, ...fixtures].map((p) => seed(p, 'fixtures'));
    if (files(join(ROOT, 'graph-data')).some((p) => claims(p) && p.endsWith('dataset.json')))
      seeds.push(seed(join(ROOT, 'graph-data/dataset.json'), 'graph'));
    const enc = new TextEncoder();
    if (seeds.length === 0)
      seeds = GENERIC.map((text, i) => ({
        name: `generic-${i}`,
        bytes: enc.encode(text),
        text,
        schema: 'fixtures' as const,
      }));
    for (const [name, text] of BOMBS)
      seeds.push({ name: `bomb:${name}`, bytes: enc.encode(text), text, schema: 'fixtures' });
  }
  cache.set(id, seeds);
  return seeds;
}
