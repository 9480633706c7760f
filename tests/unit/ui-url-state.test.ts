import { describe, expect, it } from 'vitest';
import { defaultUrlState, parseUrlState, serialiseUrlState, type UrlState } from '../../src/ui/state/url-state.ts';

describe('UI URL state', () => {
  it('is empty for the default view and round-trips a full one', () => {
    expect(serialiseUrlState(defaultUrlState())).toBe('');
    const s: UrlState = {
      ...defaultUrlState(), entity: 'iran', relation: 'kataib-hezbollah|backed-by|iran', view: 'path', depth: 3, direction: 'out',
      predicates: ['backed-by'], types: ['state', 'armed-group'], outside: 'hide', from: 'joe-biden', to: 'kataib-hezbollah',
      k: 5, directed: true, pathPredicates: ['struck'], avoidTypes: ['place'], pathIndex: 2, hiddenTypes: ['position'],
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
