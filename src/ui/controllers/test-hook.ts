// Read-only numbers for the end-to-end tests and benchmarks, as
// `window.__actorgraph` (no way to change anything through it). The values are
// taken during render, so they are current by the time the DOM shows them.
import type { GraphController } from '../graph/controller.ts';
import type { UrlState } from '../state/url-state.ts';
import type { Loaded } from './gateway.ts';
import type { LookState } from './use-look.ts';
import { DIM_EDGE } from '../graph/highlight.ts';

interface HookInput {
  view?: Loaded;
  controller?: { current?: GraphController };
  url?: UrlState;
  loading?: string;
  look?: LookState;
}

let current: HookInput = {};
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  const hook = {};
  const get = (name: string, fn: () => unknown) => Object.defineProperty(hook, name, { get: fn, enumerable: true });
  const c = () => current.controller?.current;
  get('ready', () => !!current.view && !!c());
  get('nodes', () => current.view?.graph.order ?? 0);
  get('edges', () => current.view?.graph.size ?? 0);
  get('entities', () => current.view?.stats.entities ?? 0);
  get('file', () => current.view?.data.file);
  // Kept data reopened: 'snapshot' or 'steps'; and whether a snapshot of the data on screen was kept.
  get('dataFrom', () => current.view?.data.from);
  get('snapshotKept', () => current.view?.data.snapshotKept);
  get('selected', () => current.url?.entity);
  get('partial', () => current.view?.partial ?? false);
  get('nodeIds', () => current.view?.graph.nodes() ?? []);
  get('loading', () => current.loading);
  get('layoutRunning', () => c()?.layoutRunning ?? false);
  get('layoutIterations', () => c()?.layoutIterations ?? 0);
  get('layoutStart', () => c()?.layoutStart);
  get('layoutEnd', () => c()?.layoutEnd);
  get('firstFrame', () => c()?.firstFrame);
  get('viewSeq', () => c()?.viewSeq ?? 0);
  get('visibleNodes', () => {
    const ctl = c(),
      g = current.view?.graph;
    if (!ctl || !g) return 0;
    return g.filterNodes((n) => {
      const d = ctl.sigma.getNodeDisplayData(n);
      return !!d && !d.hidden;
    }).length;
  });
  get('highlightedEdges', () => {
    const ctl = c(),
      g = current.view?.graph;
    if (!ctl || !g) return 0;
    return g.filterEdges((e) => (ctl.sigma.getEdgeDisplayData(e)?.size ?? 0) > 3).length;
  });
  get('dimmedEdges', () => {
    const ctl = c(),
      g = current.view?.graph;
    if (!ctl || !g) return 0;
    return g.filterEdges((e) => {
      const d = ctl.sigma.getEdgeDisplayData(e);
      return !!d && (d.hidden || d.color === DIM_EDGE);
    }).length;
  });
  // How nodes are drawn: the choices, what is being computed, the communities found.
  get('look', () => {
    const l = current.look,
      u = current.url;
    return {
      colour: u?.colour,
      size: u?.size,
      computing: !!l && (l.colouring || !!l.sizing),
      communities: l?.communities?.map((x) => ({ size: x.size, color: x.color, hub: x.hub })),
      sampled: l?.sampled ?? false,
    };
  });
  // Each node as drawn (small graphs: tests read colours and sizes).
  get('drawnNodes', () => {
    const ctl = c(),
      g = current.view?.graph;
    const out: Record<string, { color: string; size: number; hidden: boolean; label: string }> = {};
    if (!ctl || !g) return out;
    g.forEachNode((n, a) => {
      const d = ctl.sigma.getNodeDisplayData(n);
      if (d) out[n] = { color: d.color, size: d.size, hidden: !!d.hidden, label: a.label as string };
    });
    return out;
  });
  // Relation labels drawn (the picked ones).
  get('edgeLabels', () => {
    const ctl = c(),
      g = current.view?.graph;
    if (!ctl || !g) return [];
    return g
      .filterEdges((e) => {
        const d = ctl.sigma.getEdgeDisplayData(e);
        return !!d && !d.hidden && !!d.label && !!d.forceLabel;
      })
      .map((edge) => ({ edge, source: g.source(edge), target: g.target(edge) }));
  });
  // Labels drawn, in viewport pixels, and the drawing's size: overlaps and cuts are checked against them.
  get('labelBoxes', () => c()?.labels.boxes.map((b) => ({ ...b })) ?? []);
  get('viewport', () => c()?.sigma.getDimensions());
  get('labelsPlacedIn', () => c()?.labels.placedIn);
  get('camera', () => c()?.sigma.getCamera().getState());
  // Where nodes are drawn, in viewport pixels (undefined: not drawn), to check what the camera frames.
  // (Not enumerable: the tests copy the hook's values, and a function does not copy.)
  Object.defineProperty(hook, 'whereDrawn', {
    value: (ids: string[]) => {
      const s = c()?.sigma;
      return ids.map((id) => {
        const d = s?.getNodeDisplayData(id);
        return s && d && !d.hidden ? s.framedGraphToViewport(d) : undefined;
      });
    },
  });
  Object.freeze(hook);
  Object.defineProperty(window, '__actorgraph', { value: hook });
}

export function TestHook(props: HookInput) {
  current = props;
  install();
  return null;
}
