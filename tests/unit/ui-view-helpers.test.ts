import { describe, expect, it } from 'vitest';
import type { NeighbourhoodResult, PathResult } from '../../src/core/model.ts';
import type { Loaded } from '../../src/ui/controllers/gateway.ts';
import { chosenPathOf, focusOf } from '../../src/ui/state/focus.ts';
import { exportRequest } from '../../src/ui/state/export-request.ts';
import { parseUrlState } from '../../src/ui/state/url-state.ts';

const step = (id: string) => ({ triple: { id } });
const paths = {
  paths: [
    { nodes: ['a', 'b'], steps: [step('t1')] },
    { nodes: ['a', 'c', 'b'], steps: [step('t2'), step('t3')] },
  ],
} as unknown as PathResult;
const nb = {
  entities: [{ id: 'a' }, { id: 'x' }],
  triples: [{ id: 't9' }],
  distance: {},
} as unknown as NeighbourhoodResult;

describe('what the drawing highlights', () => {
  it('the chosen path stays within the result', () => {
    expect(chosenPathOf(paths, 1)?.nodes).toEqual(['a', 'c', 'b']);
    expect(chosenPathOf(paths, 7)?.nodes).toEqual(['a', 'c', 'b']);
    expect(chosenPathOf({ paths: [] } as unknown as PathResult, 0)).toBeUndefined();
    expect(chosenPathOf(undefined, 0)).toBeUndefined();
  });

  it('a path query lights every path and marks the chosen one; a neighbourhood its result', () => {
    const url = parseUrlState('?q=path&from=a&to=b&pi=1&hide=place&out=hide');
    const f = focusOf(url, undefined, paths, chosenPathOf(paths, 1));
    expect([...f.focusNodes!]).toEqual(['a', 'b', 'c']);
    expect([...f.pathEdges!]).toEqual(['t2', 't3']);
    expect([...f.hiddenTypes]).toEqual(['place']);
    expect(f.outside).toBe('hide');
    const n = focusOf(parseUrlState('?e=a&q=neighbourhood'), nb, paths, undefined);
    expect([...n.focusNodes!]).toEqual(['a', 'x']);
    expect(n.pathNodes).toBeUndefined();
    expect(focusOf(parseUrlState('?e=a'), nb, paths, undefined)).toEqual({
      selected: 'a',
      hiddenTypes: new Set(),
      outside: 'dim',
    });
  });
});

describe('what an export holds', () => {
  const view = {
    data: { title: 'T' },
    graph: {
      filterNodes: (fn: (n: string, a: Record<string, unknown>) => boolean) =>
        [
          ['a', 'state'],
          ['p', 'place'],
        ]
          .filter(([n, t]) => fn(n!, { entityType: t }))
          .map(([n]) => n),
    },
  } as unknown as Loaded;
  const labelOf = (id: string) => id.toUpperCase();

  it('follows the query on screen, else the selection, else the drawn graph without hidden types', () => {
    expect(exportRequest(view, parseUrlState('?q=path&from=a&to=b'), labelOf, undefined, paths)).toEqual({
      kind: 'path',
      opts: { entities: ['a', 'b', 'c'], triples: ['t1', 't2', 't3'], title: 'Paths from A to B' },
    });
    expect(exportRequest(view, parseUrlState('?e=a&q=neighbourhood&d=2'), labelOf, nb)).toEqual({
      kind: 'neighbourhood',
      opts: { entities: ['a', 'x'], triples: ['t9'], title: 'Neighbourhood of A, depth 2' },
    });
    expect(exportRequest(view, parseUrlState('?e=a'), labelOf)).toEqual({
      kind: 'entity',
      opts: { entities: ['a'], includeNeighbours: true, title: 'A and its relations' },
    });
    expect(exportRequest(view, parseUrlState('?hide=place'), labelOf)).toEqual({
      kind: 'graph',
      opts: { entities: ['a'], title: 'T' },
    });
  });
});

describe('what an export holds: what the view shows, no more', () => {
  const labelOf = (id: string) => id.toUpperCase();
  const types: Record<string, string> = { a: 'state', b: 'state', p: 'place' };
  const edges: Record<string, [string, string]> = { t1: ['a', 'b'], t2: ['a', 'p'] };
  const graph = {
    hasNode: (n: string) => n in types,
    getNodeAttribute: (n: string) => types[n],
    edges: (n: string) => Object.keys(edges).filter((e) => edges[e]!.includes(n)),
    source: (e: string) => edges[e]![0],
    target: (e: string) => edges[e]![1],
    filterNodes: (fn: (n: string, a: Record<string, unknown>) => boolean) =>
      Object.keys(types).filter((n) => fn(n, { entityType: types[n] })),
  };
  const view = (partial = false) =>
    ({ data: { title: 'T' }, graph, partial, stats: { entities: 5000 } }) as unknown as Loaded;

  it('a path search without a result exports nothing, and says why', () => {
    const r = exportRequest(view(), parseUrlState('?q=path&from=a&to=b'), labelOf, undefined, {
      paths: [],
    } as unknown as PathResult);
    expect(r.nothing).toBe('Paths from A to B: no path found, nothing to export.');
    expect(exportRequest(view(), parseUrlState('?q=path&from=a&to=b'), labelOf).nothing).toBeDefined();
  });

  it("hidden types are left out of a neighbourhood and of an entity's relations", () => {
    const n = {
      entities: [
        { id: 'a', type: 'state' },
        { id: 'p', type: 'place' },
      ],
      triples: [{ id: 't2', subject: 'a', object: 'p' }],
    } as unknown as NeighbourhoodResult;
    expect(exportRequest(view(), parseUrlState('?e=a&q=neighbourhood&hide=place'), labelOf, n).opts).toEqual({
      entities: ['a'],
      title: 'Neighbourhood of A, depth 1',
    });
    expect(exportRequest(view(), parseUrlState('?e=a&hide=place'), labelOf).opts).toEqual({
      triples: ['t1'],
      title: 'A and its relations',
    });
  });

  it('a partial view is titled with what it draws, not the whole dataset alone', () => {
    expect(exportRequest(view(true), parseUrlState(''), labelOf).opts.title).toBe('T (the 3 entities drawn, of 5,000)');
    expect(exportRequest(view(false), parseUrlState(''), labelOf).opts.title).toBe('T');
  });
});
