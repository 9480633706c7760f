import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/core/model.ts';
import type { Loaded } from '../../src/ui/controllers/gateway.ts';
import { initialState, reduce, type AppAction, type AppState } from '../../src/ui/state/app-reducer.ts';
import { defaultUrlState, parseUrlState } from '../../src/ui/state/url-state.ts';

const entity = (id: string): Entity => ({ id, label: id.toUpperCase(), type: 'state' }) as Entity;

/** A view as the reducer sees it: counts and known entities, no graph library. */
function fakeView(
  o: {
    entities?: string[];
    total?: number;
    triples?: number;
    partial?: boolean;
    needsLayout?: boolean;
    drawn?: number;
  } = {},
): Loaded {
  const ids = o.entities ?? ['iran', 'iraq'];
  return {
    data: { file: 'f.json' },
    labels: new Map(ids.map((id) => [id, entity(id)])),
    stats: { entities: o.total ?? ids.length, triples: o.triples ?? 3, byType: {}, byPredicate: {} },
    graph: { order: o.drawn ?? ids.length, size: o.triples ?? 3 },
    partial: o.partial ?? false,
    needsLayout: o.needsLayout ?? false,
  } as unknown as Loaded;
}

const run = (s: AppState, ...actions: AppAction[]) => actions.reduce(reduce, s);
const withView = (url = defaultUrlState(), view = fakeView()) =>
  run(initialState(url), { type: 'opened', view, mode: 'default', name: 'dataset.json', warnings: [] });

describe('app state: navigation', () => {
  it('selecting pushes a history entry and clears the relation; selecting the same entity changes nothing', () => {
    const s0 = withView(parseUrlState('?e=iran&rel=r1&d=2'));
    const s1 = reduce(s0, { type: 'select', id: 'iraq' });
    expect(s1.url).toMatchObject({ entity: 'iraq', relation: undefined, depth: 2 });
    expect(s1.urlWrite).toBe('push');
    expect(s1.urlSeq).toBe(s0.urlSeq + 1);
    expect(reduce(s1, { type: 'select', id: 'iraq' })).toBe(s1);
    expect(reduce(s1, { type: 'select', id: undefined }).url.entity).toBeUndefined();
  });

  it('query changes replace the history entry and keep the rest of the state', () => {
    const s = run(withView(parseUrlState('?e=iran')), { type: 'navigate', patch: { view: 'neighbourhood', depth: 3 } });
    expect(s.url).toMatchObject({ entity: 'iran', view: 'neighbourhood', depth: 3 });
    expect(s.urlWrite).toBe('replace');
    expect(run(s, { type: 'navigate', patch: { depth: 1 }, push: true }).urlWrite).toBe('push');
  });

  it('the path tab starts from the selection unless a start is set', () => {
    expect(reduce(withView(parseUrlState('?e=iran')), { type: 'query-view', view: 'path' }).url).toMatchObject({
      view: 'path',
      from: 'iran',
    });
    expect(reduce(withView(parseUrlState('?e=iran&from=iraq')), { type: 'query-view', view: 'path' }).url.from).toBe(
      'iraq',
    );
    expect(
      reduce(withView(parseUrlState('?e=iran')), { type: 'query-view', view: 'neighbourhood' }).url.from,
    ).toBeUndefined();
  });

  it('toggles a type hidden and back, and shows all types', () => {
    const s1 = reduce(withView(), { type: 'toggle-type', entityType: 'state' });
    const s2 = reduce(s1, { type: 'toggle-type', entityType: 'person' });
    expect(s2.url.hiddenTypes).toEqual(['state', 'person']);
    expect(reduce(s2, { type: 'toggle-type', entityType: 'state' }).url.hiddenTypes).toEqual(['person']);
    expect(reduce(s2, { type: 'show-all-types' }).url.hiddenTypes).toEqual([]);
  });

  it('back/forward to an address naming other data waits for that data before checking the address', () => {
    const s0 = reduce(withView(), {
      type: 'url-checked',
      view: withView().view!,
      known: { entities: new Set(), types: new Set(), predicates: new Set() },
    });
    const s = reduce(s0, { type: 'popstate', url: parseUrlState('?e=iraq'), otherData: true });
    expect([s.url.entity, s.urlWrite, s.urlUnchecked, s.awaitingData, s.dataSwitch]).toEqual([
      'iraq',
      'none',
      true,
      true,
      1,
    ]);
    const other = withView().view!;
    const o = reduce(s, { type: 'opened', view: other, mode: 'link', name: 'x.json', warnings: [] });
    expect([o.view, o.url.entity, o.urlUnchecked, o.awaitingData]).toEqual([other, 'iraq', true, false]);
    // Same data: no switch.
    expect(reduce(s0, { type: 'popstate', url: parseUrlState('?e=iraq') }).dataSwitch).toBeUndefined();
  });

  it('back/forward takes the address bar as it is, without writing it, and checks it again', () => {
    const s0 = reduce(withView(), {
      type: 'url-checked',
      view: withView().view!,
      known: { entities: new Set(), types: new Set(), predicates: new Set() },
    });
    const s = reduce(s0, { type: 'popstate', url: parseUrlState('?e=iraq') });
    expect(s.url.entity).toBe('iraq');
    expect(s.urlWrite).toBe('none');
    expect(s.urlUnchecked).toBe(true);
  });
});

describe('app state: checking a link against the data', () => {
  const known = { entities: new Set(['iran']), types: new Set(['state']), predicates: new Set<string>() };

  it('drops what the data lacks, says so, and rewrites the address bar', () => {
    const s0 = withView(parseUrlState('?e=atlantis&hide=state,dragon'));
    expect(s0.urlUnchecked).toBe(true);
    const s = reduce(s0, { type: 'url-checked', view: s0.view!, known });
    expect(s.url.entity).toBeUndefined();
    expect(s.url.hiddenTypes).toEqual(['state']);
    expect(s.urlUnchecked).toBe(false);
    expect(s.urlWrite).toBe('replace');
    expect(s.notice).toContain('The link names an entity not in this data: “atlantis”');
    expect(s.notice).toContain('a type not in this data: “dragon”');
  });

  it('a link the data knows is left as it is, with no message', () => {
    const s0 = withView(parseUrlState('?e=iran'));
    const s = reduce(s0, { type: 'url-checked', view: s0.view!, known });
    expect(s.url).toBe(s0.url);
    expect(s.urlSeq).toBe(s0.urlSeq);
    expect(s.notice).toBeUndefined();
    expect(s.urlUnchecked).toBe(false);
  });

  it('a check made for other data is ignored', () => {
    const s0 = withView(parseUrlState('?e=atlantis'));
    expect(reduce(s0, { type: 'url-checked', view: fakeView(), known })).toBe(s0);
  });
});

describe('app state: opening data', () => {
  it('the bundled data does not replace a file opened before it came', () => {
    const file = fakeView({ entities: ['a'] });
    const s = run(
      initialState(defaultUrlState()),
      { type: 'opened', view: file, mode: 'replace', name: 'a.json', warnings: [] },
      { type: 'opened', view: fakeView(), mode: 'default', name: 'dataset.json', warnings: [] },
    );
    expect(s.view).toBe(file);
  });

  it('opening a file (replace) starts a fresh state, clears the address bar, says what came, and drops old problems', () => {
    const s0 = run(withView(parseUrlState('?e=iran&q=neighbourhood')), {
      type: 'problems',
      problems: { file: 'x', list: [] },
    });
    const view = fakeView({ entities: ['a', 'b'], total: 2500, triples: 4000, partial: true, drawn: 50 });
    const s = reduce(s0, {
      type: 'opened',
      view,
      mode: 'replace',
      name: 'big.json',
      warnings: [{ severity: 'warning', code: 'w', file: 'big.json', path: '', message: 'odd date', hint: '' }],
    });
    expect(s.view).toBe(view);
    expect(s.url).toEqual(defaultUrlState());
    expect(s.urlWrite).toBe('clear');
    expect(s.urlUnchecked).toBe(false);
    expect(s.problems).toBeUndefined();
    expect(s.labels).toBe(view.labels);
    expect(s.notice).toBe(
      'Opened big.json: 2,500 entities, 4,000 relations. Showing the 50 most connected. 1 warning, first: odd date.',
    );
  });

  it('merging says "Merged"; a ?data= link keeps its state for checking', () => {
    const merged = reduce(withView(parseUrlState('?e=iran')), {
      type: 'opened',
      view: fakeView({ needsLayout: true }),
      mode: 'merge',
      name: 'm.json',
      warnings: [],
    });
    expect(merged.notice).toBe('Merged m.json: 2 entities, 3 relations. Drawn whole; laying it out…');
    expect(merged.url.entity).toBeUndefined();
    const link = reduce(initialState(parseUrlState('?e=iran')), {
      type: 'opened',
      view: fakeView(),
      mode: 'link',
      name: 'l.json',
      warnings: [],
    });
    expect(link.url.entity).toBe('iran');
    expect(link.urlUnchecked).toBe(true);
    expect(link.notice).toMatch(/^Opened l\.json/);
  });

  it('progress clears the last message when a load starts; cancelling says the graph is as it was', () => {
    const s0 = run(withView(), { type: 'notice', text: 'old' });
    const s1 = reduce(s0, { type: 'load-progress', progress: { phase: 'reading', done: 0, total: 10, file: 'f' } });
    expect(s1.notice).toBeUndefined();
    const s2 = reduce(s1, { type: 'load-cancelled' });
    expect(s2.progress).toBeUndefined();
    expect(s2.notice).toBe('Opening cancelled; the graph is as it was.');
    expect(s2.view).toBe(s0.view);
  });
});

describe('app state: large views', () => {
  it('show all: drawing, then the whole view with the labels known so far', () => {
    const part = fakeView({ entities: ['a'], total: 3000, partial: true });
    const s0 = run(
      withView(defaultUrlState(), part),
      { type: 'labels-found', view: part, entities: [entity('far')] },
      { type: 'drawing-all', view: part },
    );
    expect(s0.drawingAll).toBe(true);
    expect(reduce(s0, { type: 'drawing-all', view: part })).toBe(s0);
    const whole = fakeView({ entities: ['a', 'b'], drawn: 3000, triples: 9000 });
    const s = reduce(s0, { type: 'drew-all', from: part, view: whole });
    expect(s.view).toBe(whole);
    expect(s.drawingAll).toBe(false);
    expect([...s.labels.keys()].sort()).toEqual(['a', 'b', 'far']);
    expect(s.notice).toBe('Drawing all 3,000 entities and 9,000 relations; the layout runs in the background.');
    // The partial view's own labels are untouched.
    expect([...part.labels.keys()]).toEqual(['a']);
  });

  it('show all that stopped or failed leaves the view; one finishing for other data is ignored', () => {
    const part = fakeView({ partial: true });
    const s0 = run(withView(defaultUrlState(), part), { type: 'drawing-all', view: part });
    expect(reduce(s0, { type: 'drew-all', from: part, view: undefined })).toMatchObject({
      view: part,
      drawingAll: false,
    });
    expect(reduce(s0, { type: 'draw-all-failed', from: part, error: 'boom' }).notice).toBe(
      'Could not draw everything: boom',
    );
    expect(reduce(s0, { type: 'drew-all', from: fakeView(), view: fakeView() })).toBe(s0);
  });

  it('labels found are added without changing the map before; known ones change nothing', () => {
    const s0 = withView();
    const before = s0.labels;
    const s1 = reduce(s0, { type: 'labels-found', view: s0.view!, entities: [entity('far')] });
    expect(s1.labels.get('far')?.label).toBe('FAR');
    expect(before.has('far')).toBe(false);
    expect(reduce(s1, { type: 'labels-found', view: s1.view!, entities: [s1.labels.get('far')!] })).toBe(s1);
    expect(reduce(s1, { type: 'labels-found', view: fakeView(), entities: [entity('x')] })).toBe(s1);
  });

  it('a view that grew is counted only for the view on screen', () => {
    const s0 = withView();
    expect(reduce(s0, { type: 'view-grew', view: s0.view! }).viewVersion).toBe(1);
    expect(reduce(s0, { type: 'view-grew', view: fakeView() })).toBe(s0);
  });
});
