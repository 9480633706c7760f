import { describe, expect, it } from 'vitest';
import type { Loaded } from '../../src/ui/controllers/gateway.ts';
import { initialState, reduce, type AppAction, type AppState } from '../../src/ui/state/app-reducer.ts';
import { defaultUrlState, parseUrlState } from '../../src/ui/state/url-state.ts';

const view = {
  data: { file: 'f.json' },
  labels: new Map(),
  stats: { entities: 2, triples: 1, byType: {}, byPredicate: {} },
  graph: { order: 2, size: 1 },
  partial: false,
  needsLayout: false,
} as unknown as Loaded;
const run = (s: AppState, ...actions: AppAction[]) => actions.reduce(reduce, s);
const start = (url = defaultUrlState()) =>
  run(initialState(url), { type: 'opened', view, mode: 'default', name: 'd.json', warnings: [] });

describe('app state: drawers and Escape', () => {
  it('opens and closes a drawer; the same drawer again changes nothing', () => {
    const s = run(start(), { type: 'drawer', drawer: 'queries' });
    expect(s.drawer).toBe('queries');
    expect(reduce(s, { type: 'drawer', drawer: 'queries' })).toBe(s);
    expect(reduce(s, { type: 'drawer', drawer: undefined }).drawer).toBeUndefined();
  });

  it('a selection opens the details; deselecting closes them but leaves the queries drawer', () => {
    const s = run(start(), { type: 'drawer', drawer: 'queries' }, { type: 'select', id: 'iran' });
    expect(s.drawer).toBe('details');
    expect(reduce(s, { type: 'select', id: undefined }).drawer).toBeUndefined();
    const q = run(start(), { type: 'drawer', drawer: 'queries' }, { type: 'select', id: undefined });
    expect(q.drawer).toBe('queries');
  });

  it('Escape steps back: the drawer, then the relation, then the selection, then nothing', () => {
    const s0 = run(start(parseUrlState('?e=iran&rel=r1')), { type: 'drawer', drawer: 'details' });
    const s1 = reduce(s0, { type: 'escape' });
    expect(s1.drawer).toBeUndefined();
    expect(s1.url).toMatchObject({ entity: 'iran', relation: 'r1' });
    const s2 = reduce(s1, { type: 'escape' });
    expect(s2.url).toMatchObject({ entity: 'iran', relation: undefined });
    const s3 = reduce(s2, { type: 'escape' });
    expect(s3.url.entity).toBeUndefined();
    expect(s3.urlWrite).toBe('push');
    expect(reduce(s3, { type: 'escape' })).toBe(s3);
  });
});

describe("app state: hiding the selection's type", () => {
  it('lets the selection go; hiding another type keeps it', () => {
    const v = {
      ...view,
      labels: new Map([['iran', { id: 'iran', label: 'Iran', type: 'state' }]]),
    } as unknown as Loaded;
    const s0 = run(initialState(parseUrlState('?e=iran&rel=r1')), {
      type: 'opened',
      view: v,
      mode: 'default',
      name: 'd.json',
      warnings: [],
    });
    expect(reduce(s0, { type: 'toggle-type', entityType: 'person' }).url.entity).toBe('iran');
    const s1 = reduce(s0, { type: 'toggle-type', entityType: 'state' });
    expect(s1.url).toMatchObject({ entity: undefined, relation: undefined, hiddenTypes: ['state'] });
  });
});
