// Entity types present in the data, with counts; each toggles its nodes.
import type { SchemaIndex } from '../../core/schema.ts';
import { TypeDot } from './TypeDot.tsx';
import { CLAIM_STATUSES } from '../../core/trust.ts';
import { STATUS_STYLE } from '../graph/edge-style.ts';
import { LineSample } from './TrustBadge.tsx';

/** What each line on the graph means. */
export function EdgeKey() {
  return (
    <section class="legend edge-key" aria-labelledby="edge-key-title">
      <div class="section-head">
        <h2 id="edge-key-title">Relations</h2>
      </div>
      <ul>
        {CLAIM_STATUSES.map((st) => (
          <li key={st} class="edge-key-item">
            <LineSample status={st} width={30} />
            <span class="legend-label">
              <strong>{STATUS_STYLE[st].label}</strong>{' '}
              <span class="muted">
                ({STATUS_STYLE[st].line}): {STATUS_STYLE[st].description}
              </span>
            </span>
          </li>
        ))}
      </ul>
      <p class="muted small">
        Grades: source reliability A (completely reliable) … F (cannot be judged), information credibility 1 (confirmed)
        … 6 (cannot be judged); ungraded reads F6.
      </p>
    </section>
  );
}

interface Props {
  schema: SchemaIndex;
  counts: Record<string, number>;
  hidden: ReadonlySet<string>;
  onToggle(type: string): void;
  onShowAll(): void;
}

export function Legend({ schema, counts, hidden, onToggle, onShowAll }: Props) {
  const types = Object.keys(counts).sort((a, b) => counts[b]! - counts[a]! || a.localeCompare(b));
  return (
    <section class="legend" aria-labelledby="legend-title">
      <div class="section-head">
        <h2 id="legend-title">Types</h2>
        {hidden.size > 0 && (
          <button type="button" class="ghost small" onClick={onShowAll}>
            show all
          </button>
        )}
      </div>
      <ul>
        {types.map((t) => {
          const on = !hidden.has(t);
          const label = schema.types.get(t)?.label ?? t;
          return (
            <li key={t}>
              <button
                type="button"
                class={`legend-item${on ? '' : ' off'}`}
                aria-pressed={on}
                onClick={() => onToggle(t)}
                title={on ? `Hide ${label}` : `Show ${label}`}
              >
                <TypeDot color={schema.types.get(t)?.color} />
                <span class="legend-label">{label}</span>
                <span class="count">{counts[t]}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
