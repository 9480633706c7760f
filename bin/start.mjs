#!/usr/bin/env node
// `npm start [-- --endpoint URL]`: builds the explorer and serves it on
// 127.0.0.1:5173. With an endpoint (or ACTORGRAPH_ENDPOINT) the server
// proxies exactly one path, /sparql, to it and nowhere else, adding the
// credentials (--auth, ACTORGRAPH_AUTH or user:password@ in the URL) on the
// server side: the page keeps `connect-src 'self'` and never sees them.
import { parseArgs } from 'node:util';
import { build, preview } from 'vite';

const { values } = parseArgs({
  options: {
    endpoint: { type: 'string' },
    graph: { type: 'string' },
    auth: { type: 'string' },
    port: { type: 'string' },
  },
  allowPositionals: false,
});
const endpoint = values.endpoint ?? process.env.ACTORGRAPH_ENDPOINT;
if (values.auth) process.env.ACTORGRAPH_AUTH = values.auth;
if (endpoint) {
  let u;
  try {
    u = new URL(endpoint);
  } catch {
    console.error(`actorgraph: not a URL: ${endpoint}`);
    process.exit(2);
  }
  if (!/^https?:$/.test(u.protocol)) {
    console.error(`actorgraph: not an http(s) endpoint: ${endpoint}`);
    process.exit(2);
  }
  process.env.ACTORGRAPH_ENDPOINT = endpoint;
  u.username = '';
  u.password = '';
  // What the page shows it is connected to (never the credentials).
  process.env.VITE_ACTORGRAPH_ENDPOINT = u.toString();
}
const graph = values.graph ?? process.env.ACTORGRAPH_GRAPH;
if (graph) process.env.VITE_ACTORGRAPH_GRAPH = graph;
await build({ logLevel: 'warn' });
const port = Number(values.port ?? 5173);
const server = await preview({ preview: { host: '127.0.0.1', port, strictPort: true } });
server.printUrls();
if (endpoint) console.log(`  SPARQL: /sparql → ${process.env.VITE_ACTORGRAPH_ENDPOINT}`);
