// The default schema's type colours: no two confusable (CIEDE2000), also for
// readers with red-green colour blindness, and each family in its own hues.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, oklch, parse } from 'culori';
import { COMMUNITY_COLORS, OTHER_COMMUNITY, communityColor } from '../../src/ui/graph/community-palette.ts';
import { DIM_NODE, PATH } from '../../src/ui/graph/highlight.ts';

interface T {
  id: string;
  color: string;
  parent?: string;
}
const types: T[] = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../graph-data/schema.json'), 'utf8'),
).entityTypes;
const de = differenceCiede2000();
const pairs = types.flatMap((a, i) => types.slice(i + 1).map((b) => [a, b] as const));
const root = (t: T): T => (t.parent ? root(types.find((x) => x.id === t.parent)!) : t);

describe('default palette', () => {
  it('every pair of types differs by at least 10 ΔE00 (readily told apart)', () => {
    const close = pairs.map(([a, b]) => ({ a: a.id, b: b.id, d: de(a.color, b.color) })).filter((p) => p.d < 10);
    expect(close).toEqual([]);
  });

  it('with deuteranopia or protanopia simulated, every pair still differs by at least 6 ΔE00', () => {
    for (const sim of [filterDeficiencyDeuter(1), filterDeficiencyProt(1)]) {
      const close = pairs
        .map(([a, b]) => ({ a: a.id, b: b.id, d: de(sim(parse(a.color)!), sim(parse(b.color)!)) }))
        .filter((p) => p.d < 6);
      expect(close).toEqual([]);
    }
  });

  it('a subtype keeps its family hue: actors blue to violet, places green, events orange to brown', () => {
    const band: Record<string, [number, number]> = { actor: [225, 325], place: [115, 195], event: [15, 85] };
    for (const t of types) {
      const r = root(t).id;
      if (!band[r]) continue;
      const h = oklch(t.color)!.h!;
      expect(h, t.id).toBeGreaterThanOrEqual(band[r][0]);
      expect(h, t.id).toBeLessThanOrEqual(band[r][1]);
    }
  });
});

describe('community palette', () => {
  const all = [...COMMUNITY_COLORS, OTHER_COMMUNITY];
  const cpairs = all.flatMap((a, i) => all.slice(i + 1).map((b) => [a, b] as const));

  it('every pair of community colours (and the grey of the rest) differs by at least 15 ΔE00', () => {
    const close = cpairs.map(([a, b]) => ({ a, b, d: de(a, b) })).filter((p) => p.d < 15);
    expect(close).toEqual([]);
  });

  it('with deuteranopia or protanopia simulated, every pair still differs by at least 9 ΔE00', () => {
    for (const sim of [filterDeficiencyDeuter(1), filterDeficiencyProt(1)]) {
      const close = cpairs.map(([a, b]) => ({ a, b, d: de(sim(parse(a)!), sim(parse(b)!)) })).filter((p) => p.d < 9);
      expect(close).toEqual([]);
    }
  });

  it('each stands out from the page, the dimmed nodes and the path colour', () => {
    for (const c of all)
      for (const bg of ['#ffffff', DIM_NODE, PATH]) expect(de(c, bg), `${c} on ${bg}`).toBeGreaterThan(15);
  });

  it('ranks past the palette share the grey', () => {
    expect(communityColor(0)).toBe(COMMUNITY_COLORS[0]);
    expect(communityColor(COMMUNITY_COLORS.length)).toBe(OTHER_COMMUNITY);
  });
});
