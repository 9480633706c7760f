// The actorgraph dataset format (JSON): the first reader behind the seam.
import { parseDataset } from './json-text.ts';
import { JsonStreamSession } from './json-stream.ts';
import type { DatasetReader } from './reader.ts';
import { JSON_DATASET_FORMAT } from './formats.ts';

export const jsonDatasetReader: DatasetReader = {
  ...JSON_DATASET_FORMAT,
  open: (opts) => new JsonStreamSession(opts),
  readText: parseDataset,
};
