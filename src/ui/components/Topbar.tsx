// The top bar: the dataset's name, the search box, and opening and exporting files.
import { useRef } from 'preact/hooks';
import type { ComponentChildren, Ref } from 'preact';
import type { SearchHit } from '../../core/model.ts';
import type { SchemaIndex } from '../../core/schema.ts';
import type { ExportFormat } from '../state/app-state.ts';
import type { Formats } from '../controllers/use-formats.ts';
import { Search } from './Search.tsx';
import { ExportMenu } from './ExportMenu.tsx';

export type ImportMode = 'replace' | 'merge';

interface Props {
  title: string;
  file?: string;
  schema?: SchemaIndex;
  find?: (text: string, signal?: AbortSignal) => Promise<SearchHit[]>;
  searchInput: Ref<HTMLInputElement>;
  onChoose(hit: SearchHit): void;
  importMode: ImportMode;
  onImportMode(mode: ImportMode): void;
  onOpen(files: File[]): void;
  /** What the picker accepts and Export offers (undefined until loaded). */
  formats?: Formats;
  exportFormat: ExportFormat;
  onExportFormat(format: ExportFormat): void;
  onExport?: () => void;
  /** Opens the annotation workspace. */
  onAnnotate?: () => void;
  /** More tools at the end of the toolbar (links). */
  children?: ComponentChildren;
}

export function Topbar(p: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <header class="topbar">
      <div class="brand">
        <span class="logo" aria-hidden="true">
          ◉
        </span>{' '}
        actorgraph
      </div>
      <div class="dataset-title" title={p.file && p.file !== p.title ? `${p.title} (${p.file})` : p.title}>
        {p.title}
      </div>
      {p.schema && p.find && (
        <Search
          find={p.find}
          schema={p.schema}
          id="search"
          label="Search entities"
          placeholder="Search entities  ( / )"
          inputRef={p.searchInput}
          onChoose={p.onChoose}
        />
      )}
      <div class="toolbar" role="toolbar" aria-label="Data">
        <div class="tool-group">
          <button
            type="button"
            onClick={() => fileInput.current?.click()}
            title={`Open a dataset file, with its schema.json and .txt source texts if it has them (or drop them on the page). Formats: ${p.formats?.readableFormats() ?? 'loading…'}`}
          >
            Open…
          </button>
          <label class="visually-hidden" for="import-mode">
            When opening a file
          </label>
          <select
            id="import-mode"
            value={p.importMode}
            onChange={(e) => p.onImportMode((e.currentTarget as HTMLSelectElement).value as ImportMode)}
          >
            <option value="replace">replace</option>
            <option value="merge">merge</option>
          </select>
          <input
            ref={fileInput}
            id="import-file"
            class="visually-hidden"
            type="file"
            multiple
            accept={p.formats?.openAccept() ?? '.json,.txt'}
            aria-label="Dataset file to open (with its schema.json and source texts, if any)"
            onChange={(e) => {
              const el = e.currentTarget as HTMLInputElement;
              const files = [...(el.files ?? [])];
              el.value = '';
              if (files.length) p.onOpen(files);
            }}
          />
        </div>
        <button
          type="button"
          id="open-annotate"
          onClick={() => p.onAnnotate?.()}
          disabled={!p.onAnnotate}
          title="Add a document, mark relations from its quotes, grow the graph"
        >
          Annotate
        </button>
        <ExportMenu
          choices={p.formats?.exportChoices() ?? []}
          format={p.exportFormat}
          onFormat={p.onExportFormat}
          onExport={p.onExport}
        />
        {p.children}
      </div>
    </header>
  );
}
