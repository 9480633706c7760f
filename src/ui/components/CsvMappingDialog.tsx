// Before a CSV/TSV table is loaded: its columns with the first rows, and what
// each column means (as guessed from its header), for the user to change.
import { useState } from 'preact/hooks';
import {
  mappingOf,
  mappingProblem,
  ROLES,
  type ColumnMapping,
  type CsvPreview,
  type TableKind,
} from '../data/csv-roles.ts';

interface Props {
  file: string;
  preview: CsvPreview;
  onLoad(mapping: ColumnMapping): void;
  onCancel(): void;
}

export function CsvMappingDialog({ file, preview, onLoad, onCancel }: Props) {
  const [kind, setKind] = useState<TableKind>(preview.kind);
  const [roles, setRoles] = useState<string[]>(preview.roles);
  const known = new Set(ROLES[kind].map((r) => r.id));
  const shown = roles.map((r) => (known.has(r) ? r : ''));
  const problem = mappingProblem(shown, kind);
  const setRole = (i: number, role: string) =>
    setRoles(shown.map((r, j) => (j === i ? role : r === role && role !== '' ? '' : r)));
  return (
    <div class="overlay">
      <section
        class="csv-mapping"
        role="dialog"
        aria-modal="true"
        aria-labelledby="csv-mapping-title"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onCancel();
          }
        }}
      >
        <header class="section-head">
          <h2 id="csv-mapping-title">How to read {file}</h2>
        </header>
        <p class="muted small">Check what each column holds; columns without a role are kept as attributes.</p>
        <label class="inline">
          Each row is
          <select
            id="csv-kind"
            value={kind}
            onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as TableKind)}
          >
            <option value="relations">a relation</option>
            <option value="entities">an entity</option>
          </select>
        </label>
        <div class="csv-table-wrap">
          <table class="csv-table">
            <thead>
              <tr>
                {preview.headers.map((h, i) => (
                  <th key={i} scope="col">
                    {h || `column ${i + 1}`}
                  </th>
                ))}
              </tr>
              <tr>
                {preview.headers.map((h, i) => (
                  <td key={i}>
                    <select
                      aria-label={`Role of column ${h || i + 1}`}
                      value={shown[i]}
                      onChange={(e) => setRole(i, (e.currentTarget as HTMLSelectElement).value)}
                    >
                      <option value="">attribute</option>
                      {ROLES[kind].map((r) => (
                        <option key={r.id} value={r.id}>
                          {r.label}
                        </option>
                      ))}
                    </select>
                  </td>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.firstRows.map((row, r) => (
                <tr key={r}>
                  {preview.headers.map((_, i) => (
                    <td key={i}>{row[i] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {problem && (
          <p class="warning small" role="status">
            To load: {problem}.
          </p>
        )}
        <div class="row dialog-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" class="primary" disabled={!!problem} onClick={() => onLoad(mappingOf(shown, kind))}>
            Load
          </button>
        </div>
      </section>
    </div>
  );
}
