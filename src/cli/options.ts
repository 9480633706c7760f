// The command line's options and usage text.
import type { ParseArgsConfig } from 'node:util';
import { WRITERS } from '../core/writers/registry.ts';

export const OPTIONS = {
  data: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  type: { type: 'string', multiple: true },
  limit: { type: 'string' },
  offset: { type: 'string' },
  depth: { type: 'string' },
  direction: { type: 'string' },
  predicate: { type: 'string', multiple: true },
  k: { type: 'string' },
  all: { type: 'boolean', default: false },
  'max-length': { type: 'string' },
  directed: { type: 'boolean', default: false },
  chronological: { type: 'boolean', default: false },
  avoid: { type: 'string', multiple: true },
  entity: { type: 'string', multiple: true },
  neighbours: { type: 'boolean', default: false },
  format: { type: 'string' },
  out: { type: 'string' },
  // Trust and time filters.
  status: { type: 'string', multiple: true },
  'min-reliability': { type: 'string' },
  'min-credibility': { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  undated: { type: 'string' },
  // Relations by pattern.
  subject: { type: 'string' },
  object: { type: 'string' },
  'subject-type': { type: 'string', multiple: true },
  'object-type': { type: 'string', multiple: true },
  source: { type: 'string' },
  'attributed-to': { type: 'string' },
  text: { type: 'string' },
  sort: { type: 'string' },
  desc: { type: 'boolean', default: false },
  // A SPARQL store instead of a file.
  endpoint: { type: 'string' },
  'update-endpoint': { type: 'string' },
  graph: { type: 'string' },
  auth: { type: 'string' },
  timeout: { type: 'string' },
  verbose: { type: 'boolean', default: false },
  replace: { type: 'boolean', default: false },
  batch: { type: 'string' },
  'graph-store': { type: 'string' },
  concurrency: { type: 'string' },
} satisfies ParseArgsConfig['options'];

export const USAGE = `actorgraph — explore an actor-relationship graph

Usage: actorgraph <command> [arguments] [--data FILE] [--json]

Commands:
  search <text> [--type T]... [--limit N]     ranked entity search (aliases, typos, diacritics)
  show <entity> [--limit N]                   an entity and its relations with evidence
                                              (at most 1000 each way unless --limit)
  neighbours <entity>... [--depth K] [--direction out|in|both]
             [--predicate P]... [--type T]... [--limit N] [FILTERS]
  path <from> <to> [--k N] [--all] [--max-length N] [--directed]
             [--predicate P]... [--avoid X]... [--chronological] [FILTERS]
                                              X is an entity or an entity type;
                                              --all lists at most 100, --k at most 50
  triples [--subject E] [--object E] [--entity E] [--subject-type T]... [--object-type T]...
          [--predicate P]... [--source S] [--attributed-to E] [--text WORDS] [FILTERS]
          [--sort file|date|predicate|subject|object|source|status|credibility|reliability] [--desc]
          [--limit N] [--offset N]            relations by pattern across the graph
  export [--entity E]... [--depth K] [--neighbours] [--format F] [--out FILE]
                                              no --entity: the whole dataset
  convert <in> <out> [--format F]             read any readable file, write it as F
                                              (default: by the ending of <out>)
  validate [FILE]...                          check data files (default: the default dataset)
  stats                                       counts of entities, triples, types, predicates
  annotate <file>                             mentions of known entities in a .txt, .md or .html
                                              document (offsets into its text) and candidates
                                              for new entities
  push [FILE] --endpoint URL [--update-endpoint URL] [--graph IRI] [--replace] [--batch N]
       [--graph-store URL|none] [--concurrency N]
                                              load a dataset (default: the default data) into a
                                              SPARQL store, as export --format nt writes it: POSTed
                                              to its Graph Store (found beside the endpoint, or
                                              URL) when it has one, else INSERT DATA batches

Filters (trust and time) for neighbours, path and triples:
  --status S...           asserted, attributed, hedged, unsourced (repeat or comma-separate)
  --min-reliability A-F   sources graded this or better (ungraded sources read as F)
  --min-credibility 1-6   relations graded this or better (ungraded relations read as 6)
  --from DATE --to DATE   relations whose date or interval overlaps the window (YYYY[-MM[-DD]])
  --undated include|exclude   keep relations without a date (default include)

Entities are named by id or by name (resolved by search).
Options:
  --data FILE   dataset to use instead of graph-data/dataset.json
  --endpoint URL  query a SPARQL 1.1 store instead of a file (or ACTORGRAPH_ENDPOINT)
  --graph IRI     the named graph holding the data (default: the default graph)
  --auth CRED     USER:PASSWORD (Basic) or TOKEN (Bearer) for the store (or ACTORGRAPH_AUTH)
  --timeout SEC   seconds per request to the store (default 30)
  --verbose       print each request to the store on stderr, and their count
  --json        print JSON on stdout
  -h, --help    this text
Formats (--format): ${WRITERS.map((w) => w.id).join(', ')}.
Exit codes: 0 found, 1 nothing found, 2 bad usage or invalid data.`;
