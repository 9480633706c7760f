// Builds the app, serves it on a free 127.0.0.1 port and drives Debian's
// Chromium with playwright-core. Every wait in the suite has a timeout.
import { createServer } from 'node:net';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type Browser } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const OUT = resolve(ROOT, 'test-results/e2e-dist');
export const SHOTS = resolve(ROOT, 'test-results/screenshots');

export const CHROMIUM_ARGS = [
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
  '--no-sandbox',
];

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

export interface Served {
  url: string;
  server: PreviewServer;
  close(): Promise<void>;
}

/** Builds and serves the app; `files` (path under the site → local file) are served beside it. */
export async function buildAndServe(files: Record<string, string> = {}): Promise<Served> {
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true } });
  for (const [at, from] of Object.entries(files)) {
    const to = resolve(OUT, at.replace(/^\/+/, ''));
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
  }
  const port = await freePort();
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: OUT },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  return { url: `http://127.0.0.1:${port}/`, server, close: () => server.close() };
}

export function launch(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
}
