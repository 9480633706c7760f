// The explorer: search and queries on the left, the graph in the centre, the
// selected entity and its sources on the right. The shareable state lives in
// the URL; everything else is derived from it and the loaded data.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { MultiDirectedGraph } from 'graphology';
import type { Entity, EntityDetails, NeighbourhoodResult, PathResult, SearchHit, Source, Stats } from '../core/model.ts';
import type { Problem } from '../core/problems.ts';
import type { ExportOptions } from '../core/explorer.ts';
import { indexSchema, type SchemaIndex } from '../core/schema.ts';
import { toGraphologyExport } from '../core/export.ts';
import { fromWorkerLoad, loadDefault, openFile, pickDataset, type FileLoad, type LoadedData, type Progress } from './data/load.ts';
import { parseUrlState, serialiseUrlState, defaultUrlState, parseDataParam, dataParams, type UrlState } from './state/url-state.ts';
import { download, exportFileName, type ExportFormat } from './state/app-state.ts';
import { prepareGraph } from './graph/build.ts';
import { addToView, canShowWhole, EXPAND_LIMIT, LARGE_DATASET_ENTITIES, QUERY_LIMIT, START_ENTITIES, WHOLE_VIEW_MAX_ENTITIES, WHOLE_VIEW_MAX_TRIPLES } from './graph/view.ts';
import { buildWholeGraph } from './graph/whole.ts';
import { GraphController } from './graph/controller.ts';
import type { FocusInput } from './graph/highlight.ts';
import { Search } from './components/Search.tsx';
import { Legend } from './components/Legend.tsx';
import { EntityPanel } from './components/EntityPanel.tsx';
import { SourceView } from './components/SourceView.tsx';
import { NeighbourhoodPanel } from './components/NeighbourhoodPanel.tsx';
import { PathPanel } from './components/PathPanel.tsx';
import { ProblemList } from './components/ProblemList.tsx';
import { LoadProgress } from './components/LoadProgress.tsx';
import { NoWebGL, webglAvailable } from './components/NoWebGL.tsx';
import { loadDataUrl } from './data/early-fetch.ts';

interface Loaded {
  data: LoadedData;
  schema: SchemaIndex;
  stats: Stats;
  graph: MultiDirectedGraph;
  labels: Map<string, Entity>;
  sources: Map<string, Source>;
  /** Not every entity is drawn (large data). */
  partial: boolean;
  /** The positions are only a placement: ForceAtlas2 should run (in its worker) once drawn. */
  needsLayout: boolean;
}

/** Everything drawn, from the worker's compact columns; undefined if `live()` turned false meanwhile. */
async function prepareWhole(data: LoadedData, schema: SchemaIndex, stats: Stats, live: () => boolean = () => true): Promise<Loaded | undefined> {
  // Marks read by the benchmarks: where the time to a whole view goes.
  performance.mark('actorgraph:columns-asked');
  const cols = await data.columns();
  performance.mark('actorgraph:columns');
  if (!live()) return undefined;
  const built = await buildWholeGraph(cols, schema, live);
  performance.mark('actorgraph:graph-built');
  if (!built) return undefined;
  const labels = new Map(cols.entities.map((e) => [e.id, e]));
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  return { data, schema, stats, graph: built.graph, labels, sources, partial: false, needsLayout: built.needsWorkerLayout };
}

async function prepare(data: LoadedData, opts: { whole?: boolean } = {}): Promise<Loaded> {
  const ex = data.explorer;
  const [schemaRaw, stats] = await Promise.all([ex.schema(), ex.stats()]);
  const schema = indexSchema(schemaRaw);
  const partial = stats.entities > LARGE_DATASET_ENTITIES;
  if (partial && opts.whole && canShowWhole(stats.entities, stats.triples)) return (await prepareWhole(data, schema, stats))!;
  const start = await ex.topEntities(partial ? START_ENTITIES : stats.entities);
  const sub = await ex.subgraph(start.map((e) => e.id));
  const { graph, needsWorkerLayout } = prepareGraph(sub, schema);
  const labels = new Map(sub.entities.map((e) => [e.id, e]));
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  return { data, schema, stats, graph, labels, sources, partial, needsLayout: needsWorkerLayout };
}

function readUrl(): UrlState { return parseUrlState(location.search); }

/** A big view drawn whole gets a longer layout run than the default. */
const BIG_LAYOUT_BUDGET_MS = 20_000;

export function App() {
  const [loaded, setLoaded] = useState<Loaded>();
  const [fatal, setFatal] = useState<string>();
  const [url, setUrl] = useState<UrlState>(readUrl);
  const [details, setDetails] = useState<EntityDetails>();
  const [nb, setNb] = useState<NeighbourhoodResult>();
  const [paths, setPaths] = useState<PathResult>();
  const [problems, setProblems] = useState<{ file: string; list: Problem[] }>();
  const [progress, setProgress] = useState<Progress & { file: string }>();
  const [viewVersion, setViewVersion] = useState(0);
  const [sourceText, setSourceText] = useState<{ id: string; text?: string }>();
  const [layoutRunning, setLayoutRunning] = useState(false);
  const [importMode, setImportMode] = useState<'replace' | 'merge'>('replace');
  const [exportFormat, setExportFormat] = useState<ExportFormat>('dataset');
  const [dragging, setDragging] = useState(false);
  const [labelsVersion, setLabelsVersion] = useState(0);
  const [notice, setNotice] = useState<string>();
  const [noWebgl, setNoWebgl] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const rightPanel = useRef<HTMLElement>(null);
  const controller = useRef<GraphController | undefined>(undefined);
  const searchInput = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const pendingLoad = useRef<FileLoad | undefined>(undefined);
  const urlRef = useRef(url);
  urlRef.current = url;

  // ---- loading ------------------------------------------------------------
  const startDefault = () => {
    loadDefault().then(async (r) => {
      if (!r.ok) { setFatal('The bundled dataset is invalid.'); setProblems({ file: 'graph-data/dataset.json', list: r.problems }); return; }
      const next = await prepare(r.data);
      // A file opened meanwhile wins.
      if (!loadedRef.current) setLoaded(next);
    }).catch((e: unknown) => setFatal(`Could not load the data: ${String(e)}`));
  };
  useEffect(() => {
    // `?data=/same-site/file.json[&view=all]`: that dataset instead of the bundled one.
    const d = parseDataParam(location.search, location.origin);
    if (d.error) {
      setProblems({ file: 'data parameter', list: [{ severity: 'error', code: 'bad-data-url', file: 'page address', path: 'data', message: d.error, hint: 'give the path of a .json dataset served by this site, e.g. ?data=/datasets/graph.json' }] });
    }
    if (!d.url) { startDefault(); return; }
    const url = d.url, name = d.name ?? url;
    setProgress({ phase: 'reading', done: 0, total: 0, file: name });
    // The loader worker fetches the file itself; failures (HTTP status, not JSON) come back as problems, then the bundled data is shown.
    let load: FileLoad | undefined;
    load = fromWorkerLoad(loadDataUrl(url, name, (p) => { if (load && pendingLoad.current === load) setProgress({ ...p, file: name }); }));
    void openLoad(load, name, { mode: 'replace', whole: d.whole, keepParams: true, onFail: startDefault });
  }, []);

  // ---- URL and history ----------------------------------------------------
  const navigate = useCallback((patch: Partial<UrlState>, push: boolean) => {
    const next = { ...urlRef.current, ...patch };
    const state = serialiseUrlState(next);
    const keep = dataParams(location.search);
    const search = keep ? (state ? `${state}&${keep}` : `?${keep}`) : state;
    if (search !== location.search) history[push ? 'pushState' : 'replaceState'](null, '', `${location.pathname}${search}`);
    urlRef.current = next;
    setUrl(next);
  }, []);
  useEffect(() => {
    const onPop = () => setUrl(readUrl());
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  const select = useCallback((id: string | undefined) => {
    if (id === urlRef.current.entity) return;
    navigate({ entity: id, relation: undefined }, true);
  }, [navigate]);

  // ---- sigma --------------------------------------------------------------
  useEffect(() => {
    if (!loaded || !container.current) return;
    if (!controller.current) {
      try {
        performance.mark('actorgraph:sigma-start');
        controller.current = new GraphController(container.current, loaded.graph, {
          onSelect: (id) => select(id),
          onLayoutChange: setLayoutRunning,
          onExpand: (id) => void expand(id),
        });
      } catch (e) {
        if (!webglAvailable()) setNoWebgl(true);
        else setFatal(`Could not draw the graph: ${String(e)}`);
        return;
      }
    } else if (controller.current.getGraph() !== loaded.graph) {
      controller.current.setGraph(loaded.graph);
    } else {
      return;
    }
    // A placement only: lay it out in the worker once the first frame is out.
    if (loaded.needsLayout) {
      const c = controller.current, g = loaded.graph;
      requestAnimationFrame(() => { if (c.getGraph() === g) c.startLayout(BIG_LAYOUT_BUDGET_MS); });
    }
  }, [loaded]);
  useEffect(() => () => controller.current?.kill(), []);

  // Labels of entities not drawn (large data, paths, relations) are fetched on demand.
  const ensureLabels = useCallback(async (ids: Iterable<string>) => {
    if (!loaded) return;
    const missing = [...new Set(ids)].filter((id) => !loaded.labels.has(id));
    if (!missing.length) return;
    // One call for all of them (a hub can have hundreds of neighbours not drawn).
    const found = await loaded.data.explorer.subgraph(missing);
    for (const e of found.entities) loaded.labels.set(e.id, e);
    setLabelsVersion((v) => v + 1);
  }, [loaded]);

  // ---- queries --------------------------------------------------------------
  useEffect(() => {
    if (!loaded || !url.entity) { setDetails(undefined); return; }
    let live = true;
    void loaded.data.explorer.details(url.entity).then(async (d) => {
      if (!live) return;
      if (d) await ensureLabels([...d.outgoing.map((t) => t.object), ...d.incoming.map((t) => t.subject), ...[...d.outgoing, ...d.incoming].flatMap((t) => t.attributedTo ? [t.attributedTo] : [])]);
      if (live) { setDetails(d); if (rightPanel.current) rightPanel.current.scrollTop = 0; }
    });
    return () => { live = false; };
  }, [loaded, url.entity]);

  const nbKey = JSON.stringify([url.view, url.entity, url.depth, url.direction, url.predicates, url.types]);
  useEffect(() => {
    if (!loaded || url.view !== 'neighbourhood' || !url.entity) { setNb(undefined); return; }
    let live = true;
    void loaded.data.explorer.neighbourhood({ from: [url.entity], depth: url.depth, direction: url.direction, predicates: url.predicates, types: url.types, limit: loaded.partial ? QUERY_LIMIT : 2000 })
      .then(async (r) => {
        if (!live) return;
        await showInView(r.entities.map((e) => e.id), url.entity);
        if (live) setNb(r);
      });
    return () => { live = false; };
  }, [loaded, nbKey]);

  const pathKey = JSON.stringify([url.view, url.from, url.to, url.k, url.directed, url.pathPredicates, url.avoidTypes]);
  useEffect(() => {
    if (!loaded || url.view !== 'path' || !url.from || !url.to) { setPaths(undefined); return; }
    let live = true;
    void loaded.data.explorer.paths({ from: url.from, to: url.to, mode: 'k-shortest', k: url.k, directed: url.directed, predicates: url.pathPredicates, avoidTypes: url.avoidTypes })
      .then(async (r) => {
        const nodes = r.paths.flatMap((p) => p.nodes);
        await ensureLabels(nodes);
        if (!live) return;
        await showInView(nodes, url.from);
        if (live) setPaths(r);
      });
    return () => { live = false; };
  }, [loaded, pathKey]);

  // A selected entity is always drawn (search, links in the panel, shared URLs).
  useEffect(() => {
    if (!loaded?.partial || !url.entity || loaded.graph.hasNode(url.entity)) return;
    const id = url.entity;
    void showInView([id]).then((added) => { if (added.length && urlRef.current.entity === id) void controller.current?.focusNode(id); });
  }, [loaded, url.entity]);

  // The text of the source a selected relation quotes, from the data (a worker, for files).
  const relationSource = url.relation && details ? [...details.outgoing, ...details.incoming].find((t) => t.id === url.relation)?.source : undefined;
  useEffect(() => {
    if (!loaded || !relationSource) { setSourceText(undefined); return; }
    let live = true;
    void loaded.data.explorer.source(relationSource).then((s) => { if (live) setSourceText({ id: relationSource, text: s?.text }); });
    return () => { live = false; };
  }, [loaded, relationSource]);

  // ---- what the graph highlights ------------------------------------------
  const chosenPath = paths?.paths[Math.min(url.pathIndex, (paths?.paths.length ?? 1) - 1)];
  const focus = useMemo<FocusInput>(() => {
    const f: FocusInput = { selected: url.entity, hiddenTypes: new Set(url.hiddenTypes), outside: url.outside };
    if (url.view === 'neighbourhood' && nb) {
      f.focusNodes = new Set(nb.entities.map((e) => e.id));
      f.focusEdges = new Set(nb.triples.map((t) => t.id!));
    } else if (url.view === 'path' && paths && paths.paths.length) {
      f.focusNodes = new Set(paths.paths.flatMap((p) => p.nodes));
      f.focusEdges = new Set(paths.paths.flatMap((p) => p.steps.map((s) => s.triple.id!)));
      if (chosenPath) {
        f.pathNodes = new Set(chosenPath.nodes);
        f.pathEdges = new Set(chosenPath.steps.map((s) => s.triple.id!));
      }
    }
    return f;
  }, [url.entity, url.hiddenTypes.join(), url.outside, url.view, nb, paths, chosenPath]);
  useEffect(() => { controller.current?.setFocus(focus); }, [focus, loaded, viewVersion]);

  // Camera: to the selection, or around a query result.
  useEffect(() => {
    const c = controller.current;
    if (!c || !loaded) return;
    if (url.view === 'path' && chosenPath) void c.fitNodes(chosenPath.nodes);
    else if (url.view === 'neighbourhood' && nb) void c.fitNodes(nb.entities.map((e) => e.id));
    else if (url.entity) void c.focusNode(url.entity);
  }, [loaded, url.entity, url.view, nb, chosenPath]);

  // ---- large data: the view grows by expanding, searching and querying -------
  /** Draws `ids` that are not drawn yet (large data only), with their links to what is. */
  const showInView = async (ids: string[], near?: string): Promise<string[]> => {
    const cur = loadedRef.current;
    if (!cur || !cur.partial) return [];
    const { added } = await addToView(cur.graph, cur.data.explorer, cur.schema, ids, cur.labels, near);
    if (loadedRef.current !== cur || !added.length) return added;
    setViewVersion((v) => v + 1);
    controller.current?.settleNew(added);
    return added;
  };
  const expand = async (id: string) => {
    const cur = loadedRef.current;
    if (!cur || !cur.partial) return;
    // Enough to find EXPAND_LIMIT + 1 new ones even if every drawn node is a neighbour.
    const r = await cur.data.explorer.neighbourhood({ from: [id], depth: 1, limit: cur.graph.order + EXPAND_LIMIT + 2 });
    const fresh = r.entities.map((e) => e.id).filter((n) => n !== id && !cur.graph.hasNode(n));
    const added = await showInView([id, ...fresh.slice(0, EXPAND_LIMIT)], id);
    const label = cur.labels.get(id)?.label ?? id;
    if (fresh.length > EXPAND_LIMIT) setNotice(`Added ${EXPAND_LIMIT} of the neighbours of ${label} (it has more): search for others, or expand them.`);
    else setNotice(added.length ? `Added ${added.length} neighbour${added.length === 1 ? '' : 's'} of ${label}.` : `Every neighbour of ${label} is already drawn.`);
  };
  const loadedRef = useRef(loaded);
  loadedRef.current = loaded;

  // ---- keyboard -------------------------------------------------------------
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      const typing = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
      if (e.key === '/' && !typing) { e.preventDefault(); searchInput.current?.focus(); searchInput.current?.select(); }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  // ---- import ----------------------------------------------------------------
  const importFile = async (all: File[]) => {
    const picked = pickDataset(all);
    if ('problem' in picked) { setProblems({ file: picked.problem.file, list: [picked.problem] }); return; }
    const f = picked.dataset, mode = importMode;
    const load: FileLoad = openFile(f, f.name, { extras: picked.extras, merge: mode === 'merge' ? loadedRef.current?.data : undefined, onProgress: (p) => { if (pendingLoad.current === load) setProgress({ ...p, file: f.name }); } });
    setProgress({ phase: 'reading', done: 0, total: f.size, file: f.name });
    await openLoad(load, f.name, { mode, whole: false, keepParams: false });
  };
  /** Follows a load in a loader worker (a chosen file, or `?data=`); the current data stays until it succeeds. */
  const openLoad = async (load: FileLoad, name: string, o: { mode: 'replace' | 'merge'; whole: boolean; keepParams: boolean; onFail?: () => void }) => {
    pendingLoad.current?.cancel();
    const mode = o.mode;
    const current = loadedRef.current;
    setNotice(undefined);
    pendingLoad.current = load;
    let failed = true;
    try {
      const r = await load.done;
      performance.mark('actorgraph:worker-loaded');
      if (pendingLoad.current !== load) return;
      if (!r.ok) { if (!r.cancelled) setProblems({ file: name, list: r.problems }); return; }
      let next: Loaded;
      try {
        next = await prepare(r.data, { whole: o.whole });
      } catch (e) {
        r.data.dispose();
        throw e;
      }
      if (pendingLoad.current !== load) { r.data.dispose(); return; }
      failed = false;
      setProblems(undefined);
      performance.mark('actorgraph:view-ready');
      setLoaded(next);
      // The new data answers from now on; the old is let go.
      if (current && current.data !== next.data) current.data.dispose();
      const fresh = defaultUrlState();
      if (!o.keepParams) history.pushState(null, '', location.pathname);
      urlRef.current = fresh;
      setUrl(fresh);
      const shown = next.partial ? ` Showing the ${next.graph.order} most connected.` : next.needsLayout ? ' Drawn whole; laying it out…' : '';
      const w = r.data.warnings.length;
      const warned = w ? ` ${w} warning${w === 1 ? '' : 's'}, first: ${r.data.warnings[0]!.message}.` : '';
      setNotice(`${mode === 'merge' ? 'Merged' : 'Opened'} ${name}: ${next.stats.entities.toLocaleString('en-US')} entities, ${next.stats.triples.toLocaleString('en-US')} relations.${shown}${warned}`);
    } catch (e) {
      if (pendingLoad.current === load) setProblems({ file: name, list: [{ severity: 'error', code: 'load-failed', file: name, path: '', message: `could not load the file: ${String(e)}`, hint: 'check that it is an actorgraph dataset (JSON) and try again' }] });
    } finally {
      if (pendingLoad.current === load) { pendingLoad.current = undefined; setProgress(undefined); }
      // Nothing on screen yet (a `?data=` that failed): show the bundled data.
      if (failed && !loadedRef.current) o.onFail?.();
    }
  };

  // ---- large data drawn whole ---------------------------------------------------
  const [drawingAll, setDrawingAll] = useState(false);
  const showAll = async () => {
    const cur = loadedRef.current;
    if (!cur || !cur.partial || drawingAll || !canShowWhole(cur.stats.entities, cur.stats.triples)) return;
    setDrawingAll(true);
    try {
      const next = await prepareWhole(cur.data, cur.schema, cur.stats, () => loadedRef.current === cur);
      if (!next || loadedRef.current !== cur) return;
      for (const [id, e] of cur.labels) if (!next.labels.has(id)) next.labels.set(id, e);
      setLoaded(next);
      setNotice(`Drawing all ${next.graph.order.toLocaleString('en-US')} entities and ${next.graph.size.toLocaleString('en-US')} relations; the layout runs in the background.`);
    } catch (e) {
      setNotice(`Could not draw everything: ${String(e)}`);
    } finally {
      setDrawingAll(false);
    }
  };
  const cancelLoad = () => {
    const load = pendingLoad.current;
    if (!load) return;
    pendingLoad.current = undefined;
    setProgress(undefined);
    load.cancel();
    setNotice('Opening cancelled; the graph is as it was.');
  };

  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    const enter = (e: DragEvent) => { if (hasFiles(e)) { depth++; setDragging(true); } };
    const leave = (e: DragEvent) => { if (hasFiles(e) && --depth <= 0) { depth = 0; setDragging(false); } };
    const over = (e: DragEvent) => { if (hasFiles(e)) e.preventDefault(); };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length) void importFileRef.current(files);
    };
    addEventListener('dragenter', enter);
    addEventListener('dragleave', leave);
    addEventListener('dragover', over);
    addEventListener('drop', drop);
    return () => { removeEventListener('dragenter', enter); removeEventListener('dragleave', leave); removeEventListener('dragover', over); removeEventListener('drop', drop); };
  }, []);
  const importFileRef = useRef(importFile);
  importFileRef.current = importFile;

  // ---- export ----------------------------------------------------------------
  const doExport = async () => {
    if (!loaded) return;
    const ex = loaded.data.explorer;
    const labelOf = (id: string) => loaded.labels.get(id)?.label ?? id;
    let opts: ExportOptions;
    let kind: 'path' | 'neighbourhood' | 'entity' | 'graph';
    if (url.view === 'path' && paths?.paths.length) {
      kind = 'path';
      const triples = [...new Set(paths.paths.flatMap((p) => p.steps.map((s) => s.triple.id!)))];
      opts = { entities: [...new Set(paths.paths.flatMap((p) => p.nodes))], triples, title: `Paths from ${labelOf(url.from!)} to ${labelOf(url.to!)}` };
    } else if (url.view === 'neighbourhood' && nb && url.entity) {
      kind = 'neighbourhood';
      opts = nb.triples.length
        ? { entities: nb.entities.map((e) => e.id), triples: nb.triples.map((t) => t.id!), title: `Neighbourhood of ${labelOf(url.entity)}, depth ${url.depth}` }
        : { entities: nb.entities.map((e) => e.id), title: `Neighbourhood of ${labelOf(url.entity)}, depth ${url.depth}` };
    } else if (url.entity) {
      kind = 'entity';
      opts = { entities: [url.entity], includeNeighbours: true, title: `${labelOf(url.entity)} and its relations` };
    } else {
      kind = 'graph';
      const hidden = new Set(url.hiddenTypes);
      const ids = loaded.graph.filterNodes((_, a) => !hidden.has(a.entityType as string));
      opts = { entities: ids, title: loaded.data.title ?? 'actorgraph export' };
    }
    const ds = await ex.exportDataset(opts);
    const text = exportFormat === 'dataset'
      ? JSON.stringify(ds, null, 2)
      : JSON.stringify(toGraphologyExport({ entities: ds.entities, triples: ds.triples }, loaded.schema), null, 2);
    download(exportFileName(url, labelOf, exportFormat, kind), `${text}\n`);
  };

  // ---- render -----------------------------------------------------------------
  void labelsVersion;
  void viewVersion;
  if (noWebgl) return <NoWebGL />;
  if (fatal) return <main class="fatal"><h1>actorgraph</h1><p>{fatal}</p>{problems && <ProblemList file={problems.file} problems={problems.list} onClose={() => setProblems(undefined)} />}</main>;

  const schema = loaded?.schema;
  const selected = url.entity ? loaded?.labels.get(url.entity) ?? details?.entity : undefined;
  const typeCounts: Record<string, number> = {};
  loaded?.graph.forEachNode((_, a) => { const t = a.entityType as string; typeCounts[t] = (typeCounts[t] ?? 0) + 1; });
  const usedTypes = loaded ? Object.keys(loaded.stats.byType) : [];
  const usedPredicates = loaded ? Object.keys(loaded.stats.byPredicate) : [];
  const relation = url.relation && details ? [...details.outgoing, ...details.incoming].find((t) => t.id === url.relation) : undefined;
  const inView = (n: number) => n.toLocaleString('en-US');
  const hidden = new Set(url.hiddenTypes);

  return (
    <div class={`app${dragging ? ' dragging' : ''}`}>
      <header class="topbar">
        <div class="brand"><span class="logo" aria-hidden="true">◉</span> actorgraph</div>
        <div class="dataset-title" title={loaded?.data.file}>{loaded?.data.title ?? loaded?.data.file ?? 'Loading…'}</div>
        {loaded && schema && (
          <Search
            explorer={loaded.data.explorer} schema={schema} id="search" label="Search entities"
            placeholder="Search entities  ( / )" inputRef={searchInput}
            onChoose={(h: SearchHit) => { select(h.id); void ensureLabels([h.id]); }}
          />
        )}
        <div class="toolbar" role="toolbar" aria-label="Data">
          <div class="tool-group">
            <button type="button" onClick={() => fileInput.current?.click()} title="Open a dataset file, with its schema.json and .txt source texts if it has them (or drop them on the page)">Open…</button>
            <label class="visually-hidden" for="import-mode">When opening a file</label>
            <select id="import-mode" value={importMode} onChange={(e) => setImportMode((e.currentTarget as HTMLSelectElement).value as 'replace' | 'merge')}>
              <option value="replace">replace</option>
              <option value="merge">merge</option>
            </select>
            <input ref={fileInput} id="import-file" class="visually-hidden" type="file" multiple accept=".json,.txt,application/json,text/plain" aria-label="Dataset file to open (with its schema.json and source texts, if any)"
              onChange={(e) => { const el = e.currentTarget as HTMLInputElement; const files = [...(el.files ?? [])]; el.value = ''; if (files.length) void importFile(files); }} />
          </div>
          <div class="tool-group">
            <button type="button" onClick={() => void doExport()} disabled={!loaded} title="Download the current view">Export</button>
            <label class="visually-hidden" for="export-format">Export format</label>
            <select id="export-format" value={exportFormat} onChange={(e) => setExportFormat((e.currentTarget as HTMLSelectElement).value as ExportFormat)}>
              <option value="dataset">dataset JSON</option>
              <option value="graphology">graphology JSON</option>
            </select>
          </div>
        </div>
      </header>

      <aside class="left panel" aria-label="Queries and types">
        {loaded && schema && (
          <>
            <section class="query" aria-labelledby="query-title">
              <h2 id="query-title" class="visually-hidden">Query</h2>
              <div class="tabs" role="tablist" aria-label="Query">
                {(['none', 'neighbourhood', 'path'] as const).map((v) => (
                  <button key={v} type="button" role="tab" id={`tab-${v}`} aria-selected={url.view === v} class={url.view === v ? 'on' : ''}
                    onClick={() => navigate(v === 'path' && !url.from && url.entity ? { view: v, from: url.entity } : { view: v }, false)}>
                    {v === 'none' ? 'Explore' : v === 'neighbourhood' ? 'Neighbourhood' : 'Path'}
                  </button>
                ))}
              </div>
              <div role="tabpanel" aria-labelledby={`tab-${url.view}`} class="tabpanel">
                {url.view === 'none' && (
                  <div class="hint-box muted">
                    <p>{inView(loaded.stats.entities)} entities, {inView(loaded.stats.triples)} relations from {inView(loaded.stats.sources)} source{loaded.stats.sources === 1 ? '' : 's'}.</p>
                    <p>Search (<kbd>/</kbd>) or click a node. Hover shows its neighbours; the panel on the right lists every relation with its quote.</p>
                    {loaded.partial && <p>Large dataset: it starts from the {START_ENTITIES} most connected entities. Double-click a node (or “Expand neighbours” on the right) to add its neighbours; search or query to add others.</p>}
                  </div>
                )}
                {url.view === 'neighbourhood' && (
                  <NeighbourhoodPanel state={url} schema={schema} entity={selected} result={nb} usedTypes={usedTypes} usedPredicates={usedPredicates} onChange={(p) => navigate(p, false)} />
                )}
                {url.view === 'path' && (
                  <PathPanel state={url} explorer={loaded.data.explorer} schema={schema} labels={loaded.labels} selected={selected} result={paths}
                    usedTypes={usedTypes} usedPredicates={usedPredicates} onChange={(p) => navigate(p, false)} onSelectEntity={select} />
                )}
              </div>
            </section>
            <Legend schema={schema} counts={typeCounts} hidden={hidden}
              onToggle={(t) => navigate({ hiddenTypes: hidden.has(t) ? url.hiddenTypes.filter((x) => x !== t) : [...url.hiddenTypes, t] }, false)}
              onShowAll={() => navigate({ hiddenTypes: [] }, false)} />
          </>
        )}
      </aside>

      <main class="stage" aria-label="Graph">
        <div ref={container} class="sigma" role="img" aria-label={loaded ? `Graph of ${loaded.graph.order} entities and ${loaded.graph.size} relations` : 'Graph loading'} />
        {!loaded && <div class="stage-msg" role="status">Loading the graph…</div>}
        <div class="stage-controls" role="group" aria-label="Graph controls">
          <button type="button" onClick={() => controller.current?.zoom(1.5)} aria-label="Zoom in">+</button>
          <button type="button" onClick={() => controller.current?.zoom(1 / 1.5)} aria-label="Zoom out">−</button>
          <button type="button" onClick={() => void controller.current?.resetCamera()} aria-label="Fit the whole graph">fit</button>
          {layoutRunning
            ? <button type="button" class="running" onClick={() => controller.current?.stopLayout()} aria-label="Stop the layout"><span class="spinner" aria-hidden="true" /> laying out… stop</button>
            : <button type="button" onClick={() => controller.current?.startLayout()} disabled={!loaded} aria-label="Run the ForceAtlas2 layout again">re-run layout</button>}
        </div>
        {loaded?.partial && (
          <div class="view-note" role="note">
            <span class="view-note-text">showing {inView(loaded.graph.order)} of {inView(loaded.stats.entities)} entities — search or expand to see more</span>
            {canShowWhole(loaded.stats.entities, loaded.stats.triples)
              ? <button type="button" class="small" onClick={() => void showAll()} disabled={drawingAll}>{drawingAll ? 'Drawing…' : `Show all ${inView(loaded.stats.entities)} entities`}</button>
              : <span class="view-note-limit"> · Drawing everything is offered up to {inView(WHOLE_VIEW_MAX_ENTITIES)} entities and {inView(WHOLE_VIEW_MAX_TRIPLES)} relations; this data has {inView(loaded.stats.entities)} and {inView(loaded.stats.triples)}, more than the page can draw and lay out smoothly.</span>}
          </div>
        )}
        {progress && <LoadProgress progress={progress} onCancel={cancelLoad} />}
        {notice && !progress && <div class="toast" role="status">{notice} <button type="button" class="ghost small" onClick={() => setNotice(undefined)} aria-label="Dismiss">×</button></div>}
        {problems && <div class="overlay"><ProblemList file={problems.file} problems={problems.list} onClose={() => setProblems(undefined)} /></div>}
        {dragging && <div class="drop-hint" aria-hidden="true">Drop a dataset file to {importMode === 'merge' ? 'merge it' : 'open it'}</div>}
      </main>

      <aside class="right panel" aria-label="Selected entity" ref={rightPanel}>
        {loaded && schema && details && (
          <EntityPanel details={details} schema={schema} labels={loaded.labels} sources={loaded.sources} selectedRelation={url.relation}
            onExpand={loaded.partial ? () => void expand(details.entity.id) : undefined}
            onSelectEntity={select} onSelectRelation={(id) => navigate({ relation: id }, false)} />
        )}
        {!details && <div class="hint-box muted"><h2>No entity selected</h2><p>Click a node or search to see who it is connected to, and the evidence for every relation.</p></div>}
        {relation && loaded && (
          <SourceView source={loaded.sources.get(relation.source)} text={sourceText?.id === relation.source ? sourceText.text : undefined} evidence={relation.evidence ?? ''} onClose={() => navigate({ relation: undefined }, false)} />
        )}
      </aside>
      <TestHook loaded={loaded} controller={controller} url={url} layoutRunning={layoutRunning} loading={progress?.phase} />
    </div>
  );
}

/** Read-only numbers for the end-to-end tests (no way to change anything through it).
 *  The values are taken during render, so they are current by the time the DOM shows them. */
const hookState: { loaded?: Loaded; controller?: { current?: GraphController }; url?: UrlState; loading?: string } = {};
let hookInstalled = false;

function installHook(): void {
  if (hookInstalled) return;
  hookInstalled = true;
  const hook = {};
  const get = (name: string, fn: () => unknown) => Object.defineProperty(hook, name, { get: fn, enumerable: true });
  const c = () => hookState.controller?.current;
  get('ready', () => !!hookState.loaded && !!c());
  get('nodes', () => hookState.loaded?.graph.order ?? 0);
  get('edges', () => hookState.loaded?.graph.size ?? 0);
  get('entities', () => hookState.loaded?.stats.entities ?? 0);
  get('file', () => hookState.loaded?.data.file);
  get('selected', () => hookState.url?.entity);
  get('partial', () => hookState.loaded?.partial ?? false);
  get('nodeIds', () => hookState.loaded?.graph.nodes() ?? []);
  get('loading', () => hookState.loading);
  get('layoutRunning', () => c()?.layoutRunning ?? false);
  get('layoutIterations', () => c()?.layoutIterations ?? 0);
  get('layoutStart', () => c()?.layoutStart);
  get('layoutEnd', () => c()?.layoutEnd);
  get('firstFrame', () => c()?.firstFrame);
  get('viewSeq', () => c()?.viewSeq ?? 0);
  get('visibleNodes', () => {
    const ctl = c(), g = hookState.loaded?.graph;
    if (!ctl || !g) return 0;
    return g.filterNodes((n) => { const d = ctl.sigma.getNodeDisplayData(n); return !!d && !d.hidden; }).length;
  });
  get('highlightedEdges', () => {
    const ctl = c(), g = hookState.loaded?.graph;
    if (!ctl || !g) return 0;
    return g.filterEdges((e) => (ctl.sigma.getEdgeDisplayData(e)?.size ?? 0) > 3).length;
  });
  Object.freeze(hook);
  Object.defineProperty(window, '__actorgraph', { value: hook });
}

function TestHook({ loaded, controller, url, loading }: { loaded?: Loaded; controller: { current?: GraphController }; url: UrlState; layoutRunning: boolean; loading?: string }) {
  hookState.loaded = loaded;
  hookState.loading = loading;
  hookState.controller = controller;
  hookState.url = url;
  installHook();
  return null;
}
