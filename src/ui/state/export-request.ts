// What an export of the current view holds.
import type { NeighbourhoodResult, PathResult } from '../../core/model.ts';
import type { ExportOptions } from '../../core/explorer.ts';
import type { Loaded } from '../controllers/gateway.ts';
import type { UrlState } from './url-state.ts';
import { formatCount } from '../../core/format.ts';

export type ExportKind = 'path' | 'neighbourhood' | 'entity' | 'graph';

/** What to export for this state: what the view shows, never more — the chosen paths, the neighbourhood or the entity's relations, or the drawn graph — without hidden types. `nothing`: why there is nothing to export. */
export function exportRequest(
  view: Loaded,
  url: UrlState,
  labelOf: (id: string) => string,
  nb?: NeighbourhoodResult,
  paths?: PathResult,
): { kind: ExportKind; opts: ExportOptions; nothing?: string } {
  const hidden = new Set(url.hiddenTypes);
  const typeOf = (id: string) =>
    view.graph.hasNode(id) ? (view.graph.getNodeAttribute(id, 'entityType') as string) : undefined;
  const shown = (id: string) => {
    const t = typeOf(id);
    return t === undefined || !hidden.has(t);
  };
  if (url.view === 'path' && url.from && url.to) {
    const title = `Paths from ${labelOf(url.from)} to ${labelOf(url.to)}`;
    // A search with no answer (yet) exports nothing rather than the whole graph.
    if (!paths?.paths.length)
      return { kind: 'path', opts: { entities: [], title }, nothing: `${title}: no path found, nothing to export.` };
    const triples = [...new Set(paths.paths.flatMap((p) => p.steps.map((s) => s.triple.id!)))];
    return { kind: 'path', opts: { entities: [...new Set(paths.paths.flatMap((p) => p.nodes))], triples, title } };
  }
  if (url.view === 'neighbourhood' && nb && url.entity) {
    const title = `Neighbourhood of ${labelOf(url.entity)}, depth ${url.depth}`;
    const keep = new Set(nb.entities.filter((e) => !hidden.has(e.type)).map((e) => e.id));
    const entities = [...keep];
    const triples = (
      hidden.size ? nb.triples.filter((t) => keep.has(t.subject) && keep.has(t.object)) : nb.triples
    ).map((t) => t.id!);
    return { kind: 'neighbourhood', opts: triples.length ? { entities, triples, title } : { entities, title } };
  }
  if (url.entity) {
    const title = `${labelOf(url.entity)} and its relations`;
    const g = view.graph,
      id = url.entity;
    if (!hidden.size || !g.hasNode(id))
      return { kind: 'entity', opts: { entities: [id], includeNeighbours: true, title } };
    // Types hidden: its relations as drawn, to entities of types shown.
    const triples = g.edges(id).filter((e) => shown(g.source(e)) && shown(g.target(e)));
    return { kind: 'entity', opts: triples.length ? { triples, title } : { entities: [id], title } };
  }
  const ids = view.graph.filterNodes((_, a) => !hidden.has(a.entityType as string));
  const base = view.data.title ?? 'actorgraph export';
  // A partial view says what part it is, not the whole dataset's name alone.
  const title = view.partial
    ? `${base} (the ${formatCount(ids.length)} entities drawn, of ${formatCount(view.stats.entities)})`
    : base;
  return { kind: 'graph', opts: { entities: ids, title } };
}
