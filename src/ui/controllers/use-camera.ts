// What the drawing highlights, and where the camera goes: to the selection,
// or around a query result.
import { useEffect, useMemo } from 'preact/hooks';
import type { NeighbourhoodResult, Path, PathResult } from '../../core/model.ts';
import type { FocusInput } from '../graph/highlight.ts';
import type { GraphController } from '../graph/controller.ts';
import type { AppState } from '../state/app-reducer.ts';

/** The path the person looks at (the index is kept within the result). */
export const chosenPathOf = (paths: PathResult | undefined, index: number): Path | undefined =>
  paths?.paths[Math.min(index, paths.paths.length - 1)];

/** What to highlight for this state and these answers. */
export function focusOf(url: AppState['url'], nb: NeighbourhoodResult | undefined, paths: PathResult | undefined, chosen: Path | undefined): FocusInput {
  const f: FocusInput = { selected: url.entity, hiddenTypes: new Set(url.hiddenTypes), outside: url.outside };
  if (url.view === 'neighbourhood' && nb) {
    f.focusNodes = new Set(nb.entities.map((e) => e.id));
    f.focusEdges = new Set(nb.triples.map((t) => t.id!));
  } else if (url.view === 'path' && paths && paths.paths.length) {
    f.focusNodes = new Set(paths.paths.flatMap((p) => p.nodes));
    f.focusEdges = new Set(paths.paths.flatMap((p) => p.steps.map((s) => s.triple.id!)));
    if (chosen) {
      f.pathNodes = new Set(chosen.nodes);
      f.pathEdges = new Set(chosen.steps.map((s) => s.triple.id!));
    }
  }
  return f;
}

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
