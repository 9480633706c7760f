// Camera moves: to a node, around a set of nodes, back to the whole graph, zoom.
import type Sigma from 'sigma';
import type { MultiDirectedGraph } from 'graphology';
import { withTimeout } from './compare.ts';

/** Moves the camera to a node; resolves even if sigma never reports the end. */
export async function focusNode(sigma: Sigma, graph: MultiDirectedGraph, id: string, ratio = 0.45): Promise<void> {
  const d = framed(sigma, graph, id);
  if (!d) return;
  await withTimeout(sigma.getCamera().animate({ x: d.x, y: d.y, ratio }, { duration: 450 }), 1200);
}

export async function fitNodes(sigma: Sigma, graph: MultiDirectedGraph, ids: Iterable<string>): Promise<void> {
  let minX = Infinity,
    maxX = -Infinity,
    minY = Infinity,
    maxY = -Infinity,
    n = 0;
  for (const id of ids) {
    const d = framed(sigma, graph, id);
    if (!d) continue;
    n++;
    minX = Math.min(minX, d.x);
    maxX = Math.max(maxX, d.x);
    minY = Math.min(minY, d.y);
    maxY = Math.max(maxY, d.y);
  }
  if (!n) return;
  const ratio = Math.min(1, Math.max(0.15, Math.max(maxX - minX, maxY - minY) * 1.4));
  await withTimeout(
    sigma.getCamera().animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio }, { duration: 450 }),
    1200,
  );
}

/** A node's place in the camera's coordinates, from its position (sigma's cached display data can lag a graph just changed). */
function framed(s: Sigma, graph: MultiDirectedGraph, id: string): { x: number; y: number } | undefined {
  if (!graph.hasNode(id)) return undefined;
  return s.viewportToFramedGraph(s.graphToViewport(graph.getNodeAttributes(id) as { x: number; y: number }));
}

export async function resetCamera(sigma: Sigma): Promise<void> {
  await withTimeout(sigma.getCamera().animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration: 300 }), 1000);
}

export function zoom(sigma: Sigma, factor: number): void {
  const cam = sigma.getCamera();
  void withTimeout(cam.animate({ ratio: cam.getState().ratio / factor }, { duration: 200 }), 800);
}
