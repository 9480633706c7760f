// graphology's serialised graph (`graph.export()`: { attributes, options,
// nodes: [{ key, attributes }], edges: [{ key, source, target, attributes }] }),
// as sigma apps write it, and actorgraph's own graphology export, which also
// carries the schema and sources (graph attributes) and is read back exactly.
// JSON is parsed whole here: such exports are view-sized.
import { DATASET_FORMAT } from '../model.ts';
import type { Problem } from '../problems.ts';
import { fileProblem, jsonSyntax } from '../check/problems.ts';
import { findSyntaxError, offsetToLocation } from '../json-location.ts';
import { mapEdge, mapNode, put, type RawEdge, type RawNode, type Value } from './graphology-map.ts';
import type { EdgeIn, Given, NodeIn } from './graphology-records.ts';
import { GraphFileSession } from './xml-session.ts';
import type { DatasetReader } from './reader.ts';
import { GRAPHOLOGY_FORMAT } from './formats.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const ONE = { line: 1, column: 1 };

/** Deeper nesting than this is refused: values are turned into text by recursive built-ins (String, JSON.stringify). */
export const MAX_GRAPHOLOGY_DEPTH = 256;

/** Where `[` or `{` first opens a level deeper than `max` (strings skipped), or -1. */
export function jsonTooDeep(text: string, max: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Past the string: its closing quote is the first one not escaped.
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
    } else if (c === 91 || c === 123) {
      if (++depth > max) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
}

/** Foreign attribute values as scalars: objects and lists as their JSON. */
function scalars(a: Obj, skip: ReadonlySet<string>): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [k, v] of Object.entries(a)) {
    if (skip.has(k) || v === null || v === undefined) continue;
    put(
      out,
      k,
      typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))
        ? v
        : JSON.stringify(v),
    );
  }
  return out;
}

/** A node of actorgraph's own export, field for field. */
function ownNode(key: string, a: Obj): NodeIn {
  const n: NodeIn = { id: key, label: String(a.label ?? key), typeId: String(a.entityType) };
  if (Array.isArray(a.aliases)) n.aliases = a.aliases as string[];
  if (typeof a.description === 'string') n.description = a.description;
  if (typeof a.date === 'string') n.date = a.date;
  if (isObj(a.attributes)) n.attributes = a.attributes as NodeIn['attributes'];
  if (a.positioned === true && typeof a.x === 'number' && typeof a.y === 'number') n.position = { x: a.x, y: a.y };
  return n;
}

function ownEdge(source: string, target: string, a: Obj): EdgeIn {
  const e: EdgeIn = { subject: source, object: target, predicateId: String(a.predicate), sourceId: String(a.sourceId) };
  if (typeof a.evidence === 'string') e.evidence = a.evidence;
  const rest: NonNullable<EdgeIn['rest']> = {};
  if (a.idGiven === true && typeof a.tripleId === 'string') rest.id = a.tripleId;
  for (const f of ['date', 'confidence', 'attributedTo', 'qualifier', 'status', 'credibility', 'attributes'] as const) {
    if (a[f] !== undefined) (rest as Obj)[f] = a[f];
  }
  if (Object.keys(rest).length) e.rest = rest;
  return e;
}

export function readGraphologyJson(text: string, file: string, session: GraphFileSession): Problem | undefined {
  let g: unknown;
  try {
    g = JSON.parse(text);
  } catch (e) {
    const err = findSyntaxError(text);
    return jsonSyntax(
      file,
      err?.message ?? (e as Error).message,
      err?.hint ?? 'fix the JSON at that place',
      err ? { line: err.line, column: err.column } : ONE,
    );
  }
  const deep = jsonTooDeep(text, MAX_GRAPHOLOGY_DEPTH);
  if (deep >= 0)
    return fileProblem(
      'json-too-deep',
      file,
      `values are nested more than ${MAX_GRAPHOLOGY_DEPTH} levels deep here`,
      'a graphology export nests a few levels; give attributes as plain values',
      offsetToLocation(text, deep),
    );
  if (!isObj(g) || !Array.isArray(g.nodes)) {
    return fileProblem(
      'not-graphology',
      file,
      'not a graphology graph: expected an object with a "nodes" array (and "edges")',
      'give a file written by graph.export() or `actorgraph export --format graphology`',
      ONE,
    );
  }
  const ga = isObj(g.attributes) ? g.attributes : {};
  const edges = Array.isArray(g.edges) ? g.edges : [];
  // Earlier actorgraph exports: its node and edge attributes, without schema or sources (those are made of the source ids).
  const earlier =
    ga['ag:format'] === undefined &&
    edges.length > 0 &&
    edges.every(
      (e) =>
        isObj(e) &&
        isObj(e.attributes) &&
        typeof e.attributes.predicate === 'string' &&
        typeof e.attributes.sourceId === 'string',
    ) &&
    (g.nodes as unknown[]).every((n) => isObj(n) && isObj(n.attributes) && typeof n.attributes.entityType === 'string');
  const own = ga['ag:format'] === DATASET_FORMAT || earlier;
  let given: Given | undefined;
  if (earlier) {
    const ids = [...new Set(edges.map((e) => String(((e as Obj).attributes as Obj).sourceId)))];
    given = { sources: ids.map((id) => ({ id, title: id })) };
  } else if (own) {
    given = {};
    if (typeof ga.title === 'string') given.title = ga.title;
    if (isObj(ga.schema)) given.schema = ga.schema as unknown as Given['schema'];
    if (Array.isArray(ga.sources)) given.sources = ga.sources as Given['sources'];
  } else if (typeof ga.title === 'string' || typeof ga.name === 'string')
    given = { title: String(ga.title ?? ga.name) };
  session.begin(given, own);
  // No line numbers in a parsed object: a record is located by its path (nodes[3]), at the file's start.
  for (const [i, n] of (g.nodes as unknown[]).entries()) {
    if (!isObj(n) || (typeof n.key !== 'string' && typeof n.key !== 'number'))
      return fileProblem('not-graphology', file, `nodes[${i}] has no "key"`, 'give every node a "key"', ONE);
    const a = isObj(n.attributes) ? n.attributes : {};
    const key = String(n.key);
    let node: NodeIn;
    if (own) node = ownNode(key, a);
    else {
      const raw: RawNode = { id: key, attrs: scalars(a, new Set(['x', 'y'])) };
      if (typeof a.x === 'number' && typeof a.y === 'number') {
        raw.x = a.x;
        raw.y = a.y;
      }
      node = mapNode(raw, false);
    }
    const problem = session.node(node, ONE);
    if (problem) return problem;
  }
  for (const [i, ed] of edges.entries()) {
    if (!isObj(ed) || ed.source === undefined || ed.target === undefined)
      return fileProblem(
        'not-graphology',
        file,
        `edges[${i}] lacks "source" or "target"`,
        'give every edge the keys of its two nodes',
        ONE,
      );
    const a = isObj(ed.attributes) ? ed.attributes : {};
    if (own) session.edge(ownEdge(String(ed.source), String(ed.target), a), ONE);
    else {
      const raw: RawEdge = {
        source: String(ed.source),
        target: String(ed.target),
        attrs: scalars(a, new Set(['color', 'size'])),
      };
      session.edge(mapEdge(raw, false), ONE);
    }
  }
  return undefined;
}

export const graphologyJsonReader: DatasetReader = {
  ...GRAPHOLOGY_FORMAT,
  open: (opts) => new GraphFileSession(opts, readGraphologyJson),
};
