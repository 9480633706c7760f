// Communities and centralities of the drawn graph, on small graphs whose answers are known.
import { describe, expect, it } from 'vitest';
import { MultiDirectedGraph } from 'graphology';
import { betweennessOf, communitiesOf, pagerankOf, shapeOf, sizesFor } from '../../src/ui/graph/metrics.ts';

function graphOf(edges: [string, string][], isolated: string[] = []) {
  const g = new MultiDirectedGraph();
  for (const [s, t] of edges) {
    g.mergeNode(s);
    g.mergeNode(t);
    g.addEdge(s, t);
  }
  for (const n of isolated) g.mergeNode(n);
  return g;
}

/** Two cliques of five, joined by one bridge (a4 — b0); a sixth clique of three apart. */
function cliques() {
  const edges: [string, string][] = [];
  const clique = (p: string, n: number) => {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) edges.push([`${p}${i}`, `${p}${j}`]);
  };
  clique('a', 5);
  clique('b', 5);
  clique('c', 3);
  edges.push(['a4', 'b0']);
  return graphOf(edges, ['lone']);
}

describe('communities', () => {
  it('finds the cliques, numbered by size, the isolated node alone', () => {
    const { keys, shape } = shapeOf(cliques());
    const c = communitiesOf(shape);
    const of = (k: string) => c[keys.indexOf(k)];
    for (const p of ['a', 'b']) for (let i = 1; i < 5; i++) expect(of(`${p}${i}`)).toBe(of(`${p}0`));
    expect(of('a0')).not.toBe(of('b0'));
    // Two of five (the first met first), then three, then the lone node.
    expect([of('a0'), of('b0'), of('c0'), of('c2'), of('lone')]).toEqual([0, 1, 2, 2, 3]);
  });

  it('gives the same answer every time (seeded)', () => {
    const { shape } = shapeOf(cliques());
    expect([...communitiesOf(shape)]).toEqual([...communitiesOf(shape)]);
  });

  it('copes with no nodes and no edges', () => {
    expect([...communitiesOf(shapeOf(graphOf([])).shape)]).toEqual([]);
    expect([...communitiesOf(shapeOf(graphOf([], ['x', 'y'])).shape)]).toEqual([0, 1]);
  });
});

describe('centralities', () => {
  it('PageRank: a node everyone points to ranks first; ranks sum to 1', () => {
    const { keys, shape } = shapeOf(
      graphOf([
        ['a', 'hub'],
        ['b', 'hub'],
        ['c', 'hub'],
        ['hub', 'a'],
        ['c', 'b'],
      ]),
    );
    const r = pagerankOf(shape);
    const best = keys[r.indexOf(Math.max(...r))];
    expect(best).toBe('hub');
    expect(r.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 6);
  });

  it('betweenness of a path a-b-c-d: the inner nodes 2, the ends 0 (exact)', () => {
    const { keys, shape } = shapeOf(
      graphOf([
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'd'],
      ]),
    );
    const { values, sampled } = betweennessOf(shape);
    expect(sampled).toBe(false);
    expect(Object.fromEntries(keys.map((k, i) => [k, values[i]]))).toEqual({ a: 0, b: 2, c: 2, d: 0 });
  });

  it('sampled betweenness: with every node as a source it equals the exact one; with fewer, the bridge still leads', () => {
    const { keys, shape } = shapeOf(cliques());
    const exact = betweennessOf(shape).values;
    const all = betweennessOf(shape, { exactMax: 0, samples: shape.order });
    expect(all.sampled).toBe(true);
    for (let i = 0; i < exact.length; i++) expect(all.values[i]).toBeCloseTo(exact[i]!, 6);
    const some = betweennessOf(shape, { exactMax: 0, samples: 8 }).values;
    const top = keys.filter((_, i) => some[i]! >= Math.max(...some) * 0.5).sort();
    expect(top).toEqual(['a4', 'b0']);
  });

  it('sizes span the given range by the square root of the value', () => {
    expect([...sizesFor([0, 25, 100], [2, 4, 10])]).toEqual([2, 6, 10]);
    expect([...sizesFor([1, 1], [3, 3])]).toEqual([3, 3]);
  });
});
