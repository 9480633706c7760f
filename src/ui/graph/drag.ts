// Drag a node to move it; it stays pinned where dropped (ForceAtlas2 leaves
// `fixed` nodes in place) until the layout is run from scratch.
import type Sigma from 'sigma';

/** Returns whether the last press on a node moved it (its click is then no selection). */
export function enableDrag(s: Sigma, onMoved?: () => void): () => boolean {
  let dragged: string | undefined;
  let moved = false;
  // The frame stays as it is while a node moves, so that the others do not jump; freed on drop.
  s.on('downNode', ({ node }) => {
    dragged = node;
    moved = false;
    s.setCustomBBox(s.getBBox());
  });
  s.on('moveBody', ({ event: e }) => {
    if (!dragged) return;
    const p = s.viewportToGraph(e);
    s.getGraph().mergeNodeAttributes(dragged, { x: p.x, y: p.y, fixed: true, pinned: true });
    moved = true;
    // The camera stays still while a node moves.
    e.preventSigmaDefault();
    e.original.preventDefault();
    e.original.stopPropagation();
  });
  const drop = () => {
    if (!dragged) return;
    if (moved) onMoved?.();
    dragged = undefined;
    s.setCustomBBox(null);
  };
  s.on('upNode', drop);
  s.on('upStage', drop);
  s.getMouseCaptor().on('mouseleave', drop);
  return () => moved;
}
