// Colour by community and size by a metric: computed in a worker for the drawn
// graph whenever it or the choice changes, then handed to the controller. The
// graph stays usable meanwhile; what is being computed is shown.
import { useEffect, useState } from 'preact/hooks';
import type { GraphController } from '../graph/controller.ts';
import { runMetric } from '../graph/metrics-run.ts';
import { COMMUNITY_COLORS } from '../graph/community-palette.ts';
import { communityLegend, communityLook, metricSizes, type Community } from '../graph/look.ts';
import type { ColourBy, SizeMetric } from '../graph/metric-shape.ts';
import type { Loaded } from './gateway.ts';

export interface LookState {
  /** Communities being computed. */
  colouring: boolean;
  /** The metric whose sizes are being computed. */
  sizing?: SizeMetric;
  /** The communities of the drawn graph, largest first (community colouring only). */
  communities?: Community[];
  /** Betweenness was estimated from a sample of sources. */
  sampled: boolean;
  error?: string;
}

/** What a finished computation was for: a graph at a version (it grows in place), and which metric. */
interface Done {
  graph: unknown;
  version: number;
  what: string;
}
const isFor = (d: Done | undefined, graph: unknown, version: number, what: string) =>
  !!d && d.graph === graph && d.version === version && d.what === what;

export function useLook(
  controller: { current?: GraphController },
  view: Loaded | undefined,
  viewVersion: number,
  colour: ColourBy,
  size: SizeMetric,
): LookState {
  const [coloured, setColoured] = useState<Done & { communities?: Community[]; error?: string }>();
  const [sized, setSized] = useState<Done & { sampled: boolean; error?: string }>();

  useEffect(() => {
    const ctl = controller.current;
    if (!view || !ctl) return;
    const g = view.graph,
      version = viewVersion;
    if (colour === 'type') {
      if (ctl.getLook().colors) ctl.setLook({ colors: undefined, legend: undefined });
      return;
    }
    // Another graph's colours go at once; a grown graph keeps them until the new ones come.
    if (coloured?.graph !== g) ctl.setLook({ colors: undefined, legend: undefined });
    let live = true;
    const run = runMetric(g, 'communities');
    run.result
      .then((r) => {
        if (!live || !r || ctl.getGraph() !== g) return;
        const { colors, communities } = communityLook(r.values, (id) => g.degree(id));
        const labelOf = (id: string) => (g.getNodeAttribute(id, 'label') as string | undefined) ?? id;
        const legend = communityLegend(communities, labelOf, COMMUNITY_COLORS.length).map((c) => ({
          label: c.hub ? `Community of ${c.label} (${c.size})` : `${c.label} (${c.size})`,
          color: c.color,
        }));
        ctl.setLook({ colors, legend });
        setColoured({ graph: g, version, what: 'community', communities });
      })
      .catch((e: unknown) => {
        if (live)
          setColoured({ graph: g, version, what: 'community', error: `Could not find communities: ${String(e)}` });
      });
    return () => {
      live = false;
      run.cancel();
    };
  }, [view, viewVersion, colour]);

  useEffect(() => {
    const ctl = controller.current;
    if (!view || !ctl) return;
    const g = view.graph,
      version = viewVersion;
    if (size === 'degree') {
      if (ctl.getLook().sizes) ctl.setLook({ sizes: undefined });
      return;
    }
    if (sized?.graph !== g) ctl.setLook({ sizes: undefined });
    let live = true;
    const run = runMetric(g, size);
    run.result
      .then((r) => {
        if (!live || !r || ctl.getGraph() !== g) return;
        ctl.setLook({ sizes: metricSizes(r.values, (id) => g.getNodeAttribute(id, 'size') as number) });
        setSized({ graph: g, version, what: size, sampled: r.sampled });
      })
      .catch((e: unknown) => {
        if (live) setSized({ graph: g, version, what: size, sampled: false, error: `Could not compute ${size}: ${e}` });
      });
    return () => {
      live = false;
      run.cancel();
    };
  }, [view, viewVersion, size]);

  // Derived from the choice and what is done, so a new choice reads as computing from its first render.
  const g = view?.graph;
  const colourDone = isFor(coloured, g, viewVersion, 'community');
  const sizeDone = isFor(sized, g, viewVersion, size);
  const wantColour = !!g && colour === 'community',
    wantSize = !!g && size !== 'degree';
  return {
    colouring: wantColour && !colourDone,
    sizing: wantSize && !sizeDone ? size : undefined,
    // A grown graph keeps its legend until the new one comes.
    communities: wantColour && coloured?.graph === g ? coloured?.communities : undefined,
    sampled: wantSize && sizeDone && !!sized?.sampled,
    error: (wantColour && colourDone && coloured?.error) || (wantSize && sizeDone && sized?.error) || undefined,
  };
}
