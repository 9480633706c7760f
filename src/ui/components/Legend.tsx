// Entity types present in the data, with counts; each toggles its nodes.
import type { SchemaIndex } from '../../core/schema.ts';
import { TypeDot } from './TypeDot.tsx';

interface Props { schema: SchemaIndex; counts: Record<string, number>; hidden: ReadonlySet<string>; onToggle(type: string): void; onShowAll(): void }

export function Legend({ schema, counts, hidden, onToggle, onShowAll }: Props) {
  const types = Object.keys(counts).sort((a, b) => counts[b]! - counts[a]! || a.localeCompare(b));
  return (
    <section class="legend" aria-labelledby="legend-title">
      <div class="section-head">
        <h2 id="legend-title">Types</h2>
        {hidden.size > 0 && <button type="button" class="ghost small" onClick={onShowAll}>show all</button>}
      </div>
      <ul>
        {types.map((t) => {
          const on = !hidden.has(t);
          const label = schema.types.get(t)?.label ?? t;
          return (
            <li key={t}>
              <button type="button" class={`legend-item${on ? '' : ' off'}`} aria-pressed={on} onClick={() => onToggle(t)} title={on ? `Hide ${label}` : `Show ${label}`}>
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
