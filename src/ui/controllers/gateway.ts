// The one place the UI asks the data (the Explorer behind a LoadedData) for
// anything: preparing a view, queries, label look-ups and export. Changing how
// the data is reached (signals, capabilities, another transport) is a change here.
import type { MultiDirectedGraph } from 'graphology';
import type {
  Dataset,
  Entity,
  EntityDetails,
  NeighbourhoodQuery,
  NeighbourhoodResult,
  PathQuery,
  PathResult,
  RelationsQuery,
  RelationsResult,
  SearchHit,
  Source,
  Stats,
} from '../../core/model.ts';
import type { Additions, CallOptions, Capabilities, ExportOptions, SaveResult } from '../../core/explorer.ts';
import { ExplorerError } from '../../core/errors.ts';
import type { GraphColumns } from '../data/columns.ts';
import { indexSchema, type SchemaIndex } from '../../core/schema.ts';
import type { LoadedData } from '../data/load.ts';
import { prepareGraph } from '../graph/build.ts';
import { addToView, canShowWhole, LARGE_DATASET_ENTITIES, START_ENTITIES } from '../graph/view.ts';
import { buildWholeGraph } from '../graph/whole.ts';

/** Loaded data and what of it is drawn. Never changed once made, except `graph`, which sigma draws and large views grow. */
export interface Loaded {
  data: LoadedData;
  schema: SchemaIndex;
  stats: Stats;
  /** What the data's Explorer can do (asked once, before columns or a merge). */
  caps: Capabilities;
  graph: MultiDirectedGraph;
  /** The entities known when the view was made (drawn ones); more are looked up as needed. */
  labels: ReadonlyMap<string, Entity>;
  sources: ReadonlyMap<string, Source>;
  /** Not every entity is drawn (large data). */
  partial: boolean;
  /** The positions are only a placement: ForceAtlas2 should run (in its worker) once drawn. */
  needsLayout: boolean;
}

/** Everything drawn, from the worker's compact columns; undefined if `live()` turned false meanwhile. */
export async function prepareWhole(
  data: LoadedData,
  schema: SchemaIndex,
  stats: Stats,
  caps: Capabilities,
  live: () => boolean = () => true,
  asked?: Promise<GraphColumns>,
): Promise<Loaded | undefined> {
  if (!data.explorer.columns || !caps.columns)
    throw new ExplorerError({
      code: 'not-supported',
      message: 'this data cannot give the whole graph at once',
      hint: 'expand the view from search and queries instead',
    });
  // Marks read by the benchmarks: where the time to a whole view goes.
  performance.mark('actorgraph:columns-asked');
  const cols = await (asked ?? data.explorer.columns());
  performance.mark('actorgraph:columns');
  if (!live()) return undefined;
  const built = await buildWholeGraph(cols, schema, live);
  performance.mark('actorgraph:graph-built');
  if (!built) return undefined;
  const labels = new Map(cols.entities.map((e) => [e.id, e]));
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  return {
    data,
    schema,
    stats,
    caps,
    graph: built.graph,
    labels,
    sources,
    partial: false,
    needsLayout: built.needsWorkerLayout,
  };
}

/** The first view of `data`: all of it when small (or `whole` and drawable), else its most connected entities. */
export async function prepare(data: LoadedData, opts: { whole?: boolean } = {}): Promise<Loaded> {
  const ex = data.explorer;
  // Drawing it whole was asked for: the columns are asked for in the same round trip (and dropped if not drawable).
  const cols = opts.whole && ex.columns ? ex.columns().catch(() => undefined) : undefined;
  const [schemaRaw, stats, caps] = await Promise.all([ex.schema(), ex.stats(), ex.capabilities()]);
  const schema = indexSchema(schemaRaw);
  const partial = stats.entities > LARGE_DATASET_ENTITIES;
  if (partial && opts.whole && canDrawAll(caps, stats)) {
    const asked = cols?.then((c) => c ?? ex.columns!());
    return (await prepareWhole(data, schema, stats, caps, undefined, asked))!;
  }
  const start = await ex.topEntities(partial ? START_ENTITIES : stats.entities);
  const sub = await ex.subgraph(start.map((e) => e.id));
  const { graph, needsWorkerLayout } = prepareGraph(sub, schema);
  const labels = new Map(sub.entities.map((e) => [e.id, e]));
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  return { data, schema, stats, caps, graph, labels, sources, partial, needsLayout: needsWorkerLayout };
}

/** The whole graph can be drawn: the data gives it at once, and it is not too large. */
export const canDrawAll = (caps: Capabilities, stats: Stats): boolean =>
  caps.columns && canShowWhole(stats.entities, stats.triples);

/** The data on screen can take another file merged into it. */
export const canMerge = (view: Loaded): boolean => view.caps.shareCurrent && !!view.data.explorer.shareCurrent;

/** The data is kept in a store that takes new items (Explorer.save). */
export const canSave = (view: Loaded): boolean => view.caps.write && !!view.data.explorer.save;

/** Adds the workspace's new items to the store the data comes from. */
export function saveToStore(view: Loaded, additions: Additions, o?: CallOptions): Promise<SaveResult> {
  const ex = view.data.explorer;
  if (!ex.save || !view.caps.write)
    return Promise.reject(new ExplorerError({ code: 'not-supported', message: 'this data is not kept in a store' }));
  return ex.save(additions, o);
}

/** The entities of `ids` the data has (one call, however many). */
export async function lookupEntities(view: Loaded, ids: string[], o?: CallOptions): Promise<Entity[]> {
  if (!ids.length) return [];
  return (await view.data.explorer.subgraph(ids, o)).entities;
}

/** Draws `ids` not drawn yet, with their links to what is; the new ids and every entity seen on the way. */
export function growView(
  view: Loaded,
  ids: string[],
  near?: string,
  signal?: AbortSignal,
): Promise<{ added: string[]; entities: Entity[] }> {
  return addToView(view.graph, (all) => view.data.explorer.subgraph(all, { signal }), view.schema, ids, near);
}

/** Entity search for the search boxes: the best ten. */
export const searchEntities = (view: Loaded, text: string, o?: CallOptions): Promise<SearchHit[]> =>
  view.data.explorer.search(text, { limit: 10, ...o });
export const queryDetails = (view: Loaded, id: string, o?: CallOptions): Promise<EntityDetails | undefined> =>
  view.data.explorer.details(id, o);
export const queryNeighbourhood = (
  view: Loaded,
  q: NeighbourhoodQuery,
  o?: CallOptions,
): Promise<NeighbourhoodResult> => view.data.explorer.neighbourhood(q, o);
export const queryPaths = (view: Loaded, q: PathQuery, o?: CallOptions): Promise<PathResult> =>
  view.data.explorer.paths(q, o);
export const querySourceText = async (view: Loaded, id: string, o?: CallOptions): Promise<string | undefined> =>
  (await view.data.explorer.source(id, o))?.text;
export const exportDataset = (view: Loaded, opts: ExportOptions, o?: CallOptions): Promise<Dataset> =>
  view.data.explorer.exportDataset(opts, o);
/** Relations by pattern across the data: one page (sorted, filtered) and the total. */
export const queryRelations = (view: Loaded, q: RelationsQuery, o?: CallOptions): Promise<RelationsResult> =>
  view.data.explorer.relations(q, o);

export { errorText, isAborted } from '../data/error-text.ts';
