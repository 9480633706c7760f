// The store snapshot in Node: encode and decode times and the size, over the
// bench store (what the browser's loader worker does after a first open and on
// a reopen, without IndexedDB); then what a reopen's first view asks of the
// decoded store, and what the snapshot leaves for later (the source texts).
import { MemoryExplorer } from '../src/core/memory-explorer.ts';
import { checksums } from '../src/core/snapshot/binary.ts';
import { decodeSnapshotAndStats, encodeSnapshot } from '../src/core/snapshot/snapshot.ts';
import type { TripleStore } from '../src/core/store.ts';
import { median, row, type Row } from './stats.ts';

/** The UI's first view of a large dataset (controllers/gateway.ts `prepare`): its 50 most connected entities. */
async function firstView(ex: MemoryExplorer): Promise<number> {
  const top = await ex.topEntities(50);
  return (await ex.subgraph(top.map((e) => e.id))).triples.length;
}

export async function benchSnapshotNode(
  store: TripleStore,
  label: string,
  runs: number,
  fileBytes: number,
): Promise<Row[]> {
  const enc: number[] = [],
    dec: number[] = [],
    sum: number[] = [],
    view: number[] = [],
    texts: number[] = [];
  let bytes = 0,
    drawn = 0;
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const buf = encodeSnapshot(store);
    enc.push(performance.now() - t);
    bytes = buf.byteLength;
    t = performance.now();
    const back = decodeSnapshotAndStats(buf);
    dec.push(performance.now() - t);
    if (back.store.tripleCount !== store.tripleCount) throw new Error('the decoded snapshot lost triples');
    t = performance.now();
    drawn = await firstView(new MemoryExplorer(back.store, 'bench', back.stats));
    view.push(performance.now() - t);
    // Every source text, decoded when first read (a text search over all evidence reads them all).
    t = performance.now();
    for (const s of back.store.sources) back.store.sourceText(s.id);
    texts.push(performance.now() - t);
    // The checksum alone (part of the decode; after it, so the decode's run stays the cold one).
    t = performance.now();
    checksums(buf);
    sum.push(performance.now() - t);
  }
  const size = `${(bytes / 1e6).toFixed(1)} MB (the dataset file: ${(fileBytes / 1e6).toFixed(1)} MB)`;
  const all = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
  return [
    row({
      measure: `snapshot encode, ${label}`,
      unit: 'ms',
      median: median(enc),
      samples: runs,
      note: `encodeSnapshot(store) in Node, ${size}; all runs: ${all(enc)} ms`,
    }),
    row({
      measure: `snapshot decode, ${label}`,
      unit: 'ms',
      median: median(dec),
      samples: runs,
      note: `decodeSnapshotAndStats(buffer) in Node: checksum (alone, warm: ${all(sum)} ms), header, views on the buffer; strings, evidence and entities are made when asked (the first run is cold, as a reopen is); all runs: ${all(dec)} ms`,
    }),
    row({
      measure: `snapshot first view, ${label}`,
      unit: 'ms',
      median: median(view),
      samples: runs,
      note: `after the decode: the 50 most connected entities and the ${drawn} triples among them (the UI's first view of a large dataset; ids found, entities parsed and evidence sliced as asked); all runs: ${all(view)} ms`,
    }),
    row({
      measure: `snapshot every source text, ${label}`,
      unit: 'ms',
      median: median(texts),
      samples: runs,
      note: `after the first view: every source text decoded (left to the first search over evidence, or the first export); all runs: ${all(texts)} ms`,
    }),
  ];
}
