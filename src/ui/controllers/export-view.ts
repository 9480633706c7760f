// Export: what the current view holds, as a dataset or graphology JSON download.
import type { Entity, NeighbourhoodResult, PathResult } from '../../core/model.ts';
import { toGraphologyExport } from '../../core/export.ts';
import { download, exportFileName, type ExportFormat } from '../state/app-state.ts';
import type { UrlState } from '../state/url-state.ts';
import { exportRequest } from '../state/export-request.ts';
import { exportDataset, type Loaded } from './gateway.ts';

export async function exportView(view: Loaded, url: UrlState, labels: ReadonlyMap<string, Entity>, format: ExportFormat, nb?: NeighbourhoodResult, paths?: PathResult): Promise<void> {
  const labelOf = (id: string) => labels.get(id)?.label ?? id;
  const { kind, opts } = exportRequest(view, url, labelOf, nb, paths);
  const ds = await exportDataset(view, opts);
  const text = format === 'dataset'
    ? JSON.stringify(ds, null, 2)
    : JSON.stringify(toGraphologyExport({ entities: ds.entities, triples: ds.triples }, view.schema), null, 2);
  download(exportFileName(url, labelOf, format, kind), `${text}\n`);
}
