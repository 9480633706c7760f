// The actorgraph dataset format (JSON): the first reader behind the seam.
import { parseDataset } from './json-text.ts';
import { JsonStreamSession } from './json-stream.ts';
import type { DatasetReader } from './reader.ts';

/** The first non-blank character and the keys a dataset has near its start decide. */
function sniff(head: string): number {
  const t = head.trimStart();
  if (t[0] !== '{') return t[0] === '[' ? 0.2 : 0.1; // anything else is read as JSON to have its error explained
  if (/"format"\s*:\s*"actorgraph/.test(t)) return 1;
  if (/"(?:entities|triples|sources)"\s*:/.test(t)) return 0.9;
  return 0.5;
}

export const jsonDatasetReader: DatasetReader = {
  id: 'actorgraph-json',
  label: 'actorgraph dataset (JSON)',
  extensions: ['.json'],
  sniff,
  open: (opts) => new JsonStreamSession(opts),
  readText: parseDataset,
};
