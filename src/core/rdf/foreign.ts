// RDF in any vocabulary (FOAF, schema.org, a project's own …) as a dataset
// with a generated schema: typed resources become entities of their class,
// IRI-valued properties between them relations (cited to the file itself,
// with no quote), other values attributes. docs/rdf.md lists the rules.
import { all, type RdfGraph, type RdfNode } from './graph.ts';
import { literalValue } from './from-rdf.ts';
import { put, type RdfRecords } from './records.ts';
import type { Term } from './terms.ts';
import { NS, RDF_TYPE, T } from './vocab.ts';

const LABELS = [T.prefLabel, T.label, `${NS.schema}name`, 'http://schema.org/name', `${NS.foaf}name`];
const DESCRIPTIONS = [T.comment, `${NS.schema}description`, 'http://schema.org/description', T.description];
const LABEL_SET = new Set(LABELS);
const DESCRIPTION_SET = new Set(DESCRIPTIONS);
const SKIP = new Set([...LABELS, ...DESCRIPTIONS, T.altLabel, RDF_TYPE]);
/** Classes of vocabulary terms, not of things: their resources label the generated schema. */
const VOCAB_CLASSES = new Set([
  T.Class,
  `${NS.owl}Class`,
  T.Property,
  `${NS.owl}ObjectProperty`,
  `${NS.owl}DatatypeProperty`,
  `${NS.owl}AnnotationProperty`,
  `${NS.owl}Ontology`,
  `${NS.rdfs}Datatype`,
]);
const WELL_KNOWN: Record<string, string> = {
  rdf: NS.rdf,
  rdfs: NS.rdfs,
  xsd: NS.xsd,
  skos: NS.skos,
  prov: NS.prov,
  dcterms: NS.dcterms,
  foaf: NS.foaf,
  schema: NS.schema,
  owl: NS.owl,
};
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];
const MAX_ATTRIBUTES = 100;
const MAX_VALUE = 10_000;

/** The local part of an IRI, after its last '#', '/' or ':'. */
export function localName(iri: string): string {
  // lastIndexOf, not /[^#/:]*$/: the regular expression retries from every character (square time on a long IRI).
  const cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'), iri.lastIndexOf(':'));
  const local = cut < iri.length - 1 ? iri.slice(cut + 1) : iri;
  try {
    return decodeURIComponent(local);
  } catch {
    return local;
  }
}

/** "memberOf" / "member_of" → "member of" (`lower`: a predicate; else a class, "RealEstate" → "Real Estate"). */
export function humanize(name: string, lower = false): string {
  let words = name
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim();
  if (lower) words = words.replace(/\b([A-Z])([a-z]+)\b/g, (_w, a: string, b: string) => a.toLowerCase() + b);
  return words === '' ? name : words;
}

function langRank(t: Term): number {
  if (t.kind !== 'literal') return 3;
  const l = (t.language ?? '').toLowerCase();
  return l === 'en' || l.startsWith('en-') ? 0 : l === '' ? 1 : 2;
}

/** The best of `terms` (English, then untagged, then the first) and the others. */
function pick(terms: Term[]): { best?: Term; rest: Term[] } {
  let best: Term | undefined;
  for (const t of terms) if (!best || langRank(t) < langRank(best)) best = t;
  return { best, rest: terms.filter((t) => t !== best) };
}

/** The objects of the properties in `list` on `n`, by the list's order, then the file's (one pass when at most one is there). */
function inOrder(n: RdfNode, list: readonly string[], set: ReadonlySet<string>): Term[] {
  let one: Term | undefined;
  let count = 0;
  for (let i = 0; i < n.p.length; i++) {
    if (set.has(n.p[i]!)) {
      one = n.o[i];
      count++;
    }
  }
  if (count <= 1) return one === undefined ? [] : [one];
  return list.flatMap((p) => all(n, p));
}

function hash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

export function readForeign(g: RdfGraph, fileName: string): RdfRecords {
  const out: RdfRecords = {
    format: 'actorgraph/dataset',
    version: 1,
    sources: [],
    entities: [],
    triples: [],
    notes: [],
  };
  const prefixes: [string, string][] = [...g.prefixes.entries(), ...Object.entries(WELL_KNOWN)]
    .filter(([, ns]) => ns !== '')
    .sort((a, b) => b[1].length - a[1].length);
  const compact = (iri: string): string => {
    for (const [p, ns] of prefixes)
      if (iri.startsWith(ns) && iri.length > ns.length) return `${p}:${iri.slice(ns.length)}`;
    return iri;
  };
  const shortId = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 10)}~${hash(s)}`);
  // Properties repeat on every resource: each one's short name worked out once.
  const compacted = new Map<string, string>();
  const compactProp = (p: string): string => {
    let c = compacted.get(p);
    if (c === undefined) {
      c = compact(p);
      if (compacted.size < 100_000) compacted.set(p, c);
    }
    return c;
  };

  // Entities: the typed resources (vocabulary terms aside); their type is their first class.
  // One entry per entity (its class and id): a relation's object costs one lookup.
  const typeOf = new Map<string, { cls: string; id: string }>();
  const vocab = new Map<string, RdfNode>();
  for (const n of g.nodes.values()) {
    const classes = all(n, RDF_TYPE)
      .filter((t) => t.kind === 'iri')
      .map((t) => t.value);
    if (classes.some((c) => VOCAB_CLASSES.has(c))) {
      vocab.set(n.key, n);
      continue;
    }
    const cls = classes[0];
    // Blank nodes keep the stable labels the reader numbered them with (`_:b1` …).
    if (cls !== undefined) typeOf.set(n.key, { cls, id: n.blank ? n.key : shortId(compact(n.key), 200) });
  }

  const source = shortId(fileName.replace(/^.*[\\/]/, '') || 'rdf', 200);
  out.sources.push({
    value: { id: source, title: `Imported from ${fileName.replace(/^.*[\\/]/, '')}` },
    loc: { line: 1, column: 1 },
  });

  const labelOf = (key: string, fallback: string) => {
    const v = vocab.get(key);
    const l = v ? pick(LABELS.flatMap((p) => all(v, p))).best : undefined;
    return l?.value ?? fallback;
  };
  const typeIds = new Map<string, string>();
  // By predicate id; `iri`: the property it was last read from.
  const preds = new Map<string, { domain: string[]; range: string[]; iri: string }>();
  // By property IRI: its predicate's id and entry, worked out once.
  const predOf = new Map<string, { pid: string; def: { domain: string[]; range: string[]; iri: string } }>();
  const typeId = (cls: string) => {
    let id = typeIds.get(cls);
    if (id === undefined) typeIds.set(cls, (id = shortId(compact(cls), 200)));
    return id;
  };
  let skipped = 0,
    dropped = 0;

  for (const [key, { cls, id }] of typeOf) {
    const n = g.nodes.get(key)!;
    const labels = pick(inOrder(n, LABELS, LABEL_SET).filter((t) => t.kind === 'literal'));
    const aliases: string[] = [];
    const addAlias = (s: string) => {
      if (s !== labels.best?.value && !aliases.includes(s)) aliases.push(s.slice(0, 500));
    };
    labels.rest.forEach((t) => {
      addAlias(t.value);
    });
    all(n, T.altLabel).forEach((t) => {
      addAlias(t.value);
    });
    const e: Record<string, unknown> = {
      id,
      label: (labels.best?.value ?? (n.blank ? id : localName(key))).slice(0, 500),
      type: typeId(cls),
    };
    if (aliases.length) e.aliases = aliases;
    const descs = pick(inOrder(n, DESCRIPTIONS, DESCRIPTION_SET).filter((t) => t.kind === 'literal'));
    if (descs.best) e.description = descs.best.value.slice(0, MAX_VALUE);
    const attrs: Record<string, unknown> = {};
    let count = 0;
    const attr = (k: string, v: string | number | boolean) => {
      if (count >= MAX_ATTRIBUTES) {
        dropped++;
        return;
      }
      let key = k.slice(0, 100);
      for (let i = 2; Object.hasOwn(attrs, key); i++) key = `${k.slice(0, 95)} (${i})`;
      put(attrs, key, typeof v === 'string' ? v.slice(0, MAX_VALUE) : v);
      count++;
    };
    if (!n.blank) attr('iri', key);
    const otherTypes = all(n, RDF_TYPE)
      .slice(1)
      .map((t) => compact(t.value));
    if (otherTypes.length) attr('rdf:type', otherTypes.join(' '));
    for (const d of descs.rest)
      attr(compact(d.kind === 'literal' && d.language ? `${T.comment}@${d.language}` : T.comment), d.value);
    for (let i = 0; i < n.p.length; i++) {
      const p = n.p[i]!,
        o = n.o[i]!;
      if (SKIP.has(p)) continue;
      if (o.kind === 'literal') {
        const v = literalValue(o);
        attr(o.language ? `${compactProp(p)}@${o.language}` : compactProp(p), v === undefined ? o.value : v);
        continue;
      }
      const target = typeOf.get(o.value);
      if (target !== undefined) {
        let pr = predOf.get(p);
        if (pr === undefined) {
          const pid = shortId(compactProp(p), 200);
          let def = preds.get(pid);
          if (!def) preds.set(pid, (def = { domain: [], range: [], iri: p }));
          predOf.set(p, (pr = { pid, def }));
        }
        const def = pr.def;
        const st = typeId(cls),
          ot = typeId(target.cls);
        if (!def.domain.includes(st)) def.domain.push(st);
        if (!def.range.includes(ot)) def.range.push(ot);
        def.iri = p;
        out.triples.push({ value: { subject: id, predicate: pr.pid, object: target.id, source }, loc: n.loc });
      } else if (o.kind === 'iri') attr(compactProp(p), o.value);
      else skipped++;
    }
    if (count) e.attributes = attrs;
    out.entities.push({ value: e, loc: n.loc });
  }
  for (const n of g.nodes.values()) if (!typeOf.has(n.key) && !vocab.has(n.key)) skipped += n.p.length;

  const entityTypes = [...typeIds].map(([cls, id], i) => ({
    id,
    label: labelOf(cls, humanize(localName(cls))).slice(0, 500),
    color: PALETTE[i % PALETTE.length]!,
    description: `rdf:type ${cls}`,
  }));
  const predicates = [...preds].map(([id, d]) => {
    const iri = d.iri;
    const label = labelOf(iri, humanize(localName(iri), true)).slice(0, 480);
    return { id, label, inverseLabel: `${label} (inverse)`, domain: d.domain, range: d.range, description: iri };
  });
  out.schema = { entityTypes, predicates };
  if (skipped)
    out.notes.push({
      code: 'rdf-not-mapped',
      message: `${skipped} statements were not read: they are about resources without rdf:type or point at untyped blank nodes`,
      hint: 'give those resources an rdf:type to read them as entities',
    });
  if (dropped)
    out.notes.push({
      code: 'too-many-attributes',
      message: `${dropped} values past the first ${MAX_ATTRIBUTES} attributes of an entity were left out`,
      hint: 'keep at most 100 properties with literal values per resource',
    });
  return out;
}
