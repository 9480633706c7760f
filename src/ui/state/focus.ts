// What the drawing highlights for a state and the answers to its queries.
import type { NeighbourhoodResult, Path, PathResult } from '../../core/model.ts';
import type { FocusInput } from '../graph/highlight.ts';
import type { UrlState } from './url-state.ts';

/** The path the person looks at (the index is kept within the result). */
export const chosenPathOf = (paths: PathResult | undefined, index: number): Path | undefined =>
  paths?.paths[Math.min(index, paths.paths.length - 1)];

/** What to highlight for this state and these answers. */
export function focusOf(
  url: UrlState,
  nb: NeighbourhoodResult | undefined,
  paths: PathResult | undefined,
  chosen: Path | undefined,
): FocusInput {
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
