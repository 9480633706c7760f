// sigma's settings for the explorer's graph: programs, labels, camera limits.
import type { MultiDirectedGraph } from 'graphology';
import type { Settings } from 'sigma/settings';
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import { EdgeArrowProgram, EdgeRectangleProgram } from 'sigma/rendering';
import { EDGE } from './highlight.ts';
import { LINE_PROGRAMS } from './edge-programs.ts';
import { drawLabel } from './labels.ts';

/** Above this many edges, edges are not hoverable: picking them means drawing every edge a second time each frame. */
export const EDGE_EVENTS_MAX = 20_000;

export function sigmaSettings(
  graph: MultiDirectedGraph,
  nodeReducer: NonNullable<Settings['nodeReducer']>,
  edgeReducer: NonNullable<Settings['edgeReducer']>,
): Partial<Settings> {
  return {
    renderEdgeLabels: true,
    enableEdgeEvents: graph.size <= EDGE_EVENTS_MAX,
    defaultEdgeType: 'arrow',
    edgeProgramClasses: {
      arrow: EdgeArrowProgram,
      line: EdgeRectangleProgram,
      curved: EdgeCurvedArrowProgram,
      ...LINE_PROGRAMS,
    },
    labelDensity: 0.12,
    labelGridCellSize: 110,
    labelRenderedSizeThreshold: 7,
    labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    labelSize: 13,
    labelWeight: '500',
    labelColor: { color: '#1f2933' },
    edgeLabelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    edgeLabelSize: 11,
    edgeLabelColor: { color: '#3e4c59' },
    defaultEdgeColor: EDGE,
    zIndex: true,
    minCameraRatio: 0.05,
    maxCameraRatio: 10,
    stagePadding: 40,
    // A hidden or collapsed container (a phone's drawer, a shrinking window) waits for a size instead of throwing.
    allowInvalidContainer: true,
    defaultDrawNodeLabel: drawLabel as never,
    nodeReducer,
    edgeReducer,
  };
}
