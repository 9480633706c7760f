// k-hop neighbourhood of the selected entity, with filters and counts.
import type { ClaimStatus, Direction, Entity, NeighbourhoodResult } from '../../core/model.ts';
import { CLAIM_STATUSES, statusOf } from '../../core/trust.ts';
import { StatusBadge } from './TrustBadge.tsx';
import type { SchemaIndex } from '../../core/schema.ts';
import type { UrlState } from '../state/url-state.ts';
import { Checklist } from './Checklist.tsx';
import { TypeDot } from './TypeDot.tsx';
import { OUTSIDE_CHOICES, Segmented } from './Segmented.tsx';

interface Props {
  state: UrlState;
  schema: SchemaIndex;
  entity?: Entity;
  result?: NeighbourhoodResult;
  usedTypes: string[];
  usedPredicates: string[];
  onChange(patch: Partial<UrlState>): void;
}

export function NeighbourhoodPanel({ state, schema, entity, result, usedTypes, usedPredicates, onChange }: Props) {
  if (!entity)
    return <p class="muted hint-box">Select an entity (search, or click a node) to see its neighbourhood.</p>;
  const byDistance: number[] = [];
  if (result) for (const d of Object.values(result.distance)) byDistance[d] = (byDistance[d] ?? 0) + 1;
  const byStatus = new Map<ClaimStatus, number>();
  for (const t of result?.triples ?? []) byStatus.set(statusOf(t), (byStatus.get(statusOf(t)) ?? 0) + 1);
  return (
    <div class="query-form">
      <p class="query-subject">
        Around <strong>{entity.label}</strong>
      </p>
      <div class="row">
        <span class="field-label" id="depth-label">
          Depth
        </span>
        <div class="segmented" role="radiogroup" aria-labelledby="depth-label">
          {[1, 2, 3].map((d) => (
            <button
              type="button"
              role="radio"
              key={d}
              aria-checked={state.depth === d}
              class={state.depth === d ? 'on' : ''}
              onClick={() => onChange({ depth: d })}
            >
              {d}
            </button>
          ))}
        </div>
      </div>
      <div class="row">
        <label class="field-label" for="nb-direction">
          Direction
        </label>
        <select
          id="nb-direction"
          value={state.direction}
          onChange={(e) => onChange({ direction: (e.currentTarget as HTMLSelectElement).value as Direction })}
        >
          <option value="both">both</option>
          <option value="out">outgoing</option>
          <option value="in">incoming</option>
        </select>
      </div>
      <Checklist
        name="nb-pred"
        title="Predicates"
        checked={state.predicates}
        items={usedPredicates.map((p) => ({ id: p, label: schema.predicates.get(p)?.label ?? p }))}
        onChange={(predicates) => onChange({ predicates })}
      />
      <Checklist
        name="nb-type"
        title="Types reached"
        checked={state.types}
        items={usedTypes.map((t) => ({
          id: t,
          label: schema.types.get(t)?.label ?? t,
          extra: <TypeDot color={schema.types.get(t)?.color} />,
        }))}
        onChange={(types) => onChange({ types })}
      />
      <Segmented
        id="outside-label"
        label="Others"
        value={state.outside}
        choices={OUTSIDE_CHOICES}
        onChange={(outside) => onChange({ outside })}
      />
      {result && (
        <div class="counts" role="status" aria-live="polite">
          <strong class="nb-count">{result.entities.length} entities</strong>,{' '}
          <strong>{result.triples.length} relations</strong>
          <div class="muted small">
            {byDistance.map((n, d) =>
              n ? (
                <span key={d} class="dist">
                  {d === 0 ? 'start' : `${d} hop${d === 1 ? '' : 's'}`}: {n}
                </span>
              ) : null,
            )}
          </div>
          <div class="by-status small" role="group" aria-label="Relations by status">
            {CLAIM_STATUSES.filter((st) => byStatus.has(st)).map((st) => (
              <span key={st}>
                <StatusBadge status={st} /> {byStatus.get(st)}
              </span>
            ))}
          </div>
          {result.truncated && <div class="warning small">Cut at the limit; the nearest entities are shown.</div>}
        </div>
      )}
    </div>
  );
}
