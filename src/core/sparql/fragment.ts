// What the store answered, read back by the one RDF mapping (rdf/from-rdf.ts)
// into a small TripleStore, so that the in-memory algorithms answer over it:
// the answers over a store are then the answers in memory by construction,
// as long as the fragment holds every triple they could use.
import type { Dataset, Entity, Schema, Source, Triple } from '../model.ts';
import { DATASET_FORMAT, DATASET_VERSION } from '../model.ts';
import { RdfGraph } from '../rdf/graph.ts';
import { readOwnMapping } from '../rdf/from-rdf.ts';
import type { Term } from '../rdf/terms.ts';
import { AG, idUnder, irisFor, RDF_TYPE, T, type Iris } from '../rdf/vocab.ts';
import { TripleStore } from '../store.ts';
import type { Binding, RdfJsonTerm } from './client.ts';

const LOC = { line: 1, column: 1 };
const SUBJ = T.subject,
  OBJ = T.object;

export function termOf(t: RdfJsonTerm): Term {
  if (t.type === 'uri') return { kind: 'iri', value: t.value };
  if (t.type === 'bnode') return { kind: 'blank', value: t.value };
  const lang = t['xml:lang'];
  if (lang) return { kind: 'literal', value: t.value, language: lang };
  return t.datatype ? { kind: 'literal', value: t.value, datatype: t.datatype } : { kind: 'literal', value: t.value };
}

/** Nodes (entities, statements, sources, schema) gathered over one or more answers; each node whole, once. */
export class Fragment {
  readonly graph = new RdfGraph();
  /** Subjects already complete: a later answer's rows about them are skipped (no doubled aliases). */
  private readonly done = new Set<string>();

  constructor(readonly base: string) {}

  get iris(): Iris {
    return irisFor(this.base);
  }

  /** Statement IRI → [subject IRI, object IRI], as rows come in (a path search walks these, not records). */
  readonly ends = new Map<string, [string, string]>();

  private edge(s: string, p: string, o: string): void {
    if (p !== SUBJ && p !== OBJ) return;
    let e = this.ends.get(s);
    if (!e) this.ends.set(s, (e = ['', '']));
    e[p === SUBJ ? 0 : 1] = o;
  }

  /** Rows ?s ?p ?o of one answer; each subject in it is complete in that answer. */
  add(rows: Binding[]): void {
    const fresh = new Set<string>();
    for (const r of rows) {
      const s = r.s,
        p = r.p,
        o = r.o;
      if (!s || !p || !o) continue;
      if (this.done.has(s.value) && !fresh.has(s.value)) continue;
      fresh.add(s.value);
      this.graph.add(s.value, s.type === 'bnode', LOC, p.value, termOf(o));
      this.edge(s.value, p.value, o.value);
    }
    for (const s of fresh) this.done.add(s);
  }

  /** Rows of a paged answer in subject order: a subject may continue from the page before. */
  addPage(rows: Binding[]): void {
    for (const r of rows) {
      if (!r.s || !r.p || !r.o) continue;
      this.graph.add(r.s.value, r.s.type === 'bnode', LOC, r.p.value, termOf(r.o));
      this.edge(r.s.value, r.p.value, r.o.value);
      this.done.add(r.s.value);
    }
  }

  has(iri: string): boolean {
    return this.done.has(iri);
  }

  /** Entities, statements and sources read by the mapping. */
  records(): { entities: Entity[]; triples: Triple[]; sources: Source[]; derivedIds: Set<string> } {
    const r = readOwnMapping(this.graph);
    const stPrefix = `${this.base}statement/`;
    const triples: Triple[] = [];
    // Statement IRIs carry the id (given or derived): kept, so that ids do not depend on the order rows came in.
    const stNodes = [...this.graph.nodes.values()].filter((n) =>
      n.p.some((p, i) => p === RDF_TYPE && n.o[i]!.value === AG.Relation),
    );
    const derivedIds = new Set<string>();
    let k = 0;
    for (const rec of r.triples) {
      const t = rec.value as unknown as Triple;
      const node = stNodes[k++];
      if (t.id === undefined && node) {
        const id = idUnder(node.key, stPrefix);
        if (id !== undefined) {
          t.id = id;
          derivedIds.add(id);
        }
      }
      triples.push(t);
    }
    return {
      entities: r.entities.map((e) => e.value as unknown as Entity),
      triples,
      sources: r.sources.map((s) => s.value as unknown as Source),
      derivedIds,
    };
  }
}

/**
 * A TripleStore of what is known: entities, and the triples whose both ends and source are known.
 * `sources`: every source the triples may cite (without texts).
 */
export function fragmentStore(
  frag: Fragment,
  schema: Schema,
  sources: Map<string, Source>,
  title?: string,
  alsoSources: readonly string[] = [],
): TripleStore {
  const { entities, triples } = frag.records();
  const known = new Set(entities.map((e) => e.id));
  const kept = triples.filter((t) => known.has(t.subject) && known.has(t.object) && sources.has(t.source));
  const used = new Set([...kept.map((t) => t.source), ...alsoSources]);
  const ds: Dataset = {
    format: DATASET_FORMAT,
    version: DATASET_VERSION,
    ...(title !== undefined ? { title } : {}),
    schema,
    sources: [...sources.values()].filter((s) => used.has(s.id)),
    entities,
    triples: kept,
  };
  return TripleStore.build(ds, schema);
}
