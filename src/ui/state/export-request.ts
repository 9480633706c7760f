// What an export of the current view holds.
import type { NeighbourhoodResult, PathResult } from '../../core/model.ts';
import type { ExportOptions } from '../../core/explorer.ts';
import type { Loaded } from '../controllers/gateway.ts';
import type { UrlState } from './url-state.ts';

export type ExportKind = 'path' | 'neighbourhood' | 'entity' | 'graph';

/** What to export for this state: the path results, the neighbourhood, the entity with its relations, or the drawn graph without hidden types. */
export function exportRequest(view: Loaded, url: UrlState, labelOf: (id: string) => string, nb?: NeighbourhoodResult, paths?: PathResult): { kind: ExportKind; opts: ExportOptions } {
  if (url.view === 'path' && paths?.paths.length) {
    const triples = [...new Set(paths.paths.flatMap((p) => p.steps.map((s) => s.triple.id!)))];
    return { kind: 'path', opts: { entities: [...new Set(paths.paths.flatMap((p) => p.nodes))], triples, title: `Paths from ${labelOf(url.from!)} to ${labelOf(url.to!)}` } };
  }
  if (url.view === 'neighbourhood' && nb && url.entity) {
    const title = `Neighbourhood of ${labelOf(url.entity)}, depth ${url.depth}`;
    const entities = nb.entities.map((e) => e.id);
    return { kind: 'neighbourhood', opts: nb.triples.length ? { entities, triples: nb.triples.map((t) => t.id!), title } : { entities, title } };
  }
  if (url.entity) return { kind: 'entity', opts: { entities: [url.entity], includeNeighbours: true, title: `${labelOf(url.entity)} and its relations` } };
  const hidden = new Set(url.hiddenTypes);
  const ids = view.graph.filterNodes((_, a) => !hidden.has(a.entityType as string));
  return { kind: 'graph', opts: { entities: ids, title: view.data.title ?? 'actorgraph export' } };
}
