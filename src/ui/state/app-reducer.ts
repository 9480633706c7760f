// The explorer's state and every change to it, as one pure function: what the
// address bar shows, the data on screen and the messages about it. Effects
// (history, loading, queries, drawing) live in the controllers and only
// dispatch actions here.
import type { Entity } from '../../core/model.ts';
import type { Problem } from '../../core/problems.ts';
import type { Progress } from '../data/protocol.ts';
import type { Loaded } from '../controllers/gateway.ts';
import { defaultUrlState, type QueryView, type UrlState } from './url-state.ts';
import { cleanUrlState, describeDropped, type KnownData } from './url-check.ts';
import { initialTable, reduceView, type TableState, type ViewAction } from './view-reducer.ts';
import type { TimeUnit } from '../timeline/bins.ts';
import { formatCount } from '../../core/format.ts';

/** How the address bar follows the last change of `url`: a new history entry, the same one rewritten, left as it is (it already shows it), or cleared. */
export type UrlWrite = 'push' | 'replace' | 'none' | 'clear';

export interface ProblemsShown {
  file: string;
  list: Problem[];
}

export interface AppState {
  url: UrlState;
  urlWrite: UrlWrite;
  /** Counts changes of `url`, so that each is written once. */
  urlSeq: number;
  /** `url` came from the address bar (first load, back/forward) and is not yet checked against the data. */
  urlUnchecked: boolean;
  view?: Loaded;
  /** Entities known by id: those of the view, and those looked up since (not drawn, in large data). */
  labels: ReadonlyMap<string, Entity>;
  /** Counts growths of the drawn graph (it is changed in place, for sigma). */
  viewVersion: number;
  drawingAll: boolean;
  progress?: Progress & { file: string };
  notice?: string;
  problems?: ProblemsShown;
  fatal?: string;
  /** The relations table's question (its filters beyond the shared ones, sort, page). */
  table: TableState;
  /** The timeline plays by this unit. */
  playing?: TimeUnit;
  /** On a small screen, the side panel drawn over the graph (CSS shows it only where panels are drawers). */
  drawer?: Drawer;
  /** A link named data (by hash) this browser does not keep: its state, for when that data is opened. */
  missing?: { hash: string; url: UrlState };
  /** Back or forward reached an address naming other data: counts such steps; that data is being opened. */
  dataSwitch?: number;
  /** The data the address names is not on screen yet: its state waits for it before it is checked. */
  awaitingData?: boolean;
}

export type Drawer = 'queries' | 'details';

/** How the data on screen came: the bundled data, a `?data=` link (its state is kept, then checked), or a file opened to replace or merge. */
export type OpenMode = 'default' | 'link' | 'replace' | 'merge';

export type AppAction =
  | { type: 'navigate'; patch: Partial<UrlState>; push?: boolean }
  | { type: 'select'; id: string | undefined }
  | { type: 'select-relation'; id: string; subject: string }
  | { type: 'query-view'; view: QueryView }
  | { type: 'toggle-type'; entityType: string }
  | { type: 'show-all-types' }
  | { type: 'popstate'; url: UrlState; otherData?: boolean }
  | { type: 'url-checked'; view: Loaded; known: KnownData }
  | { type: 'load-progress'; progress: (Progress & { file: string }) | undefined }
  | { type: 'opened'; view: Loaded; mode: OpenMode; name: string; warnings: readonly Problem[] }
  | { type: 'load-cancelled' }
  | { type: 'drawing-all'; view: Loaded }
  | { type: 'drew-all'; from: Loaded; view: Loaded | undefined }
  | { type: 'draw-all-failed'; from: Loaded; error: string }
  | { type: 'labels-found'; view: Loaded; entities: readonly Entity[] }
  | { type: 'view-grew'; view: Loaded }
  | { type: 'notice'; text: string | undefined }
  | { type: 'problems'; problems: ProblemsShown | undefined }
  | { type: 'fatal'; message: string; problems?: ProblemsShown }
  | { type: 'drawer'; drawer: Drawer | undefined }
  | { type: 'escape' }
  | { type: 'kept'; view: Loaded; hash: string }
  | { type: 'missing-data'; hash: string | undefined }
  | ViewAction;

export function initialState(url: UrlState): AppState {
  return {
    url,
    urlWrite: 'none',
    urlSeq: 0,
    urlUnchecked: true,
    labels: new Map(),
    viewVersion: 0,
    drawingAll: false,
    table: initialTable(),
  };
}

function withUrl(s: AppState, url: UrlState, write: UrlWrite): AppState {
  return { ...s, url, urlWrite: write, urlSeq: s.urlSeq + 1 };
}

function navigate(s: AppState, patch: Partial<UrlState>, push: boolean): AppState {
  return withUrl(s, { ...s.url, ...patch }, push ? 'push' : 'replace');
}

function addLabels(labels: ReadonlyMap<string, Entity>, entities: Iterable<Entity>): ReadonlyMap<string, Entity> {
  let next: Map<string, Entity> | undefined;
  for (const e of entities) {
    // An entity's label does not change within one data: only new ids count.
    if (labels.has(e.id) || next?.has(e.id)) continue;
    next ??= new Map(labels);
    next.set(e.id, e);
  }
  return next ?? labels;
}

function openedMessage(a: Extract<AppAction, { type: 'opened' }>): string {
  const v = a.view;
  const shown = v.partial
    ? ` Showing the ${v.graph.order} most connected.`
    : v.needsLayout
      ? ' Drawn whole; laying it out…'
      : '';
  const w = a.warnings.length;
  const warned = w ? ` ${w} warning${w === 1 ? '' : 's'}, first: ${a.warnings[0]!.message}.` : '';
  return `${a.mode === 'merge' ? 'Merged' : 'Opened'} ${a.name}: ${formatCount(v.stats.entities)} entities, ${formatCount(v.stats.triples)} relations.${shown}${warned}`;
}

function opened(s: AppState, a: Extract<AppAction, { type: 'opened' }>): AppState {
  // The bundled data comes last: a file opened meanwhile wins.
  if (a.mode === 'default') return s.view ? s : { ...s, view: a.view, labels: a.view.labels };
  const base: AppState = {
    ...s,
    view: a.view,
    labels: a.view.labels,
    problems: undefined,
    drawingAll: false,
    notice: openedMessage(a),
    awaitingData: false,
  };
  // A link's own state is applied to its data (once checked); a file opened by hand starts afresh.
  if (a.mode === 'link')
    return s.missing ? { ...withUrl(base, s.missing.url, 'replace'), missing: undefined, urlUnchecked: true } : base;
  return { ...withUrl(base, defaultUrlState(), 'clear'), urlUnchecked: false };
}

export function reduce(s: AppState, a: AppAction): AppState {
  switch (a.type) {
    case 'navigate':
      return navigate(s, a.patch, a.push ?? false);
    case 'select': {
      // A new selection shows its details (on a phone, in their drawer); none closes that drawer.
      const drawer: Drawer | undefined = a.id ? 'details' : s.drawer === 'details' ? undefined : s.drawer;
      const next = drawer === s.drawer ? s : { ...s, drawer };
      return a.id === s.url.entity ? next : navigate(next, { entity: a.id, relation: undefined }, true);
    }
    case 'kept':
      // The link names the data on screen from now on.
      return a.view !== s.view || s.url.dataset === a.hash
        ? s
        : { ...navigate(s, { dataset: a.hash }, false), missing: undefined };
    case 'missing-data':
      return { ...s, missing: a.hash ? { hash: a.hash, url: s.url } : undefined };
    case 'drawer':
      return a.drawer === s.drawer ? s : { ...s, drawer: a.drawer };
    case 'escape':
      // One step back at a time: an open drawer, then the selected relation, then the selection.
      if (s.drawer) return { ...s, drawer: undefined };
      if (s.url.relation) return navigate(s, { relation: undefined }, false);
      return s.url.entity ? navigate(s, { entity: undefined }, true) : s;
    case 'select-relation':
      // The relation's subject is selected, so its panel lists the relation with its quote.
      return s.url.relation === a.id && s.url.entity === a.subject
        ? s
        : navigate(s, { entity: a.subject, relation: a.id }, true);
    case 'query-view':
      // The path tab starts from the selection.
      return navigate(
        s,
        a.view === 'path' && !s.url.from && s.url.entity ? { view: a.view, from: s.url.entity } : { view: a.view },
        false,
      );
    case 'toggle-type': {
      const hidden = s.url.hiddenTypes;
      if (hidden.includes(a.entityType))
        return navigate(s, { hiddenTypes: hidden.filter((t) => t !== a.entityType) }, false);
      // Hiding the selection's type lets the selection go (its panel would speak of nothing drawn).
      const gone = s.url.entity !== undefined && s.labels.get(s.url.entity)?.type === a.entityType;
      return navigate(
        s,
        { hiddenTypes: [...hidden, a.entityType], ...(gone ? { entity: undefined, relation: undefined } : {}) },
        false,
      );
    }
    case 'show-all-types':
      return navigate(s, { hiddenTypes: [] }, false);
    case 'popstate':
      // An address naming other data: that data is opened, and its state checked against it, not against this.
      return a.otherData
        ? { ...withUrl(s, a.url, 'none'), urlUnchecked: true, dataSwitch: (s.dataSwitch ?? 0) + 1, awaitingData: true }
        : { ...withUrl(s, a.url, 'none'), urlUnchecked: true };
    case 'url-checked': {
      if (a.view !== s.view || !s.urlUnchecked) return s;
      const { url, dropped } = cleanUrlState(s.url, a.known);
      if (!dropped.length) return { ...s, urlUnchecked: false };
      return { ...withUrl(s, url, 'replace'), urlUnchecked: false, notice: describeDropped(dropped) };
    }
    case 'load-progress':
      return { ...s, progress: a.progress, notice: a.progress && !s.progress ? undefined : s.notice };
    case 'opened':
      return opened(s, a);
    case 'load-cancelled':
      return { ...s, progress: undefined, notice: 'Opening cancelled; the graph is as it was.' };
    case 'drawing-all':
      return a.view === s.view && !s.drawingAll ? { ...s, drawingAll: true } : s;
    case 'drew-all': {
      if (a.from !== s.view) return s;
      if (!a.view) return { ...s, drawingAll: false };
      const v = a.view;
      return {
        ...s,
        view: v,
        drawingAll: false,
        labels: addLabels(s.labels, v.labels.values()),
        notice: `Drawing all ${formatCount(v.graph.order)} entities and ${formatCount(v.graph.size)} relations; the layout runs in the background.`,
      };
    }
    case 'draw-all-failed':
      return a.from !== s.view ? s : { ...s, drawingAll: false, notice: `Could not draw everything: ${a.error}` };
    case 'labels-found': {
      const labels = a.view === s.view ? addLabels(s.labels, a.entities) : s.labels;
      return labels === s.labels ? s : { ...s, labels };
    }
    case 'view-grew':
      return a.view !== s.view ? s : { ...s, viewVersion: s.viewVersion + 1 };
    case 'notice':
      return { ...s, notice: a.text };
    case 'problems':
      return { ...s, problems: a.problems };
    case 'fatal':
      return { ...s, fatal: a.message, problems: a.problems ?? s.problems };
    default: {
      const { next, urlChanged } = reduceView(s, a);
      if (next.url === s.url && next.table === s.table && next.playing === s.playing) return s;
      const base = { ...s, table: next.table, playing: next.playing };
      return urlChanged ? withUrl(base, next.url, 'replace') : base;
    }
  }
}
