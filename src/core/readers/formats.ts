// What each format is and how a file is recognised as it: name, label,
// endings and a sniff of the first bytes, without any of the parsing code.
// The loader worker picks a file's format from these and loads the parsing
// code of the one it needs (lazy.ts); each reader file adds `open` to its own.
import { detectDelimiter, mapHeaders } from './csv-columns.ts';
import type { ReaderFormat } from './reader.ts';

export const JSON_DATASET_FORMAT: ReaderFormat = {
  id: 'actorgraph-json',
  label: 'actorgraph dataset (JSON)',
  extensions: ['.json'],
  // The first non-blank character and the keys a dataset has near its start decide.
  sniff(head) {
    const t = head.trimStart();
    if (t[0] !== '{') return t[0] === '[' ? 0.2 : 0.1; // anything else is read as JSON to have its error explained
    if (/"format"\s*:\s*"actorgraph/.test(t)) return 1;
    if (/"(?:entities|triples|sources)"\s*:/.test(t)) return 0.9;
    return 0.5;
  },
};

/** The first statement lines, comments and blank lines aside. */
function statements(head: string): string[] {
  return head
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .slice(0, 5);
}
const TERM = String.raw`(?:<[^>\s]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[\w-]+|\^\^<[^>\s]*>)?)`;
const NT_LINE = new RegExp(String.raw`^${TERM}\s+<[^>\s]*>\s+${TERM}\s*\.$`);
const NQ_LINE = new RegExp(String.raw`^${TERM}\s+<[^>\s]*>\s+${TERM}\s+(?:<[^>\s]*>|_:\S+)\s*\.$`);
const TURTLE_START = /^(?:@prefix|@base|prefix\s|base\s)/i;

/** RDF syntaxes: id, label, the syntax name n3 takes, endings, sniff. */
export const RDF_FORMATS: readonly (ReaderFormat & { syntax: string })[] = [
  {
    id: 'n-triples',
    label: 'RDF N-Triples',
    syntax: 'N-Triples',
    extensions: ['.nt'],
    sniff(h) {
      const s = statements(h);
      return s.length > 0 && NT_LINE.test(s[0]!) ? 0.85 : 0;
    },
  },
  {
    id: 'n-quads',
    label: 'RDF N-Quads',
    syntax: 'N-Quads',
    extensions: ['.nq'],
    sniff(h) {
      const s = statements(h);
      return s.length > 0 && NQ_LINE.test(s[0]!) ? 0.85 : s.length > 0 && NT_LINE.test(s[0]!) ? 0.5 : 0;
    },
  },
  {
    id: 'turtle',
    label: 'RDF Turtle',
    syntax: 'Turtle',
    extensions: ['.ttl', '.turtle'],
    sniff(h) {
      const s = statements(h);
      if (s.length === 0) return 0;
      if (TURTLE_START.test(s[0]!)) return /^\S+\s*\{|^graph\s/im.test(h) ? 0.5 : 0.9;
      return NT_LINE.test(s[0]!) ? 0.5 : 0;
    },
  },
  {
    id: 'trig',
    label: 'RDF TriG',
    syntax: 'TriG',
    extensions: ['.trig'],
    sniff(h) {
      const s = statements(h);
      if (s.length === 0) return 0;
      return TURTLE_START.test(s[0]!) && /^\S+\s*\{|^graph\s/im.test(h) ? 0.9 : TURTLE_START.test(s[0]!) ? 0.4 : 0;
    },
  },
];

export const FTM_FORMAT: ReaderFormat = {
  id: 'ftm',
  label: 'FollowTheMoney entities (JSON lines)',
  extensions: ['.ftm.json', '.ftm.jsonl', '.ijson', '.ftm'],
  sniff(head) {
    const line = head.trimStart().split('\n', 1)[0] ?? '';
    if (!line.startsWith('{')) return 0;
    return /"schema"\s*:\s*"[A-Z][A-Za-z]+"/.test(line) && /"properties"\s*:/.test(line) && /"id"\s*:/.test(line)
      ? 0.95
      : 0;
  },
};

export const CSV_FORMAT: ReaderFormat = {
  id: 'csv',
  label: 'CSV / TSV table',
  extensions: ['.csv', '.tsv', '.tab'],
  // A first line with a delimiter, and a second line.
  sniff(head) {
    const nl = head.indexOf('\n');
    const first = nl < 0 ? head : head.slice(0, nl);
    if (/^\s*[{[<]/.test(first) || first.trim() === '') return 0;
    if (!/[,;\t|]/.test(first)) return 0;
    const { kind, mapping } = mapHeaders(first.split(detectDelimiter(first)).map((h) => h.replace(/^\s*"|"\s*$/g, '')));
    if (kind === 'relations' && mapping.subject !== undefined && mapping.object !== undefined) return 0.85;
    if (kind === 'entities') return 0.7;
    return 0.5;
  },
};

/** An XML file whose root element is `root`: sure when it is the first element, likely when it appears at all. */
function xmlRoot(root: string): (head: string) => number {
  const first = new RegExp(String.raw`^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<${root}[\s>]`);
  const anywhere = new RegExp(String.raw`<${root}[\s>]`);
  return (head) => (first.test(head) ? 1 : anywhere.test(head) ? 0.9 : 0);
}

export const GEXF_FORMAT: ReaderFormat = {
  id: 'gexf',
  label: 'GEXF (Gephi)',
  extensions: ['.gexf'],
  sniff: xmlRoot('gexf'),
};

export const GRAPHML_FORMAT: ReaderFormat = {
  id: 'graphml',
  label: 'GraphML',
  extensions: ['.graphml'],
  sniff: xmlRoot('graphml'),
};

export const GRAPHOLOGY_FORMAT: ReaderFormat = {
  id: 'graphology',
  label: 'graphology JSON',
  extensions: ['.graphology.json'],
  sniff(head) {
    const t = head.trimStart();
    if (t[0] !== '{') return 0;
    if (/^\{\s*"options"\s*:\s*\{/.test(t) || /"ag:format"\s*:\s*"actorgraph\/dataset"/.test(t)) return 0.95;
    if (/"(?:entities|triples)"\s*:\s*\[/.test(t) && !/"nodes"\s*:/.test(t)) return 0;
    // Nodes with keys (or graphology's options) make it sure; bare "nodes" and "edges" could be anything.
    if (!/"nodes"\s*:\s*\[/.test(t)) return 0;
    return /"nodes"\s*:\s*\[\s*\{\s*"key"\s*:/.test(t) || /"options"\s*:\s*\{/.test(t) ? 0.9 : 0.6;
  },
};

/** Every format, in the registry's order (the first is the fallback of a choice: its errors explain the most). */
export const FORMATS: readonly ReaderFormat[] = [
  JSON_DATASET_FORMAT,
  ...RDF_FORMATS,
  FTM_FORMAT,
  CSV_FORMAT,
  GEXF_FORMAT,
  GRAPHML_FORMAT,
  GRAPHOLOGY_FORMAT,
];
