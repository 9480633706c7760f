// The bare baseline: the same graph drawn by sigma with its defaults, no UI.
// Reports through window.__bench: rendered (ms since navigation start, when
// sigma's constructor, which renders synchronously, returned), firstFrame (the
// animation frame after that), and with ?layout=1 a ForceAtlas2 worker run
// counting iterations (one supervisor message = one iteration).
import Graph from 'graphology';
import Sigma from 'sigma';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { SerializedGraph } from 'graphology-types';

interface BenchState {
  /** When sigma's constructor returned: it renders synchronously, so this is its first afterRender. */
  rendered?: number;
  firstFrame?: number;
  layoutStart?: number;
  layoutEnd?: number;
  iterations: number;
  stopLayout?: () => void;
  error?: string;
}
const state: BenchState = { iterations: 0 };
(window as unknown as { __bench: BenchState }).__bench = state;

async function main(): Promise<void> {
  const res = await fetch('./graph.json');
  const graph = new Graph({ multi: true, type: 'directed' });
  graph.import((await res.json()) as SerializedGraph);
  const renderer = new Sigma(graph, document.getElementById('graph')!);
  state.rendered = performance.now();
  // Sigma draws synchronously in its constructor; the next animation frame is
  // when that drawing has been handed to the compositor.
  requestAnimationFrame(() => {
    state.firstFrame = performance.now();
  });
  void renderer;
  if (new URLSearchParams(location.search).get('layout') === '1') {
    const layout = new FA2Layout(graph, { settings: forceAtlas2.inferSettings(graph) });
    graph.on('eachNodeAttributesUpdated', () => {
      state.iterations++;
    });
    // Start once the first frame is out, as an explorer would.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        state.layoutStart = performance.now();
        layout.start();
        state.stopLayout = () => {
          layout.stop();
          state.layoutEnd = performance.now();
        };
      }),
    );
  }
}
main().catch((e) => {
  state.error = String(e);
});
