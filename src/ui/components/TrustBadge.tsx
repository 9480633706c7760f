// A relation's trust, wherever a relation shows: its status as a badge with a
// text label and the edge's line as a key, the Admiralty grade (source
// reliability letter, information credibility digit), the hedge, whose claim
// it is, and when it held.
import type { ClaimStatus, Entity, Source, Triple } from '../../core/model.ts';
import { credibilityOf, reliabilityOf, statusOf } from '../../core/trust.ts';
import { STATUS_STYLE, type EdgeLine } from '../graph/edge-style.ts';

export const RELIABILITY_TEXT = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
} as const;
export const CREDIBILITY_TEXT = {
  1: 'confirmed',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'truth cannot be judged',
} as const;

export function formatDate(d: string): string {
  return d.replace('/', ' – ');
}

const DASH: Record<EdgeLine, string | undefined> = { solid: undefined, dashed: '5 3', dotted: '1.5 2.5' };

/** A short stroke drawn as the graph draws the status's edges. */
export function LineSample({ status, width = 22 }: { status: ClaimStatus; width?: number }) {
  const st = STATUS_STYLE[status];
  return (
    <svg class="line-sample" width={width} height="8" aria-hidden="true">
      <line
        x1="1"
        y1="4"
        x2={width - 1}
        y2="4"
        stroke={st.color}
        stroke-width={st.size + 0.5}
        stroke-dasharray={DASH[st.line]}
        stroke-linecap={st.line === 'dotted' ? 'round' : 'butt'}
      />
    </svg>
  );
}

export function StatusBadge({ status }: { status: ClaimStatus }) {
  return (
    <span class={`badge status-${status}`} title={STATUS_STYLE[status].description}>
      <LineSample status={status} width={14} />
      {STATUS_STYLE[status].label}
    </span>
  );
}

/** "B2": reliability of the source, credibility of the information; F and 6 when not graded. */
export function GradeBadge({ t, source }: { t: Triple; source?: Source }) {
  const r = reliabilityOf(source),
    c = credibilityOf(t);
  const text = `source ${r}: ${RELIABILITY_TEXT[r]}; information ${c}: ${CREDIBILITY_TEXT[c]}`;
  return (
    <span
      class={`badge grade${r === 'F' && c === 6 ? ' ungraded' : ''}`}
      title={text}
      role="img"
      aria-label={`grade ${r}${c} (${text})`}
    >
      {r}
      {c}
    </span>
  );
}

interface TrustProps {
  t: Triple;
  source?: Source;
  labels: ReadonlyMap<string, Entity>;
  compact?: boolean;
}

/** Status, grade, qualifier, attribution, date and confidence of one relation. */
export function TrustLine({ t, source, labels, compact }: TrustProps) {
  const parts: string[] = [];
  if (t.qualifier) parts.push(t.qualifier);
  if (t.attributedTo) parts.push(`according to ${labels.get(t.attributedTo)?.label ?? t.attributedTo}`);
  if (t.date) parts.push(formatDate(t.date));
  if (!compact && t.confidence !== undefined) parts.push(`confidence ${Math.round(t.confidence * 100)}%`);
  return (
    <span class={`trust${compact ? ' compact' : ''}`}>
      <StatusBadge status={statusOf(t)} />
      <GradeBadge t={t} source={source} />
      {parts.map((p) => (
        <span class="hedge" key={p}>
          {p}
        </span>
      ))}
    </span>
  );
}
