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
  try { names = readdirSync(dir); } catch { return out; }
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
  try { text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { text = undefined; }
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

const cache = new Map<string, Seed[]>();

/** The seeds for a reader (or SCHEMA_TARGET). */
export function corpusFor(reader: DatasetReader | typeof SCHEMA_TARGET): Seed[] {
  const id = typeof reader === 'string' ? reader : reader.id;
  const hit = cache.get(id);
  if (hit) return hit;
  let seeds: Seed[];
  if (typeof reader === 'string') {
    seeds = [seed(join(ROOT, 'graph-data/schema.json'), 'graph'), seed(join(ROOT, 'tests/fixtures/schema.json'), 'fixtures')];
  } else {
    const claims = (p: string) => reader.extensions.some((e) => p.toLowerCase().endsWith(e));
    const own = files(join(ROOT, 'tests/fuzz/seeds', id));
    const fixtures = files(join(ROOT, 'tests/fixtures')).filter(claims);
    seeds = [...own, ...fixtures].map((p) => seed(p, 'fixtures'));
    if (files(join(ROOT, 'graph-data')).some((p) => claims(p) && p.endsWith('dataset.json'))) seeds.push(seed(join(ROOT, 'graph-data/dataset.json'), 'graph'));
    if (seeds.length === 0) {
      const enc = new TextEncoder();
      seeds = GENERIC.map((text, i) => ({ name: `generic-${i}`, bytes: enc.encode(text), text, schema: 'fixtures' as const }));
    }
  }
  cache.set(id, seeds);
  return seeds;
}
