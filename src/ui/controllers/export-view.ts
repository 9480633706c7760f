// Export: what the current view holds, as a dataset or graphology JSON download.
import type { Entity, NeighbourhoodResult, PathResult } from '../../core/model.ts';
import { toGraphologyExport } from '../../core/export.ts';
import { download, exportFileName, type ExportFormat } from '../state/app-state.ts';
import type { UrlState } from '../state/url-state.ts';
import { exportRequest } from '../state/export-request.ts';
import { exportDataset, queryRelations, type Loaded } from './gateway.ts';
import type { RelationsQuery } from '../../core/model.ts';

export async function exportView(view: Loaded, url: UrlState, labels: ReadonlyMap<string, Entity>, format: ExportFormat, nb?: NeighbourhoodResult, paths?: PathResult): Promise<void> {
  const labelOf = (id: string) => labels.get(id)?.label ?? id;
  const { kind, opts } = exportRequest(view, url, labelOf, nb, paths);
  const ds = await exportDataset(view, opts);
  const text = format === 'dataset'
    ? JSON.stringify(ds, null, 2)
    : JSON.stringify(toGraphologyExport({ entities: ds.entities, triples: ds.triples }, view.schema), null, 2);
  download(exportFileName(url, labelOf, format, kind), `${text}\n`);
}

/** Most relations the table exports: the Explorer pages them, 10,000 at a time. */
export const RELATIONS_EXPORT_MAX = 100_000;
const RELATIONS_EXPORT_PAGE = 10_000;

/** Every relation the table lists (all its pages), with their entities, through the same export as any view. */
export async function exportRelations(view: Loaded, q: RelationsQuery, format: ExportFormat, total: number): Promise<string | undefined> {
  if (total > RELATIONS_EXPORT_MAX) return `${total.toLocaleString('en-US')} relations match: narrow the filters to at most ${RELATIONS_EXPORT_MAX.toLocaleString('en-US')} to export them.`;
  const ids: string[] = [];
  for (let offset = 0; offset < total; offset += RELATIONS_EXPORT_PAGE) {
    const r = await queryRelations(view, { ...q, limit: RELATIONS_EXPORT_PAGE, offset });
    for (const t of r.triples) if (t.id) ids.push(t.id);
    if (r.triples.length < RELATIONS_EXPORT_PAGE) break;
  }
  const ds = await exportDataset(view, { triples: ids, title: `${view.data.title ?? view.data.file}: ${ids.length} relations` });
  const text = format === 'dataset'
    ? JSON.stringify(ds, null, 2)
    : JSON.stringify(toGraphologyExport({ entities: ds.entities, triples: ds.triples }, view.schema), null, 2);
  download(`actorgraph-relations-${ids.length}${format === 'graphology' ? '-graphology' : ''}.json`, `${text}\n`);
  return undefined;
}
