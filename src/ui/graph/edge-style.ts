// How a relation's claim status looks on the graph: solid asserted, dashed
// attributed or hedged, dotted unsourced, each with its own colour and width
// too (so it reads without telling dashes apart). sigma 3 draws no dashed
// edges: edge-programs.ts gives the curved-edge program of @sigma/edge-curve
// a fragment shader that leaves gaps by the distance from the edge's source.
// No sigma import here: this runs in Node for the tests.
import type { MultiDirectedGraph } from 'graphology';
import type { ClaimStatus, Triple } from '../../core/model.ts';
import { statusOf } from '../../core/trust.ts';

export type EdgeLine = 'solid' | 'dashed' | 'dotted';

export interface StatusStyle {
  line: EdgeLine;
  color: string;
  size: number;
  label: string;
  description: string;
}

export const STATUS_STYLE: Record<ClaimStatus, StatusStyle> = {
  asserted: {
    line: 'solid',
    color: '#9aa3ae',
    size: 1.5,
    label: 'asserted',
    description: 'the source states it in its own voice',
  },
  attributed: {
    line: 'dashed',
    color: '#5b7fbf',
    size: 2,
    label: 'attributed',
    description: 'the source reports someone’s claim',
  },
  hedged: {
    line: 'dashed',
    color: '#b7791f',
    size: 2,
    label: 'hedged',
    description: 'the source hedges it (reportedly, likely, …)',
  },
  unsourced: { line: 'dotted', color: '#c2410c', size: 2.4, label: 'unsourced', description: 'no quote supports it' },
};

/** Edges with no status known (a whole large graph drawn from compact columns) look asserted. */
export function styleOf(status: unknown): StatusStyle {
  return STATUS_STYLE[status as ClaimStatus] ?? STATUS_STYLE.asserted;
}

/** Dash pattern in pixels: drawn `on`, then a gap up to `period`. */
export const PATTERNS = { dashed: { on: 7, period: 11 }, dotted: { on: 2.5, period: 6 } } as const;

const ANCHOR = 'float halfThickness = thickness / 2.0;';

/** The curve program's fragment shader with gaps; the arrow head and picking stay whole. */
export function dashShader(source: string, on: number, period: number): string {
  if (!source.includes(ANCHOR) || !source.includes('v_targetPoint'))
    throw new Error('unexpected edge shader: cannot add dashes');
  const f = (n: number) => n.toFixed(1);
  return source.replace(
    ANCHOR,
    `#ifndef PICKING_MODE
  if (distToTarget > targetArrowLength && mod(length(gl_FragCoord.xy - v_cpA), ${f(period)}) > ${f(on)}) discard;
  #endif
  ${ANCHOR}`,
  );
}

/** An edge's label when hovered or chosen: the predicate, then its status, hedge, attribution and date. */
export function trustLabel(label: string, a: Record<string, unknown>, labelOf: (id: string) => string): string {
  if (a.status === undefined) return label;
  const parts = [String(a.status)];
  if (a.qualifier) parts.push(String(a.qualifier));
  if (a.attributedTo) parts.push(`according to ${labelOf(String(a.attributedTo))}`);
  if (a.date) parts.push(String(a.date).replace('/', ' – '));
  return `${label} (${parts.join(' · ')})`;
}

/**
 * What the filters and the edge style read of each relation drawn: status,
 * date, credibility and source (whose grade is looked up). Edges drawn from
 * compact columns have none, and pass every filter.
 */
export function markTrust(graph: MultiDirectedGraph, triples: readonly Triple[]): void {
  for (const t of triples) {
    if (!t.id || !graph.hasEdge(t.id)) continue;
    graph.mergeEdgeAttributes(t.id, {
      status: statusOf(t),
      date: t.date,
      credibility: t.credibility,
      source: t.source,
      qualifier: t.qualifier,
      attributedTo: t.attributedTo,
    });
  }
}

/** An edge's sigma type, width, colour and curvature: its status's line, straight or curved (`curvature`, for parallel edges). */
export function edgeLook(status: unknown, curvature: number | undefined): Record<string, unknown> {
  const st = styleOf(status);
  const look = { size: st.size, color: st.color };
  // Dashed and dotted lines are curve programs: a straight one has a near-zero curvature.
  if (st.line !== 'solid') return { ...look, type: st.line, curvature: curvature ?? 0.0001 };
  return curvature === undefined ? { ...look, type: 'arrow' } : { ...look, type: 'curved', curvature };
}
