// Paths between two entities: pickers, options, results as readable chains.
import type { Entity, Path, PathResult, SearchHit, Source } from '../../core/model.ts';
import type { SchemaIndex } from '../../core/schema.ts';
import { describePath, pathCapText } from '../../core/format.ts';
import type { UrlState } from '../state/url-state.ts';
import { Search } from './Search.tsx';
import { Checklist } from './Checklist.tsx';
import { TypeDot } from './TypeDot.tsx';
import { TrustLine } from './TrustBadge.tsx';
import { OUTSIDE_CHOICES, Segmented } from './Segmented.tsx';

interface Props {
  state: UrlState;
  find(text: string, signal?: AbortSignal): Promise<SearchHit[]>;
  schema: SchemaIndex;
  labels: ReadonlyMap<string, Entity>;
  sources: ReadonlyMap<string, Source>;
  selected?: Entity;
  result?: PathResult;
  usedTypes: string[];
  usedPredicates: string[];
  onChange(patch: Partial<UrlState>): void;
  onSelectEntity(id: string): void;
}

interface ChainProps {
  path: Path;
  labels: ReadonlyMap<string, Entity>;
  schema: SchemaIndex;
  onSelectEntity(id: string): void;
}

/** Each step's trust, under the chain (the chain itself reads as the path). */
function StepsTrust({
  path,
  labels,
  sources,
  schema,
}: {
  path: Path;
  labels: ReadonlyMap<string, Entity>;
  sources: ReadonlyMap<string, Source>;
  schema: SchemaIndex;
}) {
  return (
    <ol class="steps-trust" aria-label="How sure each step is">
      {path.steps.map((s, i) => {
        const p = schema.predicates.get(s.triple.predicate);
        return (
          <li key={i}>
            <span class="verb">
              {s.forward ? (p?.label ?? s.triple.predicate) : (p?.inverseLabel ?? s.triple.predicate)}
            </span>{' '}
            <TrustLine t={s.triple} source={sources.get(s.triple.source)} labels={labels} compact />
          </li>
        );
      })}
    </ol>
  );
}

function Chain({ path, labels, schema, onSelectEntity }: ChainProps) {
  const node = (id: string) => {
    const e = labels.get(id);
    return (
      <button
        type="button"
        class="link entity-link"
        onClick={(ev) => {
          ev.stopPropagation();
          onSelectEntity(id);
        }}
      >
        <TypeDot color={e ? schema.types.get(e.type)?.color : undefined} />
        {e?.label ?? id}
      </button>
    );
  };
  return (
    <span class="chain">
      {node(path.nodes[0]!)}
      {path.steps.map((s, i) => {
        const p = schema.predicates.get(s.triple.predicate);
        const verb = s.forward ? (p?.label ?? s.triple.predicate) : (p?.inverseLabel ?? s.triple.predicate);
        return (
          <span key={i} class="step">
            {' '}
            <span class="verb">—{verb}→</span> {node(path.nodes[i + 1]!)}
          </span>
        );
      })}
    </span>
  );
}

export function PathPanel({
  state,
  find,
  schema,
  labels,
  sources,
  selected,
  result,
  usedTypes,
  usedPredicates,
  onChange,
  onSelectEntity,
}: Props) {
  const labelOf = (id: string) => labels.get(id)?.label ?? id;
  return (
    <div class="query-form">
      <div class="picker">
        <Search
          find={find}
          schema={schema}
          id="path-from"
          label="Path from"
          placeholder="From…"
          compact
          value={state.from ? labelOf(state.from) : ''}
          onChoose={(h) => onChange({ from: h.id, pathIndex: 0 })}
          onClear={() => onChange({ from: undefined, pathIndex: 0 })}
        />
        {selected && state.from !== selected.id && (
          <button
            type="button"
            class="ghost small"
            onClick={() => onChange({ from: selected.id, pathIndex: 0 })}
            title={`From ${selected.label}`}
          >
            use selected
          </button>
        )}
      </div>
      <div class="picker">
        <Search
          find={find}
          schema={schema}
          id="path-to"
          label="Path to"
          placeholder="To…"
          compact
          value={state.to ? labelOf(state.to) : ''}
          onChoose={(h) => onChange({ to: h.id, pathIndex: 0 })}
          onClear={() => onChange({ to: undefined, pathIndex: 0 })}
        />
        {selected && state.to !== selected.id && (
          <button
            type="button"
            class="ghost small"
            onClick={() => onChange({ to: selected.id, pathIndex: 0 })}
            title={`To ${selected.label}`}
          >
            use selected
          </button>
        )}
      </div>
      <div class="row">
        <button
          type="button"
          class="ghost small"
          disabled={!state.from && !state.to}
          onClick={() => onChange({ from: state.to, to: state.from, pathIndex: 0 })}
        >
          ⇅ swap
        </button>
        <label class="inline">
          <input
            type="checkbox"
            checked={state.directed}
            onChange={(e) => onChange({ directed: (e.currentTarget as HTMLInputElement).checked, pathIndex: 0 })}
          />{' '}
          directed
        </label>
        <label class="inline" for="path-k">
          paths
        </label>
        <select
          id="path-k"
          value={String(state.k)}
          disabled={state.chronological}
          title={state.chronological ? 'A chronological search finds the shortest such path' : undefined}
          onChange={(e) => onChange({ k: Number((e.currentTarget as HTMLSelectElement).value), pathIndex: 0 })}
        >
          {[1, 2, 3, 5, 10].map((k) => (
            <option key={k} value={String(k)}>
              {k}
            </option>
          ))}
        </select>
      </div>
      <div class="row">
        <label class="inline" title="Each step dated no earlier than the dated step before it: what led to what">
          <input
            type="checkbox"
            checked={state.chronological}
            onChange={(e) => onChange({ chronological: (e.currentTarget as HTMLInputElement).checked, pathIndex: 0 })}
          />{' '}
          chronological
        </label>
      </div>
      <Segmented
        id="path-outside-label"
        label="Others"
        value={state.outside}
        choices={OUTSIDE_CHOICES}
        onChange={(outside) => onChange({ outside })}
      />
      <Checklist
        name="path-pred"
        title="Only predicates"
        checked={state.pathPredicates}
        items={usedPredicates.map((p) => ({ id: p, label: schema.predicates.get(p)?.label ?? p }))}
        onChange={(pathPredicates) => onChange({ pathPredicates, pathIndex: 0 })}
      />
      <Checklist
        name="path-avoid"
        title="Avoid types"
        allText="none"
        checked={state.avoidTypes}
        items={usedTypes.map((t) => ({
          id: t,
          label: schema.types.get(t)?.label ?? t,
          extra: <TypeDot color={schema.types.get(t)?.color} />,
        }))}
        onChange={(avoidTypes) => onChange({ avoidTypes, pathIndex: 0 })}
      />
      {result && result.paths.length === 0 && (
        <p class="no-path" role="status">
          No path. {result.reason}
        </p>
      )}
      {result && pathCapText(result, state.chronological ? 'shortest' : 'k-shortest') && (
        <p class="cap-note small" role="note">
          {pathCapText(result, state.chronological ? 'shortest' : 'k-shortest')}
        </p>
      )}
      {result && result.paths.length > 0 && (
        <ol class="path-results" aria-label="Paths found">
          {result.paths.map((p, i) => (
            <li key={i} class={`path-result${i === state.pathIndex ? ' on' : ''}`}>
              <button
                type="button"
                class="path-choose"
                aria-pressed={i === state.pathIndex}
                aria-label={`${i + 1}. ${p.length} step${p.length === 1 ? '' : 's'}: highlight this path, ${describePath(p, labelOf, schema)}`}
                onClick={() => onChange({ pathIndex: i })}
              >
                {i + 1}. {p.length} step{p.length === 1 ? '' : 's'}
              </button>
              <Chain path={p} labels={labels} schema={schema} onSelectEntity={onSelectEntity} />
              <StepsTrust path={p} labels={labels} sources={sources} schema={schema} />
            </li>
          ))}
        </ol>
      )}
      {!result && <p class="muted small">Choose two entities to find how they connect.</p>}
    </div>
  );
}
