// Relations across the whole data, by pattern: the shared filters plus
// subject, object, predicate, source and words of the quote; sortable, one
// page at a time from the Explorer (never every row), a row shows the
// relation on the graph, and the whole result exports.
import { useEffect, useState } from 'preact/hooks';
import type { Entity, SearchHit, Source, Triple } from '../../core/model.ts';
import type { SchemaIndex } from '../../core/schema.ts';
import type { RelationSortKey, TableQueryPatch, TableState, ViewAction } from '../state/view-reducer.ts';
import type { RelationsPage } from '../controllers/use-relations.ts';
import { Search } from './Search.tsx';
import { TypeDot } from './TypeDot.tsx';
import { GradeBadge, StatusBadge, formatDate } from './TrustBadge.tsx';
import { statusOf } from '../../core/trust.ts';
import { formatCount } from '../../core/format.ts';

interface Props {
  schema: SchemaIndex;
  labels: ReadonlyMap<string, Entity>;
  sources: ReadonlyMap<string, Source>;
  predicates: string[];
  table: TableState;
  page: RelationsPage;
  selected?: string;
  find(text: string): Promise<SearchHit[]>;
  dispatch(a: ViewAction): void;
  onSelect(t: Triple): void;
  onExport?(): void;
}

const COLUMNS: { key: RelationSortKey; title: string }[] = [
  { key: 'subject', title: 'Subject' },
  { key: 'predicate', title: 'Predicate' },
  { key: 'object', title: 'Object' },
  { key: 'status', title: 'Status' },
  { key: 'reliability', title: 'Grade' },
  { key: 'date', title: 'Date' },
  { key: 'source', title: 'Source' },
];

function TextField({ value, onChange }: { value?: string; onChange(v: string | undefined): void }) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const commit = () => {
    if ((text.trim() || undefined) !== value) onChange(text.trim() || undefined);
  };
  return (
    <input
      id="rel-text"
      type="search"
      value={text}
      placeholder="words in the quote"
      onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}

export function RelationsTable({
  schema,
  labels,
  sources,
  predicates,
  table,
  page,
  selected,
  find,
  dispatch,
  onSelect,
  onExport,
}: Props) {
  const q = (patch: TableQueryPatch) => dispatch({ type: 'table-query', patch });
  const labelOf = (id: string) => labels.get(id)?.label ?? id;
  const entity = (id: string) => {
    const e = labels.get(id);
    return (
      <>
        <TypeDot color={e ? schema.types.get(e.type)?.color : undefined} />
        {e?.label ?? id}
      </>
    );
  };
  const r = page.result;
  const total = r?.total ?? 0;
  const from = total ? table.offset + 1 : 0,
    to = Math.min(total, table.offset + table.limit);
  return (
    <div class="relations-table">
      <div class="table-query" role="group" aria-label="Relations matching">
        <span class="picker-cell">
          <Search
            find={find}
            schema={schema}
            id="rel-subject"
            label="Subject"
            placeholder="Subject…"
            compact
            value={table.subject ? labelOf(table.subject) : ''}
            onChoose={(h) => q({ subject: h.id })}
          />
          {table.subject && (
            <button
              type="button"
              class="ghost small"
              aria-label="Any subject"
              onClick={() => q({ subject: undefined })}
            >
              ×
            </button>
          )}
        </span>
        <span class="picker-cell">
          <Search
            find={find}
            schema={schema}
            id="rel-object"
            label="Object"
            placeholder="Object…"
            compact
            value={table.object ? labelOf(table.object) : ''}
            onChoose={(h) => q({ object: h.id })}
          />
          {table.object && (
            <button type="button" class="ghost small" aria-label="Any object" onClick={() => q({ object: undefined })}>
              ×
            </button>
          )}
        </span>
        <span class="field">
          <label for="rel-predicate">Predicate</label>
          <select
            id="rel-predicate"
            value={table.predicate ?? ''}
            onChange={(e) => q({ predicate: (e.currentTarget as HTMLSelectElement).value || undefined })}
          >
            <option value="">any</option>
            {predicates.map((p) => (
              <option key={p} value={p}>
                {schema.predicates.get(p)?.label ?? p}
              </option>
            ))}
          </select>
        </span>
        <span class="field">
          <label for="rel-source">Source</label>
          <select
            id="rel-source"
            value={table.source ?? ''}
            onChange={(e) => q({ source: (e.currentTarget as HTMLSelectElement).value || undefined })}
          >
            <option value="">any</option>
            {[...sources.values()].map((s) => (
              <option key={s.id} value={s.id}>
                {s.title.slice(0, 60)}
              </option>
            ))}
          </select>
        </span>
        <span class="field">
          <label for="rel-text">Quote</label>
          <TextField value={table.text} onChange={(text) => q({ text })} />
        </span>
        {onExport && (
          <button
            type="button"
            class="small"
            onClick={onExport}
            disabled={!total}
            title="Export every relation listed (all pages) with their entities"
          >
            Export {formatCount(total)}
          </button>
        )}
      </div>
      {page.error && (
        <p class="warning small" role="alert">
          Could not list the relations: {page.error}
        </p>
      )}
      <div class="table-scroll">
        <table aria-label="Relations" aria-busy={page.loading}>
          <thead>
            <tr>
              <th scope="col">
                <span class="visually-hidden">Show</span>
              </th>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={table.sort === c.key ? (table.desc ? 'descending' : 'ascending') : 'none'}
                >
                  <button type="button" class="sort" onClick={() => dispatch({ type: 'table-sort', key: c.key })}>
                    {c.title}
                    <span aria-hidden="true">{table.sort === c.key ? (table.desc ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r?.triples.map((t) => {
              const src = sources.get(t.source);
              const on = t.id === selected;
              return (
                <tr key={t.id} class={on ? 'on' : ''} data-triple={t.id} onClick={() => onSelect(t)}>
                  <td>
                    <button
                      type="button"
                      class="ghost small show-rel"
                      aria-pressed={on}
                      aria-label={`Show on the graph: ${labelOf(t.subject)} ${schema.predicates.get(t.predicate)?.label ?? t.predicate} ${labelOf(t.object)}`}
                      onClick={(e) => {
                        e.stopPropagation();
                        onSelect(t);
                      }}
                    >
                      ◎
                    </button>
                  </td>
                  <td>{entity(t.subject)}</td>
                  <td class="pred" title={t.evidence}>
                    {schema.predicates.get(t.predicate)?.label ?? t.predicate}
                    {t.qualifier && <span class="hedge">{t.qualifier}</span>}
                  </td>
                  <td>{entity(t.object)}</td>
                  <td>
                    <StatusBadge status={statusOf(t)} />
                    {t.attributedTo && <span class="muted small"> per {labelOf(t.attributedTo)}</span>}
                  </td>
                  <td>
                    <GradeBadge t={t} source={src} />
                  </td>
                  <td class="date">{t.date ? formatDate(t.date) : <span class="muted">—</span>}</td>
                  <td class="src" title={src?.title}>
                    {src?.title ?? t.source}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {r && !r.triples.length && <p class="muted small empty">No relation matches.</p>}
      </div>
      <div class="table-pager" role="group" aria-label="Pages">
        <span class="small" role="status">
          {page.loading && !r ? 'Loading…' : `${formatCount(from)}–${formatCount(to)} of ${formatCount(total)}`}
        </span>
        <button
          type="button"
          class="small"
          disabled={table.offset === 0}
          onClick={() => dispatch({ type: 'table-page', offset: table.offset - table.limit, total })}
        >
          ‹ previous
        </button>
        <button
          type="button"
          class="small"
          disabled={to >= total}
          onClick={() => dispatch({ type: 'table-page', offset: table.offset + table.limit, total })}
        >
          next ›
        </button>
      </div>
    </div>
  );
}
