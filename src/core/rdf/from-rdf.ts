// actorgraph's own RDF mapping read back (the inverse of to-rdf.ts): the
// nodes typed ag:EntityType, ag:Predicate, ag:Source, ag:Entity and
// ag:Relation become the dataset's records in file order. Direct edges are
// ignored: each relation is read from its statement.
import { all, first, has, type RdfGraph, type RdfNode } from './graph.ts';
import { put, type RdfRecord, type RdfRecords } from './records.ts';
import type { Term } from './terms.ts';
import { AG, decodeId, DEFAULT_BASE, idUnder, NS, RDF_TYPE, T } from './vocab.ts';

const OWN_CLASSES = new Set<string>([AG.Dataset, AG.Entity, AG.Relation, AG.Source, AG.EntityType, AG.Predicate]);

/** The node's first class of the mapping, if any. */
function kindOf(n: RdfNode): string | undefined {
  for (let i = 0; i < n.p.length; i++) if (n.p[i] === RDF_TYPE && OWN_CLASSES.has(n.o[i]!.value)) return n.o[i]!.value;
  return undefined;
}

/** Whether the graph uses actorgraph's mapping (a node of one of its classes). */
export function isOwnMapping(g: RdfGraph): boolean {
  for (const n of g.nodes.values()) {
    for (let i = 0; i < n.p.length; i++) if (n.p[i] === RDF_TYPE && OWN_CLASSES.has(n.o[i]!.value)) return true;
  }
  return false;
}

/** A literal's value as the dataset holds it: numbers and booleans by their datatype. */
export function literalValue(t: Term): string | number | boolean | undefined {
  if (t.kind !== 'literal') return undefined;
  const dt = t.datatype ?? '';
  if (dt === `${NS.xsd}boolean`) return t.value === 'true' || t.value === '1';
  if (NUMERIC.has(dt)) {
    const n = Number(t.value);
    return Number.isFinite(n) ? n : t.value;
  }
  return t.value;
}
export const NUMERIC = new Set(
  [
    'integer',
    'decimal',
    'double',
    'float',
    'int',
    'long',
    'short',
    'byte',
    'nonNegativeInteger',
    'positiveInteger',
    'negativeInteger',
    'nonPositiveInteger',
    'unsignedInt',
    'unsignedLong',
    'unsignedShort',
    'unsignedByte',
  ].map((x) => `${NS.xsd}${x}`),
);

export function readOwnMapping(g: RdfGraph): RdfRecords {
  const out: RdfRecords = { sources: [], entities: [], triples: [], notes: [] };
  let base = DEFAULT_BASE;
  for (const n of g.nodes.values()) {
    if (!has(n, RDF_TYPE, AG.Dataset)) continue;
    const b = first(n, AG.base);
    if (b) base = b.value;
    const f = first(n, AG.format);
    const v = first(n, AG.version);
    if (f) out.format = literalValue(f);
    if (v) out.version = literalValue(v);
    const title = first(n, T.title);
    if (title) out.title = title.value;
  }
  const typePrefix = `${base}type/`;
  const predPrefix = `${base}predicate/`;
  const sourcePrefix = `${base}source/`;
  // References by IRI; an IRI outside the mapping is kept whole, so the checker names it.
  const entityId = (t: Term | undefined) =>
    t === undefined ? undefined : t.kind === 'iri' ? (idUnder(t.value, base) ?? t.value) : t.value;
  const ref = (t: Term | undefined, prefix: string) =>
    t === undefined ? undefined : (idUnder(t.value, prefix) ?? t.value);
  const ownId = (n: RdfNode, prefix: string) => {
    const id = first(n, AG.id);
    return id ? literalValue(id) : (idUnder(n.key, prefix) ?? n.key);
  };
  const opt = (
    o: Record<string, unknown>,
    k: string,
    t: Term | undefined,
    conv: (t: Term) => unknown = (x) => x.value,
  ) => {
    if (t !== undefined) put(o, k, conv(t));
  };
  const attrs = (n: RdfNode, o: Record<string, unknown>) => {
    const prefix = `${base}attribute/`;
    let a: Record<string, unknown> | undefined;
    for (let i = 0; i < n.p.length; i++) {
      const k = idUnder(n.p[i]!, prefix);
      if (k === undefined) continue;
      a ??= {};
      put(a, k, literalValue(n.o[i]!) ?? n.o[i]!.value);
    }
    if (a) o.attributes = a;
  };

  const attrPrefix = `${base}attribute/`;
  // The most numerous node: one pass over its statements.
  const relation = (n: RdfNode): Record<string, unknown> => {
    const t: Record<string, unknown> = {};
    let id: Term | undefined,
      subject: Term | undefined,
      predicate: Term | undefined,
      object: Term | undefined,
      source: Term | undefined;
    const rest: Record<string, unknown> = {};
    let a: Record<string, unknown> | undefined;
    for (let i = 0; i < n.p.length; i++) {
      const p = n.p[i]!,
        o = n.o[i]!;
      switch (p) {
        case RDF_TYPE:
          break;
        case AG.id:
          id ??= o;
          break;
        case T.subject:
          subject ??= o;
          break;
        case T.predicate:
          predicate ??= o;
          break;
        case T.object:
          object ??= o;
          break;
        case T.wasDerivedFrom:
          source ??= o;
          break;
        case AG.evidence:
          if (!('evidence' in rest)) rest.evidence = o.value;
          break;
        case AG.date:
          if (!('date' in rest)) rest.date = o.value;
          break;
        case AG.confidence:
          if (!('confidence' in rest)) rest.confidence = literalValue(o);
          break;
        case AG.qualifier:
          if (!('qualifier' in rest)) rest.qualifier = o.value;
          break;
        case AG.attributedTo:
          if (!('attributedTo' in rest)) rest.attributedTo = entityId(o);
          break;
        case AG.status:
          if (!('status' in rest)) rest.status = o.value;
          break;
        case AG.credibility:
          if (!('credibility' in rest)) rest.credibility = literalValue(o);
          break;
        default: {
          const k = p.startsWith(attrPrefix) ? decodeId(p.slice(attrPrefix.length)) : undefined;
          if (k !== undefined) put((a ??= {}), k, literalValue(o) ?? o.value);
        }
      }
    }
    if (id) t.id = id.value;
    t.subject = entityId(subject);
    t.predicate = ref(predicate, predPrefix);
    t.object = entityId(object);
    t.source = ref(source, sourcePrefix);
    for (const k of ['evidence', 'date', 'confidence', 'qualifier', 'attributedTo', 'status', 'credibility'])
      if (k in rest) t[k] = rest[k];
    if (a) t.attributes = a;
    return t;
  };

  const types: unknown[] = [];
  const preds: unknown[] = [];
  for (const n of g.nodes.values()) {
    const rec = (list: RdfRecord[], value: Record<string, unknown>) => list.push({ value, loc: n.loc });
    const kind = kindOf(n);
    if (kind === undefined || kind === AG.Dataset) continue;
    if (kind === AG.Relation) {
      rec(out.triples, relation(n));
    } else if (kind === AG.EntityType) {
      const t: Record<string, unknown> = {
        id: ownId(n, typePrefix),
        label: first(n, T.label)?.value,
        color: first(n, AG.color)?.value,
      };
      opt(t, 'parent', first(n, T.subClassOf), (x) => ref(x, typePrefix));
      opt(t, 'description', first(n, T.comment));
      types.push(t);
    } else if (kind === AG.Predicate) {
      const p: Record<string, unknown> = {
        id: ownId(n, predPrefix),
        label: first(n, T.label)?.value,
        inverseLabel: first(n, AG.inverseLabel)?.value,
        domain: all(n, AG.domain).map((x) => ref(x, typePrefix)),
        range: all(n, AG.range).map((x) => ref(x, typePrefix)),
      };
      opt(p, 'symmetric', first(n, AG.symmetric), literalValue);
      opt(p, 'description', first(n, T.comment));
      preds.push(p);
    } else if (kind === AG.Source) {
      const s: Record<string, unknown> = { id: ownId(n, sourcePrefix), title: first(n, T.title)?.value };
      opt(s, 'publisher', first(n, T.publisher));
      opt(s, 'published', first(n, T.issued));
      opt(s, 'url', first(n, AG.url));
      opt(s, 'path', first(n, AG.path));
      opt(s, 'text', first(n, AG.text));
      opt(s, 'reliability', first(n, AG.reliability));
      opt(s, 'description', first(n, T.description));
      rec(out.sources, s);
    } else {
      let type: string | undefined;
      for (const t of all(n, RDF_TYPE)) if (type === undefined && t.value !== AG.Entity) type = ref(t, typePrefix);
      const e: Record<string, unknown> = { id: ownId(n, base), label: first(n, T.label)?.value, type };
      const aliases = all(n, T.altLabel);
      if (aliases.length || first(n, AG.aliases)) e.aliases = aliases.map((a) => a.value);
      opt(e, 'description', first(n, T.comment));
      opt(e, 'date', first(n, AG.date));
      const x = first(n, AG.x),
        y = first(n, AG.y);
      if (x && y) e.position = { x: literalValue(x), y: literalValue(y) };
      attrs(n, e);
      rec(out.entities, e);
    }
  }
  if (types.length || preds.length) out.schema = { entityTypes: types, predicates: preds };
  return out;
}
