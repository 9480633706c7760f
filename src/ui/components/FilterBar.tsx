// The trust and time filters, in one compact row: statuses, lowest grades, a
// time window and what to do with undated relations. Every change goes to the
// URL; the graph, the queries, the table and the timeline follow it.
import { useEffect, useState } from 'preact/hooks';
import type { ClaimStatus, Reliability } from '../../core/model.ts';
import { CLAIM_STATUSES, RELIABILITIES } from '../../core/trust.ts';
import type { UrlState } from '../state/url-state.ts';
import type { FilterPatch } from '../state/view-reducer.ts';
import { isOpen, trustFilterOf } from '../state/trust-filter.ts';
import { isIsoDate } from '../state/time.ts';
import { LineSample, CREDIBILITY_TEXT, RELIABILITY_TEXT } from './TrustBadge.tsx';

interface Props {
  url: UrlState;
  onFilter(patch: FilterPatch): void;
  onClear(): void;
}

/** A date box that only passes on a valid ISO date (or nothing), on Enter or leaving it. */
function DateField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value?: string;
  onChange(v: string | undefined): void;
}) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const valid = text === '' || isIsoDate(text);
  const commit = () => {
    if (valid && (text || undefined) !== value) onChange(text || undefined);
  };
  return (
    <span class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        class="date"
        value={text}
        placeholder="YYYY-MM-DD"
        aria-invalid={!valid}
        title={valid ? 'A year, a month (YYYY-MM) or a day (YYYY-MM-DD)' : 'Not a date: YYYY, YYYY-MM or YYYY-MM-DD'}
        onInput={(e) => setText((e.currentTarget as HTMLInputElement).value.trim())}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </span>
  );
}

export function FilterBar({ url, onFilter, onClear }: Props) {
  const shown = url.status.length ? url.status : CLAIM_STATUSES;
  const toggle = (st: ClaimStatus) => {
    const next = shown.includes(st) ? shown.filter((x) => x !== st) : [...shown, st];
    // All of them, or none, is no filter.
    onFilter({ status: next.length === CLAIM_STATUSES.length ? [] : CLAIM_STATUSES.filter((x) => next.includes(x)) });
  };
  return (
    <div class="filter-bar" role="group" aria-label="Relation filters">
      <span class="field-label" id="status-filter-label">
        Status
      </span>
      <span class="status-toggles" role="group" aria-labelledby="status-filter-label">
        {CLAIM_STATUSES.map((st) => (
          <button
            key={st}
            type="button"
            class={`toggle status-${st}${shown.includes(st) ? ' on' : ''}`}
            aria-pressed={shown.includes(st)}
            onClick={() => toggle(st)}
          >
            <LineSample status={st} width={14} />
            {st}
          </button>
        ))}
      </span>
      <span class="field">
        <label for="min-reliability">Source ≥</label>
        <select
          id="min-reliability"
          value={url.minReliability}
          onChange={(e) => onFilter({ minReliability: (e.currentTarget as HTMLSelectElement).value as Reliability })}
        >
          {RELIABILITIES.map((r) => (
            <option key={r} value={r} title={RELIABILITY_TEXT[r]}>
              {r === 'F' ? 'any' : `${r} (${RELIABILITY_TEXT[r]})`}
            </option>
          ))}
        </select>
      </span>
      <span class="field">
        <label for="min-credibility">Info ≥</label>
        <select
          id="min-credibility"
          value={String(url.minCredibility)}
          onChange={(e) => onFilter({ minCredibility: Number((e.currentTarget as HTMLSelectElement).value) })}
        >
          {([1, 2, 3, 4, 5, 6] as const).map((c) => (
            <option key={c} value={String(c)}>
              {c === 6 ? 'any' : `${c} (${CREDIBILITY_TEXT[c]})`}
            </option>
          ))}
        </select>
      </span>
      <DateField id="time-from" label="From" value={url.timeFrom} onChange={(v) => onFilter({ timeFrom: v })} />
      <DateField id="time-to" label="to" value={url.timeTo} onChange={(v) => onFilter({ timeTo: v })} />
      <span class="field">
        <label for="undated">Undated</label>
        <select
          id="undated"
          value={url.undated}
          onChange={(e) => onFilter({ undated: (e.currentTarget as HTMLSelectElement).value as 'include' | 'exclude' })}
        >
          <option value="include">include</option>
          <option value="exclude">exclude</option>
        </select>
      </span>
      {!isOpen(trustFilterOf(url)) && (
        <button type="button" class="ghost small" onClick={onClear}>
          clear filters
        </button>
      )}
    </div>
  );
}
