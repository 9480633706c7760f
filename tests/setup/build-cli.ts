// Vitest global setup: bundle the CLI before any test spawns it, so the tests run what `npm install` ships
// (bin/actorgraph.mjs → build/cli/actorgraph.mjs), built from the sources under test.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function setup(): void {
  const root = resolve(import.meta.dirname, '../..');
  const r = spawnSync(process.execPath, ['bin/build-cli.mjs'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building the CLI failed:\n${r.stderr}`);
}
