// The canvas's accessible alternative: the entities drawn, as a list of
// buttons that select them. Hidden until focus reaches it (skip link, Tab).
import { useAfterPaint } from '../hooks/use-after-paint.ts';
import type { MultiDirectedGraph } from 'graphology';

/** A list longer than this is cut (the search box finds the rest). */
const MAX = 300;

interface Props {
  graph: MultiDirectedGraph;
  version: number;
  hiddenTypes: readonly string[];
  selected?: string;
  onSelect(id: string): void;
}

export function DrawnList({ graph, version, hiddenTypes, selected, onSelect }: Props) {
  // Computed once the graph is drawn: a new view's first frame does not wait for a list nobody sees yet.
  const computed = useAfterPaint(() => {
    const hidden = new Set(hiddenTypes);
    const all: { id: string; label: string; degree: number }[] = [];
    graph.forEachNode((id, a) => {
      if (!hidden.has(a.entityType as string)) all.push({ id, label: a.label as string, degree: graph.degree(id) });
    });
    // The most connected first when cut, then by name.
    const kept = all.length > MAX ? all.sort((x, y) => y.degree - x.degree).slice(0, MAX) : all;
    return { total: all.length, list: kept.sort((x, y) => x.label.localeCompare(y.label)) };
  }, [graph, version, hiddenTypes.join(',')]);
  const items = computed === 'pending' ? { total: graph.order, list: [] } : computed.value;
  return (
    <nav id="graph-nodes" class="drawn-list" aria-label="Entities drawn" tabIndex={-1}>
      <h2>
        {items.total} entities drawn{items.total > MAX ? ` (the ${MAX} most connected listed)` : ''}
      </h2>
      <ul>
        {items.list.map((n) => (
          <li key={n.id}>
            <button type="button" class="ghost" aria-pressed={n.id === selected} onClick={() => onSelect(n.id)}>
              {n.label} <span class="muted">({n.degree} relations)</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
