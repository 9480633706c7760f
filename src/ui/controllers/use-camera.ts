// What the drawing highlights, and where the camera goes: to the selection,
// or around a query result.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { NeighbourhoodResult, Path, PathResult } from '../../core/model.ts';
import type { GraphController } from '../graph/controller.ts';
import type { AppState } from '../state/app-reducer.ts';
import { chosenPathOf, focusOf } from '../state/focus.ts';
import { edgesOutside } from '../graph/highlight.ts';
import { relationTest, trustFilterOf, isOpen } from '../state/trust-filter.ts';

export function useCamera(
  controller: { current?: GraphController },
  state: AppState,
  nb: NeighbourhoodResult | undefined,
  paths: PathResult | undefined,
  layoutEnds = 0,
): Path | undefined {
  const { url, view, viewVersion } = state;
  const chosen = chosenPathOf(paths, url.pathIndex);
  const filter = trustFilterOf(url);
  const filterKey = JSON.stringify(filter);
  const filtered = useMemo(() => {
    if (!view || isOpen(filter)) return undefined;
    const keep = relationTest(filter, (t) => view.sources.get(t.source)?.reliability);
    return edgesOutside(view.graph, keep as (a: Record<string, unknown>) => boolean);
  }, [view, viewVersion, filterKey]);
  const focus = useMemo(
    () => ({ ...focusOf(url, nb, paths, chosen), filteredEdges: filtered, relation: url.relation }),
    [url.entity, url.relation, url.hiddenTypes.join(), url.outside, url.view, nb, paths, chosen, filtered],
  );
  useEffect(() => {
    controller.current?.setFocus(focus);
  }, [focus, view, viewVersion]);

  // A layout that ends has moved what the camera framed ("Show all" during a query): frame a result again.
  const lastEnds = useRef(layoutEnds);
  useEffect(() => {
    const c = controller.current;
    if (!c || !view) return;
    const afterLayout = layoutEnds !== lastEnds.current;
    lastEnds.current = layoutEnds;
    if (url.view === 'path' && chosen) void c.fitNodes(chosen.nodes);
    else if (url.view === 'neighbourhood' && nb) void c.fitNodes(nb.entities.map((e) => e.id));
    else if (url.relation && view.graph.hasEdge(url.relation)) void c.fitNodes(view.graph.extremities(url.relation));
    else if (url.entity && !afterLayout) void c.focusNode(url.entity);
  }, [view, url.entity, url.relation, url.view, nb, chosen, layoutEnds]);
  return chosen;
}
