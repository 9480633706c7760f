// Entry: check for WebGL first (sigma needs it and touches it on import), then load the app.
import { render } from 'preact';
import './styles.css';

function webglAvailable(): boolean {
  try {
    const c = document.createElement('canvas');
    return !!(c.getContext('webgl2') ?? c.getContext('webgl'));
  } catch {
    return false;
  }
}

const root = document.getElementById('app')!;
if (!webglAvailable() || typeof WebGL2RenderingContext === 'undefined') {
  render(
    <main class="fatal"><div role="alert">
      <h1>actorgraph cannot draw the graph here</h1>
      <p>This browser has WebGL turned off or does not support it, and the graph is drawn with WebGL.</p>
      <p>Turn on hardware acceleration (or WebGL) in the browser settings, or open the page in a current Firefox, Chrome or Safari. The command-line tool (<code>npm run cli</code>) answers the same questions without a browser.</p>
    </div></main>,
    root,
  );
} else {
  void import('./App.tsx').then(({ App }) => render(<App />, root));
}
