// How nodes are drawn: colour by type or community, size by degree, PageRank
// or betweenness; what is being computed, and the largest communities.
import type { MultiDirectedGraph } from 'graphology';
import type { ColourBy, SizeMetric } from '../graph/metric-shape.ts';
import { BETWEENNESS_SAMPLES } from '../graph/metric-shape.ts';
import { communityLegend } from '../graph/look.ts';
import { COMMUNITY_COLORS } from '../graph/community-palette.ts';
import type { LookState } from '../controllers/use-look.ts';
import { Segmented } from './Segmented.tsx';
import { TypeDot } from './TypeDot.tsx';
import './look.css';
import { formatCount } from '../../core/format.ts';

/** Communities named in the legend: each with a colour of its own; the rest, grey, in one line. */
const LEGEND_COMMUNITIES = COMMUNITY_COLORS.length;

const SIZE_NAMES: Record<SizeMetric, string> = { degree: 'degree', pagerank: 'PageRank', betweenness: 'betweenness' };

interface Props {
  colour: ColourBy;
  size: SizeMetric;
  look: LookState;
  graph: MultiDirectedGraph;
  onChange(patch: { colour?: ColourBy; size?: SizeMetric }): void;
  onSelect(id: string): void;
}

export function LookControls({ colour, size, look, graph, onChange, onSelect }: Props) {
  const labelOf = (id: string) => (graph.hasNode(id) ? (graph.getNodeAttribute(id, 'label') as string) : id);
  const busy = [look.colouring && 'communities', look.sizing && SIZE_NAMES[look.sizing]].filter(Boolean);
  return (
    <section class="legend look" aria-labelledby="look-title">
      <div class="section-head">
        <h2 id="look-title">Drawing</h2>
      </div>
      <div class="query-form">
        <Segmented
          id="colour-label"
          label="Colour by"
          value={colour}
          choices={[
            { value: 'type', label: 'type' },
            { value: 'community', label: 'community' },
          ]}
          onChange={(v) => onChange({ colour: v })}
        />
        <div class="row">
          <label class="field-label" for="size-by">
            Size by
          </label>
          <select
            id="size-by"
            value={size}
            onChange={(e) => onChange({ size: (e.currentTarget as HTMLSelectElement).value as SizeMetric })}
          >
            {(Object.keys(SIZE_NAMES) as SizeMetric[]).map((m) => (
              <option key={m} value={m}>
                {SIZE_NAMES[m]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div role="status" aria-live="polite" class="look-status muted small">
        {busy.length > 0 && (
          <p>
            <span class="spinner" aria-hidden="true" /> Computing {busy.join(' and ')}… the graph stays usable.
          </p>
        )}
        {size === 'betweenness' && look.sampled && !look.sizing && (
          <p>
            Betweenness estimated from {BETWEENNESS_SAMPLES} sampled entities of {formatCount(graph.order)}: an
            approximation.
          </p>
        )}
        {look.error && <p class="warning">{look.error}</p>}
      </div>
      {look.communities && (
        <>
          <h3 class="small">
            {formatCount(look.communities.length)} communit{look.communities.length === 1 ? 'y' : 'ies'} drawn
          </h3>
          <ul class="communities">
            {communityLegend(look.communities, labelOf, LEGEND_COMMUNITIES).map((c) => (
              <li key={c.hub || 'rest'}>
                {c.hub ? (
                  <button
                    type="button"
                    class="legend-item"
                    onClick={() => onSelect(c.hub)}
                    title={`Select ${c.label}, its most connected member`}
                  >
                    <TypeDot color={c.color} />
                    <span class="legend-label">{c.label}</span>
                    <span class="count">{c.size}</span>
                  </button>
                ) : (
                  <span class="legend-item">
                    <TypeDot color={c.color} />
                    <span class="legend-label muted">{c.label}</span>
                    <span class="count">{c.size}</span>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
