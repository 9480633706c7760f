// actorgraph's own dataset JSON: everything, loads back unchanged.
import { KEEPS_ALL, type DatasetWriter } from './writer.ts';

export const datasetJsonWriter: DatasetWriter = {
  id: 'dataset',
  label: 'actorgraph dataset (JSON)',
  extension: '.json',
  keeps: KEEPS_ALL,
  lossless: true,
  write: (dataset) => [
    { suffix: '', extension: '.json', mediaType: 'application/json', text: `${JSON.stringify(dataset, null, 2)}\n` },
  ],
};
