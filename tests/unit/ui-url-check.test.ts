import { describe, expect, it } from 'vitest';
import { cleanUrlState, describeDropped, linkedEntities, type KnownData } from '../../src/ui/state/url-check.ts';
import { defaultUrlState, parseUrlState, serialiseUrlState } from '../../src/ui/state/url-state.ts';

const known: KnownData = {
  entities: new Set(['iran', 'joe-biden', 'kataib-hezbollah']),
  types: new Set(['state', 'person', 'armed-group']),
  predicates: new Set(['backed-by', 'struck']),
};

describe('URL state checked against the data', () => {
  it('leaves a state the data fully knows as it is (the same object)', () => {
    const url = parseUrlState('?e=iran&q=neighbourhood&p=backed-by&t=state&hide=person');
    expect(cleanUrlState(url, known)).toEqual({ url, dropped: [] });
    expect(cleanUrlState(url, known).url).toBe(url);
  });

  it('names the entity ids a link holds, each once', () => {
    expect(linkedEntities(parseUrlState('?e=iran&q=path&from=iran&to=joe-biden'))).toEqual(['iran', 'joe-biden']);
    expect(linkedEntities(defaultUrlState())).toEqual([]);
  });

  it('drops an unknown entity, and the relation that belonged to it', () => {
    const url = parseUrlState('?e=atlantis&rel=x|y|z&d=2');
    const r = cleanUrlState(url, known);
    expect(r.dropped).toEqual([{ kind: 'entity', value: 'atlantis' }]);
    expect(r.url.entity).toBeUndefined();
    expect(r.url.relation).toBeUndefined();
    expect(r.url.depth).toBe(2);
    expect(serialiseUrlState(r.url)).toBe('?d=2');
  });

  it('drops unknown path ends, types and predicates in every list, keeping the known ones', () => {
    const url = parseUrlState(
      '?q=path&from=iran&to=nowhere&pp=struck,teleported&av=person,dragon&t=state,dragon&p=flew&hide=unicorn',
    );
    const r = cleanUrlState(url, known);
    expect(r.url.from).toBe('iran');
    expect(r.url.to).toBeUndefined();
    expect(r.url.pathPredicates).toEqual(['struck']);
    expect(r.url.avoidTypes).toEqual(['person']);
    expect(r.url.types).toEqual(['state']);
    expect(r.url.predicates).toEqual([]);
    expect(r.url.hiddenTypes).toEqual([]);
    // "dragon" appears twice but is named once.
    expect(r.dropped).toEqual([
      { kind: 'entity', value: 'nowhere' },
      { kind: 'predicate', value: 'flew' },
      { kind: 'type', value: 'dragon' },
      { kind: 'predicate', value: 'teleported' },
      { kind: 'type', value: 'unicorn' },
    ]);
  });

  it('says what was dropped, by kind, in plain words', () => {
    expect(describeDropped([])).toBeUndefined();
    expect(describeDropped([{ kind: 'entity', value: 'atlantis' }])).toBe(
      'The link names an entity not in this data: “atlantis”. It was left out.',
    );
    expect(
      describeDropped([
        { kind: 'type', value: 'dragon' },
        { kind: 'entity', value: 'a' },
        { kind: 'entity', value: 'b' },
        { kind: 'predicate', value: 'flew' },
      ]),
    ).toBe(
      'The link names entities not in this data: “a”, “b”. The link names a type not in this data: “dragon”. The link names a relation type not in this data: “flew”. They were left out.',
    );
  });
});
