// Export: what the current view holds, written by the chosen writer (every
// format in core/writers/registry.ts); a writer that makes several files
// (CSV: relations and entities) gives several downloads.
import type { Entity, NeighbourhoodResult, PathResult } from '../../core/model.ts';
import { download, exportBaseName, type ExportFormat } from '../state/app-state.ts';
import type { UrlState } from '../state/url-state.ts';
import { exportRequest } from '../state/export-request.ts';
import { downloadEnding, exportWriter } from '../data/formats.ts';
import { exportDataset, type Loaded } from './gateway.ts';

/** Writes the view; the names of the files downloaded. Rejects with the Explorer's or the writer's error. */
export async function exportView(view: Loaded, url: UrlState, labels: ReadonlyMap<string, Entity>, format: ExportFormat, nb?: NeighbourhoodResult, paths?: PathResult): Promise<string[]> {
  const labelOf = (id: string) => labels.get(id)?.label ?? id;
  const { kind, opts } = exportRequest(view, url, labelOf, nb, paths);
  const writer = exportWriter(format);
  const ds = await exportDataset(view, opts);
  const base = exportBaseName(url, labelOf, kind);
  const files = writer.write(ds, { name: base });
  // As core's fileNames: the main file, then its parts beside it (`x.csv`, `x.entities.csv`).
  const names = files.map((f, i) => (i === 0 ? `${base}${downloadEnding(f.extension)}` : `${base}${f.suffix}${f.extension}`));
  files.forEach((f, i) => download(names[i]!, f.text, f.mediaType));
  return names;
}
