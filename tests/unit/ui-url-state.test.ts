import { describe, expect, it } from 'vitest';
import {
  dataParams,
  defaultUrlState,
  parseDataParam,
  parseUrlState,
  serialiseUrlState,
  type UrlState,
} from '../../src/ui/state/url-state.ts';
import { canShowWhole, WHOLE_VIEW_MAX_ENTITIES, WHOLE_VIEW_MAX_TRIPLES } from '../../src/ui/graph/limits.ts';

describe('UI URL state', () => {
  it('is empty for the default view and round-trips a full one', () => {
    expect(serialiseUrlState(defaultUrlState())).toBe('');
    const s: UrlState = {
      ...defaultUrlState(),
      entity: 'iran',
      relation: 'kataib-hezbollah|backed-by|iran',
      view: 'path',
      depth: 3,
      direction: 'out',
      predicates: ['backed-by'],
      types: ['state', 'armed-group'],
      outside: 'hide',
      from: 'joe-biden',
      to: 'kataib-hezbollah',
      k: 5,
      directed: true,
      pathPredicates: ['struck'],
      avoidTypes: ['place'],
      pathIndex: 2,
      hiddenTypes: ['position'],
    };
    const q = serialiseUrlState(s);
    expect(parseUrlState(q)).toEqual(s);
    expect(q).toContain('e=iran');
    expect(q).toContain('q=path');
  });

  it('drops unknown and invalid parameters, keeping defaults', () => {
    const s = parseUrlState('?e=iran&d=9&dir=sideways&q=bogus&k=-1&dr=yes&pi=x&zzz=1&out=hide&hide=,,');
    expect(s).toEqual({ ...defaultUrlState(), entity: 'iran', outside: 'hide' });
  });

  it('keeps ids with odd characters intact and bounds their length', () => {
    const s = parseUrlState(`?e=${encodeURIComponent('a&b=c|d#2')}`);
    expect(s.entity).toBe('a&b=c|d#2');
    expect(parseUrlState(serialiseUrlState(s)).entity).toBe('a&b=c|d#2');
    expect(parseUrlState(`?e=${'x'.repeat(201)}`).entity).toBeUndefined();
  });

  it('leaves out fields equal to their defaults', () => {
    expect(serialiseUrlState({ ...defaultUrlState(), depth: 1, k: 3, view: 'none' })).toBe('');
  });
});

describe('data parameter', () => {
  const O = 'http://127.0.0.1:5173';
  it('accepts a same-site .json path, with view=all', () => {
    expect(parseDataParam('?data=/bench-data/x.json&view=all', O)).toEqual({
      url: '/bench-data/x.json',
      name: 'x.json',
      whole: true,
    });
    expect(parseDataParam('?data=/a%20b/y.JSON', O)).toEqual({ url: '/a%20b/y.JSON', name: 'y.JSON', whole: false });
    expect(parseDataParam('?e=iran', O)).toEqual({ whole: false });
  });
  it('refuses other origins, relative or protocol-relative paths, backslashes and non-JSON names, saying why', () => {
    for (const bad of [
      'https://example.org/x.json',
      '//example.org/x.json',
      'x.json',
      '/\\example.org/x.json',
      'javascript:alert(1)',
      '/x.txt',
      '/x.json\n',
      '',
    ]) {
      const r = parseDataParam(`?data=${encodeURIComponent(bad)}`, O);
      expect(r.url, bad).toBeUndefined();
      expect(r.error, bad).toMatch(/the data parameter/);
    }
  });
  it('keeps data and view when the rest of the state is rewritten', () => {
    expect(dataParams('?e=iran&data=%2Fx.json&view=all&q=path')).toBe('data=%2Fx.json&view=all');
    expect(dataParams('?e=iran')).toBe('');
  });
  it('offers the whole view up to the named limits', () => {
    expect(canShowWhole(WHOLE_VIEW_MAX_ENTITIES, WHOLE_VIEW_MAX_TRIPLES)).toBe(true);
    expect(canShowWhole(WHOLE_VIEW_MAX_ENTITIES + 1, 10)).toBe(false);
    expect(canShowWhole(10, WHOLE_VIEW_MAX_TRIPLES + 1)).toBe(false);
  });
});
