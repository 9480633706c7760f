import { defineConfig, type Plugin } from 'vitest/config';
import type { ProxyOptions } from 'vite';
import preact from '@preact/preset-vite';

/** The Content-Security-Policy of the built app: nothing leaves the origin, no inline script.
 *  The ForceAtlas2 worker starts from a blob: URL, hence `worker-src blob:`. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Injects the CSP as a meta tag at build time only (the dev server needs inline HMR code). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'actorgraph-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

/**
 * With ACTORGRAPH_ENDPOINT (bin/start.mjs): /sparql, and only that path, is proxied to the store, with the
 * credentials added here so that the page never holds them.
 */
export function sparqlProxy(env: NodeJS.ProcessEnv = process.env): Record<string, ProxyOptions> | undefined {
  if (!env.ACTORGRAPH_ENDPOINT) return undefined;
  const u = new URL(env.ACTORGRAPH_ENDPOINT);
  const auth =
    env.ACTORGRAPH_AUTH ??
    (u.username ? `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}` : undefined);
  const header = !auth
    ? undefined
    : /^(Basic|Bearer) /i.test(auth)
      ? auth
      : auth.includes(':')
        ? `Basic ${Buffer.from(auth).toString('base64')}`
        : `Bearer ${auth}`;
  const path = u.pathname + u.search;
  return {
    '^/sparql$': {
      target: u.origin,
      changeOrigin: true,
      rewrite: () => path,
      ...(header ? { headers: { authorization: header } } : {}),
    },
  };
}

const proxy = sparqlProxy();

export default defineConfig({
  plugins: [preact(), contentSecurityPolicy()],
  ...(proxy ? { preview: { proxy }, server: { proxy } } : {}),
  build: {
    // Small assets as data: URLs would be fine under img-src, but keep everything as files.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  // Module workers, so that a worker's own dynamic imports are chunks of their own (the loader worker
  // loads the parsing code of formats other than the dataset JSON only when a file needs it).
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/setup/build-cli.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
