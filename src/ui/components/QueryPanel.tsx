// The left panel: the query tabs (explore, neighbourhood, path) and the legend of types.
import { nextTab } from '../state/tabs.ts';
import type { Entity, NeighbourhoodResult, PathResult, SearchHit } from '../../core/model.ts';
import type { AppAction } from '../state/app-reducer.ts';
import type { Loaded } from '../controllers/gateway.ts';
import { START_ENTITIES } from '../graph/view.ts';
import { NeighbourhoodPanel } from './NeighbourhoodPanel.tsx';
import { PathPanel } from './PathPanel.tsx';
import { EdgeKey, Legend } from './Legend.tsx';
import type { UrlState } from '../state/url-state.ts';
import type { LookState } from '../controllers/use-look.ts';
import { LookControls } from './LookControls.tsx';
import { formatCount } from '../../core/format.ts';

interface Props {
  view: Loaded;
  url: UrlState;
  labels: ReadonlyMap<string, Entity>;
  selected?: Entity;
  nb?: NeighbourhoodResult;
  paths?: PathResult;
  find(text: string, signal?: AbortSignal): Promise<SearchHit[]>;
  dispatch(a: AppAction): void;
  look: LookState;
}

const TABS = ['none', 'neighbourhood', 'path'] as const;
const TAB_NAMES = { none: 'Explore', neighbourhood: 'Neighbourhood', path: 'Path' } as const;

export function QueryPanel({ view, url, labels, selected, nb, paths, find, dispatch, look }: Props) {
  const { schema, stats } = view;
  const usedTypes = Object.keys(stats.byType);
  const usedPredicates = Object.keys(stats.byPredicate);
  const onChange = (patch: Partial<UrlState>) => dispatch({ type: 'navigate', patch });
  const typeCounts: Record<string, number> = {};
  view.graph.forEachNode((_, a) => {
    const t = a.entityType as string;
    typeCounts[t] = (typeCounts[t] ?? 0) + 1;
  });
  return (
    <>
      <section class="query" aria-labelledby="query-title">
        <h2 id="query-title" class="visually-hidden">
          Query
        </h2>
        <div
          class="tabs"
          role="tablist"
          aria-label="Query"
          onKeyDown={(e) => {
            const v = nextTab(TABS, url.view, e.key);
            if (!v) return;
            e.preventDefault();
            dispatch({ type: 'query-view', view: v });
            document.getElementById(`tab-${v}`)?.focus();
          }}
        >
          {TABS.map((v) => (
            <button
              key={v}
              type="button"
              role="tab"
              id={`tab-${v}`}
              aria-selected={url.view === v}
              tabIndex={url.view === v ? 0 : -1}
              aria-controls="query-tabpanel"
              class={url.view === v ? 'on' : ''}
              onClick={() => dispatch({ type: 'query-view', view: v })}
            >
              {TAB_NAMES[v]}
            </button>
          ))}
        </div>
        <div role="tabpanel" id="query-tabpanel" aria-labelledby={`tab-${url.view}`} class="tabpanel">
          {url.view === 'none' && (
            <div class="hint-box muted">
              <p class="data-name">{view.data.title ?? view.data.file}</p>
              <p>
                {formatCount(stats.entities)} entities, {formatCount(stats.triples)} relations from{' '}
                {formatCount(stats.sources)} source
                {stats.sources === 1 ? '' : 's'}.
              </p>
              <p>
                Search (<kbd>/</kbd>) or click a node. Hover shows its neighbours; the panel on the right lists every
                relation with its quote.
              </p>
              {view.partial && (
                <p>
                  Large dataset: it starts from the {START_ENTITIES} most connected entities. Double-click a node (or
                  “Expand neighbours” on the right) to add its neighbours; search or query to add others.
                </p>
              )}
            </div>
          )}
          {url.view === 'neighbourhood' && (
            <NeighbourhoodPanel
              state={url}
              schema={schema}
              entity={selected}
              result={nb}
              usedTypes={usedTypes}
              usedPredicates={usedPredicates}
              onChange={onChange}
            />
          )}
          {url.view === 'path' && (
            <PathPanel
              state={url}
              find={find}
              schema={schema}
              labels={labels}
              sources={view.sources}
              selected={selected}
              result={paths}
              usedTypes={usedTypes}
              usedPredicates={usedPredicates}
              onChange={onChange}
              onSelectEntity={(id) => dispatch({ type: 'select', id })}
            />
          )}
        </div>
      </section>
      <LookControls
        colour={url.colour}
        size={url.size}
        look={look}
        graph={view.graph}
        onChange={onChange}
        onSelect={(id) => dispatch({ type: 'select', id })}
      />
      <Legend
        schema={schema}
        counts={typeCounts}
        hidden={new Set(url.hiddenTypes)}
        onToggle={(t) => dispatch({ type: 'toggle-type', entityType: t })}
        onShowAll={() => dispatch({ type: 'show-all-types' })}
      />
      <EdgeKey />
    </>
  );
}
