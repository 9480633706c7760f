// The writers the project knows: a new format is one writer file added to WRITERS.
import { datasetJsonWriter } from './dataset-json.ts';
import { graphologyJsonWriter } from './graphology-json.ts';
import { csvWriter } from './csv.ts';
import { gexfWriter } from './gexf.ts';
import { graphmlWriter } from './graphml.ts';
import type { DatasetWriter } from './writer.ts';
import { RDF_WRITERS } from './rdf.ts';
import { ftmWriter } from './ftm.ts';

export const WRITERS: readonly DatasetWriter[] = [
  datasetJsonWriter,
  graphologyJsonWriter,
  ...RDF_WRITERS,
  ftmWriter,
  csvWriter,
  gexfWriter,
  graphmlWriter,
];

export function writerById(id: string, writers: readonly DatasetWriter[] = WRITERS): DatasetWriter | undefined {
  return writers.find((w) => w.id === id);
}

/** The writer whose extension ends `name` (longest wins), for `convert IN OUT`. */
export function writerByName(name: string, writers: readonly DatasetWriter[] = WRITERS): DatasetWriter | undefined {
  const lower = name.toLowerCase();
  let best: DatasetWriter | undefined;
  for (const w of writers)
    if (lower.endsWith(w.extension) && w.extension.length > (best?.extension.length ?? 0)) best = w;
  return best;
}

/** Where each written file goes, given the main file's path: `out/graph.csv` → `out/graph.entities.csv`. */
export function fileNames(mainPath: string, files: readonly { suffix: string; extension: string }[]): string[] {
  const main = files[0];
  if (!main) return [];
  const base = mainPath.toLowerCase().endsWith(main.extension) ? mainPath.slice(0, -main.extension.length) : mainPath;
  return files.map((f, i) => (i === 0 ? mainPath : `${base}${f.suffix}${f.extension}`));
}
