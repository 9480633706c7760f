// The IRIs of actorgraph's RDF mapping (docs/rdf.md) and of the vocabularies
// it borrows, and the one way record ids become IRIs and back.

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  prov: 'http://www.w3.org/ns/prov#',
  dcterms: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  schema: 'https://schema.org/',
  owl: 'http://www.w3.org/2002/07/owl#',
  /** actorgraph's own vocabulary: the fixed classes and properties of the mapping. */
  ag: 'https://actorgraph.org/ns#',
} as const;

/** Where a dataset's own resources live unless the writer is told otherwise. */
export const DEFAULT_BASE = 'https://actorgraph.org/id/';

export const RDF_TYPE = `${NS.rdf}type`;
export const XSD_STRING = `${NS.xsd}string`;
export const RDF_LANG_STRING = `${NS.rdf}langString`;

/** The fixed terms of the ag: vocabulary. */
export const AG = {
  Dataset: `${NS.ag}Dataset`,
  Entity: `${NS.ag}Entity`,
  EntityType: `${NS.ag}EntityType`,
  Predicate: `${NS.ag}Predicate`,
  Relation: `${NS.ag}Relation`,
  Source: `${NS.ag}Source`,
  base: `${NS.ag}base`,
  format: `${NS.ag}format`,
  version: `${NS.ag}version`,
  id: `${NS.ag}id`,
  /** rdf:nil when an entity has an empty list of aliases (skos:altLabel says the rest). */
  aliases: `${NS.ag}aliases`,
  color: `${NS.ag}color`,
  inverseLabel: `${NS.ag}inverseLabel`,
  domain: `${NS.ag}domain`,
  range: `${NS.ag}range`,
  symmetric: `${NS.ag}symmetric`,
  date: `${NS.ag}date`,
  x: `${NS.ag}x`,
  y: `${NS.ag}y`,
  evidence: `${NS.ag}evidence`,
  confidence: `${NS.ag}confidence`,
  qualifier: `${NS.ag}qualifier`,
  attributedTo: `${NS.ag}attributedTo`,
  status: `${NS.ag}status`,
  credibility: `${NS.ag}credibility`,
  reliability: `${NS.ag}reliability`,
  url: `${NS.ag}url`,
  path: `${NS.ag}path`,
  text: `${NS.ag}text`,
} as const;

export const T = {
  label: `${NS.rdfs}label`,
  comment: `${NS.rdfs}comment`,
  subClassOf: `${NS.rdfs}subClassOf`,
  Class: `${NS.rdfs}Class`,
  Property: `${NS.rdf}Property`,
  Statement: `${NS.rdf}Statement`,
  subject: `${NS.rdf}subject`,
  predicate: `${NS.rdf}predicate`,
  object: `${NS.rdf}object`,
  altLabel: `${NS.skos}altLabel`,
  prefLabel: `${NS.skos}prefLabel`,
  wasDerivedFrom: `${NS.prov}wasDerivedFrom`,
  title: `${NS.dcterms}title`,
  publisher: `${NS.dcterms}publisher`,
  issued: `${NS.dcterms}issued`,
  description: `${NS.dcterms}description`,
} as const;

/** The IRIs of one dataset's resources, under its base. */
export interface Iris {
  base: string;
  dataset: string;
  entity(id: string): string;
  source(id: string): string;
  statement(id: string): string;
  type(id: string): string;
  predicate(id: string): string;
  attribute(key: string): string;
  graph(name: string): string;
}

export function irisFor(base: string = DEFAULT_BASE): Iris {
  return {
    base,
    dataset: `${base}dataset/`,
    entity: (id) => base + encodeId(id),
    source: (id) => `${base}source/${encodeId(id)}`,
    statement: (id) => `${base}statement/${encodeId(id)}`,
    type: (id) => `${base}type/${encodeId(id)}`,
    predicate: (id) => `${base}predicate/${encodeId(id)}`,
    attribute: (key) => `${base}attribute/${encodeId(key)}`,
    graph: (name) => `${base}graph/${encodeId(name)}`,
  };
}

const HEX = '0123456789ABCDEF';
const SAFE = /^[A-Za-z0-9_.-]$/;

/**
 * An id as the last segment of an IRI: ASCII letters, digits, `-`, `_` and
 * `.` stay; every other character is percent-encoded as UTF-8, so the IRI
 * is plain ASCII and has no `/`, `#` or `?` (an id never clashes with the
 * `source/`, `type/` … folders). A lone surrogate (no UTF-8 form) becomes
 * `~uXXXX`; `~` itself is `%7E`.
 */
export function encodeId(id: string): string {
  let out = '';
  for (let i = 0; i < id.length; i++) {
    const ch = id[i]!;
    if (SAFE.test(ch)) {
      out += ch;
      continue;
    }
    const c = id.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = id.charCodeAt(i + 1);
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        out += pct(id.slice(i, i + 2));
        i++;
      } else out += `~u${c.toString(16).toUpperCase().padStart(4, '0')}`;
      continue;
    }
    out += pct(ch);
  }
  return out;
}

function pct(s: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(s)) out += `%${HEX[b >> 4]}${HEX[b & 15]}`;
  return out;
}

/** encodeId's inverse; undefined when `s` is not one of its outputs. */
export function decodeId(s: string): string | undefined {
  if (!/^(?:[A-Za-z0-9_.-]|%[0-9A-F]{2}|~u[0-9A-F]{4})*$/.test(s)) return undefined;
  try {
    return s.replace(/(?:%[0-9A-F]{2})+|~u([0-9A-F]{4})/g, (m, u: string | undefined) =>
      u !== undefined ? String.fromCharCode(parseInt(u, 16)) : decodeURIComponent(m),
    );
  } catch {
    return undefined;
  }
}

/** The id under `prefix` (`base + 'type/'` …), when `iri` is one. */
export function idUnder(iri: string, prefix: string): string | undefined {
  return iri.startsWith(prefix) ? decodeId(iri.slice(prefix.length)) : undefined;
}
