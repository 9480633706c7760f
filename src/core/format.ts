// Pure text formatting of Explorer answers, shared by the CLI and the UI.
// No store, no engine: everything here works on plain model objects.
import type { Path, PathMode, PathResult, Predicate, Schema, Source, Triple } from './model.ts';

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
    const verb = step.forward ? (p?.label ?? step.triple.predicate) : (p?.inverseLabel ?? `${step.triple.predicate} (inverse)`);
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
