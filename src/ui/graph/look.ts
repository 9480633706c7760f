// How nodes are drawn beyond their type's colour and degree's size: by
// community, or sized by a centrality. Pure; the reducers read the maps.
import { communityColor } from './community-palette.ts';
import { sizesFor } from './metric-shape.ts';

export interface NodeLook {
  /** Colour by node id (community colouring); absent: the type's colour. */
  colors?: ReadonlyMap<string, string>;
  /** Size by node id (size by a metric); absent: the size by degree. */
  sizes?: ReadonlyMap<string, number>;
  /** What the colours mean, for a picture's legend (with `colors`). */
  legend?: readonly { label: string; color: string }[];
}

export interface Community {
  rank: number;
  size: number;
  color: string;
  /** Its most connected member (ties: the first by id): the community's name in the legend. */
  hub: string;
}

/** Node colours and the communities, largest first, from community ranks by node id. */
export function communityLook(
  ranks: ReadonlyMap<string, number>,
  degree: (id: string) => number,
): { colors: Map<string, string>; communities: Community[] } {
  const colors = new Map<string, string>();
  const byRank = new Map<number, { size: number; hub: string; deg: number }>();
  for (const [id, r] of ranks) {
    colors.set(id, communityColor(r));
    const d = degree(id);
    const c = byRank.get(r);
    if (!c) byRank.set(r, { size: 1, hub: id, deg: d });
    else {
      c.size++;
      if (d > c.deg || (d === c.deg && id < c.hub)) {
        c.hub = id;
        c.deg = d;
      }
    }
  }
  const communities = [...byRank.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([rank, c]) => ({ rank, size: c.size, color: communityColor(rank), hub: c.hub }));
  return { colors, communities };
}

/** Node sizes from metric values by node id, spanning the range of `base` (the sizes by degree). */
export function metricSizes(values: ReadonlyMap<string, number>, base: (id: string) => number): Map<string, number> {
  const ids = [...values.keys()];
  const sizes = sizesFor(
    ids.map((id) => values.get(id)!),
    ids.map((id) => base(id)),
  );
  return new Map(ids.map((id, i) => [id, sizes[i]!]));
}

/** The legend of communities: the largest by name and size, the rest in one line (they share a grey). */
export function communityLegend(
  communities: readonly Community[],
  labelOf: (id: string) => string,
  shown: number,
): { label: string; color: string; size: number; hub: string }[] {
  const top = communities
    .slice(0, shown)
    .map((c) => ({ label: labelOf(c.hub), color: c.color, size: c.size, hub: c.hub }));
  const rest = communities.slice(shown);
  if (rest.length) {
    const n = rest.reduce((s, c) => s + c.size, 0);
    top.push({ label: `${rest.length} smaller communities`, color: rest[0]!.color, size: n, hub: '' });
  }
  return top;
}
