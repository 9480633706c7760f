// The store snapshot in Node: encode and decode times and the size, over the
// bench store (what the browser's loader worker does after a first open and on
// a reopen, without IndexedDB).
import { decodeSnapshot, encodeSnapshot } from '../src/core/snapshot/snapshot.ts';
import type { TripleStore } from '../src/core/store.ts';
import { median, row, type Row } from './stats.ts';

export function benchSnapshotNode(store: TripleStore, label: string, runs: number, fileBytes: number): Row[] {
  const enc: number[] = [],
    dec: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const buf = encodeSnapshot(store);
    enc.push(performance.now() - t);
    bytes = buf.byteLength;
    t = performance.now();
    const back = decodeSnapshot(buf);
    dec.push(performance.now() - t);
    if (back.tripleCount !== store.tripleCount) throw new Error('the decoded snapshot lost triples');
  }
  const size = `${(bytes / 1e6).toFixed(1)} MB (the dataset file: ${(fileBytes / 1e6).toFixed(1)} MB)`;
  return [
    row({
      measure: `snapshot encode, ${label}`,
      unit: 'ms',
      median: median(enc),
      samples: runs,
      note: `encodeSnapshot(store) in Node, ${size}; all runs: ${enc.map((x) => x.toFixed(0)).join(', ')} ms`,
    }),
    row({
      measure: `snapshot decode, ${label}`,
      unit: 'ms',
      median: median(dec),
      samples: runs,
      note: `decodeSnapshot(buffer) in Node, checksum and every column and index restored (the first run is cold, as a reopen is); all runs: ${dec.map((x) => x.toFixed(0)).join(', ')} ms`,
    }),
  ];
}
