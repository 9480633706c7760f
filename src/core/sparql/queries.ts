// The SPARQL texts SparqlExplorer sends. Every IRI goes through iriRef and
// every string through literal: nothing from the data or a caller is pasted
// raw. Each query answers rows ?s ?p ?o (whole nodes) or small aggregates.
import { AG, NS, T } from '../rdf/vocab.ts';
import { iriRef, literal } from './escape.ts';

export const PREFIXES = `PREFIX rdf: <${NS.rdf}>\nPREFIX rdfs: <${NS.rdfs}>\nPREFIX skos: <${NS.skos}>\nPREFIX prov: <${NS.prov}>\nPREFIX ag: <${NS.ag}>\n`;

/** IRIs per VALUES block: a request stays a few tens of kilobytes. */
export const VALUES_BATCH = 500;

const from = (graph: string | undefined) => (graph ? `FROM ${iriRef(graph)}\n` : '');
const values = (v: string, iris: readonly string[]) => `VALUES ?${v} { ${iris.map(iriRef).join(' ')} }`;
const noEdges = (base: string) => `FILTER(!STRSTARTS(STR(?p), ${literal(`${base}predicate/`)}))`;

/** The dataset node and the schema (types and predicates). */
export function headQuery(graph?: string): string {
  return `${PREFIXES}SELECT ?s ?p ?o ${from(graph)}WHERE { VALUES ?c { ag:Dataset ag:EntityType ag:Predicate } ?s a ?c . ?s ?p ?o }`;
}

/** Whole nodes, without their direct edges (a hub has thousands) and without source texts. */
export function describeQuery(iris: readonly string[], base: string, graph?: string, withText = false): string {
  const text = withText ? '' : ` FILTER(?p != <${AG.text}>)`;
  return `${PREFIXES}SELECT ?s ?p ?o ${from(graph)}WHERE { ${values('s', iris)} ?s ?p ?o ${noEdges(base)}${text} }`;
}

export type Walk = 'out' | 'in' | 'both';

/**
 * One hop: the statements at the frontier (out: it is their subject; in: their object) and the entities at
 * their other end, as whole nodes. `limit` caps the rows.
 */
export function hopQuery(frontier: readonly string[], walk: Walk, base: string, limit: number, graph?: string): string {
  const v = values('e', frontier);
  const at =
    walk === 'out'
      ? `{ ?s rdf:subject ?e }`
      : walk === 'in'
        ? `{ ?s rdf:object ?e }`
        : `{ ?s rdf:subject ?e } UNION { ?s rdf:object ?e }`;
  const other =
    walk === 'out'
      ? `{ ?st rdf:subject ?e ; rdf:object ?s }`
      : walk === 'in'
        ? `{ ?st rdf:object ?e ; rdf:subject ?s }`
        : `{ ?st rdf:subject ?e ; rdf:object ?s } UNION { ?st rdf:object ?e ; rdf:subject ?s }`;
  return `${PREFIXES}SELECT DISTINCT ?s ?p ?o ${from(graph)}WHERE {
  { ${v} ${at} ?s ?p ?o }
  UNION
  { ${v} ${other} ?s ?p ?o ${noEdges(base)} }
} LIMIT ${limit}`;
}

/** The statements among a set of entities (subject in `a`, object in `b`). */
export function amongQuery(a: readonly string[], b: readonly string[], limit: number, graph?: string): string {
  // One VALUES block and a filter: two VALUES blocks make some engines join their cross product first.
  return `${PREFIXES}SELECT DISTINCT ?s ?p ?o ${from(graph)}WHERE { ${values('a', a)} ?s rdf:subject ?a ; rdf:object ?b . FILTER(?b IN (${b.map(iriRef).join(', ')})) ?s ?p ?o } LIMIT ${limit}`;
}

/** The statement IRIs of one entity in one direction, one page in IRI order (a sub-select with ORDER BY and LIMIT is not joined alike everywhere). */
export function sideQuery(
  entity: string,
  side: 'subject' | 'object',
  limit: number,
  offset: number,
  graph?: string,
): string {
  return `${PREFIXES}SELECT ?s ${from(graph)}WHERE { ?s rdf:${side} ${iriRef(entity)} } ORDER BY ?s LIMIT ${limit} OFFSET ${offset}`;
}

export function countSideQuery(entity: string, side: 'subject' | 'object', graph?: string): string {
  return `${PREFIXES}SELECT (COUNT(?s) AS ?n) ${from(graph)}WHERE { ?s rdf:${side} ${iriRef(entity)} }`;
}

/** Statements by IRI, whole. */
export function statementsQuery(iris: readonly string[], graph?: string): string {
  return `${PREFIXES}SELECT ?s ?p ?o ${from(graph)}WHERE { ${values('s', iris)} ?s ?p ?o }`;
}

export interface RelationPattern {
  subjects?: string[];
  objects?: string[];
  /** Either end. */
  entity?: string;
  predicates?: string[];
  subjectTypes?: string[];
  objectTypes?: string[];
  source?: string;
  attributedTo?: string;
}

/** Statements matching a pattern (the rest is filtered in the client), whole, at most `limit` statements. */
export function relationsQuery(q: RelationPattern, limit: number, graph?: string): string {
  const parts: string[] = ['?s a ag:Relation ; rdf:subject ?a ; rdf:predicate ?pr ; rdf:object ?b .'];
  if (q.subjects) parts.push(values('a', q.subjects));
  if (q.objects) parts.push(values('b', q.objects));
  if (q.entity) parts.push(`FILTER(?a = ${iriRef(q.entity)} || ?b = ${iriRef(q.entity)})`);
  if (q.predicates) parts.push(values('pr', q.predicates));
  if (q.subjectTypes) parts.push(`${values('ta', q.subjectTypes)} ?a a ?ta .`);
  if (q.objectTypes) parts.push(`${values('tb', q.objectTypes)} ?b a ?tb .`);
  if (q.source) parts.push(`?s prov:wasDerivedFrom ${iriRef(q.source)} .`);
  if (q.attributedTo) parts.push(`?s ag:attributedTo ${iriRef(q.attributedTo)} .`);
  return `${PREFIXES}SELECT ?s ?p ?o ${from(graph)}WHERE { { SELECT DISTINCT ?s WHERE { ${parts.join(' ')} } LIMIT ${limit} } ?s ?p ?o }`;
}

/** Entities whose label or an alias contains one of `needles` (lower case), at most `limit`. */
export function candidatesQuery(needles: readonly string[], limit: number, graph?: string): string {
  const test = needles.map((n) => `CONTAINS(LCASE(STR(?l)), ${literal(n)})`).join(' || ');
  return `${PREFIXES}SELECT DISTINCT ?s ${from(graph)}WHERE { ?s a ag:Entity . { ?s rdfs:label ?l } UNION { ?s skos:altLabel ?l } FILTER(${test}) } LIMIT ${limit}`;
}

/** Virtuoso's text index: the same candidates through bif:contains. */
export function candidatesVirtuosoQuery(word: string, limit: number, graph?: string): string {
  return `${PREFIXES}SELECT DISTINCT ?s ${from(graph)}WHERE { ?s a ag:Entity . { ?s rdfs:label ?l } UNION { ?s skos:altLabel ?l } ?l bif:contains ${literal(`"${word.replace(/[^\p{L}\p{N}]/gu, '')}*"`)} } LIMIT ${limit}`;
}

/** Entities by number of statements they are in, most first. */
export function topQuery(n: number, graph?: string): string {
  return `${PREFIXES}SELECT ?e (COUNT(?st) AS ?n) ${from(graph)}WHERE { { ?st rdf:subject ?e } UNION { ?st rdf:object ?e } } GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT ${n}`;
}

export function countsQuery(graph?: string): string {
  return `${PREFIXES}SELECT ?what ?k (COUNT(?x) AS ?n) ${from(graph)}WHERE {
  { ?x a ag:Entity ; a ?k . FILTER(?k != ag:Entity) BIND("type" AS ?what) }
  UNION { ?x a ag:Relation ; rdf:predicate ?k . BIND("predicate" AS ?what) }
  UNION { ?x a ag:Source . BIND("source" AS ?what) BIND("" AS ?k) }
  UNION { ?x a ag:Relation . FILTER NOT EXISTS { ?x ag:date ?d } BIND("undated" AS ?what) BIND("" AS ?k) }
} GROUP BY ?what ?k`;
}

/** Relations by claim status, derived as trust.ts statusOf does (hedge words matched with ASCII word bounds). */
export function statusQuery(hedges: readonly string[], graph?: string): string {
  const re = literal(`(^|[^A-Za-z0-9])(${hedges.join('|')})([^A-Za-z0-9]|$)`);
  return `${PREFIXES}SELECT ?status (COUNT(?st) AS ?n) ${from(graph)}WHERE { ?st a ag:Relation .
  OPTIONAL { ?st ag:status ?given } OPTIONAL { ?st ag:evidence ?ev } OPTIONAL { ?st ag:qualifier ?q } OPTIONAL { ?st ag:attributedTo ?by }
  BIND(IF(BOUND(?given), STR(?given), IF(!BOUND(?ev), "unsourced", IF(BOUND(?q) && REGEX(STR(?q), ${re}, "i"), "hedged", IF(BOUND(?by), "attributed", "asserted")))) AS ?status)
} GROUP BY ?status`;
}

/** Every triple, one page (stable order), for a whole export. */
export function allQuery(limit: number, offset: number, graph?: string): string {
  return `SELECT ?s ?p ?o ${from(graph)}WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT ${limit} OFFSET ${offset}`;
}

export const sourceCountQuery = (graph?: string) =>
  `${PREFIXES}SELECT (COUNT(?s) AS ?n) ${from(graph)}WHERE { ?s a ag:Source }`;
export const sourcePageQuery = (limit: number, offset: number, graph?: string) =>
  `${PREFIXES}SELECT ?s ${from(graph)}WHERE { ?s a ag:Source } ORDER BY ?s LIMIT ${limit} OFFSET ${offset}`;

export const countAllQuery = (graph?: string) => `SELECT (COUNT(*) AS ?n) ${from(graph)}WHERE { ?s ?p ?o }`;

export { T };
