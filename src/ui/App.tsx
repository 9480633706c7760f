// The explorer: search and queries on the left, the graph in the centre, the
// selected entity and its sources on the right. The state and its changes are
// in state/app-reducer.ts; each concern's effects in a controller hook; this
// file only puts them together.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import type { SearchHit } from '../core/model.ts';
import { initialState, reduce } from './state/app-reducer.ts';
import type { ExportFormat } from './state/app-state.ts';
import { readUrl, useUrlSync } from './controllers/use-url-sync.ts';
import { useLoading } from './controllers/use-loading.ts';
import { useGraph } from './controllers/use-graph.ts';
import { useLook } from './controllers/use-look.ts';
import { useQueries } from './controllers/use-queries.ts';
import { useCamera } from './controllers/use-camera.ts';
import { useFileDrop } from './controllers/use-file-drop.ts';
import { useImport } from './controllers/use-import.ts';
import { useKeyboard } from './controllers/use-keyboard.ts';
import { useQueryStatus } from './controllers/use-query-status.ts';
import { QueryStatusBar } from './components/QueryStatusBar.tsx';
import { useFormats } from './controllers/use-formats.ts';
import { exportView } from './controllers/export-view.ts';
import { exportImage } from './controllers/export-image.ts';
import { PictureMenu } from './components/PictureMenu.tsx';
import { useRelations } from './controllers/use-relations.ts';
import { ExplorerDock } from './components/ExplorerDock.tsx';
import { StageControls } from './components/StageControls.tsx';
import { Fatal } from './components/Fatal.tsx';
import { errorText, isAborted, searchEntities } from './controllers/gateway.ts';
import { TestHook } from './controllers/test-hook.ts';
import { Topbar, type ImportMode } from './components/Topbar.tsx';
import { QueryPanel } from './components/QueryPanel.tsx';
import { ViewNote } from './components/ViewNote.tsx';
import { DetailsPanel } from './components/DetailsPanel.tsx';
import { ProblemList } from './components/ProblemList.tsx';
import { LoadProgress } from './components/LoadProgress.tsx';
import { CsvMappingDialog } from './components/CsvMappingDialog.tsx';
import { NoWebGL } from './components/NoWebGL.tsx';
import { AnnotateEntry } from './annotate/entry.tsx';
import { reloadStore } from './controllers/store-reload.ts';
import { DrawerHead, PanelToggles } from './components/Drawers.tsx';
import { CopyLink, MissingData } from './components/Share.tsx';
import { DrawnList } from './components/DrawnList.tsx';
import { Shortcuts } from './components/Shortcuts.tsx';

/** How long a message shows before it goes by itself. */
const NOTICE_MS = 12_000;

export function App() {
  const [state, dispatch] = useReducer(reduce, undefined, () => initialState(readUrl()));
  const [importMode, setImportMode] = useState<ImportMode>('replace');
  const [exportFormat, setExportFormat] = useState<ExportFormat>('dataset');
  const [annotating, setAnnotating] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const rightPanel = useRef<HTMLElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const { view, url, labels } = state;
  // Queries wait until a link's state is checked against the data.
  const ready = !!view && !state.urlUnchecked;

  useUrlSync(state, dispatch);
  const loading = useLoading(state, dispatch);
  const graph = useGraph(container, state, dispatch, ready);
  const look = useLook(graph.controller, view, state.viewVersion, url.colour, url.size);
  const queries = useQueryStatus(url, dispatch);
  const answers = useQueries(state, dispatch, ready, graph.showInView, queries, () => {
    if (rightPanel.current) rightPanel.current.scrollTop = 0;
  });
  const { details, nb, paths } = answers;
  useCamera(graph.controller, state, nb, paths, graph.layoutEnds);
  const relations = useRelations(state, ready, answers.ensureLabels, queries);
  const importing = useImport(loading.importFiles);
  const dragging = useFileDrop((files) => importing.open(files, importMode));
  const formats = useFormats();
  const [help, setHelp] = useState(false);
  useKeyboard(
    searchInput,
    // Escape stops a long query first; otherwise it steps back as before.
    () => queries.cancel() || dispatch({ type: 'escape' }),
    () => setHelp(true),
  );
  // A message stays long enough to read, then goes (it can be closed sooner).
  useEffect(() => {
    if (!state.notice) return;
    const t = setTimeout(() => dispatch({ type: 'notice', text: undefined }), NOTICE_MS);
    return () => clearTimeout(t);
  }, [state.notice]);

  const data = view?.data;
  const dataName = data?.title ?? data?.file;
  useEffect(() => {
    document.title = dataName ? `${dataName} — actorgraph` : 'actorgraph';
  }, [dataName]);
  const find = useMemo(
    () =>
      view &&
      ((text: string, signal?: AbortSignal) =>
        queries.run('search', `Searching “${text}”`, signal, (o) => searchEntities(view, text, o))),
    [data],
  );
  const select = useCallback((id: string | undefined) => dispatch({ type: 'select', id }), []);
  // Made once the first view is drawn: read when used.
  const ctl = () => graph.controller.current;

  if (graph.noWebgl) return <NoWebGL />;
  if (state.fatal) return <Fatal message={state.fatal} problems={state.problems} dispatch={dispatch} />;

  const selected = url.entity ? (labels.get(url.entity) ?? details?.entity) : undefined;
  const { progress, notice, problems, drawer } = state;
  const closeDrawer = () => dispatch({ type: 'drawer', drawer: undefined });

  return (
    <div class={`app${dragging ? ' dragging' : ''}${drawer ? ` drawer-${drawer}` : ''}`}>
      <a class="skip-link" href="#search">
        Skip to the search
      </a>
      <a class="skip-link" href="#graph-nodes">
        Skip to the list of drawn entities
      </a>
      <Topbar
        title={view?.data.title ?? view?.data.file ?? 'Loading…'}
        file={view?.data.file}
        schema={view?.schema}
        find={find}
        searchInput={searchInput}
        onChoose={(h: SearchHit) => {
          select(h.id);
          void answers.ensureLabels([h.id]);
        }}
        importMode={importMode}
        onImportMode={setImportMode}
        onOpen={(files) => importing.open(files, importMode)}
        formats={formats}
        exportFormat={exportFormat}
        onExportFormat={setExportFormat}
        onExport={
          view
            ? () =>
                void queries
                  .run('export', 'Exporting', undefined, (o) =>
                    exportView(view, url, labels, exportFormat, nb, paths, o),
                  )
                  .catch(
                    (e: unknown) =>
                      isAborted(e) || dispatch({ type: 'notice', text: `Could not export: ${errorText(e)}` }),
                  )
            : undefined
        }
        onAnnotate={view ? () => setAnnotating(true) : undefined}
      >
        <PictureMenu
          onPicture={
            view
              ? (f) =>
                  void (
                    ctl() &&
                    exportImage(ctl()!, view, f, url, (id) => labels.get(id)?.label ?? id).catch((e: unknown) =>
                      dispatch({ type: 'notice', text: `Could not save the picture: ${errorText(e)}` }),
                    )
                  )
              : undefined
          }
        />
        <CopyLink kept={!!url.dataset} onDone={(text) => dispatch({ type: 'notice', text })} />
      </Topbar>

      <aside id="left-panel" class="left panel" aria-label="Queries and types">
        <DrawerHead title="Queries and types" onClose={closeDrawer} />
        {view && find && (
          <QueryPanel
            view={view}
            url={url}
            labels={labels}
            selected={selected}
            nb={nb}
            paths={paths}
            find={find}
            dispatch={dispatch}
            look={look}
          />
        )}
      </aside>

      <main class="stage" aria-label="Graph">
        <PanelToggles
          drawer={drawer}
          selected={selected?.label}
          onDrawer={(d) => dispatch({ type: 'drawer', drawer: d })}
        />
        <div
          ref={container}
          class="sigma"
          role="img"
          aria-label={view ? `Graph of ${view.graph.order} entities and ${view.graph.size} relations` : 'Graph loading'}
        />
        {!view && (
          <div class="stage-msg" role="status">
            Loading the graph…
          </div>
        )}
        <StageControls ctl={ctl} layoutRunning={graph.layoutRunning} hasView={!!view} />
        {state.missing && (
          <MissingData
            onOpen={() => document.getElementById('import-file')?.click()}
            onClose={() => dispatch({ type: 'missing-data', hash: undefined })}
          />
        )}
        {view && (
          <DrawnList
            graph={view.graph}
            version={state.viewVersion}
            hiddenTypes={url.hiddenTypes}
            selected={url.entity}
            onSelect={select}
          />
        )}
        {view?.partial && <ViewNote view={view} drawingAll={state.drawingAll} onShowAll={loading.showAll} />}
        {progress && <LoadProgress progress={progress} onCancel={loading.cancel} />}
        {!progress && <QueryStatusBar status={queries.status} onCancel={queries.cancel} onDismiss={queries.dismiss} />}
        {notice && !progress && (
          <div class="toast" role="status">
            {notice}{' '}
            <button
              type="button"
              class="ghost small"
              onClick={() => dispatch({ type: 'notice', text: undefined })}
              aria-label="Dismiss"
            >
              ×
            </button>
          </div>
        )}
        {problems && (
          <div class="overlay">
            <ProblemList
              file={problems.file}
              problems={problems.list}
              onClose={() => dispatch({ type: 'problems', problems: undefined })}
            />
          </div>
        )}
        {importing.table && (
          <CsvMappingDialog
            key={importing.table.name}
            file={importing.table.name}
            preview={importing.table.preview}
            onLoad={importing.load}
            onCancel={importing.cancel}
          />
        )}
        {dragging && (
          <div class="drop-hint" aria-hidden="true">
            Drop a dataset file to {importMode === 'merge' ? 'merge it' : 'open it'}
          </div>
        )}
      </main>

      {view && find && (
        <ExplorerDock
          view={view}
          state={state}
          find={find}
          dispatch={dispatch}
          graph={graph}
          relations={relations}
          exportFormat={exportFormat}
        />
      )}

      {drawer && <div class="scrim" aria-hidden="true" onClick={closeDrawer} />}
      <DetailsPanel
        view={view}
        url={url}
        labels={labels}
        selected={selected}
        answers={answers}
        graph={graph}
        panelRef={rightPanel}
        select={select}
        dispatch={dispatch}
        onClose={closeDrawer}
      />
      {annotating && view && (
        <AnnotateEntry
          view={view}
          onClose={() => setAnnotating(false)}
          onStoreChanged={() => void reloadStore(dispatch)}
        />
      )}
      {help && (
        <Shortcuts
          onClose={() => {
            setHelp(false);
            searchInput.current?.focus();
          }}
        />
      )}
      <TestHook view={view} controller={graph.controller} url={url} loading={progress?.phase} look={look} />
    </div>
  );
}
