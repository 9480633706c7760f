// The right panel: the selected entity, its relations and the source of the selected relation.
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Entity } from '../../core/model.ts';
import type { AppAction } from '../state/app-reducer.ts';
import type { UrlState } from '../state/url-state.ts';
import type { Loaded } from '../controllers/gateway.ts';
import type { GraphView } from '../controllers/use-graph.ts';
import type { Answers } from '../controllers/use-queries.ts';
import { DrawerHead } from './Drawers.tsx';
import { EntityPanel } from './EntityPanel.tsx';
import { SourceView } from './SourceView.tsx';

interface Props {
  view?: Loaded;
  url: UrlState;
  labels: ReadonlyMap<string, Entity>;
  selected?: Entity;
  answers: Answers;
  graph: GraphView;
  panelRef: RefObject<HTMLElement | null>;
  select(id: string | undefined): void;
  dispatch(a: AppAction): void;
  onClose(): void;
}

export function DetailsPanel({
  view,
  url,
  labels,
  selected,
  answers,
  graph,
  panelRef,
  select,
  dispatch,
  onClose,
}: Props) {
  const { details } = answers;
  // Following a relation's link replaces the button that had focus: focus goes to the new entity's name.
  const followed = useRef<string | undefined>(undefined);
  const shownId = details?.entity.id;
  useEffect(() => {
    if (!shownId || followed.current !== shownId) return;
    followed.current = undefined;
    panelRef.current?.querySelector<HTMLElement>('#entity-title')?.focus();
  }, [shownId]);
  const relation =
    url.relation && details ? [...details.outgoing, ...details.incoming].find((t) => t.id === url.relation) : undefined;
  return (
    <aside id="right-panel" class="right panel" aria-label="Selected entity" ref={panelRef}>
      <DrawerHead title={selected?.label ?? 'Details'} onClose={onClose} />
      {view && details && (
        <EntityPanel
          details={details}
          schema={view.schema}
          labels={labels}
          sources={view.sources}
          selectedRelation={url.relation}
          onExpand={view.partial ? () => graph.expand(details.entity.id) : undefined}
          onSelectEntity={(id) => {
            followed.current = id;
            select(id);
          }}
          onSelectRelation={(id) => dispatch({ type: 'navigate', patch: { relation: id } })}
        />
      )}
      {!details && (
        <div class="hint-box muted">
          <h2>No entity selected</h2>
          <p>Click a node or search to see who it is connected to, and the evidence for every relation.</p>
        </div>
      )}
      {relation && view && (
        <SourceView
          source={view.sources.get(relation.source)}
          text={answers.sourceText?.id === relation.source ? answers.sourceText.text : undefined}
          evidence={relation.evidence ?? ''}
          onClose={() => dispatch({ type: 'navigate', patch: { relation: undefined } })}
        />
      )}
    </aside>
  );
}
