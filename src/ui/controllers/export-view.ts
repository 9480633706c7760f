// Export: what the current view holds (or the relations the table lists),
// written by the chosen writer (every format in core/writers/registry.ts);
// a writer that makes several files (CSV: relations and entities) gives
// several downloads.
import type { Dataset, Entity, NeighbourhoodResult, PathResult, RelationsQuery } from '../../core/model.ts';
import type { CallOptions } from '../../core/explorer.ts';
import { download, exportBaseName, type ExportFormat } from '../state/app-state.ts';
import type { UrlState } from '../state/url-state.ts';
import { exportRequest } from '../state/export-request.ts';
import { loadFormats } from './use-formats.ts';
import { exportDataset, queryRelations, type Loaded } from './gateway.ts';
import { formatCount } from '../../core/format.ts';

/** Writes `ds` as `format` and downloads each file; their names. */
async function writeAll(ds: Dataset, base: string, format: ExportFormat): Promise<string[]> {
  const { downloadEnding, exportWriter } = await loadFormats();
  const files = exportWriter(format).write(ds, { name: base });
  // As core's fileNames: the main file, then its parts beside it (`x.csv`, `x.entities.csv`).
  const names = files.map((f, i) =>
    i === 0 ? `${base}${downloadEnding(f.extension)}` : `${base}${f.suffix}${f.extension}`,
  );
  files.forEach((f, i) => {
    download(names[i]!, f.text, f.mediaType);
  });
  return names;
}

/** Writes the view; the names of the files downloaded. Rejects with the Explorer's or the writer's error. */
export async function exportView(
  view: Loaded,
  url: UrlState,
  labels: ReadonlyMap<string, Entity>,
  format: ExportFormat,
  nb?: NeighbourhoodResult,
  paths?: PathResult,
  call?: CallOptions,
): Promise<string[]> {
  const labelOf = (id: string) => labels.get(id)?.label ?? id;
  const { kind, opts, nothing } = exportRequest(view, url, labelOf, nb, paths);
  if (nothing) throw new Error(nothing);
  await loadFormats();
  const ds = await exportDataset(view, opts, call);
  return writeAll(ds, exportBaseName(url, labelOf, kind), format);
}

/** Most relations the table exports: the Explorer pages them, 10,000 at a time. */
export const RELATIONS_EXPORT_MAX = 100_000;
const RELATIONS_EXPORT_PAGE = 10_000;

/** Every relation the table lists (all its pages), with their entities, through the same export as any view. */
export async function exportRelations(
  view: Loaded,
  q: RelationsQuery,
  format: ExportFormat,
  total: number,
): Promise<string | undefined> {
  if (total > RELATIONS_EXPORT_MAX)
    return `${formatCount(total)} relations match: narrow the filters to at most ${formatCount(RELATIONS_EXPORT_MAX)} to export them.`;
  const ids: string[] = [];
  for (let offset = 0; offset < total; offset += RELATIONS_EXPORT_PAGE) {
    const r = await queryRelations(view, { ...q, limit: RELATIONS_EXPORT_PAGE, offset });
    for (const t of r.triples) if (t.id) ids.push(t.id);
    if (r.triples.length < RELATIONS_EXPORT_PAGE) break;
  }
  const ds = await exportDataset(view, {
    triples: ids,
    title: `${view.data.title ?? view.data.file}: ${ids.length} relations`,
  });
  await writeAll(ds, `actorgraph-relations-${ids.length}`, format);
  return undefined;
}
