// Large data: how much of it is drawn, and the offer to draw it all (when the page can).
import { canDrawAll, type Loaded } from '../controllers/gateway.ts';
import { WHOLE_VIEW_MAX_ENTITIES, WHOLE_VIEW_MAX_TRIPLES } from '../graph/view.ts';
import { formatCount } from '../../core/format.ts';

export function ViewNote({ view, drawingAll, onShowAll }: { view: Loaded; drawingAll: boolean; onShowAll(): void }) {
  const { stats } = view;
  return (
    <div class="view-note" role="note">
      <span class="view-note-text">
        showing {formatCount(view.graph.order)} of {formatCount(stats.entities)} entities — search or expand to see more
      </span>
      {canDrawAll(view.caps, stats) ? (
        <button type="button" class="small" onClick={onShowAll} disabled={drawingAll}>
          {drawingAll ? 'Drawing…' : `Show all ${formatCount(stats.entities)} entities`}
        </button>
      ) : (
        <span class="view-note-limit">
          {' '}
          · Drawing everything is offered up to {formatCount(WHOLE_VIEW_MAX_ENTITIES)} entities and{' '}
          {formatCount(WHOLE_VIEW_MAX_TRIPLES)} relations; this data has {formatCount(stats.entities)} and{' '}
          {formatCount(stats.triples)}, more than the page can draw and lay out smoothly.
        </span>
      )}
    </div>
  );
}
