import { describe, expect, it } from 'vitest';
import type { MultiDirectedGraph } from 'graphology';
import { dashShader, edgeLook, markTrust, STATUS_STYLE, trustLabel } from '../../src/ui/graph/edge-style.ts';
import { buildGraph } from '../../src/core/graphology.ts';
import { edgesOutside } from '../../src/ui/graph/highlight.ts';
import { relationTest, trustFilterOf } from '../../src/ui/state/trust-filter.ts';
import { parseUrlState } from '../../src/ui/state/url-state.ts';
import { indexSchema } from '../../src/core/schema.ts';
import type { Schema, Subgraph } from '../../src/core/model.ts';

const schema = indexSchema({
  entityTypes: [{ id: 'state', label: 'State', color: '#123456' }],
  predicates: [{ id: 'backs', label: 'backs', inverseLabel: 'backed by', domain: ['state'], range: ['state'] }],
} as Schema);
const e = (id: string) => ({ id, label: id.toUpperCase(), type: 'state' });
const sub: Subgraph = {
  entities: [e('a'), e('b'), e('c')],
  triples: [
    { id: 'plain', subject: 'a', predicate: 'backs', object: 'b', source: 's', evidence: 'q', date: '2021-02-25' },
    { id: 'hedge', subject: 'a', predicate: 'backs', object: 'b', source: 's', evidence: 'q', qualifier: 'reportedly' },
    {
      id: 'claim',
      subject: 'b',
      predicate: 'backs',
      object: 'c',
      source: 's',
      evidence: 'q',
      attributedTo: 'a',
      date: '2019',
    },
    { id: 'bare', subject: 'c', predicate: 'backs', object: 'a', source: 's' } as never,
  ],
};

describe('edge style by claim status', () => {
  const g = buildGraph(sub, schema) as unknown as MultiDirectedGraph;
  markTrust(g, sub.triples);
  it('marks each drawn relation with its status and what the filters read', () => {
    expect(g.getEdgeAttributes('plain')).toMatchObject({ status: 'asserted', date: '2021-02-25', source: 's' });
    expect(g.getEdgeAttribute('hedge', 'status')).toBe('hedged');
    expect(g.getEdgeAttribute('claim', 'status')).toBe('attributed');
    expect(g.getEdgeAttribute('bare', 'status')).toBe('unsourced');
  });

  it('solid asserted, dashed attributed and hedged, dotted unsourced; parallel edges stay curved', () => {
    expect(edgeLook('asserted', undefined)).toMatchObject({ type: 'arrow' });
    expect(edgeLook('asserted', 0.3)).toMatchObject({ type: 'curved', curvature: 0.3 });
    expect(edgeLook('hedged', 0.3)).toMatchObject({ type: 'dashed', curvature: 0.3 });
    expect(edgeLook('attributed', undefined)).toMatchObject({ type: 'dashed', curvature: 0.0001 });
    expect(edgeLook('unsourced', undefined)).toMatchObject({ type: 'dotted', color: STATUS_STYLE.unsourced.color });
    // No status known (compact columns): drawn as asserted.
    expect(edgeLook(undefined, undefined)).toMatchObject({ type: 'arrow', color: STATUS_STYLE.asserted.color });
  });

  it('the drawn graph knows which edges a filter leaves out', () => {
    const keep = (q: string) =>
      relationTest(trustFilterOf(parseUrlState(q)), () => undefined) as (a: Record<string, unknown>) => boolean;
    expect(edgesOutside(g, keep(''))).toBeUndefined();
    expect([...edgesOutside(g, keep('?st=asserted'))!].sort()).toEqual(['bare', 'claim', 'hedge']);
    expect([...edgesOutside(g, keep('?since=2021&und=exclude'))!].sort()).toEqual(['bare', 'claim', 'hedge']);
  });

  it('a hovered edge says its status, hedge, attribution and date', () => {
    expect(trustLabel('backs', g.getEdgeAttributes('claim'), (id) => id.toUpperCase())).toBe(
      'backs (attributed · according to A · 2019)',
    );
    expect(trustLabel('backs', {}, String)).toBe('backs');
  });

  it('dashes are gaps cut in the curve shader, outside the arrow head and picking', () => {
    const src =
      'void main(void) {\n  float distToTarget = length(gl_FragCoord.xy - v_targetPoint);\n  float halfThickness = thickness / 2.0;\n}';
    const out = dashShader(src, 7, 11);
    expect(out).toContain('#ifndef PICKING_MODE');
    expect(out).toMatch(
      /distToTarget > targetArrowLength && mod\(length\(gl_FragCoord\.xy - v_cpA\), 11\.0\) > 7\.0\) discard/,
    );
    expect(() => dashShader('void main(void) {}', 7, 11)).toThrow(/cannot add dashes/);
  });
});
