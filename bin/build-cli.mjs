#!/usr/bin/env node
// Bundles src/cli/main.ts and everything it imports into ESM in build/cli/ (actorgraph.mjs and its chunks),
// so the CLI starts without compiling TypeScript. Run by `prepare` (so `npm install` and `npm ci`
// build it) and by bin/cli-bundle.mjs when a source is newer than the bundle.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
  // What a command imports dynamically (the annotate command's NLP library) is a chunk of its own, so a start
  // compiles only what every command needs.
  const { output } = await bundle.generate({
    format: 'esm',
    entryFileNames: 'actorgraph.mjs',
    chunkFileNames: '[name]-[hash].mjs',
  });
  await bundle.close();
  const chunks = output.filter((o) => o.type === 'chunk');
  const entry = chunks.find((o) => o.isEntry);
  if (!entry || chunks.length !== output.length)
    throw new Error(`actorgraph: expected code chunks only, got ${output.map((o) => o.fileName).join(', ')}`);
  // The dependencies stand for by the lock file (a change of them changes it): four hundred fewer files to check
  // on every start.
  const inputs = [
    ...chunks.flatMap((c) => c.moduleIds),
    fileURLToPath(import.meta.url),
    fileURLToPath(new URL('cli-bundle.mjs', import.meta.url)),
  ]
    .filter((id) => isAbsolute(id))
    .map((id) => relative(ROOT, id).split(sep).join('/'))
    .filter((f) => !f.startsWith('node_modules/'))
    .concat(['package.json', 'package-lock.json']);
  mkdirSync(new URL('.', BUNDLE), { recursive: true });
  // Write then rename, so a CLI started meanwhile (tests run several) never reads half a file; the chunks (named by
  // their hash) before the entry that imports them.
  const tmp = `.${process.pid}.tmp`;
  for (const c of [...chunks.filter((c) => c !== entry), entry]) {
    const to = new URL(c.fileName, BUNDLE);
    writeFileSync(new URL(to.href + tmp), c.code);
    renameSync(new URL(to.href + tmp), to);
  }
  // Chunks of earlier builds are no longer imported by anything.
  const current = new Set(chunks.map((c) => c.fileName));
  for (const f of readdirSync(new URL('.', BUNDLE)))
    if (f.endsWith('.mjs') && !current.has(f)) rmSync(new URL(f, BUNDLE), { force: true });
  // The default data, checked now rather than at every start (src/node/default-snapshot.ts; a change of its files
  // makes the CLI read them again, not rebuild).
  const { writeDefaultSnapshot } = await import(`${BUNDLE.href}?built=${builtAt}`);
  writeDefaultSnapshot();
  writeFileSync(new URL(MANIFEST.href + tmp), `${JSON.stringify({ builtAt, inputs }, null, 1)}\n`);
  renameSync(new URL(MANIFEST.href + tmp), MANIFEST);
  return { inputs: inputs.length, bytes: entry.code.length };
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
