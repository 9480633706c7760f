// A dataset as RDF, by actorgraph's mapping (docs/rdf.md): the schema, the
// sources, each entity with its direct edges (one per distinct subject,
// predicate, object: what a SPARQL store traverses), then one rdf:Statement
// per relation carrying its id, source, evidence and the rest.
// Blocks come in the dataset's order, which the reader keeps.
import { DATASET_FORMAT, DATASET_VERSION, type Attributes, type Dataset } from '../model.ts';
import { tripleIds } from '../store.ts';
import { bool, iri, num, str, typed, type Block, type Term } from './terms.ts';
import { AG, irisFor, NS, RDF_TYPE, T, type Iris } from './vocab.ts';

export interface RdfOptions {
  /** Namespace of the dataset's own resources (ends with '/' or '#'). */
  base?: string;
}

function attributes(pairs: Block['pairs'], attrs: Attributes | undefined, ids: Iris): void {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    pairs.push([ids.attribute(k), typeof v === 'string' ? str(v) : typeof v === 'number' ? num(v) : bool(v)]);
  }
}

/** The blocks of `dataset`, one at a time (an export of a large graph is not held twice). */
export function* datasetBlocks(dataset: Dataset, opts: RdfOptions = {}): Generator<Block> {
  const ids = irisFor(opts.base);
  const a = (cls: string): [string, Term] => [RDF_TYPE, iri(cls)];

  const head: Block = {
    subject: ids.dataset,
    pairs: [
      a(AG.Dataset),
      [AG.format, str(DATASET_FORMAT)],
      [AG.version, num(DATASET_VERSION)],
      [AG.base, typed(ids.base, `${NS.xsd}anyURI`)],
    ],
  };
  if (dataset.title !== undefined) head.pairs.push([T.title, str(dataset.title)]);
  yield head;

  for (const t of dataset.schema?.entityTypes ?? []) {
    const b: Block = {
      subject: ids.type(t.id),
      pairs: [a(AG.EntityType), a(T.Class), [AG.id, str(t.id)], [T.label, str(t.label)], [AG.color, str(t.color)]],
    };
    if (t.parent !== undefined) b.pairs.push([T.subClassOf, iri(ids.type(t.parent))]);
    if (t.description !== undefined) b.pairs.push([T.comment, str(t.description)]);
    yield b;
  }
  for (const p of dataset.schema?.predicates ?? []) {
    const b: Block = {
      subject: ids.predicate(p.id),
      pairs: [
        a(AG.Predicate),
        a(T.Property),
        [AG.id, str(p.id)],
        [T.label, str(p.label)],
        [AG.inverseLabel, str(p.inverseLabel)],
      ],
    };
    for (const d of p.domain) b.pairs.push([AG.domain, iri(ids.type(d))]);
    for (const r of p.range) b.pairs.push([AG.range, iri(ids.type(r))]);
    if (p.symmetric !== undefined) b.pairs.push([AG.symmetric, bool(p.symmetric)]);
    if (p.description !== undefined) b.pairs.push([T.comment, str(p.description)]);
    yield b;
  }

  for (const s of dataset.sources) {
    const b: Block = { subject: ids.source(s.id), pairs: [a(AG.Source), [AG.id, str(s.id)], [T.title, str(s.title)]] };
    if (s.publisher !== undefined) b.pairs.push([T.publisher, str(s.publisher)]);
    if (s.published !== undefined) b.pairs.push([T.issued, str(s.published)]);
    if (s.url !== undefined) b.pairs.push([AG.url, typed(s.url, `${NS.xsd}anyURI`)]);
    if (s.path !== undefined) b.pairs.push([AG.path, str(s.path)]);
    if (s.text !== undefined) b.pairs.push([AG.text, str(s.text)]);
    if (s.reliability !== undefined) b.pairs.push([AG.reliability, str(s.reliability)]);
    if (s.description !== undefined) b.pairs.push([T.description, str(s.description)]);
    yield b;
  }

  // Direct edges, grouped under their subject, each distinct one once.
  const edges = new Map<string, Set<string>>();
  for (const t of dataset.triples) {
    let set = edges.get(t.subject);
    if (!set) edges.set(t.subject, (set = new Set()));
    set.add(`${ids.predicate(t.predicate)} ${ids.entity(t.object)}`);
  }
  for (const e of dataset.entities) {
    const b: Block = {
      subject: ids.entity(e.id),
      pairs: [a(ids.type(e.type)), a(AG.Entity), [AG.id, str(e.id)], [T.label, str(e.label)]],
    };
    for (const al of e.aliases ?? []) b.pairs.push([T.altLabel, str(al)]);
    if (e.aliases?.length === 0) b.pairs.push([AG.aliases, iri(`${NS.rdf}nil`)]);
    if (e.description !== undefined) b.pairs.push([T.comment, str(e.description)]);
    if (e.date !== undefined) b.pairs.push([AG.date, str(e.date)]);
    if (e.position) b.pairs.push([AG.x, num(e.position.x)], [AG.y, num(e.position.y)]);
    attributes(b.pairs, e.attributes, ids);
    for (const edge of edges.get(e.id) ?? []) {
      const sp = edge.indexOf(' ');
      b.pairs.push([edge.slice(0, sp), iri(edge.slice(sp + 1))]);
    }
    yield b;
  }

  const tids = tripleIds(dataset.triples);
  for (let i = 0; i < dataset.triples.length; i++) {
    const t = dataset.triples[i]!;
    const b: Block = {
      subject: ids.statement(tids[i]!),
      pairs: [
        a(AG.Relation),
        a(T.Statement),
        [T.subject, iri(ids.entity(t.subject))],
        [T.predicate, iri(ids.predicate(t.predicate))],
        [T.object, iri(ids.entity(t.object))],
      ],
    };
    // The id only when the file gave one: a derived id is derived again on reading.
    if (t.id !== undefined) b.pairs.push([AG.id, str(t.id)]);
    b.pairs.push([T.wasDerivedFrom, iri(ids.source(t.source))]);
    const ev = (t as { evidence?: string }).evidence;
    if (ev !== undefined) b.pairs.push([AG.evidence, str(ev)]);
    if (t.date !== undefined) b.pairs.push([AG.date, str(t.date)]);
    if (t.confidence !== undefined) b.pairs.push([AG.confidence, typed(String(t.confidence), `${NS.xsd}double`)]);
    if (t.qualifier !== undefined) b.pairs.push([AG.qualifier, str(t.qualifier)]);
    if (t.attributedTo !== undefined) b.pairs.push([AG.attributedTo, iri(ids.entity(t.attributedTo))]);
    if (t.status !== undefined) b.pairs.push([AG.status, str(t.status)]);
    if (t.credibility !== undefined) b.pairs.push([AG.credibility, num(t.credibility)]);
    attributes(b.pairs, t.attributes, ids);
    yield b;
  }
}
