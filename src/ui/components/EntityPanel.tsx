// The selected entity: what it is, and every relation it takes part in,
// grouped by predicate, each with its evidence, source and hedges.
import type { Entity, EntityDetails, Source, Triple } from '../../core/model.ts';
import type { SchemaIndex } from '../../core/schema.ts';
import { TypeDot } from './TypeDot.tsx';
import { formatDate, TrustLine } from './TrustBadge.tsx';

interface Props {
  details: EntityDetails;
  schema: SchemaIndex;
  labels: ReadonlyMap<string, Entity>;
  sources: ReadonlyMap<string, Source>;
  selectedRelation?: string;
  onSelectEntity(id: string): void;
  onSelectRelation(tripleId: string | undefined): void;
  /** Large data: draw this entity's neighbours (absent when everything is drawn). */
  onExpand?(): void;
}

interface Group {
  key: string;
  title: string;
  outgoing: boolean;
  triples: Triple[];
}

function groups(d: EntityDetails, schema: SchemaIndex): Group[] {
  const map = new Map<string, Group>();
  const add = (t: Triple, outgoing: boolean) => {
    const key = `${outgoing ? 'out' : 'in'}:${t.predicate}`;
    let g = map.get(key);
    if (!g) {
      const p = schema.predicates.get(t.predicate);
      const title = outgoing ? (p?.label ?? t.predicate) : (p?.inverseLabel ?? `${t.predicate} (inverse)`);
      g = { key, title, outgoing, triples: [] };
      map.set(key, g);
    }
    g.triples.push(t);
  };
  for (const t of d.outgoing) add(t, true);
  for (const t of d.incoming) if (t.subject !== t.object) add(t, false);
  return [...map.values()].sort((a, b) => b.triples.length - a.triples.length || a.title.localeCompare(b.title));
}

export { formatDate };

export function SourceLine({ source }: { source?: Source }) {
  if (!source) return null;
  const meta = [source.publisher, source.published].filter(Boolean).join(', ');
  return (
    <div class="source-line">
      <span class="source-title">{source.title}</span>
      {meta && <span class="source-meta"> — {meta}</span>}
    </div>
  );
}

/** "showing 1000 of 5234 relations": a hub's relations cut by the data's limit. */
export function truncationText(d: EntityDetails): string {
  const shown = d.outgoing.length + d.incoming.length;
  const total = (d.totalOutgoing ?? d.outgoing.length) + (d.totalIncoming ?? d.incoming.length);
  return `showing ${shown} of ${total} relations`;
}

export function EntityPanel({
  details,
  schema,
  labels,
  sources,
  selectedRelation,
  onSelectEntity,
  onSelectRelation,
  onExpand,
}: Props) {
  const e = details.entity;
  const type = schema.types.get(e.type);
  const gs = groups(details, schema);
  const total = details.outgoing.length + details.incoming.length;
  return (
    <section class="entity-panel" aria-labelledby="entity-title">
      <header class="entity-head">
        <h2 id="entity-title" tabIndex={-1}>
          {e.label}
        </h2>
        <div class="entity-type">
          <TypeDot color={type?.color} />
          {type?.label ?? e.type}
          {e.date && <span class="entity-date"> · {formatDate(e.date)}</span>}
        </div>
        {e.aliases && e.aliases.length > 0 && (
          <div class="aliases">
            <span class="muted">also </span>
            {e.aliases.join(' · ')}
          </div>
        )}
        {e.description && <p class="description">{e.description}</p>}
        <div class="muted small">
          {total} relation{total === 1 ? '' : 's'} · id <code>{e.id}</code>
        </div>
        {details.truncated && (
          <p class="cap-note small" role="note">
            {truncationText(details)}
          </p>
        )}
        {onExpand && (
          <div class="entity-actions">
            <button
              type="button"
              class="small"
              onClick={onExpand}
              title="Draw this entity's neighbours (double-clicking the node does the same)"
            >
              Expand neighbours
            </button>
          </div>
        )}
      </header>
      {gs.map((g) => (
        <section class="rel-group" key={g.key} aria-label={`${g.title}: ${g.triples.length}`}>
          <h3>
            <span class="pred">{g.title}</span> <span class="count">{g.triples.length}</span>
          </h3>
          <ul class="relations">
            {g.triples.map((t) => {
              const other = g.outgoing ? t.object : t.subject;
              const o = labels.get(other);
              const ot = o ? schema.types.get(o.type) : undefined;
              const selected = t.id === selectedRelation;
              return (
                <li key={t.id} class={`relation${selected ? ' selected' : ''}`}>
                  <div class="rel-head">
                    <button
                      type="button"
                      class="link entity-link"
                      onClick={() => onSelectEntity(other)}
                      title={`Select ${o?.label ?? other}`}
                    >
                      <TypeDot color={ot?.color} />
                      {o?.label ?? other}
                    </button>
                    <button
                      type="button"
                      class="ghost small"
                      aria-pressed={selected}
                      onClick={() => onSelectRelation(selected ? undefined : t.id)}
                      title="Show this quote in the source text"
                    >
                      {selected ? 'hide source' : 'in source'}
                    </button>
                  </div>
                  <div class="hedges">
                    <TrustLine t={t} source={sources.get(t.source)} labels={labels} />
                  </div>
                  {t.evidence !== undefined ? (
                    <blockquote class="evidence">{t.evidence}</blockquote>
                  ) : (
                    <p class="evidence none">No quote supports this relation.</p>
                  )}
                  <SourceLine source={sources.get(t.source)} />
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {gs.length === 0 && <p class="muted">No relations.</p>}
    </section>
  );
}
