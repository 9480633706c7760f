// What an RDF mapping (own or foreign) gives the reader: dataset records in
// the dataset format's field names, each with the node it came from.
import type { TextLocation } from '../json-location.ts';

export interface RdfRecord {
  value: Record<string, unknown>;
  loc: TextLocation;
}

export interface RdfRecords {
  format?: unknown;
  version?: unknown;
  title?: unknown;
  schema?: unknown;
  sources: RdfRecord[];
  entities: RdfRecord[];
  triples: RdfRecord[];
  /** Warnings about what the mapping left out (counted, one each). */
  notes: { code: string; message: string; hint: string }[];
}

/** Sets `k` on `o` as an own property even when it is "__proto__". */
export function put(o: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}
