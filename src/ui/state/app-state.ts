// Small helpers over the app's state: export file names and what the current view holds.
import type { UrlState } from './url-state.ts';

export function slug(s: string): string {
  const out = s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return out.slice(0, 40) || 'entity';
}

/** A writer's id (core/writers/registry.ts): 'dataset', 'graphology', 'csv', … */
export type ExportFormat = string;

/** "actorgraph-neighbourhood-iran-2" and the like: a download's name before its ending. */
export function exportBaseName(
  state: UrlState,
  labelOf: (id: string) => string,
  kind: 'path' | 'neighbourhood' | 'entity' | 'graph',
): string {
  const parts = ['actorgraph'];
  if (kind === 'path') parts.push('path', slug(labelOf(state.from!)), slug(labelOf(state.to!)));
  else if (kind === 'neighbourhood') parts.push('neighbourhood', slug(labelOf(state.entity!)), String(state.depth));
  else if (kind === 'entity') parts.push('entity', slug(labelOf(state.entity!)));
  else parts.push(state.hiddenTypes.length ? 'graph-filtered' : 'graph');
  return parts.join('-');
}

export function download(name: string, text: string, mediaType = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type: mediaType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
