// The columns the CSV reader guesses from a table's start, as the mapping
// step shows them; loaded when a table is opened. The guess is the CSV
// helper's `detectCsvColumns` (core/readers/csv-columns.ts, beside the CSV
// reader), found by a glob: without that file there is no table to map.
import { rolesOf, type ColumnMapping, type CsvPreview, type TableKind } from './csv-roles.ts';

/** What detectCsvColumns answers. */
interface CsvColumns {
  delimiter: string;
  headers: string[];
  firstRows: string[][];
  mapping: ColumnMapping;
  kind: TableKind;
}
type CsvHelper = { detectCsvColumns(head: string): CsvColumns };

const helper = Object.values(import.meta.glob<CsvHelper>('../../core/readers/csv-columns.ts'))[0];

/** What the reader would make of the table starting with `head` (undefined without the CSV helper). */
export async function previewCsv(head: string): Promise<CsvPreview | undefined> {
  if (!helper) return undefined;
  const c = (await helper()).detectCsvColumns(head);
  return { headers: c.headers, firstRows: c.firstRows, kind: c.kind, roles: rolesOf(c.mapping, c.headers.length) };
}

/** How much of a file the mapping step reads: the header and a few rows. */
export const PREVIEW_BYTES = 64 * 1024;

/** The table at the start of `file`. */
export async function previewFile(file: Blob): Promise<CsvPreview | undefined> {
  return previewCsv(await file.slice(0, PREVIEW_BYTES).text());
}
