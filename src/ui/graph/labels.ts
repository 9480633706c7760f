// Which node labels are drawn, and on which side: labels must not overlap
// nor be cut at the edges. Candidates go by priority (forced ones — selection,
// path, hover, small results — first, then by size, which follows degree); each
// is placed right of its node, else left, else not drawn.
import type Sigma from 'sigma';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import type { Settings } from 'sigma/settings';

export interface LabelBox {
  node: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** At most this many labels are looked at per frame (the largest nodes first). */
const MAX_CANDIDATES = 3000;
const PAD = 2;
/** Above this many nodes sigma's own label grid decides (placing costs too much per frame). */
const MAX_NODES = 2000;
/** Placement runs at most this often (ms). */
const PLACE_MS = 120;

/** Box overlap with a little air between labels. */
const overlaps = (a: LabelBox, b: LabelBox) =>
  a.x < b.x + b.w + PAD && b.x < a.x + a.w + PAD && a.y < b.y + b.h + PAD && b.y < a.y + a.h + PAD;

/** Greedy placement, in order: right of the node, else left, else nothing (forced ones are kept, on the roomier side). Pure, for tests. */
export function placeLabels(
  cands: readonly { node: string; x: number; y: number; r: number; w: number; forced: boolean }[],
  width: number,
  height: number,
  h: number,
): { boxes: LabelBox[]; left: Set<string> } {
  const boxes: LabelBox[] = [],
    left = new Set<string>();
  for (const c of cands) {
    const y = c.y - h / 2;
    if (y < 0 || y + h > height) {
      if (!c.forced) continue;
    }
    const right: LabelBox = { node: c.node, x: c.x + c.r + 3, y, w: c.w, h };
    const lft: LabelBox = { node: c.node, x: c.x - c.r - 3 - c.w, y, w: c.w, h };
    const fits = (b: LabelBox) => b.x >= 0 && b.x + b.w <= width && !boxes.some((o) => overlaps(o, b));
    if (fits(right)) boxes.push(right);
    else if (fits(lft)) {
      boxes.push(lft);
      left.add(c.node);
    } else if (c.forced) {
      const useLeft = width - (c.x + c.r) < c.x - c.r;
      boxes.push(useLeft ? lft : right);
      if (useLeft) left.add(c.node);
    }
  }
  return { boxes, left };
}

/** Draws a label right of its node, or left when placed there (sigma's default drawer draws right only). */
export function drawLabel(
  ctx: CanvasRenderingContext2D,
  data: PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'> & { labelLeft?: boolean },
  settings: Settings,
): void {
  if (!data.label) return;
  const size = settings.labelSize;
  ctx.fillStyle = settings.labelColor.color ?? '#000';
  ctx.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  if (data.labelLeft) {
    ctx.textAlign = 'right';
    ctx.fillText(data.label, data.x - data.size - 3, data.y + size / 3);
    ctx.textAlign = 'left';
  } else ctx.fillText(data.label, data.x + data.size + 3, data.y + size / 3);
}

export class LabelPlacer {
  /** Labels drawn, in viewport pixels (read by the tests). */
  boxes: LabelBox[] = [];
  /** The drawing's size the boxes were placed in (a resize is followed by a placement one frame later). */
  placedIn = { width: 0, height: 0 };
  private shown = new Set<string>();
  private left = new Set<string>();
  private order?: string[];
  private widths = new Map<string, number>();
  private ctx = document.createElement('canvas').getContext('2d');
  private key = '';

  constructor(private sigmaOf: () => Sigma) {}
  private get sigma(): Sigma {
    return this.sigmaOf();
  }

  private timer?: ReturnType<typeof setTimeout>;
  private last = 0;

  /**
   * After a frame: places labels again, at most every PLACE_MS (a layout
   * draws every frame; placing each time would double its work), and asks
   * for a redraw when that changed what is shown.
   */
  schedule(redraw: () => void): void {
    if (this.timer) return;
    const wait = Math.max(0, this.last + PLACE_MS - performance.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.last = performance.now();
      if (this.place()) redraw();
    }, wait);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Off for big graphs: labels as sigma's grid gives them. */
  private off = false;

  /** The graph changed: sizes (the priority) are read again. */
  reset(): void {
    this.order = undefined;
    this.key = '';
    this.shown.clear();
  }

  /** Sets what a node's reducer output shows: its label only if placed. `wanted`: it would be labelled; `forced`: it must be. */
  apply(node: string, res: Partial<NodeDisplayData> & Record<string, unknown>, wanted: boolean, forced: boolean): void {
    if (this.off) return;
    res.wantLabel = wanted;
    res.mustLabel = forced;
    if (!this.shown.has(node)) {
      res.label = '';
      return;
    }
    res.forceLabel = true;
    res.labelLeft = this.left.has(node);
  }

  private width(label: string): number {
    let w = this.widths.get(label);
    if (w === undefined) {
      const s = this.sigma.getSettings();
      if (this.ctx) this.ctx.font = `${s.labelWeight} ${s.labelSize}px ${s.labelFont}`;
      w = this.ctx ? this.ctx.measureText(label).width : label.length * 7;
      this.widths.set(label, w);
    }
    return w;
  }

  /** After a frame: places labels from what was drawn; true when that changed (redraw). */
  place(): boolean {
    const s = this.sigma,
      g = s.getGraph();
    this.off = g.order > MAX_NODES;
    if (this.off) {
      this.boxes = [];
      return false;
    }
    this.order ??= g
      .nodes()
      .sort((a, b) => (g.getNodeAttribute(b, 'size') as number) - (g.getNodeAttribute(a, 'size') as number));
    const { width, height } = s.getDimensions();
    const threshold = s.getSetting('labelRenderedSizeThreshold');
    const forced: Parameters<typeof placeLabels>[0][number][] = [],
      rest: typeof forced = [];
    let seen = 0,
      examined = 0;
    for (const node of this.order) {
      if (++examined > MAX_CANDIDATES * 2) break;
      const d = s.getNodeDisplayData(node) as
        | (NodeDisplayData & { wantLabel?: boolean; mustLabel?: boolean })
        | undefined;
      if (!d || d.hidden || !d.wantLabel) continue;
      const label = g.getNodeAttribute(node, 'label') as string;
      if (!label) continue;
      const r = s.scaleSize(d.size);
      if (!d.mustLabel && r < threshold / 2) continue;
      const p = s.framedGraphToViewport(d);
      if (p.x < -50 || p.y < -20 || p.x > width + 50 || p.y > height + 20) continue;
      (d.mustLabel ? forced : rest).push({ node, x: p.x, y: p.y, r, w: this.width(label), forced: !!d.mustLabel });
      if (++seen >= MAX_CANDIDATES) break;
    }
    const { boxes, left } = placeLabels([...forced, ...rest], width, height, s.getSetting('labelSize') + 4);
    const key = boxes.map((b) => `${b.node}${left.has(b.node) ? '<' : ''}`).join('|');
    this.boxes = boxes;
    this.placedIn = { width, height };
    if (key === this.key) return false;
    this.key = key;
    this.shown = new Set(boxes.map((b) => b.node));
    this.left = left;
    return true;
  }
}
