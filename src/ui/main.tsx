// Entry: sigma reads WebGL constants when imported, so without WebGL at all
// the app is not loaded. A browser that has WebGL but cannot make a context
// (turned off, blocklisted) is caught when sigma starts (App.tsx): trying a
// context here first would cost every visit a second context creation.
import { render } from 'preact';
import './styles.css';
import './layout.css';
import { NoWebGL } from './components/NoWebGL.tsx';
import { prefetchData } from './data/early-fetch.ts';

const root = document.getElementById('app')!;
if (typeof WebGL2RenderingContext === 'undefined' || typeof WebGLRenderingContext === 'undefined') {
  render(<NoWebGL />, root);
} else {
  prefetchData();
  void import('./App.tsx').then(({ App }) => render(<App />, root));
}
