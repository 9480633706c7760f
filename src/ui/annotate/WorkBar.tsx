// The workspace's top bar: back, document choice, undo/redo, export, status, start over.
import { useState } from 'preact/hooks';
import type { Problem } from '../../core/problems.ts';
import { download } from '../state/app-state.ts';
import { exportWork, record, redo, slug, undo, type History } from './work.ts';
import type { SaveState } from './use-work.ts';

export interface WorkBarProps {
  h: History;
  setH(h: History): void;
  errors: readonly Problem[];
  saved: SaveState;
  file: string;
  onClose(): void;
  onAddDocument(): void;
  onReset(): Promise<unknown>;
  /** Only when the data comes from a store that takes new items. */
  onSaveToStore?(): void;
  storeBusy?: boolean;
}

export function WorkBar(p: WorkBarProps) {
  const { h, setH, errors, saved, file, onClose, onAddDocument, onReset } = p;
  const [confirmReset, setConfirmReset] = useState(false);
  const work = h.present;
  const ds = work.dataset;
  const docs = ds.sources.filter((s) => work.added.sources.includes(s.id));
  return (
    <header class="an-bar">
      <button type="button" onClick={onClose} title="Back to the graph">
        ← Graph
      </button>
      <h1>Grow the graph</h1>
      {docs.length > 0 && (
        <select
          id="an-document"
          aria-label="Document"
          value={work.document ?? ''}
          onChange={(e) => setH(record(h, { type: 'show-document', id: (e.currentTarget as HTMLSelectElement).value }))}
        >
          {docs.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      )}
      <button type="button" onClick={onAddDocument}>
        Add document…
      </button>
      <span class="an-sep" />
      <button type="button" id="an-undo" onClick={() => setH(undo(h))} disabled={!h.past.length} title="Undo">
        ↶ Undo
      </button>
      <button type="button" id="an-redo" onClick={() => setH(redo(h))} disabled={!h.future.length} title="Redo">
        ↷ Redo
      </button>
      <button
        type="button"
        id="an-export"
        onClick={() => download(`${slug(ds.title ?? work.base)}-annotated.json`, exportWork(work))}
        title="Download the working graph as a dataset"
      >
        Export
      </button>
      {p.onSaveToStore && (
        <button
          type="button"
          id="an-save-store"
          onClick={p.onSaveToStore}
          disabled={p.storeBusy || errors.length > 0}
          title="Add the documents, entities, aliases and relations added here to the SPARQL store (nothing there is removed)"
        >
          Save to store
        </button>
      )}
      <span class={`an-status ${errors.length ? 'bad' : ''}`} role="status" id="an-status">
        {errors.length ? `${errors.length} error(s)` : 'valid'} · {work.added.triples.length} relation(s),{' '}
        {work.added.entities.length} entit{work.added.entities.length === 1 ? 'y' : 'ies'} added · {saved}
      </span>
      {confirmReset ? (
        <button
          type="button"
          class="danger"
          onClick={() => {
            void onReset().then(() => setConfirmReset(false));
          }}
        >
          Discard all and start over from {file}
        </button>
      ) : (
        <button
          type="button"
          class="ghost"
          onClick={() => setConfirmReset(true)}
          title="Start a new working graph from the data open in the explorer"
        >
          Start over…
        </button>
      )}
    </header>
  );
}
