// The dataset as RDF by actorgraph's mapping (docs/rdf.md): N-Triples,
// N-Quads (in a named graph), Turtle and TriG (with prefixes). Each reads
// back to the same dataset (readers/rdf.ts).
import type { Dataset } from '../model.ts';
import { datasetBlocks, type RdfOptions } from '../rdf/to-rdf.ts';
import { ntIri, ntTerm, Prefixes } from '../rdf/terms.ts';
import { irisFor, NS } from '../rdf/vocab.ts';
import { KEEPS_ALL, type DatasetWriter, type WriteOptions } from './writer.ts';

/** The named graph of an N-Quads or TriG export. */
export function graphIri(options: WriteOptions | undefined, base?: string): string {
  return irisFor(base).graph(options?.name ?? 'dataset');
}

/** The N-Triples lines of `dataset` (each ending in " .\n"), one at a time: what export writes and push sends. */
export function* nTriplesLines(dataset: Dataset, opts: RdfOptions = {}, graph?: string): Generator<string> {
  const g = graph === undefined ? ' .\n' : ` ${ntIri(graph)} .\n`;
  for (const b of datasetBlocks(dataset, opts)) {
    const s = ntIri(b.subject);
    for (const [p, o] of b.pairs) yield `${s} ${ntIri(p)} ${ntTerm(o)}${g}`;
  }
}

export function writeNTriples(dataset: Dataset, opts: RdfOptions = {}, graph?: string): string {
  return Array.from(nTriplesLines(dataset, opts, graph)).join('');
}

function prefixes(base: string): Prefixes {
  const { rdf, rdfs, xsd, skos, prov, dcterms, ag } = NS;
  return new Prefixes({
    rdf,
    rdfs,
    xsd,
    skos,
    prov,
    dcterms,
    ag,
    id: base,
    agt: `${base}type/`,
    agp: `${base}predicate/`,
    src: `${base}source/`,
    st: `${base}statement/`,
    attr: `${base}attribute/`,
  });
}

export function writeTurtle(dataset: Dataset, opts: RdfOptions = {}, graph?: string): string {
  const base = irisFor(opts.base).base;
  const px = prefixes(base);
  const indent = graph === undefined ? '' : '  ';
  const out: string[] = [px.header(), '\n'];
  if (graph !== undefined) out.push(`${px.iri(graph)} {\n`);
  for (const b of datasetBlocks(dataset, opts)) {
    out.push(indent, px.iri(b.subject));
    b.pairs.forEach(([p, o], i) => {
      const pred = p === `${NS.rdf}type` ? 'a' : px.iri(p);
      out.push(i === 0 ? ' ' : ` ;\n${indent}    `, pred, ' ', px.term(o));
    });
    out.push(' .\n');
  }
  if (graph !== undefined) out.push('}\n');
  return out.join('');
}

function writer(
  id: string,
  label: string,
  extension: string,
  mediaType: string,
  write: (d: Dataset, o?: WriteOptions) => string,
  lines?: (d: Dataset, o?: WriteOptions) => Iterable<string>,
): DatasetWriter {
  return {
    id,
    label,
    extension,
    keeps: KEEPS_ALL,
    lossless: true,
    write: (d, o) => [
      lines
        ? {
            suffix: '',
            extension,
            mediaType,
            // Joined only when asked: a large graph's lines exceed what one string may hold.
            get text() {
              return write(d, o);
            },
            chunks: () => lines(d, o),
          }
        : { suffix: '', extension, mediaType, text: write(d, o) },
    ],
  };
}

export const RDF_WRITERS: readonly DatasetWriter[] = [
  writer(
    'nt',
    'RDF N-Triples',
    '.nt',
    'application/n-triples',
    (d) => writeNTriples(d),
    (d) => nTriplesLines(d),
  ),
  writer(
    'nq',
    'RDF N-Quads (one named graph)',
    '.nq',
    'application/n-quads',
    (d, o) => writeNTriples(d, {}, graphIri(o)),
    (d, o) => nTriplesLines(d, {}, graphIri(o)),
  ),
  writer('ttl', 'RDF Turtle', '.ttl', 'text/turtle', (d) => writeTurtle(d)),
  writer('trig', 'RDF TriG (one named graph)', '.trig', 'application/trig', (d, o) => writeTurtle(d, {}, graphIri(o))),
];
