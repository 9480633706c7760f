import { describe, expect, it } from 'vitest';
import { generateDataset, loadSchema, mulberry32, serialiseDataset, toNTriples } from '../../bench/generate.ts';
import { buildCsr, CsrSearcher } from '../../bench/csr.ts';
import { validateDataset } from '../../src/core/validate.ts';
import { indexSchema } from '../../src/core/schema.ts';

const schema = loadSchema();

describe('bench generator', () => {
  it('is deterministic: same seed, byte-identical file; other seed, other file', () => {
    const a = serialiseDataset(generateDataset({ triples: 3000, seed: 7, schema }));
    const b = serialiseDataset(generateDataset({ triples: 3000, seed: 7, schema }));
    const c = serialiseDataset(generateDataset({ triples: 3000, seed: 8, schema }));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('mulberry32 gives the same stream for the same seed, in [0, 1)', () => {
    const r1 = mulberry32(42),
      r2 = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => r1());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => r2()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });

  it('the 10k dataset validates with no errors, evidence checked against the generated sources', () => {
    const ds = generateDataset({ triples: 10_000, seed: 1, schema });
    expect(ds.triples).toHaveLength(10_000);
    expect(ds.entities).toHaveLength(1000);
    const text = serialiseDataset(ds);
    const r = validateDataset(JSON.parse(text), {
      file: 'synthetic-10k.json',
      defaultSchema: schema,
      text,
      checkEvidence: true,
    });
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.ok).toBe(true);
    // Every evidence quote is a sentence of its source.
    const src = new Map(ds.sources.map((s) => [s.id, s.text!]));
    for (const t of ds.triples.slice(0, 500)) expect(src.get(t.source)).toContain(t.evidence);
  });

  it('respects domain and range, including subtypes', () => {
    const idx = indexSchema(schema);
    const ds = generateDataset({ triples: 5000, seed: 3, schema });
    const type = new Map(ds.entities.map((e) => [e.id, e.type]));
    for (const t of ds.triples) {
      const p = idx.predicates.get(t.predicate)!;
      expect(
        p.domain.some((d) => idx.isA(type.get(t.subject)!, d)),
        `${t.subject} ${t.predicate}`,
      ).toBe(true);
      expect(
        p.range.some((d) => idx.isA(type.get(t.object)!, d)),
        `${t.predicate} ${t.object}`,
      ).toBe(true);
    }
  });

  it('has heavy-tailed degrees: the max degree is far above the median', () => {
    const ds = generateDataset({ triples: 10_000, seed: 1, schema });
    const deg = new Map<string, number>();
    for (const t of ds.triples) for (const v of [t.subject, t.object]) deg.set(v, (deg.get(v) ?? 0) + 1);
    const d = [...deg.values()].sort((a, b) => a - b);
    const med = d[d.length >> 1]!;
    expect(d.length).toBe(ds.entities.length); // no isolated entity
    expect(d[d.length - 1]!).toBeGreaterThan(10 * med);
  });

  it('has aliases with diacritics and punctuation', () => {
    const ds = generateDataset({ triples: 10_000, seed: 1, schema });
    const aliases = ds.entities.flatMap((e) => e.aliases ?? []);
    expect(aliases.some((a) => /[\u0100-\u024f\u1e00-\u1eff]/.test(a))).toBe(true);
    expect(aliases.some((a) => /[.'-]/.test(a))).toBe(true);
  });

  it('writes N-Triples with one statement per line: type and label per entity, one per triple', () => {
    const ds = generateDataset({ triples: 2000, seed: 5, schema });
    const lines = toNTriples(ds).trimEnd().split('\n');
    expect(lines).toHaveLength(2 * ds.entities.length + ds.triples.length);
    for (const l of lines) expect(l).toMatch(/^<[^>\s]+> <[^>\s]+> (<[^>\s]+>|"(?:[^"\\]|\\.)*") \.$/);
  });
});

describe('CSR floor', () => {
  it('finds shortest undirected path lengths equal to a plain BFS', () => {
    const ds = generateDataset({ triples: 3000, seed: 11, schema });
    const g = buildCsr(ds);
    const s = new CsrSearcher(g);
    const bfs = (a: number, b: number) => {
      const dist = new Int32Array(g.ids.length).fill(-1);
      dist[a] = 0;
      const q = [a];
      for (let h = 0; h < q.length; h++) {
        const v = q[h]!;
        for (let e = g.off[v]!; e < g.off[v + 1]!; e++) {
          const w = g.nbr[e]!;
          if (dist[w]! < 0) {
            dist[w] = dist[v]! + 1;
            q.push(w);
          }
        }
      }
      return dist[b]!;
    };
    const rnd = mulberry32(9);
    for (let i = 0; i < 200; i++) {
      const a = Math.floor(rnd() * g.ids.length),
        b = Math.floor(rnd() * g.ids.length);
      const p = s.shortestPath(a, b);
      const d = bfs(a, b);
      expect(p ? p.length - 1 : -1).toBe(d);
      if (p)
        for (let k = 1; k < p.length; k++) {
          const v = p[k - 1]!;
          expect(Array.from(g.nbr.subarray(g.off[v]!, g.off[v + 1]!))).toContain(p[k]);
        }
    }
  });
});
