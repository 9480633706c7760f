// The buttons over the graph: zoom, fit the whole graph, run or stop the layout.
import type { GraphController } from '../graph/controller.ts';

interface Props {
  /** Made once the first view is drawn: read when used. */
  ctl(): GraphController | undefined;
  layoutRunning: boolean;
  hasView: boolean;
}

export function StageControls({ ctl, layoutRunning, hasView }: Props) {
  return (
    <div class="stage-controls" role="group" aria-label="Graph controls">
      <button type="button" onClick={() => ctl()?.zoom(1.5)} aria-label="Zoom in">
        +
      </button>
      <button type="button" onClick={() => ctl()?.zoom(1 / 1.5)} aria-label="Zoom out">
        −
      </button>
      <button type="button" onClick={() => void ctl()?.resetCamera()} aria-label="Fit the whole graph">
        fit
      </button>
      {layoutRunning ? (
        <button type="button" class="running" onClick={() => ctl()?.stopLayout()}>
          <span class="spinner" aria-hidden="true" /> Stop<span class="visually-hidden"> the layout</span>
        </button>
      ) : (
        <button type="button" onClick={() => ctl()?.startLayout()} disabled={!hasView}>
          <span class="visually-hidden">Run the ForceAtlas2 </span>layout<span class="visually-hidden"> again</span>
        </button>
      )}
    </div>
  );
}
