// graphology's serialized graph (`graph.export()`), as sigma apps and Gephi Lite read it.
import { toGraphologyExport } from '../export.ts';
import { indexSchema } from '../schema.ts';
import type { DatasetWriter } from './writer.ts';

export const graphologyJsonWriter: DatasetWriter = {
  id: 'graphology',
  label: 'graphology JSON',
  extension: '.graphology.json',
  keeps: ['entities', 'aliases', 'types', 'predicates', 'evidence', 'dates', 'positions'],
  lossless: false,
  write: (dataset) => {
    if (!dataset.schema) throw new Error('graphology export needs the dataset with its schema');
    const graph = toGraphologyExport(dataset, indexSchema(dataset.schema));
    return [{ suffix: '', extension: '.graphology.json', mediaType: 'application/json', text: `${JSON.stringify(graph, null, 2)}\n` }];
  },
};
