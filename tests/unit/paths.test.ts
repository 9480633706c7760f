import { describe, expect, it } from 'vitest';
import { describePath, findPaths, MAX_ALL_SHORTEST } from '../../src/core/paths.ts';
import type { Path, PathQuery } from '../../src/core/model.ts';
import { indexSchema } from '../../src/core/schema.ts';
import type { TripleStore } from '../../src/core/store.ts';
import { abstractStore, schema, storyStore } from './core-fixtures.ts';

const nodes = (p: Path) => p.nodes.join('');

describe('shortest path', () => {
  const store = abstractStore(['s-p->h!', 'h-p->t', 's-p->a', 'a-p->b', 'b-p->t', 'x-p->y', 'z-p->y'], ['lonely']);

  it('finds the shortest path with one triple per step', () => {
    const r = findPaths(store, { from: 's', to: 't' });
    expect(r.reason).toBeUndefined();
    expect(r.paths.length).toBe(1);
    expect(nodes(r.paths[0]!)).toBe('sht');
    expect(r.paths[0]!.length).toBe(2);
    expect(r.paths[0]!.steps.map((st) => [st.triple.id, st.forward])).toEqual([
      ['e0:s-p->h', true],
      ['e1:h-p->t', true],
    ]);
  });

  it('walks triples backwards unless directed', () => {
    const r = findPaths(store, { from: 'x', to: 'z' });
    expect(nodes(r.paths[0]!)).toBe('xyz');
    expect(r.paths[0]!.steps.map((st) => st.forward)).toEqual([true, false]);
    const d = findPaths(store, { from: 'x', to: 'z', directed: true });
    expect(d.paths).toEqual([]);
    expect(d.reason).toBe('no directed path from X to Z; there is an undirected one of 2 steps (drop "directed")');
    expect(nodes(findPaths(store, { from: 't', to: 's' }).paths[0]!)).toBe('ths');
    expect(findPaths(store, { from: 't', to: 's', directed: true }).paths).toEqual([]);
  });

  it('avoids types as intermediates but not as endpoints', () => {
    expect(nodes(findPaths(store, { from: 's', to: 't', avoidTypes: ['blocked'] }).paths[0]!)).toBe('sabt');
    expect(nodes(findPaths(store, { from: 'h', to: 't', avoidTypes: ['blocked'] }).paths[0]!)).toBe('ht');
    // 'node' covers its subtype 'hub' but not 'blocked': only the route through h is left.
    expect(nodes(findPaths(store, { from: 's', to: 't', avoidTypes: ['node'] }).paths[0]!)).toBe('sht');
  });

  it('avoids entities', () => {
    expect(nodes(findPaths(store, { from: 's', to: 't', avoidEntities: ['h'] }).paths[0]!)).toBe('sabt');
    const r = findPaths(store, { from: 's', to: 't', avoidEntities: ['h', 'b'] });
    expect(r.paths).toEqual([]);
    expect(r.reason).toBe('no path between S and T avoiding h, b; without avoiding them the shortest has 2 steps');
    const rt = findPaths(store, { from: 's', to: 't', avoidTypes: ['blocked'], avoidEntities: ['a'] });
    expect(rt.reason).toBe(
      'no path between S and T avoiding type blocked, a; without avoiding them the shortest has 2 steps',
    );
  });

  it('respects max length and says how long the shortest is', () => {
    expect(findPaths(store, { from: 's', to: 't', maxLength: 2 }).paths.length).toBe(1);
    const r = findPaths(store, { from: 's', to: 't', maxLength: 1 });
    expect(r.paths).toEqual([]);
    expect(r.reason).toBe('no path within max length 1; the shortest has 2 steps');
    const r2 = findPaths(store, { from: 's', to: 't', maxLength: 2, avoidTypes: ['blocked'] });
    expect(r2.reason).toBe('no path within max length 2; the shortest has 3 steps');
  });

  it('follows only the allowed predicates', () => {
    const r = findPaths(store, { from: 's', to: 't', predicates: ['q'] });
    expect(r.reason).toBe(
      'no path between S and T using only predicates q; without that filter the shortest has 2 steps',
    );
    expect(findPaths(store, { from: 's', to: 't', predicates: ['p'] }).paths.length).toBe(1);
  });

  it('explains unknown, identical and unconnected entities', () => {
    expect(findPaths(store, { from: 'nope', to: 't' }).reason).toMatch(/^unknown entity 'nope'/);
    expect(findPaths(store, { from: 'nope', to: 'nada' }).reason).toMatch(/^unknown entity 'nope' and 'nada'/);
    expect(findPaths(store, { from: 's', to: 's' }).reason).toBe(
      'from and to are the same entity (S); pick two different entities',
    );
    expect(findPaths(store, { from: 's', to: 'lonely' }).reason).toBe(
      'no path at all between S and LONELY: they are not connected in the graph',
    );
    expect(findPaths(store, { from: 's', to: 'x', mode: 'k-shortest' }).reason).toMatch(/^no path at all/);
  });

  it('picks one representative triple per step: forward first, then file order', () => {
    const st = abstractStore(['b-p->a', 'a-q->b', 'a-p->b', 'b-r->c']);
    const ab = findPaths(st, { from: 'a', to: 'b', mode: 'all-shortest' });
    expect(ab.paths.length).toBe(1);
    expect(ab.paths[0]!.steps[0]).toMatchObject({ forward: true, triple: { id: 'e1:a-q->b' } });
    const ca = findPaths(st, { from: 'c', to: 'a' });
    expect(ca.paths[0]!.steps.map((s) => [s.triple.id, s.forward])).toEqual([
      ['e3:b-r->c', false],
      ['e0:b-p->a', true],
    ]);
    const onlyP = findPaths(st, { from: 'a', to: 'b', predicates: ['p'] });
    expect(onlyP.paths[0]!.steps[0]!.triple.id).toBe('e2:a-p->b');
  });
});

describe('all shortest paths', () => {
  it('lists every shortest path of a diamond', () => {
    const st = abstractStore([
      's-p->a',
      'a-p->t',
      's-p->b',
      'b-p->t',
      's-p->c',
      'c-p->t',
      's-p->d',
      'd-p->e',
      'e-p->t',
    ]);
    const r = findPaths(st, { from: 's', to: 't', mode: 'all-shortest' });
    expect(r.paths.map(nodes).sort()).toEqual(['sat', 'sbt', 'sct']);
    expect(
      findPaths(st, { from: 's', to: 't', mode: 'all-shortest', avoidEntities: ['b'] })
        .paths.map(nodes)
        .sort(),
    ).toEqual(['sat', 'sct']);
  });

  it('multiplies across diamonds in series, directed or not', () => {
    const st = abstractStore(['s-p->a', 'a-p->m', 's-p->b', 'b-p->m', 'm-p->c', 'c-p->t', 'd-p->m', 't-p->d']);
    // Undirected: m → {c, d} → t; directed: only m → c → t.
    expect(findPaths(st, { from: 's', to: 't', mode: 'all-shortest' }).paths.map(nodes).sort()).toEqual([
      'samct',
      'samdt',
      'sbmct',
      'sbmdt',
    ]);
    expect(findPaths(st, { from: 's', to: 't', mode: 'all-shortest', directed: true }).paths.map(nodes).sort()).toEqual(
      ['samct', 'sbmct'],
    );
  });

  it('caps the count with a note', () => {
    // 3 layers of 5 parallel middles: 125 shortest paths of 4 steps.
    const edges: string[] = [];
    const layers = ['s', 'm1', 'm2', 't'];
    for (let l = 0; l < 3; l++) {
      for (let i = 0; i < 5; i++) {
        edges.push(`${layers[l]}-p->x${l}${i}`, `x${l}${i}-p->${layers[l + 1]}`);
      }
    }
    const st = abstractStore(edges);
    const r = findPaths(st, { from: 's', to: 't', mode: 'all-shortest' });
    expect(r.paths.length).toBe(MAX_ALL_SHORTEST);
    expect(r.note).toMatch(/only the first 100/);
    expect(new Set(r.paths.map(nodes)).size).toBe(MAX_ALL_SHORTEST);
    expect(r.paths.every((p) => p.length === 6)).toBe(true);
  });
});

describe('k shortest paths', () => {
  const routes = ['s-p->a', 'a-p->t', 's-p->b', 'b-p->c', 'c-p->t', 's-p->d', 'd-p->e', 'e-p->f', 'f-p->t'];

  it('ranks disjoint routes by length', () => {
    const st = abstractStore(routes);
    expect(findPaths(st, { from: 's', to: 't', mode: 'k-shortest', k: 3 }).paths.map(nodes)).toEqual([
      'sat',
      'sbct',
      'sdeft',
    ]);
    expect(findPaths(st, { from: 's', to: 't', mode: 'k-shortest', k: 10 }).paths.map(nodes)).toEqual([
      'sat',
      'sbct',
      'sdeft',
    ]);
    expect(findPaths(st, { from: 's', to: 't', mode: 'k-shortest', k: 2 }).paths.map(nodes)).toEqual(['sat', 'sbct']);
    expect(findPaths(st, { from: 's', to: 't', mode: 'k-shortest', k: 3, maxLength: 3 }).paths.map(nodes)).toEqual([
      'sat',
      'sbct',
    ]);
  });

  it('gives every simple path, once, in order of length', () => {
    const st = abstractStore([...routes, 'a-p->c']);
    const r = findPaths(st, { from: 's', to: 't', mode: 'k-shortest', k: 10 });
    expect(r.paths.map((p) => p.length)).toEqual([2, 3, 3, 4, 4]);
    expect(r.paths.map(nodes).sort()).toEqual(['sact', 'sat', 'sbcat', 'sbct', 'sdeft']);
    for (const p of r.paths) expect(new Set(p.nodes).size).toBe(p.nodes.length);
    // Directed: s → b → c → t, s → a → c → t, s → a → t, s → d … t; no c → a.
    const d = findPaths(st, { from: 's', to: 't', mode: 'k-shortest', k: 10, directed: true });
    expect(d.paths.map(nodes).sort()).toEqual(['sact', 'sat', 'sbct', 'sdeft']);
  });

  it('agrees with brute force on random graphs', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 30; round++) {
      const n = 7;
      const edges: string[] = [];
      for (let e = 0; e < 11; e++) {
        const a = rand(n),
          b = rand(n);
        if (a !== b) edges.push(`v${a}-p->v${b}`);
      }
      const st = abstractStore(
        edges,
        Array.from({ length: n }, (_, i) => `v${i}`),
      );
      for (const directed of [false, true]) {
        const all = simplePaths(st, 'v0', 'v1', directed).sort((x, y) => x - y);
        const r = findPaths(st, { from: 'v0', to: 'v1', mode: 'k-shortest', k: 4, directed });
        expect(r.paths.map((p) => p.length)).toEqual(all.slice(0, 4));
        expect(new Set(r.paths.map(nodes)).size).toBe(r.paths.length);
        for (const p of r.paths) checkPath(st, p, directed);
        const sh = findPaths(st, { from: 'v0', to: 'v1', directed });
        expect(sh.paths.map((p) => p.length)).toEqual(all.slice(0, 1));
        const every = findPaths(st, { from: 'v0', to: 'v1', mode: 'all-shortest', directed });
        expect(every.paths.length).toBe(all.filter((l) => l === all[0]).length);
      }
    }
  });
});

describe('many queries on one store', () => {
  it('match a plain BFS, and give the same answer when asked again after other queries', () => {
    let seed = 99;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const n = 300;
    const edges: string[] = [];
    for (let e = 0; e < 700; e++) edges.push(`v${rand(n)}${rand(6) === 0 ? '!' : ''}-${'pqr'[rand(3)]}->v${rand(n)}`);
    const st = abstractStore(
      edges,
      Array.from({ length: n }, (_, i) => `v${i}`),
    );
    const queries = Array.from({ length: 150 }, () => {
      const q: PathQuery = { from: `v${rand(n)}`, to: `v${rand(n)}`, directed: rand(3) === 0 };
      if (rand(3) === 0) q.predicates = ['p', 'qr'[rand(2)]!];
      if (rand(4) === 0) q.avoidTypes = ['blocked'];
      if (rand(4) === 0) q.avoidEntities = [`v${rand(n)}`, `v${rand(n)}`, 'nobody'];
      if (rand(5) === 0) q.maxLength = rand(5);
      return q;
    });
    const first = queries.map((q) => findPaths(st, q));
    queries.forEach((q, i) => {
      // Other modes in between stir the shared scratch arrays.
      if (i % 10 === 0) findPaths(st, { ...q, mode: i % 20 ? 'all-shortest' : 'k-shortest', k: 3 });
      const r = findPaths(st, q);
      expect(r).toStrictEqual(first[i]);
      const want = bfsLength(st, q);
      expect(r.paths.length ? r.paths[0]!.length : -1).toBe(q.from === q.to ? -1 : want);
      for (const p of r.paths) {
        checkPath(st, p, !!q.directed);
        if (q.predicates) for (const step of p.steps) expect(q.predicates).toContain(step.triple.predicate);
        for (const mid of p.nodes.slice(1, -1)) {
          expect(q.avoidEntities ?? []).not.toContain(mid);
          if (q.avoidTypes) expect(st.entity(mid)!.type).not.toBe('blocked');
        }
      }
    });
  });
});

/** Shortest length under the query's filters by a plain BFS over every triple, or -1. */
function bfsLength(st: TripleStore, q: PathQuery): number {
  const s = st.indexOf(q.from),
    t = st.indexOf(q.to);
  const ok = (i: number) =>
    i === t ||
    (!(q.avoidEntities ?? []).includes(st.entityAt(i).id) && !(q.avoidTypes && st.entityAt(i).type === 'blocked'));
  const dist = new Map<number, number>([[s, 0]]);
  for (let frontier = [s]; frontier.length; ) {
    const next: number[] = [];
    for (const u of frontier) {
      for (let tr = 0; tr < st.tripleCount; tr++) {
        if (q.predicates && !q.predicates.includes(st.predicateId(st.predicateOf(tr)))) continue;
        const a = st.subjectOf(tr),
          b = st.objectOf(tr);
        const v = a === u ? b : !q.directed && b === u ? a : -1;
        if (v < 0 || dist.has(v) || !ok(v)) continue;
        dist.set(v, dist.get(u)! + 1);
        next.push(v);
      }
    }
    frontier = next;
  }
  const d = dist.get(t);
  return d === undefined || d > (q.maxLength ?? Infinity) ? -1 : d;
}

/** Lengths of all simple entity paths (pairs of entities joined by any triple count once). */
function simplePaths(st: TripleStore, from: string, to: string, directed: boolean): number[] {
  const adj = new Map<number, Set<number>>();
  const add = (a: number, b: number) => {
    if (!adj.has(a)) adj.set(a, new Set());
    adj.get(a)!.add(b);
  };
  for (let t = 0; t < st.tripleCount; t++) {
    add(st.subjectOf(t), st.objectOf(t));
    if (!directed) add(st.objectOf(t), st.subjectOf(t));
  }
  const out: number[] = [];
  const target = st.indexOf(to);
  const seen = new Set<number>();
  const dfs = (u: number, len: number) => {
    if (u === target) {
      out.push(len);
      return;
    }
    seen.add(u);
    for (const v of adj.get(u) ?? []) if (!seen.has(v)) dfs(v, len + 1);
    seen.delete(u);
  };
  dfs(st.indexOf(from), 0);
  return out;
}

function checkPath(_st: TripleStore, p: Path, directed: boolean) {
  expect(p.nodes.length).toBe(p.length + 1);
  p.steps.forEach((step, i) => {
    const [a, b] = [p.nodes[i], p.nodes[i + 1]];
    if (step.forward) expect([step.triple.subject, step.triple.object]).toEqual([a, b]);
    else expect([step.triple.object, step.triple.subject]).toEqual([a, b]);
    if (directed) expect(step.forward).toBe(true);
  });
}

describe('describePath', () => {
  const store = storyStore();
  const labelOf = (id: string) => store.entity(id)?.label ?? id;
  const si = indexSchema(schema);

  it('reads a path in words, with inverse labels for steps walked backwards', () => {
    const r = findPaths(store, { from: 'joe-biden', to: 'kataib-hezbollah' });
    expect(describePath(r.paths[0]!, labelOf, si)).toBe(
      'Joe Biden —authorized→ US airstrike on eastern Syria —struck→ border control point —used by→ Kataib Hezbollah',
    );
    const back = findPaths(store, { from: 'iran', to: 'kataib-hezbollah' });
    expect(describePath(back.paths[0]!, labelOf, si)).toBe('Iran —backs→ Kataib Hezbollah');
    const trump = findPaths(store, { from: 'donald-trump', to: 'qasem-soleimani' });
    expect(describePath(trump.paths[0]!, labelOf, si)).toBe(
      'Donald Trump —ordered→ Killing of Qasem Soleimani —killed→ Qasem Soleimani',
    );
  });

  it('links Biden and Soleimani through the states', () => {
    const r = findPaths(store, { from: 'joe-biden', to: 'qasem-soleimani', mode: 'k-shortest', k: 3 });
    expect(r.paths.map((p) => describePath(p, labelOf, si))).toEqual([
      'Joe Biden —member of→ United States —has member→ Donald Trump —ordered→ Killing of Qasem Soleimani —killed→ Qasem Soleimani',
      "Joe Biden —authorized→ US airstrike on eastern Syria —struck→ border control point —used by→ Kataib Hezbollah —backed by→ Iran —has part→ Iran's government —has member→ Qasem Soleimani",
    ]);
  });
});
