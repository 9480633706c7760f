// What the columns of a CSV/TSV table mean, from its header row: a pure
// function of the file's start, so the UI can show the guess with the first
// rows and let the user change it before loading (the result's `mapping`
// goes back to the reader as `csvMapping`).
import { CsvScanner } from './csv-scan.ts';

export type CsvRelationField =
  | 'subject'
  | 'predicate'
  | 'object'
  | 'evidence'
  | 'source'
  | 'url'
  | 'date'
  | 'start'
  | 'end'
  | 'confidence'
  | 'attributedTo'
  | 'qualifier'
  | 'id'
  | 'subjectType'
  | 'objectType'
  | 'credibility'
  | 'status';
export type CsvEntityField = 'id' | 'label' | 'type' | 'aliases' | 'description' | 'date' | 'x' | 'y';
export type CsvField = CsvRelationField | CsvEntityField;

/** Which column (0-based) holds each field; columns not named are kept as attributes. */
export type CsvMapping = Partial<Record<CsvField, number>>;

export interface CsvColumns {
  delimiter: string;
  /** The header row's cells, as written. */
  headers: string[];
  /** Up to 5 rows after the header (cells as written). */
  firstRows: string[][];
  mapping: CsvMapping;
  /** A relations table (one row per relation) or an entities table (one row per entity). */
  kind: 'relations' | 'entities';
}

/** Header names (lower case, letters and digits only) → field, for a relations table. */
const RELATION_NAMES: Record<string, CsvRelationField> = {
  subject: 'subject',
  subj: 'subject',
  from: 'subject',
  actor1: 'subject',
  actora: 'subject',
  head: 'subject',
  sourcenode: 'subject',
  predicate: 'predicate',
  relation: 'predicate',
  relationship: 'predicate',
  edge: 'predicate',
  type: 'predicate',
  relationtype: 'predicate',
  edgetype: 'predicate',
  verb: 'predicate',
  object: 'object',
  obj: 'object',
  to: 'object',
  actor2: 'object',
  actorb: 'object',
  target: 'object',
  tail: 'object',
  targetnode: 'object',
  evidence: 'evidence',
  quote: 'evidence',
  excerpt: 'evidence',
  source: 'source',
  sourcedocument: 'source',
  document: 'source',
  sourcetitle: 'source',
  publication: 'source',
  sourceid: 'source',
  url: 'url',
  sourceurl: 'url',
  link: 'url',
  documenturl: 'url',
  date: 'date',
  when: 'date',
  start: 'start',
  startdate: 'start',
  begin: 'start',
  end: 'end',
  enddate: 'end',
  confidence: 'confidence',
  certainty: 'confidence',
  attributedto: 'attributedTo',
  accordingto: 'attributedTo',
  claimedby: 'attributedTo',
  qualifier: 'qualifier',
  hedge: 'qualifier',
  id: 'id',
  relationid: 'id',
  tripleid: 'id',
  edgeid: 'id',
  subjecttype: 'subjectType',
  sourcetype: 'subjectType',
  fromtype: 'subjectType',
  actor1type: 'subjectType',
  objecttype: 'objectType',
  targettype: 'objectType',
  totype: 'objectType',
  actor2type: 'objectType',
  credibility: 'credibility',
  status: 'status',
};

const ENTITY_NAMES: Record<string, CsvEntityField> = {
  id: 'id',
  key: 'id',
  entityid: 'id',
  nodeid: 'id',
  label: 'label',
  name: 'label',
  title: 'label',
  entity: 'label',
  type: 'type',
  category: 'type',
  kind: 'type',
  class: 'type',
  entitytype: 'type',
  aliases: 'aliases',
  alias: 'aliases',
  aka: 'aliases',
  alsoknownas: 'aliases',
  othernames: 'aliases',
  description: 'description',
  desc: 'description',
  notes: 'description',
  summary: 'description',
  date: 'date',
  x: 'x',
  y: 'y',
};

export const headerKey = (h: string) => h.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The delimiter of a header line: the most frequent of , ; tab | outside quotes (comma on a tie). */
export function detectDelimiter(line: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
    ['|', 0],
  ]);
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/**
 * The mapping a header row suggests. "source" is the subject when a target
 * column is there and no other subject column (Gephi's Source,Target edge
 * tables, whose "label" is then the relation and "type" the edge direction);
 * otherwise "source" names the source document.
 */
export function mapHeaders(headers: readonly string[]): { mapping: CsvMapping; kind: 'relations' | 'entities' } {
  const keys = headers.map(headerKey);
  const has = (f: CsvRelationField) => keys.some((k) => RELATION_NAMES[k] === f && k !== 'source');
  const gephi = keys.includes('source') && keys.includes('target') && !has('subject');
  const rel: CsvMapping = {};
  keys.forEach((k, i) => {
    let f: CsvRelationField | undefined = RELATION_NAMES[k];
    if (gephi && k === 'source') f = 'subject';
    if (gephi && k === 'type') f = undefined; // Directed / Undirected
    if (gephi && k === 'label') f = 'predicate';
    if (f !== undefined && rel[f] === undefined) rel[f] = i;
  });
  if (rel.subject !== undefined || rel.object !== undefined) return { mapping: rel, kind: 'relations' };
  const ent: CsvMapping = {};
  keys.forEach((k, i) => {
    const f = ENTITY_NAMES[k];
    if (f !== undefined && ent[f] === undefined) ent[f] = i;
  });
  if (ent.id !== undefined || ent.label !== undefined) return { mapping: ent, kind: 'entities' };
  return { mapping: rel, kind: 'relations' };
}

/** The columns of a table from its first bytes (`head`: a few KiB is plenty; BOM allowed). */
export function detectCsvColumns(head: string): CsvColumns {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  const nl = text.search(/\r?\n|$/);
  const delimiter = detectDelimiter(text.slice(0, nl));
  const newline = text[nl] === '\r' ? '\r\n' : '\n';
  // The reader's own scanner, so that the preview splits cells as the load will.
  const sc = new CsvScanner(delimiter, newline);
  const rows: string[][] = [];
  // A cut-off head may end inside a row: only complete rows are shown (a lone header row aside).
  for (let at = 0; rows.length < 6 && at < text.length && sc.next(text, at, false) === 'row'; at = sc.rowEnd) {
    if (newline === '\n') sc.cells.trimCr();
    if (!(sc.cells.length === 1 && sc.cells.empty(0))) rows.push(sc.cells.all());
  }
  if (rows.length === 0 && text.trim() !== '' && sc.next(text, 0, true) === 'row') rows.push(sc.cells.all());
  const headers = (rows[0] ?? []).map((h) => h.trim());
  const { mapping, kind } = mapHeaders(headers);
  return { delimiter, headers, firstRows: rows.slice(1, 6), mapping, kind };
}
