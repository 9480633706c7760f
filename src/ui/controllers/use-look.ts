// Colour by community and size by a metric: computed in a worker for the drawn
// graph whenever it or the choice changes, then handed to the controller. The
// graph stays usable meanwhile; what is being computed is shown.
import { useEffect, useRef, useState } from 'preact/hooks';
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

export function useLook(
  controller: { current?: GraphController },
  view: Loaded | undefined,
  viewVersion: number,
  colour: ColourBy,
  size: SizeMetric,
): LookState {
  const [colouring, setColouring] = useState(false);
  const [sizing, setSizing] = useState<SizeMetric>();
  const [communities, setCommunities] = useState<Community[]>();
  const [sampled, setSampled] = useState(false);
  const [error, setError] = useState<string>();
  // The graph each look was made for: another graph's colours are cleared at once.
  const colouredGraph = useRef<unknown>(undefined);
  const sizedGraph = useRef<unknown>(undefined);

  useEffect(() => {
    const ctl = controller.current;
    if (!view || !ctl) return;
    const g = view.graph;
    if (colour === 'type') {
      if (ctl.getLook().colors) ctl.setLook({ colors: undefined, legend: undefined });
      setCommunities(undefined);
      setColouring(false);
      return;
    }
    if (colouredGraph.current !== g) ctl.setLook({ colors: undefined, legend: undefined });
    setColouring(true);
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
        colouredGraph.current = g;
        ctl.setLook({ colors, legend });
        setCommunities(communities);
        setError(undefined);
      })
      .catch((e: unknown) => live && setError(`Could not find communities: ${String(e)}`))
      .finally(() => live && setColouring(false));
    return () => {
      live = false;
      run.cancel();
    };
  }, [view, viewVersion, colour]);

  useEffect(() => {
    const ctl = controller.current;
    if (!view || !ctl) return;
    const g = view.graph;
    if (size === 'degree') {
      if (ctl.getLook().sizes) ctl.setLook({ sizes: undefined });
      setSampled(false);
      setSizing(undefined);
      return;
    }
    if (sizedGraph.current !== g) ctl.setLook({ sizes: undefined });
    setSizing(size);
    let live = true;
    const run = runMetric(g, size);
    run.result
      .then((r) => {
        if (!live || !r || ctl.getGraph() !== g) return;
        sizedGraph.current = g;
        ctl.setLook({ sizes: metricSizes(r.values, (id) => g.getNodeAttribute(id, 'size') as number) });
        setSampled(r.sampled);
        setError(undefined);
      })
      .catch((e: unknown) => live && setError(`Could not compute ${size}: ${String(e)}`))
      .finally(() => live && setSizing(undefined));
    return () => {
      live = false;
      run.cancel();
    };
  }, [view, viewVersion, size]);

  return { colouring, sizing, communities: colour === 'community' ? communities : undefined, sampled, error };
}
