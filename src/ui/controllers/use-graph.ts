// The drawing: one sigma controller for the page, given each new view, and the
// growth of large views (expanding a node, showing query results and the selection).
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { GraphController } from '../graph/controller.ts';
import { EXPAND_LIMIT } from '../graph/view.ts';
import { webglAvailable } from '../components/NoWebGL.tsx';
import type { AppAction, AppState } from '../state/app-reducer.ts';
import { useEvent } from '../hooks/use-event.ts';
import { growView, queryNeighbourhood } from './gateway.ts';

/** A big view drawn whole gets a longer layout run than the default. */
const BIG_LAYOUT_BUDGET_MS = 20_000;

export interface GraphView {
  controller: { current?: GraphController };
  layoutRunning: boolean;
  /** Counts layout runs that ended (a camera framing a result frames it again). */
  layoutEnds: number;
  noWebgl: boolean;
  /** Draws `ids` not drawn yet (large data only), near `near`; the ids added. */
  showInView(ids: string[], near?: string, signal?: AbortSignal): Promise<string[]>;
  /** Adds a node's neighbours to a large view. */
  expand(id: string): void;
}

export function useGraph(
  container: RefObject<HTMLDivElement | null>,
  state: AppState,
  dispatch: (a: AppAction) => void,
  ready: boolean,
): GraphView {
  const { view, url } = state;
  const controller = useRef<GraphController | undefined>(undefined);
  const [layoutRunning, setLayoutRunning] = useState(false);
  const [layoutEnds, setLayoutEnds] = useState(0);
  const [noWebgl, setNoWebgl] = useState(false);

  const showInView = useEvent(async (ids: string[], near?: string, signal?: AbortSignal): Promise<string[]> => {
    const cur = view;
    if (!cur?.partial) return [];
    const { added, entities } = await growView(cur, ids, near, signal);
    dispatch({ type: 'labels-found', view: cur, entities });
    if (!added.length || controller.current?.getGraph() !== cur.graph) return added;
    dispatch({ type: 'view-grew', view: cur });
    controller.current.settleNew(added);
    return added;
  });

  const expand = useEvent((id: string) => {
    const cur = view;
    if (!cur?.partial) return;
    void (async () => {
      // Enough to find EXPAND_LIMIT + 1 new ones even if every drawn node is a neighbour.
      const r = await queryNeighbourhood(cur, { from: [id], depth: 1, limit: cur.graph.order + EXPAND_LIMIT + 2 });
      const fresh = r.entities.map((e) => e.id).filter((n) => n !== id && !cur.graph.hasNode(n));
      const added = await showInView([id, ...fresh.slice(0, EXPAND_LIMIT)], id);
      const label = state.labels.get(id)?.label ?? id;
      const text =
        fresh.length > EXPAND_LIMIT
          ? `Added ${EXPAND_LIMIT} of the neighbours of ${label} (it has more): search for others, or expand them.`
          : added.length
            ? `Added ${added.length} neighbour${added.length === 1 ? '' : 's'} of ${label}.`
            : `Every neighbour of ${label} is already drawn.`;
      dispatch({ type: 'notice', text });
    })();
  });

  // Before the page paints: the view's first frame comes with the render that shows its panels, not a frame later.
  useLayoutEffect(() => {
    if (!view || !container.current) return;
    if (!controller.current) {
      try {
        performance.mark('actorgraph:sigma-start');
        controller.current = new GraphController(container.current, view.graph, {
          onSelect: (id) => dispatch({ type: 'select', id }),
          onLayoutChange: (running: boolean) => {
            setLayoutRunning(running);
            if (!running) setLayoutEnds((n) => n + 1);
          },
          onExpand: expand,
        });
      } catch (e) {
        if (!webglAvailable()) setNoWebgl(true);
        else dispatch({ type: 'fatal', message: `Could not draw the graph: ${String(e)}` });
        return;
      }
    } else if (controller.current.getGraph() !== view.graph) {
      controller.current.setGraph(view.graph);
    } else {
      return;
    }
    // A placement only: lay it out in the worker once the first frame is out.
    if (view.needsLayout) {
      const c = controller.current,
        g = view.graph;
      requestAnimationFrame(() => {
        if (c.getGraph() === g) c.startLayout(BIG_LAYOUT_BUDGET_MS);
      });
    }
  }, [view]);
  useEffect(() => () => controller.current?.kill(), []);

  // A selected entity is always drawn (search, links in the panel, shared URLs).
  useEffect(() => {
    if (!ready || !view?.partial || !url.entity || view.graph.hasNode(url.entity)) return;
    const id = url.entity;
    let live = true;
    void showInView([id]).then((added) => {
      if (live && added.length) void controller.current?.focusNode(id);
    });
    return () => {
      live = false;
    };
  }, [view, url.entity, ready]);

  return { controller, layoutRunning, layoutEnds, noWebgl, showInView, expand };
}
