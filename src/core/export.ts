// Exports: a standalone dataset (the schema items and sources it uses,
// source text inlined), graphology's serialised format, and merging two
// datasets with conflicts reported.
import { joinNames } from './merge-origin.ts';
import type { SerializedGraph } from 'graphology-types';
import type { ExportOptions } from './explorer.ts';
import {
  DATASET_FORMAT,
  DATASET_VERSION,
  type Attributes,
  type ClaimStatus,
  type Credibility,
  type Dataset,
  type Entity,
  type EntityType,
  type Predicate,
  type Schema,
  type Source,
  type Subgraph,
  type Triple,
} from './model.ts';
import type { Problem } from './problems.ts';
import { ExplorerError } from './errors.ts';
import type { SchemaIndex } from './schema.ts';
import { deriveTripleId, tripleIds, type TripleStore } from './store.ts';
import { initialPosition, nodeSize, typeColor, EDGE_COLOR } from './drawing.ts';

// ---- standalone dataset ------------------------------------------------

function unknownError(kind: string, ids: string[], hint: string): Error {
  const shown = ids
    .slice(0, 5)
    .map((x) => `'${x}'`)
    .join(', ');
  const message = `export: unknown ${kind}${ids.length > 1 ? 's' : ''} ${shown}${ids.length > 5 ? ` and ${ids.length - 5} more` : ''}; ${hint}`;
  return new ExplorerError({ code: kind === 'entity' ? 'unknown-entity' : 'bad-request', message, hint });
}

/** The schema items a set of entity types and predicates needs: types with their ancestors, and the types predicates name. */
export function schemaSubset(schema: SchemaIndex, typeIds: Iterable<string>, predicateIds: Iterable<string>): Schema {
  const predicates = new Set(predicateIds);
  const wanted = new Set<string>();
  const addType = (id: string) => {
    for (
      let cur: string | undefined = id, i = 0;
      cur !== undefined && !wanted.has(cur) && i <= schema.types.size;
      i++
    ) {
      if (!schema.types.has(cur)) break;
      wanted.add(cur);
      cur = schema.types.get(cur)!.parent;
    }
  };
  for (const t of typeIds) addType(t);
  for (const p of predicates) {
    const def = schema.predicates.get(p);
    if (def) for (const t of [...def.domain, ...def.range]) addType(t);
  }
  // Schema order is kept so that exports diff well against their origin.
  return {
    entityTypes: schema.schema.entityTypes.filter((t) => wanted.has(t.id)),
    predicates: schema.schema.predicates.filter((p) => predicates.has(p.id)),
  };
}

export function exportDataset(store: TripleStore, opts: ExportOptions): Dataset {
  const entitySet = new Set<number>();
  const tripleSet = new Set<number>();
  if (opts.triples) {
    const unknown: string[] = [];
    for (const id of opts.triples) {
      const t = store.tripleIndexOf(id);
      if (t < 0) {
        unknown.push(id);
        continue;
      }
      tripleSet.add(t);
      entitySet.add(store.subjectOf(t));
      entitySet.add(store.objectOf(t));
    }
    if (unknown.length) throw unknownError('triple id', unknown, 'use ids as shown by `show` or given in the dataset');
  } else {
    const unknown: string[] = [];
    const chosen: number[] = [];
    for (const id of opts.entities ?? []) {
      const i = store.indexOf(id);
      if (i < 0) unknown.push(id);
      else {
        chosen.push(i);
        entitySet.add(i);
      }
    }
    if (unknown.length)
      throw unknownError('entity', unknown, 'use entity ids of the dataset (search for them by name)');
    const core = new Set(entitySet);
    if (opts.includeTriples !== false) {
      for (const i of chosen) {
        for (const t of store.outTriples(i)) if (core.has(store.objectOf(t))) tripleSet.add(t);
      }
    }
    if (opts.includeNeighbours) {
      for (const i of chosen) {
        for (const t of store.outTriples(i)) {
          tripleSet.add(t);
          entitySet.add(store.objectOf(t));
        }
        for (const t of store.inTriples(i)) {
          tripleSet.add(t);
          entitySet.add(store.subjectOf(t));
        }
      }
    }
  }

  const entities = [...entitySet].sort((a, b) => a - b).map((i) => store.entityAt(i));
  const order = [...tripleSet].sort((a, b) => a - b);
  // Write an id-less triple without id only when loading the export derives the same id again.
  // Ordinals count the triples written id-less (as the loader counts them), per subject, predicate and object.
  const ordinals = new Map<string, number>();
  const triples: Triple[] = order.map((t) => {
    const triple = store.tripleAt(t);
    if (store.hasGivenId(t)) return triple;
    const key = `${triple.subject}\u0000${triple.predicate}\u0000${triple.object}`;
    const n = (ordinals.get(key) ?? 0) + 1;
    if (deriveTripleId(triple, n) === triple.id) {
      delete triple.id;
      ordinals.set(key, n);
    }
    return triple;
  });

  const usedSources = new Set(triples.map((t) => t.source));
  const sources = store.sources
    .filter((s) => usedSources.has(s.id))
    .map((s) => standaloneSource(s, store.sourceText(s.id)));
  const attributed = new Set(triples.map((t) => t.attributedTo).filter((x): x is string => x !== undefined));
  // An attributedTo entity outside the export would dangle: bring it along.
  for (const id of attributed) {
    if (!entities.some((e) => e.id === id)) {
      const e = store.entity(id);
      if (e) entities.push(e);
    }
  }
  const schema = schemaSubset(
    store.schema,
    entities.map((e) => e.type),
    triples.map((t) => t.predicate),
  );
  const ds: Dataset = { format: DATASET_FORMAT, version: DATASET_VERSION, schema, sources, entities, triples };
  const title = opts.title ?? store.title;
  if (title !== undefined) ds.title = title;
  return ds;
}

function standaloneSource(s: Source, text: string | undefined): Source {
  const out: Source = { ...s };
  delete out.path;
  if (text !== undefined) out.text = text;
  return out;
}

// ---- graphology serialised format ---------------------------------------

export interface ExportNodeAttributes {
  label: string;
  entityType: string;
  aliases?: string[];
  description?: string;
  date?: string;
  /** The entity's extra values, as in the dataset. */
  attributes?: Attributes;
  color: string;
  size: number;
  /** The entity's own position when it has one (then `positionGiven`), else a starting layout. */
  x: number;
  y: number;
  positionGiven?: true;
}

export interface ExportEdgeAttributes {
  /** The triple's own id, or absent when the triple had none (the edge key is then the derived id). */
  tripleId: string;
  idGiven: boolean;
  predicate: string;
  /** Predicate label, for display. */
  label: string;
  /** Source id (named so as not to be confused with the edge's source node). */
  sourceId: string;
  evidence?: string;
  status?: ClaimStatus;
  credibility?: Credibility;
  date?: string;
  confidence?: number;
  attributedTo?: string;
  qualifier?: string;
  attributes?: Attributes;
  color: string;
}

/**
 * graphology's `graph.export()` format. Entity fields go in node attributes
 * (`type` as `entityType`: sigma reads `type` as its render program), triple
 * fields in edge attributes (`source` as `sourceId`); the edge key is the triple id.
 */
export function toGraphologyExport(
  sub: Subgraph,
  schema: SchemaIndex,
): SerializedGraph<ExportNodeAttributes, ExportEdgeAttributes> {
  const degree = new Map<string, number>();
  for (const t of sub.triples) {
    degree.set(t.subject, (degree.get(t.subject) ?? 0) + 1);
    degree.set(t.object, (degree.get(t.object) ?? 0) + 1);
  }
  const ids = tripleIds(sub.triples);
  const nodes = sub.entities.map((e) => {
    const attributes: ExportNodeAttributes = {
      label: e.label,
      entityType: e.type,
      color: typeColor(schema, e.type),
      size: nodeSize(degree.get(e.id) ?? 0),
      ...(e.position ? { x: e.position.x, y: e.position.y, positionGiven: true as const } : initialPosition(e.id)),
    };
    if (e.aliases !== undefined) attributes.aliases = e.aliases;
    if (e.attributes !== undefined) attributes.attributes = e.attributes;
    if (e.description !== undefined) attributes.description = e.description;
    if (e.date !== undefined) attributes.date = e.date;
    return { key: e.id, attributes };
  });
  const edges = sub.triples.map((t, i) => {
    const attributes: ExportEdgeAttributes = {
      tripleId: ids[i]!,
      idGiven: t.id !== undefined,
      predicate: t.predicate,
      label: schema.predicates.get(t.predicate)?.label ?? t.predicate,
      sourceId: t.source,
      color: EDGE_COLOR,
    };
    if (t.evidence !== undefined) attributes.evidence = t.evidence;
    if (t.status !== undefined) attributes.status = t.status;
    if (t.credibility !== undefined) attributes.credibility = t.credibility;
    if (t.date !== undefined) attributes.date = t.date;
    if (t.confidence !== undefined) attributes.confidence = t.confidence;
    if (t.attributedTo !== undefined) attributes.attributedTo = t.attributedTo;
    if (t.qualifier !== undefined) attributes.qualifier = t.qualifier;
    if (t.attributes !== undefined) attributes.attributes = t.attributes;
    return { key: ids[i]!, source: t.subject, target: t.object, attributes };
  });
  return {
    attributes: {},
    options: { type: 'directed', multi: true, allowSelfLoops: true },
    nodes,
    edges,
  };
}

/** Reads back what `toGraphologyExport` wrote (or a graph.export() with the same attributes). */
export function fromGraphologyExport(json: unknown): Subgraph {
  const g = json as Partial<SerializedGraph>;
  if (!g || typeof g !== 'object' || !Array.isArray(g.nodes) || !Array.isArray(g.edges)) {
    throw new Error(
      'not a graphology export: expected an object with "nodes" and "edges" arrays, as written by graph.export() or `actorgraph export --format graphology`',
    );
  }
  const entities: Entity[] = g.nodes.map((n, i) => {
    const a = (n.attributes ?? {}) as Partial<ExportNodeAttributes> & { type?: string };
    const type = a.entityType ?? a.type;
    if (typeof n.key !== 'string' || typeof type !== 'string') {
      throw new Error(`graphology export: nodes[${i}] needs a string "key" and an "entityType" attribute`);
    }
    const e: Entity = { id: n.key, label: a.label ?? n.key, type };
    if (a.aliases !== undefined) e.aliases = a.aliases;
    if (a.description !== undefined) e.description = a.description;
    if (a.date !== undefined) e.date = a.date;
    if (a.attributes !== undefined) e.attributes = a.attributes;
    if (a.positionGiven && typeof a.x === 'number' && typeof a.y === 'number') e.position = { x: a.x, y: a.y };
    return e;
  });
  const triples: Triple[] = g.edges.map((ed, i) => {
    const a = (ed.attributes ?? {}) as Partial<ExportEdgeAttributes>;
    if (
      typeof a.predicate !== 'string' ||
      typeof a.sourceId !== 'string' ||
      (a.evidence !== undefined && typeof a.evidence !== 'string')
    ) {
      throw new Error(
        `graphology export: edges[${i}] needs "predicate" and "sourceId" attributes (and "evidence", when present, as a string)`,
      );
    }
    const t: Triple = { subject: ed.source, predicate: a.predicate, object: ed.target, source: a.sourceId };
    if (a.evidence !== undefined) t.evidence = a.evidence;
    if (a.status !== undefined) t.status = a.status;
    if (a.credibility !== undefined) t.credibility = a.credibility;
    const id = a.tripleId ?? ed.key;
    if (id !== undefined && a.idGiven !== false) t.id = id;
    if (a.date !== undefined) t.date = a.date;
    if (a.confidence !== undefined) t.confidence = a.confidence;
    if (a.attributedTo !== undefined) t.attributedTo = a.attributedTo;
    if (a.qualifier !== undefined) t.qualifier = a.qualifier;
    if (a.attributes !== undefined) t.attributes = a.attributes;
    return t;
  });
  return { entities, triples };
}

// ---- merging -----------------------------------------------------------

export interface MergeOptions {
  /** File names used in problems. */
  files?: { a: string; b: string };
  /** Schema of a dataset that embeds none, when the other does. */
  defaultSchema?: Schema;
}

const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
const sortedKeys = (o: object) => JSON.stringify(o, Object.keys(o).sort());

/**
 * The union of two datasets by id. On a conflict (same id, different
 * content) the first dataset's item is kept and a problem says where.
 */
export function mergeDatasets(
  a: Dataset,
  b: Dataset,
  opts: MergeOptions = {},
): { dataset: Dataset; problems: Problem[] } {
  const fileA = opts.files?.a ?? 'first dataset';
  const fileB = opts.files?.b ?? 'second dataset';
  const problems: Problem[] = [];
  const conflict = (code: string, path: string, message: string, hint: string) =>
    problems.push({
      severity: 'error',
      code,
      file: fileB,
      path,
      message: `${message} (${fileA} and ${fileB} disagree; the first is kept)`,
      hint,
    });

  // Entities: first wins; aliases unioned; missing optional fields filled from b.
  const entities: Entity[] = a.entities.map((e) => ({ ...e }));
  const byId = new Map(entities.map((e) => [e.id, e]));
  b.entities.forEach((e, i) => {
    const prev = byId.get(e.id);
    if (!prev) {
      const copy = { ...e };
      entities.push(copy);
      byId.set(e.id, copy);
      return;
    }
    if (prev.type !== e.type)
      conflict(
        'merge-conflict',
        `entities[${i}].type`,
        `entity '${e.id}' is a ${prev.type} in one dataset and a ${e.type} in the other`,
        'give one of them another id, or make both agree on the type',
      );
    if (prev.label !== e.label)
      conflict(
        'merge-conflict',
        `entities[${i}].label`,
        `entity '${e.id}' is labelled '${prev.label}' in one dataset and '${e.label}' in the other`,
        'make both agree on the label; keep the other name as an alias',
      );
    // The first's aliases stay as they are; only names new to it are added.
    const names = new Set([prev.label, ...(prev.aliases ?? [])]);
    const added: string[] = [];
    for (const x of [...(e.aliases ?? []), ...(prev.label !== e.label ? [e.label] : [])]) {
      if (!names.has(x)) {
        names.add(x);
        added.push(x);
      }
    }
    if (added.length) prev.aliases = [...(prev.aliases ?? []), ...added];
    if (prev.description === undefined && e.description !== undefined) prev.description = e.description;
    if (prev.date === undefined && e.date !== undefined) prev.date = e.date;
  });

  // Triples: by given id; an id-less one of b matches one identical id-less triple of a, copy for copy, so repeats
  // within a dataset (legal: they get derived ids #2, #3 …) survive a merge.
  const triples: Triple[] = [...a.triples];
  const tripleById = new Map<string, Triple>();
  const contents = new Map<string, number>();
  for (const t of a.triples) {
    if (t.id !== undefined) tripleById.set(t.id, t);
    else {
      const key = sortedKeys(t);
      contents.set(key, (contents.get(key) ?? 0) + 1);
    }
  }
  b.triples.forEach((t, i) => {
    if (t.id !== undefined) {
      const prev = tripleById.get(t.id);
      if (!prev) {
        tripleById.set(t.id, t);
        triples.push(t);
        return;
      }
      if (sortedKeys(prev) !== sortedKeys(t))
        conflict(
          'merge-conflict',
          `triples[${i}]`,
          `triple '${t.id}' differs between the datasets`,
          'give one of them another id, or make both the same',
        );
      return;
    }
    const key = sortedKeys(t);
    const left = contents.get(key) ?? 0;
    if (left > 0) {
      contents.set(key, left - 1);
      return;
    }
    triples.push(t);
  });

  // Sources.
  const sources: Source[] = [...a.sources];
  const sourceById = new Map(a.sources.map((s) => [s.id, s]));
  b.sources.forEach((s, i) => {
    const prev = sourceById.get(s.id);
    if (!prev) {
      sourceById.set(s.id, s);
      sources.push(s);
      return;
    }
    for (const f of ['title', 'url', 'published', 'publisher'] as const) {
      if (prev[f] !== undefined && s[f] !== undefined && prev[f] !== s[f]) {
        conflict(
          'merge-conflict',
          `sources[${i}].${f}`,
          `source '${s.id}' has ${f} '${prev[f]}' in one dataset and '${s[f]}' in the other`,
          'make both agree, or give one source another id',
        );
      }
    }
  });

  const dataset: Dataset = { format: DATASET_FORMAT, version: DATASET_VERSION, sources, entities, triples };
  const title = joinNames(a.title, b.title);
  if (title !== undefined) dataset.title = title;
  const sa = a.schema ?? (b.schema ? opts.defaultSchema : undefined);
  const sb = b.schema ?? (a.schema ? opts.defaultSchema : undefined);
  if (sa || sb) {
    if (!sa || !sb) {
      problems.push({
        severity: 'warning',
        code: 'merge-schema',
        file: sa ? fileB : fileA,
        path: 'schema',
        message: 'one dataset embeds a schema and the other relies on the default schema, which was not given',
        hint: 'pass the default schema to merge, or embed the schema in both datasets',
      });
    }
    dataset.schema = mergeSchemas(sa, sb, conflict);
  }
  return { dataset, problems };
}

function mergeSchemas(
  a: Schema | undefined,
  b: Schema | undefined,
  conflict: (code: string, path: string, message: string, hint: string) => void,
): Schema {
  const entityTypes: EntityType[] = [...(a?.entityTypes ?? [])];
  const types = new Map(entityTypes.map((t) => [t.id, t]));
  (b?.entityTypes ?? []).forEach((t, i) => {
    const prev = types.get(t.id);
    if (!prev) {
      types.set(t.id, t);
      entityTypes.push(t);
      return;
    }
    if (prev.parent !== t.parent || prev.label !== t.label) {
      conflict(
        'schema-conflict',
        `schema.entityTypes[${i}]`,
        `entity type '${t.id}' is defined differently (label or parent)`,
        'make both schemas define the type alike',
      );
    }
  });
  const predicates: Predicate[] = [...(a?.predicates ?? [])];
  const preds = new Map(predicates.map((p) => [p.id, p]));
  (b?.predicates ?? []).forEach((p, i) => {
    const prev = preds.get(p.id);
    if (!prev) {
      preds.set(p.id, p);
      predicates.push(p);
      return;
    }
    if (
      prev.label !== p.label ||
      prev.inverseLabel !== p.inverseLabel ||
      !same([...prev.domain].sort(), [...p.domain].sort()) ||
      !same([...prev.range].sort(), [...p.range].sort())
    ) {
      conflict(
        'schema-conflict',
        `schema.predicates[${i}]`,
        `predicate '${p.id}' is defined differently (labels, domain or range)`,
        'make both schemas define the predicate alike',
      );
    }
  });
  return { entityTypes, predicates };
}
