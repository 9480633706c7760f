// The Virtuoso section: the bench graph pushed into a private Virtuoso 7
// (Graph Store POSTs of our N-Triples, and INSERT DATA batches as before) against Virtuoso's own bulk loader
// (ld_dir + rdf_loader_run) on the same N-Triples, then search,
// neighbourhoods and shortest paths over the store beside the same
// operations in memory: latency and requests per operation.
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Row } from './stats.ts';
import { median, p99, row } from './stats.ts';
import { mulberry32 } from './generate.ts';
import { hasVirtuoso, startVirtuoso, type Virtuoso } from './virtuoso-server.ts';
import { MemoryExplorer } from '../src/core/memory-explorer.ts';
import type { TripleStore } from '../src/core/store.ts';
import type { Explorer } from '../src/core/explorer.ts';
import { SparqlClient } from '../src/core/sparql/client.ts';
import { SparqlExplorer } from '../src/core/sparql/explorer.ts';
import { push } from '../src/core/sparql/push.ts';
import { nTriplesLines } from '../src/core/writers/rdf.ts';
import { pieces } from '../src/core/writers/writer.ts';

export interface VirtuosoDeps {
  store: TripleStore;
  sz: string;
  quick: boolean;
  seed: number;
  log: (...a: unknown[]) => void;
}

async function timeAsync<T>(inputs: readonly T[], fn: (x: T) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (const x of inputs) {
    const t = performance.now();
    await fn(x);
    out.push(performance.now() - t);
  }
  return out;
}

export async function benchVirtuoso(d: VirtuosoDeps): Promise<{ rows: Row[]; details: unknown }> {
  if (!hasVirtuoso()) {
    d.log('virtuoso: virtuoso-t not found (apt-get install virtuoso-opensource): section skipped');
    return { rows: [], details: { skipped: 'virtuoso-t not found' } };
  }
  const memory = new MemoryExplorer(d.store);
  const dataset = await memory.exportDataset({ all: true });
  const g1 = 'https://bench.actorgraph.org/pushed',
    g2 = 'https://bench.actorgraph.org/bulk';
  // Each load into a fresh database: the first load into a store also fills its IRI dictionary.
  const fresh = async <R>(what: string, load: (v: Virtuoso) => Promise<R>) => {
    const v = await startVirtuoso();
    try {
      d.log(`virtuoso: ${what}`);
      const t = performance.now(),
        c = v.cpuSeconds();
      const r = await load(v);
      const ms = performance.now() - t,
        cpu = v.cpuSeconds() - c;
      d.log(`virtuoso: ${what} in ${(ms / 1000).toFixed(1)} s (server CPU ${cpu.toFixed(1)} s)`);
      return { ms, cpu, r };
    } finally {
      await v.stop();
    }
  };
  const bulk = await fresh('bulk load', async (v) => {
    // Line by line: a million relations' N-Triples exceed one string's limit.
    const fd = openSync(join(v.dir, 'bench.nt'), 'w');
    try {
      for (const piece of pieces(nTriplesLines(dataset))) writeSync(fd, piece);
    } finally {
      closeSync(fd);
    }
    v.isql(`ld_dir('${v.dir}', 'bench.nt', '${g2}');`);
    v.isql('rdf_loader_run();');
    v.isql('checkpoint;');
  });
  const bulkMs = bulk.ms;
  // The way push worked before: INSERT DATA batches of 2,000, one request at a time.
  // INSERT DATA alone takes many times the bulk load: at a million relations only a full run compares it.
  const compare = !(d.quick && d.store.tripleCount > 200_000);
  const sequential = compare
    ? await fresh('push by INSERT DATA, one request at a time', (v) =>
        push(new SparqlClient({ query: v.endpoint, timeoutMs: 600_000 }), dataset, {
          graph: g1,
          graphStore: false,
          concurrency: 1,
        }),
      )
    : undefined;
  const inserts = compare
    ? await fresh('push by INSERT DATA, 3 in flight', (v) =>
        push(new SparqlClient({ query: v.endpoint, timeoutMs: 600_000 }), dataset, { graph: g1, graphStore: false }),
      )
    : undefined;
  const v = await startVirtuoso();
  try {
    d.log('virtuoso: push');
    const t = performance.now(),
      c = v.cpuSeconds();
    const pushed = await push(new SparqlClient({ query: v.endpoint, timeoutMs: 600_000 }), dataset, { graph: g1 });
    const pushMs = performance.now() - t,
      pushCpu = v.cpuSeconds() - c;
    d.log(
      `virtuoso: pushed ${pushed.triples} triples in ${(pushMs / 1000).toFixed(1)} s (server CPU ${pushCpu.toFixed(1)} s), ${pushed.requests} requests (${pushed.method})`,
    );

    const sparql = new SparqlExplorer({ query: v.endpoint, graph: g1, timeoutMs: 600_000 });
    await sparql.schema();
    const rnd = mulberry32(d.seed * 31 + 7);
    const pick = () => d.store.entityAt(Math.floor(rnd() * d.store.entityCount));
    const n = d.quick ? 10 : 30;
    const labels = Array.from({ length: n }, () => pick().label);
    const d1 = Array.from({ length: n }, () => pick().id);
    const d2 = Array.from({ length: Math.ceil(n / 3) }, () => pick().id);
    const pairs = Array.from({ length: n }, () => [pick().id, pick().id] as const);
    const ops: [string, (ex: Explorer) => Promise<number[]>, number][] = [
      ['search (a label)', (ex) => timeAsync(labels, (q) => ex.search(q, { limit: 10 })), labels.length],
      ['neighbourhood depth 1', (ex) => timeAsync(d1, (id) => ex.neighbourhood({ from: [id], depth: 1 })), d1.length],
      ['neighbourhood depth 2', (ex) => timeAsync(d2, (id) => ex.neighbourhood({ from: [id], depth: 2 })), d2.length],
      ['shortest path', (ex) => timeAsync(pairs, ([a, b]) => ex.paths({ from: a, to: b })), pairs.length],
    ];
    // Wall clock moves with other load on the machine; the server's CPU time much less.
    const cpuNote = (cpu: number) =>
      `server CPU ${cpu.toFixed(1)} s, ${(cpu / bulk.cpu).toFixed(1)}× the bulk loader's ${bulk.cpu.toFixed(1)} s`;
    const pushRow = (what: string, ms: number, note: string): Row =>
      row({
        measure: `Virtuoso: push ${d.sz} (${(pushed.triples / 1e6).toFixed(2)}M RDF triples)${what}`,
        unit: 'ms',
        median: ms,
        samples: 1,
        baseline: { name: 'Virtuoso bulk load (ld_dir + rdf_loader_run) of the same N-Triples', median: bulkMs },
        target: '≤ 3× bulk load',
        met: ms / bulkMs <= 3,
        note,
      });
    const rows: Row[] = [
      pushRow('', pushMs, `${pushed.requests} requests, ${pushed.method}; ${cpuNote(pushCpu)}`),
      ...(inserts && sequential
        ? [
            pushRow(
              ', INSERT DATA only',
              inserts.ms,
              `${inserts.r.requests} requests of ≤ 2,000 triples, 3 in flight; ${cpuNote(inserts.cpu)}`,
            ),
            pushRow(
              ', INSERT DATA one at a time (before)',
              sequential.ms,
              `${sequential.r.requests} requests of ≤ 2,000 triples; ${cpuNote(sequential.cpu)}`,
            ),
          ]
        : []),
    ];
    const perOp: Record<string, unknown> = {};
    for (const [name, run, count] of ops) {
      d.log(`virtuoso: ${name}`);
      const mem = await run(memory);
      const before = sparql.requests;
      const st = await run(sparql);
      const reqs = (sparql.requests - before) / count;
      perOp[name] = { storeMs: st, memoryMs: mem, requestsPerOp: reqs };
      rows.push(
        row({
          measure: `Virtuoso ${d.sz}: ${name}`,
          unit: 'ms',
          median: median(st),
          p99: p99(st),
          samples: count,
          baseline: { name: 'the same in memory', median: median(mem) },
          target: 'report',
          met: true,
          note: `${reqs.toFixed(1)} requests per operation; in memory p99 ${p99(mem).toFixed(2)} ms`,
        }),
      );
    }
    return {
      rows,
      details: {
        pushMs,
        bulkMs,
        insertMs: inserts?.ms,
        sequentialMs: sequential?.ms,
        serverCpuS: { push: pushCpu, bulk: bulk.cpu, insert: inserts?.cpu, sequential: sequential?.cpu },
        pushed,
        perOp,
      },
    };
  } finally {
    await v.stop();
  }
}
