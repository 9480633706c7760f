// What the page says when it cannot draw: the graph needs WebGL.
export function NoWebGL() {
  return (
    <main class="fatal">
      <div role="alert">
        <h1>actorgraph cannot draw the graph here</h1>
        <p>This browser has WebGL turned off or does not support it, and the graph is drawn with WebGL.</p>
        <p>
          Turn on hardware acceleration (or WebGL) in the browser settings, or open the page in a current Firefox,
          Chrome or Safari. The command-line tool (<code>npm run cli</code>) answers the same questions without a
          browser.
        </p>
      </div>
    </main>
  );
}

/** Whether a WebGL context can be made. Costly with software rendering (hundreds of ms), so only asked after sigma failed. */
export function webglAvailable(): boolean {
  try {
    const c = document.createElement('canvas');
    return !!(c.getContext('webgl2') ?? c.getContext('webgl'));
  } catch {
    return false;
  }
}
