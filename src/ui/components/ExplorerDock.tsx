// The dock under the graph: the timeline or the relations table, with the shared filters.
import type { SearchHit } from '../../core/model.ts';
import type { AppAction, AppState } from '../state/app-reducer.ts';
import type { ExportFormat } from '../state/app-state.ts';
import type { Loaded } from '../controllers/gateway.ts';
import type { GraphView } from '../controllers/use-graph.ts';
import type { RelationsPage } from '../controllers/use-relations.ts';
import { errorText } from '../controllers/gateway.ts';
import { exportRelations } from '../controllers/export-view.ts';
import { relationsQuery } from '../state/relations-query.ts';
import { Dock } from './Dock.tsx';
import { Timeline } from './Timeline.tsx';
import { RelationsTable } from './RelationsTable.tsx';

interface Props {
  view: Loaded;
  state: AppState;
  find(text: string, signal?: AbortSignal): Promise<SearchHit[]>;
  dispatch(a: AppAction): void;
  graph: GraphView;
  relations: RelationsPage;
  exportFormat: ExportFormat;
}

export function ExplorerDock({ view, state, find, dispatch, graph, relations, exportFormat }: Props) {
  const { url, labels } = state;
  return (
    <Dock
      url={url}
      onFilter={(patch) => dispatch({ type: 'filter', patch })}
      onClear={() => dispatch({ type: 'clear-filters' })}
      onTab={(bottom) => dispatch({ type: 'navigate', patch: { bottom } })}
    >
      {url.bottom === 'timeline' && (
        <Timeline
          graph={view.graph}
          version={state.viewVersion}
          labels={labels}
          timeFrom={url.timeFrom}
          timeTo={url.timeTo}
          playing={state.playing}
          onBrush={(from, to) => dispatch({ type: 'brush', from, to })}
          onPlay={(unit) => dispatch({ type: 'play', unit })}
          onPause={() => dispatch({ type: 'pause' })}
          onTick={(span) => dispatch({ type: 'tick', span })}
        />
      )}
      {url.bottom === 'relations' && (
        <RelationsTable
          schema={view.schema}
          labels={labels}
          sources={view.sources}
          predicates={Object.keys(view.stats.byPredicate)}
          table={state.table}
          page={relations}
          selected={url.relation}
          find={find}
          dispatch={dispatch}
          onSelect={(t) =>
            void graph
              .showInView([t.subject, t.object], t.subject)
              .then(() => dispatch({ type: 'select-relation', id: t.id!, subject: t.subject }))
          }
          onExport={() =>
            void exportRelations(
              view,
              relationsQuery(url, state.table, false),
              exportFormat,
              relations.result?.total ?? 0,
            ).then(
              (text) => {
                if (text) dispatch({ type: 'notice', text });
              },
              (e: unknown) => dispatch({ type: 'notice', text: `Could not export the relations: ${errorText(e)}` }),
            )
          }
        />
      )}
    </Dock>
  );
}
