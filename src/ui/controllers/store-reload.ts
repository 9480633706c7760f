// After "Save to store": the store is asked again, so the view shows what it
// holds now (another tab's saves included), as when the page connected.
import type { AppAction } from '../state/app-reducer.ts';
import { configuredEndpoint, loadEndpoint } from '../data/sparql.ts';
import { errorText, prepare } from './gateway.ts';

export async function reloadStore(dispatch: (a: AppAction) => void): Promise<void> {
  const endpoint = configuredEndpoint();
  if (!endpoint) return;
  try {
    const r = await loadEndpoint(endpoint);
    if (!r.ok) {
      dispatch({ type: 'problems', problems: { file: endpoint, list: r.problems } });
      return;
    }
    dispatch({ type: 'opened', view: await prepare(r.data), mode: 'replace', name: r.data.file, warnings: [] });
  } catch (e) {
    dispatch({ type: 'notice', text: `Could not read the store again: ${errorText(e)}` });
  }
}
