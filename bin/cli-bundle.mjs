// Where the compiled CLI lives and whether it is still current: plain Node, no build tool
// loaded, so the check costs a few stat calls on every start.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT_URL = new URL('..', import.meta.url);
export const ROOT = fileURLToPath(ROOT_URL);
// Two levels below the root, as src/node/ is, so the sources' `new URL('../../graph-data/…',
// import.meta.url)` still finds the default data from the bundle.
export const BUNDLE = new URL('../build/cli/actorgraph.mjs', import.meta.url);
export const MANIFEST = new URL('../build/cli/inputs.json', import.meta.url);

/** True when the bundle exists and no file it was built from (paths relative to root) has changed since its
 *  build began. A missing input counts as changed; a checkout or `touch` only ever causes a rebuild. */
export function isFresh(bundle = BUNDLE, manifestFile = MANIFEST, root = ROOT_URL) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    statSync(bundle);
  } catch {
    return false;
  }
  for (const file of manifest.inputs) {
    const st = statSync(new URL(file, root), { throwIfNoEntry: false });
    if (!st || st.mtimeMs > manifest.builtAt) return false;
  }
  return true;
}

/** The bundle's URL, rebuilding it first when a source changed (a developer's edit never runs stale code). */
export async function cliBundle() {
  if (isFresh()) return BUNDLE.href;
  const { buildCli } = await import('./build-cli.mjs');
  await buildCli();
  return BUNDLE.href;
}
