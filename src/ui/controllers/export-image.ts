// Export as a picture: the drawn view as PNG (1× or 2×) or SVG, titled with
// the data's name and what is shown, with a legend of the types shown.
import type { GraphController } from '../graph/controller.ts';
import { toPng, toSvg, type Picture } from '../graph/image-export.ts';
import type { Loaded } from './gateway.ts';
import type { UrlState } from '../state/url-state.ts';
import { exportBaseName } from '../state/app-state.ts';
import { formatCount } from '../../core/format.ts';

export const IMAGE_CHOICES = [
  { id: 'image-png', label: 'PNG image', keeps: 'the view as drawn, with its title and legend' },
  { id: 'image-png-2x', label: 'PNG image, 2× size', keeps: 'the view as drawn, twice the pixels, for print' },
  {
    id: 'image-svg',
    label: 'SVG image',
    keeps: 'the view as vectors: nodes, relations, the labels drawn, title and legend',
  },
] as const;

/** What the picture says: the data, how much of it is shown, and the types shown. */
export function pictureOf(ctl: GraphController, view: Loaded, what: string): Picture {
  const sg = ctl.sigma,
    g = sg.getGraph();
  const counts = new Map<string, { n: number; color: string }>();
  let nodes = 0;
  g.forEachNode((id, a) => {
    const d = sg.getNodeDisplayData(id);
    if (!d || d.hidden) return;
    nodes++;
    const t = a.entityType as string,
      c = counts.get(t);
    if (c) c.n++;
    else counts.set(t, { n: 1, color: a.color as string });
  });
  // Dimmed nodes are drawn grey, but the legend gives each type's own colour (or each community's, coloured so).
  const look = ctl.getLook();
  const legend =
    look.colors && look.legend
      ? [...look.legend]
      : [...counts.entries()]
          .sort((a, b) => b[1].n - a[1].n)
          .map(([t, c]) => ({ label: view.schema.types.get(t)?.label ?? t, color: c.color }));
  const title = view.data.title ?? view.data.file;
  return {
    title,
    subtitle: `${what} · ${formatCount(nodes)} of ${formatCount(view.stats.entities)} entities drawn · actorgraph`,
    legend,
  };
}

function save(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** What the view shows, in words, and the download's name before its ending. */
export function describeView(url: UrlState, labelOf: (id: string) => string): { what: string; base: string } {
  const kind =
    url.view === 'path' && url.from && url.to
      ? 'path'
      : url.view === 'neighbourhood' && url.entity
        ? 'neighbourhood'
        : 'graph';
  const what =
    kind === 'path'
      ? `Paths from ${labelOf(url.from!)} to ${labelOf(url.to!)}`
      : kind === 'neighbourhood'
        ? `Neighbourhood of ${labelOf(url.entity!)} (depth ${url.depth})`
        : url.entity
          ? `Graph, ${labelOf(url.entity)} selected`
          : 'Graph';
  return { what, base: exportBaseName(url, labelOf, kind) };
}

/** Downloads the picture; its file name. */
export async function exportImage(
  ctl: GraphController,
  view: Loaded,
  format: string,
  url: UrlState,
  labelOf: (id: string) => string,
): Promise<string> {
  const { what, base } = describeView(url, labelOf);
  const pic = pictureOf(ctl, view, what);
  if (format === 'image-svg') {
    const name = `${base}.svg`;
    save(name, new Blob([toSvg(ctl, pic)], { type: 'image/svg+xml' }));
    return name;
  }
  const name = `${base}.png`;
  save(name, await toPng(ctl, pic, format === 'image-png-2x' ? 2 : 1));
  return name;
}
