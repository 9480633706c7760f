// Pictures of the view: PNG (what sigma draws, at a chosen scale, with a
// title and a legend of the types shown) and SVG (vector: edges, nodes and the
// labels drawn, same title and legend).
import type { GraphController } from './controller.ts';

export interface LegendItem {
  label: string;
  color: string;
}
export interface Picture {
  title: string;
  subtitle: string;
  legend: LegendItem[];
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const HEAD = 44,
  ROW = 20;

/** The SVG picture rasterised at `scale` (vector first, so 2× is sharp, and no read-back of sigma's WebGL layers). */
export async function toPng(ctl: GraphController, pic: Picture, scale: number): Promise<Blob> {
  const svg = toSvg(ctl, pic);
  const [, w, h] = /width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const out = document.createElement('canvas');
    out.width = Math.round(+w! * scale);
    out.height = Math.round(+h! * scale);
    out.getContext('2d')!.drawImage(img, 0, 0, out.width, out.height);
    return await new Promise((resolve, reject) =>
      out.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser made no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

const esc = (t: string) => t.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
const n = (v: number) => Math.round(v * 10) / 10;

export function toSvg(ctl: GraphController, pic: Picture): string {
  const sg = ctl.sigma,
    g = sg.getGraph();
  const { width, height } = sg.getDimensions();
  const s = sg.getSettings();
  const pos = new Map<string, { x: number; y: number; r: number; color: string }>();
  const nodes: string[] = [],
    edges: string[] = [],
    labels: string[] = [];
  g.forEachNode((id) => {
    const d = sg.getNodeDisplayData(id);
    if (!d || d.hidden) return;
    const p = sg.graphToViewport(g.getNodeAttributes(id) as { x: number; y: number });
    pos.set(id, { x: p.x, y: p.y + HEAD, r: sg.scaleSize(d.size), color: d.color });
  });
  g.forEachEdge((id, _a, src, dst) => {
    const d = sg.getEdgeDisplayData(id),
      a = pos.get(src),
      b = pos.get(dst);
    if (!d || d.hidden || !a || !b) return;
    edges.push(
      `<line x1="${n(a.x)}" y1="${n(a.y)}" x2="${n(b.x)}" y2="${n(b.y)}" stroke="${d.color}" stroke-width="${n(Math.max(0.4, d.size * 0.7))}"/>`,
    );
  });
  // Nodes drawn in sigma's order: the highlighted last.
  const order = [...pos.entries()].sort(
    (x, y) => (sg.getNodeDisplayData(x[0])?.zIndex ?? 0) - (sg.getNodeDisplayData(y[0])?.zIndex ?? 0),
  );
  for (const [, p] of order) nodes.push(`<circle cx="${n(p.x)}" cy="${n(p.y)}" r="${n(p.r)}" fill="${p.color}"/>`);
  for (const b of ctl.labels.boxes) {
    const text = g.getNodeAttribute(b.node, 'label') as string;
    labels.push(`<text x="${n(b.x)}" y="${n(b.y + HEAD + b.h / 2 + s.labelSize / 3)}">${esc(text)}</text>`);
  }
  const legend: string[] = [];
  let x = 12,
    y = HEAD + height + 4 + ROW / 2;
  for (const it of pic.legend) {
    const w = 18 + it.label.length * 6.5 + 16;
    if (x + w > width && x > 12) {
      x = 12;
      y += ROW;
    }
    legend.push(
      `<circle cx="${n(x + 5)}" cy="${n(y)}" r="5" fill="${it.color}"/><text x="${n(x + 14)}" y="${n(y + 4)}">${esc(it.label)}</text>`,
    );
    x += w;
  }
  const total = y + ROW / 2 + 10;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${n(total)}" viewBox="0 0 ${width} ${n(total)}" font-family='${FONT}'>
<rect width="100%" height="100%" fill="#fff"/>
<text x="12" y="20" font-size="15" font-weight="600" fill="#1f2933">${esc(pic.title)}</text>
<text x="12" y="37" font-size="12" fill="#616e7c">${esc(pic.subtitle)}</text>
<clipPath id="view"><rect x="0" y="${HEAD}" width="${width}" height="${height}"/></clipPath>
<g clip-path="url(#view)">
<rect x="0" y="${HEAD}" width="${width}" height="${height}" fill="#fbfcfd"/>
<g class="edges">${edges.join('')}</g>
<g class="nodes">${nodes.join('')}</g>
<g class="labels" font-size="${s.labelSize}" font-weight="${s.labelWeight}" fill="#1f2933">${labels.join('')}</g>
</g>
<g class="legend" font-size="12" fill="#1f2933">${legend.join('')}</g>
</svg>
`;
}
