// The CSV mapping step's roles: what a column can mean, one role per column
// for the dialog, and back to the `csvMapping` the CSV reader takes. No
// parser here (csv-preview.ts has it, loaded when a table is opened).
export type TableKind = 'relations' | 'entities';
/** Field → column index (0-based), as the reader's `csvMapping`. */
export type ColumnMapping = Partial<Record<string, number>>;

export interface CsvPreview {
  headers: string[];
  firstRows: string[][];
  kind: TableKind;
  /** One role per column ('' when none: the column is kept as an attribute). */
  roles: string[];
}

/** The roles a column can have, for people, by kind of table. */
export const ROLES: Record<TableKind, readonly { id: string; label: string }[]> = {
  relations: [
    { id: 'subject', label: 'subject (from)' },
    { id: 'predicate', label: 'relation' },
    { id: 'object', label: 'object (to)' },
    { id: 'evidence', label: 'evidence quote' },
    { id: 'source', label: 'source' },
    { id: 'url', label: 'source URL' },
    { id: 'date', label: 'date' },
    { id: 'start', label: 'start date' },
    { id: 'end', label: 'end date' },
    { id: 'confidence', label: 'confidence' },
    { id: 'credibility', label: 'credibility (1–6)' },
    { id: 'qualifier', label: 'qualifier' },
    { id: 'attributedTo', label: 'according to' },
    { id: 'status', label: 'status' },
    { id: 'id', label: 'relation id' },
    { id: 'subjectType', label: 'subject type' },
    { id: 'objectType', label: 'object type' },
  ],
  entities: [
    { id: 'id', label: 'id' },
    { id: 'label', label: 'label' },
    { id: 'type', label: 'type' },
    { id: 'aliases', label: 'aliases' },
    { id: 'description', label: 'description' },
    { id: 'date', label: 'date' },
    { id: 'x', label: 'x position' },
    { id: 'y', label: 'y position' },
  ],
};

/** One role per column from a field → column mapping. */
export function rolesOf(mapping: ColumnMapping, columns: number): string[] {
  const roles = Array.from({ length: columns }, () => '');
  for (const [field, i] of Object.entries(mapping)) if (i !== undefined && i >= 0 && i < columns) roles[i] = field;
  return roles;
}

/** The reader's mapping from one role per column (a role given twice: the first column wins). */
export function mappingOf(roles: readonly string[], kind: TableKind): ColumnMapping {
  const known = new Set(ROLES[kind].map((r) => r.id));
  const mapping: ColumnMapping = {};
  roles.forEach((r, i) => {
    if (known.has(r) && mapping[r] === undefined) mapping[r] = i;
  });
  return mapping;
}

/** Why the mapping cannot be read yet, or undefined: a relations table needs a subject and an object; an entities table an id or a label. */
export function mappingProblem(roles: readonly string[], kind: TableKind): string | undefined {
  const has = (r: string) => roles.includes(r);
  if (kind === 'relations')
    return has('subject') && has('object')
      ? undefined
      : 'choose the columns holding the subject and the object of each relation';
  return has('id') || has('label') ? undefined : "choose the column holding each entity's id or label";
}
