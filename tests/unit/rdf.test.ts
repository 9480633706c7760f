// RDF in and out: actorgraph's own mapping round-trips the default data
// through N-Triples, N-Quads, Turtle and TriG; foreign RDF is read with a
// generated schema; the reader is fed in chunks split anywhere.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Parser } from 'n3';
import { loadDatasetFile, loadSchemaFile } from '../../src/node/load.ts';
import { pickReader, READERS, readText } from '../../src/core/readers/registry.ts';
import { RDF_READERS } from '../../src/core/readers/rdf.ts';
import { writerById } from '../../src/core/writers/registry.ts';
import { writeNTriples } from '../../src/core/writers/rdf.ts';
import { decodeId, encodeId } from '../../src/core/rdf/vocab.ts';
import type { Dataset } from '../../src/core/model.ts';
import type { ParseResult } from '../../src/core/check/options.ts';

const SCHEMA = loadSchemaFile('graph-data/schema.json').schema!;
const reader = (id: string) => READERS.find((r) => r.id === id)!;
const FORMATS = [
  ['nt', 'n-triples'],
  ['nq', 'n-quads'],
  ['ttl', 'turtle'],
  ['trig', 'trig'],
] as const;

/** The default data as a standalone dataset (schema embedded, source texts inline), as `export` writes it. */
function defaultStandalone(): Dataset {
  const r = loadDatasetFile('graph-data/dataset.json');
  expect(r.ok).toBe(true);
  const d = r.dataset!;
  return {
    ...d,
    schema: r.schema,
    sources: d.sources.map(({ path: _p, ...s }) => ({ ...s, text: readFileSync(`graph-data/${_p}`, 'utf8') })),
  };
}

/** Reads `text` pushed in pieces of `size` characters. */
function readInChunks(id: string, text: string, size: number, file = `x.${id}`): ParseResult {
  const session = reader(id).open({ file, defaultSchema: SCHEMA, keepDataset: true });
  for (let i = 0; i < text.length; i += size) session.push(text.slice(i, i + size));
  const { store: _s, timings: _t, fallback: _f, ...res } = session.end();
  return res;
}

describe('ids in IRIs', () => {
  it('encodes any id to an ASCII IRI segment and back', () => {
    for (const id of [
      'kataib-hezbollah',
      'a b',
      'x|y',
      'a/b#c?d',
      '__proto__',
      'كتائب',
      '𝒳',
      '~u0041',
      '\ud800lone',
      '100%',
      'a.b_c',
    ]) {
      const enc = encodeId(id);
      expect(enc).toMatch(/^[A-Za-z0-9_.~%-]*$/);
      expect(enc).not.toMatch(/[/#?]/);
      expect(decodeId(enc)).toBe(id);
    }
    expect(decodeId('a/b')).toBeUndefined();
  });
});

describe('actorgraph RDF mapping', () => {
  const ds = defaultStandalone();

  it.each(FORMATS)('the default data round-trips through %s with nothing lost', (w, r) => {
    const [file] = writerById(w)!.write(ds, { name: 'iran' });
    const back = readText(reader(r), file!.text, { file: `d.${w}`, defaultSchema: SCHEMA });
    expect(back.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(back.dataset).toEqual(ds);
    // Fed in small pieces split anywhere, the same.
    expect(readInChunks(r, file!.text, 997).dataset).toEqual(ds);
  });

  it('reads lines longer than a chunk, and a last line without its line break', () => {
    const text = writerById('nt')!.write(ds)[0]!.text;
    expect(readInChunks('n-triples', text.slice(0, -1), 13).dataset).toEqual(ds);
    const long = `<http://e.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://e.org/T> .\n<http://e.org/a> <http://www.w3.org/2000/01/rdf-schema#comment> "${'x'.repeat(9_000)}" .\n`;
    const r = readInChunks('n-triples', long, 1000, 'long.nt');
    expect(r.dataset!.entities[0]!.description).toHaveLength(9_000);
  });

  it('writes one direct edge per distinct relation and one rdf:Statement per relation', () => {
    const quads = new Parser({ format: 'N-Triples' }).parse(writeNTriples(ds));
    const stmts = quads.filter((q) => q.predicate.value.endsWith('#type') && q.object.value.endsWith('#Statement'));
    expect(stmts).toHaveLength(ds.triples.length);
    const direct = quads.filter((q) => q.predicate.value.startsWith('https://actorgraph.org/id/predicate/'));
    expect(direct).toHaveLength(new Set(ds.triples.map((t) => `${t.subject} ${t.predicate} ${t.object}`)).size);
    const t = ds.triples[0]!;
    expect(
      direct.some(
        (q) =>
          q.subject.value === `https://actorgraph.org/id/${t.subject}` &&
          q.object.value === `https://actorgraph.org/id/${t.object}`,
      ),
    ).toBe(true);
    // Every line is a plain N-Triple: no RDF-star, no blank nodes.
    expect(quads.every((q) => q.subject.termType === 'NamedNode' && q.object.termType !== 'BlankNode')).toBe(true);
  });

  it('puts N-Quads and TriG in one named graph and Turtle under prefixes', () => {
    const nq = writerById('nq')!.write(ds, { name: 'iran' })[0]!.text;
    expect(nq.split('\n')[0]).toMatch(/<https:\/\/actorgraph\.org\/id\/graph\/iran> \.$/);
    const ttl = writerById('ttl')!.write(ds)[0]!.text;
    expect(ttl).toMatch(/^@prefix ag: <https:\/\/actorgraph\.org\/ns#> \.$/m);
    expect(ttl).toContain('a ag:Relation');
    const trig = writerById('trig')!.write(ds, { name: 'iran' })[0]!.text;
    expect(
      new Parser({ format: 'TriG' }).parse(trig).every((q) => q.graph.value === 'https://actorgraph.org/id/graph/iran'),
    ).toBe(true);
  });

  it('picks the RDF readers by name and by content', () => {
    expect(pickReader({ name: 'x.nt' }).id).toBe('n-triples');
    expect(pickReader({ name: 'x.ttl' }).id).toBe('turtle');
    expect(pickReader({ name: 'x.trig' }).id).toBe('trig');
    expect(pickReader({ name: 'x.nq' }).id).toBe('n-quads');
    expect(pickReader({ name: 'upload', head: '@prefix ex: <http://e/> .\nex:a ex:b ex:c .' }).id).toBe('turtle');
    expect(pickReader({ name: 'upload', head: '# c\n<http://e/a> <http://e/b> "x"@en .\n' }).id).toBe('n-triples');
    expect(pickReader({ name: 'upload', head: '<http://e/a> <http://e/b> <http://e/c> <http://e/g> .\n' }).id).toBe(
      'n-quads',
    );
    expect(pickReader({ name: 'upload', head: '@prefix ex: <http://e/> .\nex:g { ex:a ex:b ex:c . }' }).id).toBe(
      'trig',
    );
    expect(RDF_READERS.every((r) => r.sniff('{"format": "actorgraph/dataset"}') === 0)).toBe(true);
  });
});

describe('foreign RDF', () => {
  const r = loadDatasetFile('tests/fixtures/formats/people.ttl');

  it('reads typed resources as entities of their class, with a generated schema', () => {
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const d = r.dataset!;
    expect(d.entities.map((e) => [e.id, e.type, e.label])).toEqual([
      ['ex:ada', 'foaf:Person', 'Ada Lovelace'],
      ['ex:babbage', 'foaf:Person', 'Charles Babbage'],
      ['_:b1', 'foaf:Person', 'Mary Somerville'],
      ['ex:analytical-society', 'schema:Organization', 'Analytical Society'],
      ['ex:royal-society', 'schema:Organization', 'Royal Society'],
    ]);
    expect(r.schema!.entityTypes.map((t) => [t.id, t.label])).toEqual([
      ['foaf:Person', 'Person'],
      ['schema:Organization', 'Organization'],
    ]);
    const member = r.schema!.predicates.find((p) => p.id === 'schema:memberOf')!;
    expect(member).toMatchObject({ label: 'member of', domain: ['foaf:Person'], range: ['schema:Organization'] });
  });

  it('keeps one label per language preference and the rest as aliases; literals as attributes', () => {
    const d = r.dataset!;
    const ada = d.entities.find((e) => e.id === 'ex:ada')!;
    expect(ada.aliases).toEqual(['Augusta Ada King', 'Countess of Lovelace']);
    expect(ada.description).toBe('Mathematician.');
    expect(ada.attributes).toMatchObject({
      iri: 'http://example.org/people/ada',
      'schema:birthDate': '1815-12-10',
      'foaf:age': 36,
      'foaf:homepage': 'https://example.org/ada',
    });
    const royal = d.entities.find((e) => e.id === 'ex:royal-society')!;
    expect(royal.aliases).toEqual(['Société royale']);
    expect(royal.description).toBe('A learned society.');
  });

  it('reads IRI-valued properties between entities as relations cited to the file', () => {
    const d = r.dataset!;
    expect(d.triples.map((t) => `${t.subject} ${t.predicate} ${t.object}`)).toEqual([
      'ex:ada schema:worksFor ex:analytical-society',
      'ex:ada foaf:knows ex:babbage',
      'ex:ada foaf:knows _:b1',
      'ex:babbage schema:memberOf ex:analytical-society',
      'ex:babbage schema:memberOf ex:royal-society',
    ]);
    expect(d.sources).toEqual([{ id: 'people.ttl', title: 'Imported from people.ttl' }]);
    expect(d.triples.every((t) => t.source === 'people.ttl' && t.evidence === undefined)).toBe(true);
    expect(r.problems.map((p) => p.code)).toContain('rdf-not-mapped');
  });

  it('gives the same ids when read again (blank nodes included)', () => {
    const again = loadDatasetFile('tests/fixtures/formats/people.ttl');
    expect(again.dataset).toEqual(r.dataset);
  });

  it('a foreign file written out in actorgraph RDF reads back the same', () => {
    const d = { ...r.dataset!, schema: r.schema };
    const ttl = writerById('ttl')!.write(d)[0]!.text;
    expect(readText(reader('turtle'), ttl, { file: 'p.ttl' }).dataset).toEqual(d);
  });
});
