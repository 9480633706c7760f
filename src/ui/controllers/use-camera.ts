// What the drawing highlights, and where the camera goes: to the selection,
// or around a query result.
import { useEffect, useMemo } from 'preact/hooks';
import type { NeighbourhoodResult, Path, PathResult } from '../../core/model.ts';
import type { GraphController } from '../graph/controller.ts';
import type { AppState } from '../state/app-reducer.ts';
import { chosenPathOf, focusOf } from '../state/focus.ts';

export function useCamera(controller: { current?: GraphController }, state: AppState, nb: NeighbourhoodResult | undefined, paths: PathResult | undefined): Path | undefined {
  const { url, view, viewVersion } = state;
  const chosen = chosenPathOf(paths, url.pathIndex);
  const focus = useMemo(() => focusOf(url, nb, paths, chosen), [url.entity, url.hiddenTypes.join(), url.outside, url.view, nb, paths, chosen]);
  useEffect(() => { controller.current?.setFocus(focus); }, [focus, view, viewVersion]);

  useEffect(() => {
    const c = controller.current;
    if (!c || !view) return;
    if (url.view === 'path' && chosen) void c.fitNodes(chosen.nodes);
    else if (url.view === 'neighbourhood' && nb) void c.fitNodes(nb.entities.map((e) => e.id));
    else if (url.entity) void c.focusNode(url.entity);
  }, [view, url.entity, url.view, nb, chosen]);
  return chosen;
}
