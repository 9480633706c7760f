// Colour by community and size by a metric: the URL fields, their check against
// the data, the legend of communities, and which relation labels are drawn.
import { describe, expect, it } from 'vitest';
import { defaultUrlState, parseUrlState, serialiseUrlState } from '../../src/ui/state/url-state.ts';
import { cleanUrlState, describeDropped, type KnownData } from '../../src/ui/state/url-check.ts';
import { communityLegend, communityLook, metricSizes } from '../../src/ui/graph/look.ts';
import { COMMUNITY_COLORS, OTHER_COMMUNITY } from '../../src/ui/graph/community-palette.ts';
import { pickEdgeLabels, type EdgeLabelCandidate } from '../../src/ui/graph/edge-labels.ts';
import { reduceEdge, reduceNode } from '../../src/ui/graph/reducers.ts';
import { MultiDirectedGraph } from 'graphology';
import { DIM_NODE, EDGE_STRONG, type Highlight } from '../../src/ui/graph/highlight.ts';
import type { LabelPlacer } from '../../src/ui/graph/labels.ts';

describe('colour and size in the URL', () => {
  it('are left out when default, and read back when chosen', () => {
    expect(defaultUrlState()).toMatchObject({ colour: 'type', size: 'degree' });
    expect(serialiseUrlState({ ...defaultUrlState(), colour: 'type', size: 'degree' })).toBe('');
    const q = serialiseUrlState({ ...defaultUrlState(), colour: 'community', size: 'pagerank' });
    expect(q).toBe('?col=community&sz=pagerank');
    expect(parseUrlState(q)).toEqual({ ...defaultUrlState(), colour: 'community', size: 'pagerank' });
    expect(parseUrlState('?sz=betweenness').size).toBe('betweenness');
  });

  it('drop unknown values', () => {
    expect(parseUrlState('?col=rainbow&sz=closeness')).toEqual(defaultUrlState());
  });

  it('path results can hide the rest: the same "out" field as neighbourhoods', () => {
    const s = parseUrlState('?q=path&from=a&to=b&out=hide');
    expect([s.view, s.outside]).toEqual(['path', 'hide']);
    expect(serialiseUrlState(s)).toBe('?q=path&out=hide&from=a&to=b');
  });

  const known = (relations?: number): KnownData => ({
    entities: new Set(),
    types: new Set(),
    predicates: new Set(),
    relations,
  });

  it('are kept for data with relations, and dropped (and said) for data without', () => {
    const url = parseUrlState('?col=community&sz=betweenness');
    expect(cleanUrlState(url, known(12)).url).toBe(url);
    expect(cleanUrlState(url, known(undefined)).url).toBe(url);
    const r = cleanUrlState(url, known(0));
    expect([r.url.colour, r.url.size]).toEqual(['type', 'degree']);
    expect(r.dropped.map((d) => d.kind)).toEqual(['look', 'look']);
    expect(describeDropped(r.dropped)).toBe(
      'The link asks to colour by community and size by betweenness, but this data has no relations: it is drawn by type and degree.',
    );
    expect(cleanUrlState(parseUrlState('?e=x'), known(0)).dropped).toEqual([{ kind: 'entity', value: 'x' }]);
  });
});

describe('community look', () => {
  const ranks = new Map(Array.from({ length: 16 }, (_, i) => [`n${i}`, i < 3 ? 0 : i < 5 ? 1 : i - 3]));
  const degree = (id: string) => (id === 'n1' ? 9 : id === 'n4' ? 5 : 1);

  it('colours each community by rank (past the palette, grey), named by its most connected member', () => {
    const { colors, communities } = communityLook(ranks, degree);
    expect(colors.get('n0')).toBe(COMMUNITY_COLORS[0]);
    expect(colors.get('n3')).toBe(COMMUNITY_COLORS[1]);
    expect(colors.get('n14')).toBe(COMMUNITY_COLORS[11]);
    expect(colors.get('n15')).toBe(OTHER_COMMUNITY);
    expect(communities.slice(0, 2)).toEqual([
      { rank: 0, size: 3, color: COMMUNITY_COLORS[0], hub: 'n1' },
      { rank: 1, size: 2, color: COMMUNITY_COLORS[1], hub: 'n4' },
    ]);
    // A tie of degrees: the first id.
    expect(communities[2]!.hub).toBe('n5');
  });

  it('the legend names the largest and sums the rest in one line', () => {
    const { communities } = communityLook(ranks, degree);
    const legend = communityLegend(communities, (id) => id.toUpperCase(), 2);
    expect(legend).toEqual([
      { label: 'N1', color: COMMUNITY_COLORS[0], size: 3, hub: 'n1' },
      { label: 'N4', color: COMMUNITY_COLORS[1], size: 2, hub: 'n4' },
      { label: '11 smaller communities', color: COMMUNITY_COLORS[2], size: 11, hub: '' },
    ]);
  });

  it('sizes by a metric span the sizes by degree', () => {
    const s = metricSizes(
      new Map([
        ['a', 0],
        ['b', 1],
        ['c', 4],
      ]),
      (id) => ({ a: 2, b: 5, c: 8 })[id]!,
    );
    expect([...s.entries()]).toEqual([
      ['a', 2],
      ['b', 5],
      ['c', 8],
    ]);
  });
});

describe('relation labels: a few per node, where there is room', () => {
  const view = { width: 1000, height: 800, h: 15 };
  /** A hub at the centre with `n` spokes of length 300, evenly around it. */
  const star = (n: number, priority = 2): EdgeLabelCandidate[] =>
    Array.from({ length: n }, (_, i) => {
      const a = (i / n) * Math.PI * 2;
      return {
        edge: `e${i}`,
        source: 'hub',
        target: `n${i}`,
        priority,
        must: false,
        x1: 500,
        y1: 400,
        x2: 500 + Math.cos(a) * 300,
        y2: 400 + Math.sin(a) * 300,
        w: 60,
      };
    });

  it('a hub with 40 relations gets at most 4 labels', () => {
    const picked = pickEdgeLabels(star(40), view);
    expect(picked.size).toBeGreaterThan(0);
    expect(picked.size).toBeLessThanOrEqual(4);
  });

  it('the per-node limit is a parameter; few relations are all labelled', () => {
    expect(pickEdgeLabels(star(3), view).size).toBe(3);
    expect(pickEdgeLabels(star(40), { ...view, perNode: 2 }).size).toBe(2);
  });

  it('longer edges on screen first; too short ones, and those off screen, get none', () => {
    const c = star(2);
    c[0]!.x2 = 520; // 20 px long
    c[0]!.y2 = 400;
    expect([...pickEdgeLabels(c, view)]).toEqual(['e1']);
    const off = star(1).map((x) => ({ ...x, x1: 2000, x2: 2300 }));
    expect(pickEdgeLabels(off, view).size).toBe(0);
  });

  it('labels do not overlap: two parallel edges side by side get one', () => {
    const a = star(1)[0]!;
    const b = { ...a, edge: 'b', source: 'p', target: 'q', y1: a.y1 + 4, y2: a.y2 + 4 };
    expect(pickEdgeLabels([a, b], view).size).toBe(1);
  });

  it('the path and the chosen relation come first, whatever the limit', () => {
    const c = [...star(10, 1), ...star(1, 3).map((x) => ({ ...x, edge: 'path', target: 'z', x2: 300, y2: 100 }))];
    c.push({ ...c[0]!, edge: 'chosen', must: true, x2: 510, y2: 400 });
    const picked = pickEdgeLabels(c, { ...view, perNode: 2 });
    expect(picked.has('chosen')).toBe(true);
    expect(picked.has('path')).toBe(true);
    expect(picked.size).toBe(2);
  });
});

describe('the node reducer with a look', () => {
  const labels = { apply: () => {} } as unknown as LabelPlacer;
  const h = (extra: Partial<Highlight> = {}): Highlight => ({
    hiddenTypes: new Set(),
    outside: 'dim',
    labelledEdges: new Set(),
    ...extra,
  });
  const look = { colors: new Map([['a', '#459000']]), sizes: new Map([['a', 12]]) };
  const data = () => ({ color: '#123456', size: 4, label: 'A', entityType: 'state' });

  it('draws a node in its community colour and metric size; others as they are', () => {
    expect(reduceNode(h(), true, labels, look, 'a', data())).toMatchObject({ color: '#459000', size: 12 });
    expect(reduceNode(h(), true, labels, look, 'b', data())).toMatchObject({ color: '#123456', size: 4 });
    expect(reduceNode(h(), true, labels, {}, 'a', data())).toMatchObject({ color: '#123456', size: 4 });
  });

  it('outside a query result it is dimmed or hidden all the same; on the path it keeps its community colour', () => {
    const focus = { focusNodes: new Set(['x']) };
    expect(reduceNode(h(focus), false, labels, look, 'a', data()).color).toBe(DIM_NODE);
    expect(reduceNode(h({ ...focus, outside: 'hide' }), false, labels, look, 'a', data()).hidden).toBe(true);
    const path = { focusNodes: new Set(['a']), pathNodes: new Set(['a']) };
    expect(reduceNode(h(path), false, labels, look, 'a', data())).toMatchObject({ color: '#459000', size: 12 });
  });
});

describe('the edge reducer', () => {
  const g = new MultiDirectedGraph();
  g.addNode('hub');
  for (let i = 0; i < 6; i++) {
    g.addNode(`n${i}`);
    g.addEdgeWithKey(`e${i}`, 'hub', `n${i}`, { label: `rel ${i}` });
  }
  const picked = { shows: (e: string) => e === 'e1' };
  const h: Highlight = {
    hiddenTypes: new Set(),
    outside: 'dim',
    labelledEdges: new Set(),
    hovered: 'hub',
    hoverNodes: new Set(g.nodes()),
    hoverEdges: new Set(g.edges()),
  };

  it('a hovered hub labels only the relations picked, though all are drawn strong', () => {
    const out = g.edges().map((e) => reduceEdge(h, false, g, picked, e, { ...g.getEdgeAttributes(e) }));
    expect(out.map((d) => d.label)).toEqual(['', 'rel 1', '', '', '', '']);
    expect(out.every((d) => d.color === EDGE_STRONG)).toBe(true);
  });

  it('a big view draws plain lines, and the edges it highlights as arrows', () => {
    const line = (e: string, hl: Highlight, plain = false) =>
      reduceEdge(hl, plain, g, picked, e, { ...g.getEdgeAttributes(e), type: 'line' }).type;
    expect(line('e0', h, true)).toBe('line');
    expect(line('e0', h)).toBe('arrow');
    const path: Highlight = { ...h, hovered: undefined, hoverNodes: undefined, hoverEdges: undefined };
    expect(line('e2', { ...path, pathEdges: new Set(['e2']), focusEdges: new Set(['e2']) })).toBe('arrow');
    expect(line('e3', { ...path, pathEdges: new Set(['e2']), focusEdges: new Set(['e2']) })).toBe('line');
  });
});
