#!/usr/bin/env node
// Bundles src/cli/main.ts and everything it imports into one ESM file, build/cli/actorgraph.mjs,
// so the CLI starts without compiling TypeScript. Run by `prepare` (so `npm install` and `npm ci`
// build it) and by bin/cli-bundle.mjs when a source is newer than the bundle.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE, MANIFEST, ROOT } from './cli-bundle.mjs';

const ENTRY = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));

/** Writes the bundle and build/cli/inputs.json (the files it was built from and when the build began). */
export async function buildCli() {
  let rolldown;
  try {
    ({ rolldown } = await import('rolldown'));
  } catch {
    throw new Error(`actorgraph: the CLI needs building and rolldown is not installed: run \`npm install\` in ${ROOT}`);
  }
  const builtAt = Date.now();
  const bundle = await rolldown({
    input: ENTRY,
    cwd: ROOT,
    platform: 'node',
    // jsonc-parser's `main` is a UMD build with dynamic requires; its ESM build bundles cleanly.
    resolve: { mainFields: ['module', 'main'] },
    logLevel: 'warn',
  });
  const { output } = await bundle.generate({ format: 'esm', codeSplitting: false });
  await bundle.close();
  const chunk = output.find((o) => o.type === 'chunk' && o.isEntry);
  if (!chunk || output.length !== 1)
    throw new Error(`actorgraph: expected one bundled file, got ${output.map((o) => o.fileName).join(', ')}`);
  const inputs = [
    ...chunk.moduleIds,
    fileURLToPath(import.meta.url),
    fileURLToPath(new URL('cli-bundle.mjs', import.meta.url)),
  ]
    .filter((id) => isAbsolute(id))
    .map((id) => relative(ROOT, id).split(sep).join('/'));
  mkdirSync(new URL('.', BUNDLE), { recursive: true });
  // Write then rename, so a CLI started meanwhile (tests run several) never reads half a file.
  const tmp = `.${process.pid}.tmp`;
  writeFileSync(new URL(BUNDLE.href + tmp), chunk.code);
  renameSync(new URL(BUNDLE.href + tmp), BUNDLE);
  writeFileSync(new URL(MANIFEST.href + tmp), `${JSON.stringify({ builtAt, inputs }, null, 1)}\n`);
  renameSync(new URL(MANIFEST.href + tmp), MANIFEST);
  return { inputs: inputs.length, bytes: chunk.code.length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const r = await buildCli();
    console.error(`actorgraph: CLI built into build/cli/ (${r.inputs} inputs, ${(r.bytes / 1024).toFixed(0)} KiB)`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    // Under `prepare` a missing build tool (an install without devDependencies) must not fail the install:
    // the CLI says what to do when it is run.
    process.exitCode = process.env.npm_lifecycle_event === 'prepare' ? 0 : 1;
  }
}
