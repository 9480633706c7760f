// Pure text formatting of Explorer answers, shared by the CLI and the UI.
// No store, no engine: everything here works on plain model objects.
import type {
  ClaimStatus,
  Credibility,
  Path,
  PathMode,
  PathResult,
  Predicate,
  Reliability,
  Schema,
  Source,
  Triple,
} from './model.ts';
import { credibilityOf, reliabilityOf, statusOf } from './trust.ts';

/** What describing a triple needs of a schema: a SchemaIndex or `predicateIndex(schema)`. */
export interface PredicateLookup {
  predicates: { get(id: string): Pick<Predicate, 'label' | 'inverseLabel'> | undefined };
}

export function predicateIndex(schema: Schema): PredicateLookup {
  return { predicates: new Map(schema.predicates.map((p) => [p.id, p])) };
}

/** "Joe Biden —authorized→ US airstrike … —used by→ Kataib Hezbollah"; steps walked backwards read with the inverse label. */
export function describePath(path: Path, labelOf: (id: string) => string, schema: PredicateLookup): string {
  let text = labelOf(path.nodes[0]!);
  path.steps.forEach((step, i) => {
    const p = schema.predicates.get(step.triple.predicate);
    const verb = step.forward
      ? (p?.label ?? step.triple.predicate)
      : (p?.inverseLabel ?? `${step.triple.predicate} (inverse)`);
    text += ` —${verb}→ ${labelOf(path.nodes[i + 1]!)}`;
  });
  return text;
}

/** "A —backed by→ B". */
export function describeTriple(t: Triple, labelOf: (id: string) => string, schema: PredicateLookup): string {
  const label = schema.predicates.get(t.predicate)?.label ?? t.predicate;
  return `${labelOf(t.subject)} —${label}→ ${labelOf(t.object)}`;
}

/** How a source is cited after a quote: publisher and date, else its title. */
export function sourceName(s: Source | undefined, id: string): string {
  return s ? [s.publisher, s.published].filter(Boolean).join(', ') || s.title : id;
}

/** The cap on a list of paths in words, or undefined when nothing was cut: "showing 100 of 252 shortest paths". */
export function pathCapText(result: PathResult, mode: PathMode): string | undefined {
  if (!result.truncated) return undefined;
  const what = mode === 'all-shortest' ? 'shortest paths' : 'paths';
  if (result.total !== undefined) {
    return `showing ${result.paths.length} of ${result.totalIsLowerBound ? 'at least ' : ''}${result.total} ${what}`;
  }
  return `showing ${result.paths.length} ${what}${result.note ? ` (${result.note})` : '; there are more'}`;
}

// ---- trust -------------------------------------------------------------

/** A triple as every JSON output gives it: its derived status always there. */
export type TripleWithTrust = Triple & { status: ClaimStatus };

export function withTrust(t: Triple): TripleWithTrust {
  return { ...t, status: statusOf(t) };
}

/** A source as JSON outputs give it: its reliability always there (absent reads as F). */
export function sourceWithGrade<S extends Source>(s: S): S & { reliability: Reliability } {
  return { ...s, reliability: reliabilityOf(s) };
}

/** The Admiralty grade of a relation: source reliability and information credibility, "B2"; absent grades read as F / 6. */
export function gradeOf(
  t: Pick<Triple, 'credibility'>,
  source: Pick<Source, 'reliability'> | undefined,
): `${Reliability}${Credibility}` {
  return `${reliabilityOf(source)}${credibilityOf(t)}`;
}

/**
 * What a reader must know beside a relation, in words: "hedged: reportedly;
 * according to Lloyd Austin; 2021-02-25; graded B2". The status comes first
 * except for a plain assertion, whose status goes without saying unless `always`.
 */
export function trustText(
  t: Triple,
  labelOf: (id: string) => string,
  source?: Pick<Source, 'reliability'>,
  always = false,
): string {
  const status = statusOf(t);
  const parts: string[] = [];
  if (status !== 'asserted' || always) parts.push(status);
  if (t.qualifier) parts.push(t.qualifier);
  if (t.attributedTo) parts.push(`according to ${labelOf(t.attributedTo)}`);
  if (t.date) parts.push(t.date);
  // Ungraded data (most of it) is not cluttered with "F6" on every line.
  if (source?.reliability !== undefined || t.credibility !== undefined) parts.push(`graded ${gradeOf(t, source)}`);
  return parts.join('; ');
}

/** "A —backed by→ B  [hedged; reportedly; according to C; 2021]": a triple with its trust, as lists show it. */
export function describeClaim(
  t: Triple,
  labelOf: (id: string) => string,
  schema: PredicateLookup,
  source?: Pick<Source, 'reliability'>,
): string {
  const trust = trustText(t, labelOf, source);
  return `${describeTriple(t, labelOf, schema)}${trust ? `  [${trust}]` : ''}`;
}

/** A quote as lists show it: “evidence” — source, or a plain "(unsourced: no quote) — source". */
export function quoteLine(t: Triple, source: Source | undefined): string {
  return `${t.evidence !== undefined ? `“${t.evidence}”` : '(unsourced: no quote)'} — ${sourceName(source, t.source)}`;
}

/** 12345 → "12,345": counts in messages, without Intl (its first use loads locale data: 100 ms on a page's first frame). */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const digits = String(Math.round(Math.abs(n)));
  let out = '';
  for (let i = digits.length; i > 0; i -= 3) out = digits.slice(Math.max(0, i - 3), i) + (out ? `,${out}` : '');
  return n < 0 && digits !== '0' ? `-${out}` : out;
}
