// Small helpers over the app's state: export file names and what the current view holds.
import type { UrlState } from './url-state.ts';

export function slug(s: string): string {
  const out = s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return out.slice(0, 40) || 'entity';
}

export type ExportFormat = 'dataset' | 'graphology';

/** "actorgraph-neighbourhood-iran-2.json" and the like. */
export function exportFileName(state: UrlState, labelOf: (id: string) => string, format: ExportFormat, kind: 'path' | 'neighbourhood' | 'entity' | 'graph'): string {
  const parts = ['actorgraph'];
  if (kind === 'path') parts.push('path', slug(labelOf(state.from!)), slug(labelOf(state.to!)));
  else if (kind === 'neighbourhood') parts.push('neighbourhood', slug(labelOf(state.entity!)), String(state.depth));
  else if (kind === 'entity') parts.push('entity', slug(labelOf(state.entity!)));
  else parts.push(state.hiddenTypes.length ? 'graph-filtered' : 'graph');
  if (format === 'graphology') parts.push('graphology');
  return `${parts.join('-')}.json`;
}

export function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
