import { describe, expect, it } from 'vitest';
import { isDataHash, nextSteps, stepsHash } from '../../src/ui/store/steps.ts';
import { parseUrlState, serialiseUrlState } from '../../src/ui/state/url-state.ts';

const file = (name: string, text: string) => new File([text], name);

describe('kept data: steps and their hash', () => {
  it('replacing gives one step; merging adds to the base (the bundled data when nothing was opened)', () => {
    const a = file('a.json', '{}'),
      b = file('b.json', '[]');
    expect(nextSteps([{ kind: 'bundled' }], [a], undefined, false)).toEqual([{ kind: 'files', files: [a] }]);
    expect(nextSteps(undefined, [b], undefined, true)).toEqual([{ kind: 'bundled' }, { kind: 'files', files: [b] }]);
    const base = nextSteps(undefined, [a], { csvMapping: { subject: 0 } }, false);
    expect(nextSteps(base, [b], undefined, true)).toEqual([base[0], { kind: 'files', files: [b] }]);
  });

  it('the same files give the same hash whatever their order; other bytes, names, choices or steps another', async () => {
    const h = await stepsHash([{ kind: 'files', files: [file('a.json', 'x'), file('s.json', 'y')] }]);
    expect(isDataHash(h)).toBe(true);
    expect(await stepsHash([{ kind: 'files', files: [file('s.json', 'y'), file('a.json', 'x')] }])).toBe(h);
    expect(await stepsHash([{ kind: 'files', files: [file('a.json', 'x'), file('s.json', 'z')] }])).not.toBe(h);
    expect(await stepsHash([{ kind: 'files', files: [file('b.json', 'x'), file('s.json', 'y')] }])).not.toBe(h);
    expect(
      await stepsHash([
        { kind: 'files', files: [file('a.json', 'x'), file('s.json', 'y')], read: { csvMapping: { subject: 1 } } },
      ]),
    ).not.toBe(h);
    expect(
      await stepsHash([{ kind: 'bundled' }, { kind: 'files', files: [file('a.json', 'x'), file('s.json', 'y')] }]),
    ).not.toBe(h);
    // Lengths are part of what is hashed: moving a byte from one name to the next changes it.
    expect(await stepsHash([{ kind: 'files', files: [file('ab', ''), file('c', '')] }])).not.toBe(
      await stepsHash([{ kind: 'files', files: [file('a', 'b'), file('c', '')] }]),
    );
  });

  it('a link carries the hash as ds=, and nothing else passes for one', () => {
    const ds = '0123456789abcdef0123456789abcdef';
    expect(parseUrlState(`?ds=${ds}&e=iran`).dataset).toBe(ds);
    expect(serialiseUrlState(parseUrlState(`?ds=${ds}`))).toBe(`?ds=${ds}`);
    expect(parseUrlState('?ds=../../etc').dataset).toBeUndefined();
    expect(parseUrlState(`?ds=${ds.toUpperCase()}`).dataset).toBeUndefined();
  });
});
