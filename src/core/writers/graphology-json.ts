// graphology's serialized graph (`graph.export()`), as sigma apps and Gephi Lite read it.
// The graph attributes carry the title, schema and sources, and nodes and
// edges every field, so readers/graphology-json.ts reads it back unchanged.
import { toGraphologyExport } from '../export.ts';
import { DATASET_FORMAT, DATASET_VERSION, type Dataset } from '../model.ts';
import { indexSchema } from '../schema.ts';
import { KEEPS_ALL, type DatasetWriter } from './writer.ts';

export function writeGraphologyJson(dataset: Dataset): string {
  if (!dataset.schema) throw new Error('graphology export needs the dataset with its schema');
  const graph = toGraphologyExport(dataset, indexSchema(dataset.schema));
  // Not "format": the dataset reader would take the file for a dataset by that key.
  const attributes: Record<string, unknown> = { 'ag:format': DATASET_FORMAT, version: DATASET_VERSION };
  if (dataset.title !== undefined) attributes.title = dataset.title;
  attributes.schema = dataset.schema;
  attributes.sources = dataset.sources;
  (graph as { attributes: Record<string, unknown> }).attributes = attributes;
  graph.nodes.forEach((n, i) => {
    const e = dataset.entities[i]!;
    const a = n.attributes as unknown as Record<string, unknown>;
    // A position the data gives replaces the hashed starting point, and says so.
    if (e.position) {
      a.x = e.position.x;
      a.y = e.position.y;
      a.positioned = true;
    }
    if (e.attributes !== undefined) a.attributes = e.attributes;
  });
  graph.edges.forEach((ed, i) => {
    const t = dataset.triples[i]!;
    const a = ed.attributes as unknown as Record<string, unknown>;
    if (t.status !== undefined) a.status = t.status;
    if (t.credibility !== undefined) a.credibility = t.credibility;
    if (t.attributes !== undefined) a.attributes = t.attributes;
  });
  // Options first, so that the file's start says what it is (the attributes hold the sources).
  const { options, nodes, edges } = graph;
  return `${JSON.stringify({ options, attributes, nodes, edges }, null, 2)}\n`;
}

export const graphologyJsonWriter: DatasetWriter = {
  id: 'graphology',
  label: 'graphology JSON',
  extension: '.graphology.json',
  keeps: KEEPS_ALL,
  lossless: true,
  write: (dataset) => [
    { suffix: '', extension: '.graphology.json', mediaType: 'application/json', text: writeGraphologyJson(dataset) },
  ],
};
