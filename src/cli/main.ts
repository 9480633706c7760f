// actorgraph command-line tool: a thin shell over an Explorer. It gets the
// Explorer from the factory (or a caller's, in tests) and uses nothing else of
// the core but types and pure formatting helpers.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { writeFileSync } from 'node:fs';
import type { Capabilities, Explorer } from '../core/explorer.ts';
import type { Direction, Entity, PathMode, Schema } from '../core/model.ts';
import { ExplorerError } from '../core/errors.ts';
import { formatProblem, type Problem } from '../core/problems.ts';
import { describePath, describeTriple, pathCapText, predicateIndex, sourceName, type PredicateLookup } from '../core/format.ts';
import type { Dataset } from '../core/model.ts';
import { fileNames, WRITERS, writerById, writerByName } from '../core/writers/registry.ts';
import type { DatasetWriter } from '../core/writers/writer.ts';
import { foldForSearch } from '../core/text.ts';
import { checkFile, DEFAULT_DATASET, openExplorer, type FileCheck, type OpenExplorer } from '../node/open-explorer.ts';

export const EXIT_FOUND = 0;
export const EXIT_NOTHING = 1;
export const EXIT_USAGE = 2;

/** Most entities an `export --depth` takes. */
const EXPORT_MAX_ENTITIES = 10_000_000;

/** A failure the user can fix; printed without a stack trace. */
export class CliError extends Error {
  constructor(message: string, readonly code: number = EXIT_USAGE) {
    super(message);
  }
}

const USAGE = `actorgraph — explore an actor-relationship graph

Usage: actorgraph <command> [arguments] [--data FILE] [--json]

Commands:
  search <text> [--type T]... [--limit N]     ranked entity search (aliases, typos, diacritics)
  show <entity> [--limit N]                   an entity and its relations with evidence
                                              (at most 1000 each way unless --limit)
  neighbours <entity>... [--depth K] [--direction out|in|both]
             [--predicate P]... [--type T]... [--limit N]
  path <from> <to> [--k N] [--all] [--max-length N] [--directed]
             [--predicate P]... [--avoid X]...  X is an entity or an entity type;
                                              --all lists at most 100, --k at most 50
  export [--entity E]... [--depth K] [--neighbours] [--format F] [--out FILE]
                                              no --entity: the whole dataset
  convert <in> <out> [--format F]             read any readable file, write it as F
                                              (default: by the ending of <out>)
  validate [FILE]...                          check data files (default: the default dataset)
  stats                                       counts of entities, triples, types, predicates

Entities are named by id or by name (resolved by search).
Options:
  --data FILE   dataset to use instead of graph-data/dataset.json
  --json        print JSON on stdout
  -h, --help    this text
Formats (--format): ${WRITERS.map((w) => w.id).join(', ')}.
Exit codes: 0 found, 1 nothing found, 2 bad usage or invalid data.`;

const OPTIONS = {
  data: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  type: { type: 'string', multiple: true },
  limit: { type: 'string' },
  depth: { type: 'string' },
  direction: { type: 'string' },
  predicate: { type: 'string', multiple: true },
  k: { type: 'string' },
  all: { type: 'boolean', default: false },
  'max-length': { type: 'string' },
  directed: { type: 'boolean', default: false },
  avoid: { type: 'string', multiple: true },
  entity: { type: 'string', multiple: true },
  neighbours: { type: 'boolean', default: false },
  format: { type: 'string' },
  out: { type: 'string' },
} satisfies ParseArgsConfig['options'];

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Where the CLI gets its data: the factory by default; tests pass their own. */
export interface CliDeps {
  openExplorer?: OpenExplorer;
  checkFile?: (file: string) => FileCheck;
}

interface Context {
  explorer: Explorer;
  values: Values;
  io: Io;
  /** Fetched once per run. */
  schema(): Promise<{ schema: Schema; lookup: PredicateLookup }>;
  capabilities(): Promise<Capabilities>;
  /** Labels by id, fetched in batches and kept for the run. */
  labels(ids: Iterable<string>): Promise<(id: string) => string>;
}

const STDIO: Io = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
};

export async function main(argv: string[], io: Io = STDIO, deps: CliDeps = {}): Promise<number> {
  try {
    return await run(argv, io, deps);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`actorgraph: ${e.message}`);
      return e.code;
    }
    if (e instanceof ExplorerError && e.code !== 'internal') {
      io.err(`actorgraph: ${e.message}${e.hint ? `\n  hint: ${e.hint}` : ''}`);
      return e.code.startsWith('unknown-') ? EXIT_NOTHING : EXIT_USAGE;
    }
    // Anything else is a bug: say so plainly, keep the detail for a report.
    io.err(`actorgraph: internal error: ${(e as Error)?.message ?? String(e)}`);
    if (process.env.ACTORGRAPH_DEBUG) io.err(String((e as Error)?.stack));
    return EXIT_USAGE;
  }
}

async function run(argv: string[], io: Io, deps: CliDeps): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(`${(e as Error).message}\nRun 'actorgraph --help' for usage.`);
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.help || !command) {
    io.out(USAGE);
    return command || values.help ? EXIT_FOUND : EXIT_USAGE;
  }
  if (command === 'validate') return validate(args, values, io, deps.checkFile ?? checkFile);
  if (command === 'convert') return convert(args, values, io, deps.openExplorer ?? openExplorer);

  const ctx = context(await open(values.data, deps.openExplorer ?? openExplorer), values, io);
  switch (command) {
    case 'search': return search(ctx, args);
    case 'show': return show(ctx, args);
    case 'neighbours': case 'neighbors': return neighbours(ctx, args);
    case 'path': return path(ctx, args);
    case 'export': return exportCmd(ctx, args);
    case 'stats': return stats(ctx, args);
    default:
      throw new CliError(`unknown command '${command}'. Commands: search, show, neighbours, path, export, convert, validate, stats.`);
  }
}

async function open(file: string | undefined, factory: OpenExplorer): Promise<Explorer> {
  const path = file ?? DEFAULT_DATASET;
  try {
    return await factory(path);
  } catch (e) {
    if (!(e instanceof ExplorerError) || e.code !== 'invalid-data') throw e;
    const errors = e.problems ?? [];
    const shown = errors.slice(0, 20).map(formatProblem).join('\n');
    const more = errors.length > 20 ? `\n… and ${errors.length - 20} more (run 'actorgraph validate ${path}')` : '';
    throw new CliError(`cannot load ${path}: ${errors.length} error(s)\n${shown}${more}`);
  }
}

function context(explorer: Explorer, values: Values, io: Io): Context {
  let schema: Promise<{ schema: Schema; lookup: PredicateLookup }> | undefined;
  let caps: Promise<Capabilities> | undefined;
  const known = new Map<string, string>();
  return {
    explorer, values, io,
    schema: () => (schema ??= explorer.schema().then((s) => ({ schema: s, lookup: predicateIndex(s) }))),
    capabilities: () => (caps ??= explorer.capabilities()),
    async labels(ids) {
      const missing = [...new Set(ids)].filter((id) => !known.has(id));
      for (let i = 0; i < missing.length; i += 1000) {
        const batch = missing.slice(i, i + 1000);
        const found = await explorer.entities(batch);
        batch.forEach((id, k) => known.set(id, found[k]?.label ?? id));
      }
      return (id) => known.get(id) ?? id;
    },
  };
}

function int(values: Values, name: 'limit' | 'depth' | 'k' | 'max-length', fallback: number, min = 1, max = 1_000_000): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new CliError(`--${name} must be a whole number from ${min} to ${max}, got '${raw}'`);
  }
  return n;
}

function need(args: string[], count: number, what: string): void {
  if (args.length < count) throw new CliError(`missing ${what}. Run 'actorgraph --help' for usage.`);
}

async function checkPredicates(ctx: Context, predicates: string[] | undefined): Promise<string[] | undefined> {
  if (!predicates?.length) return undefined;
  const { schema } = await ctx.schema();
  const known = schema.predicates.map((p) => p.id);
  for (const p of predicates) {
    if (!known.includes(p)) throw new CliError(`unknown predicate '${p}'. Known: ${known.join(', ')}`);
  }
  return predicates;
}

async function checkTypes(ctx: Context, types: string[] | undefined): Promise<string[] | undefined> {
  if (!types?.length) return undefined;
  const known = await typeIds(ctx);
  for (const t of types) {
    if (!known.includes(t)) throw new CliError(`unknown entity type '${t}'. Known: ${known.join(', ')}`);
  }
  return types;
}

async function typeIds(ctx: Context): Promise<string[]> {
  return (await ctx.schema()).schema.entityTypes.map((t) => t.id);
}

/** An entity named by id, or by a name that search resolves without ambiguity. */
async function resolve(ctx: Context, name: string): Promise<Entity> {
  const byId = await ctx.explorer.entity(name);
  if (byId) return byId;
  const hits = await ctx.explorer.search(name, { limit: 8 });
  if (!hits.length) throw new CliError(`no entity matches '${name}'. Try 'actorgraph search ${JSON.stringify(name)}'.`, EXIT_NOTHING);
  const folded = foldForSearch(name);
  const found = await ctx.explorer.entities(hits.map((h) => h.id));
  const byHit = new Map(hits.map((h, k) => [h.id, found[k]]));
  const exact = hits.filter((h) => {
    const e = byHit.get(h.id);
    return !!e && [e.label, ...(e.aliases ?? [])].some((n) => foldForSearch(n) === folded);
  });
  const chosen = exact.length === 1 ? exact[0] : hits.length === 1 ? hits[0] : undefined;
  const entity = chosen && byHit.get(chosen.id);
  if (entity) return entity;
  const list = (exact.length ? exact : hits).map((h) => `  ${h.id}  (${h.label}, ${h.type})`).join('\n');
  throw new CliError(`'${name}' is ambiguous; name one of these by id:\n${list}`);
}

function brief(e: Entity): { id: string; label: string; type: string } {
  return { id: e.id, label: e.label, type: e.type };
}

async function search(ctx: Context, args: string[]): Promise<number> {
  need(args, 1, 'search text');
  const text = args.join(' ');
  const hits = await ctx.explorer.search(text, {
    limit: int(ctx.values, 'limit', 10, 1, 1000),
    types: await checkTypes(ctx, ctx.values.type),
  });
  if (ctx.values.json) ctx.io.out(JSON.stringify(hits, null, 2));
  else if (!hits.length) ctx.io.err(`no entity matches '${text}'`);
  else {
    for (const h of hits) {
      const alias = h.matchedAlias ? `  (as "${h.matchedAlias}")` : '';
      ctx.io.out(`${h.score.toFixed(2).padStart(7)}  ${h.label}  [${h.type}]  ${h.id}${alias}`);
    }
  }
  return hits.length ? EXIT_FOUND : EXIT_NOTHING;
}

async function show(ctx: Context, args: string[]): Promise<number> {
  need(args, 1, 'an entity');
  const entity = await resolve(ctx, args.join(' '));
  const details = await ctx.explorer.details(entity.id, { limit: ctx.values.limit === undefined ? undefined : int(ctx.values, 'limit', 0, 1) });
  if (!details) throw new CliError(`entity '${entity.id}' is gone from the data`, EXIT_NOTHING);
  const { schema: plain, lookup } = await ctx.schema();
  const relations = [
    ...details.outgoing.map((t) => ({ direction: 'out' as const, t, other: t.object, label: lookup.predicates.get(t.predicate)?.label ?? t.predicate })),
    ...details.incoming.map((t) => ({ direction: 'in' as const, t, other: t.subject, label: lookup.predicates.get(t.predicate)?.inverseLabel ?? t.predicate })),
  ];
  const otherIds = relations.flatMap((r) => (r.t.attributedTo ? [r.other, r.t.attributedTo] : [r.other]));
  const others = new Map<string, Entity>();
  const fetched = await ctx.explorer.entities([...new Set(otherIds)]);
  for (const e of fetched) if (e) others.set(e.id, e);
  const other = (id: string): Entity => others.get(id) ?? { id, label: id, type: '' };
  const cut = details.truncated
    ? `showing ${details.outgoing.length} of ${details.totalOutgoing} outgoing and ${details.incoming.length} of ${details.totalIncoming} incoming relations`
    : undefined;
  if (ctx.values.json) {
    ctx.io.out(JSON.stringify({
      ...entity,
      aliases: entity.aliases ?? [],
      relations: relations.map((r) => ({
        direction: r.direction,
        predicate: r.t.predicate,
        label: r.label,
        entity: brief(other(r.other)),
        triple: r.t,
      })),
      ...(details.truncated ? { truncated: true, totalOutgoing: details.totalOutgoing, totalIncoming: details.totalIncoming } : {}),
    }, null, 2));
    return EXIT_FOUND;
  }
  const sources = (await ctx.explorer.sources({ ids: [...new Set(relations.map((r) => r.t.source))] })).sources;
  const sourceById = new Map(sources.map((x) => [x.id, x]));
  const typeLabel = plain.entityTypes.find((t) => t.id === entity.type)?.label ?? entity.type;
  ctx.io.out(`${entity.label}  [${typeLabel}]  ${entity.id}`);
  if (entity.aliases?.length) ctx.io.out(`  also: ${entity.aliases.join(', ')}`);
  if (entity.date) ctx.io.out(`  date: ${entity.date}`);
  if (entity.description) ctx.io.out(`  ${entity.description}`);
  const groups = new Map<string, typeof relations>();
  for (const r of relations) {
    const key = `${r.label}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const [label, rs] of groups) {
    ctx.io.out(`\n  ${label}:`);
    for (const r of rs) {
      const o = other(r.other);
      const extra = [r.t.date, r.t.qualifier, r.t.attributedTo && `according to ${others.get(r.t.attributedTo)?.label ?? r.t.attributedTo}`]
        .filter(Boolean).join('; ');
      ctx.io.out(`    ${o.label} (${o.id})${extra ? `  [${extra}]` : ''}`);
      ctx.io.out(`      “${r.t.evidence}” — ${sourceName(sourceById.get(r.t.source), r.t.source)}`);
    }
  }
  if (cut) ctx.io.out(`\n  ${cut}`);
  return EXIT_FOUND;
}

async function neighbours(ctx: Context, args: string[]): Promise<number> {
  need(args, 1, 'an entity');
  const from = [];
  for (const a of args) from.push((await resolve(ctx, a)).id);
  const direction = (ctx.values.direction ?? 'both') as Direction;
  if (!['out', 'in', 'both'].includes(direction)) throw new CliError(`--direction must be out, in or both, got '${direction}'`);
  const result = await ctx.explorer.neighbourhood({
    from,
    depth: int(ctx.values, 'depth', 1, 1, 10),
    direction,
    predicates: await checkPredicates(ctx, ctx.values.predicate),
    types: await checkTypes(ctx, ctx.values.type),
    limit: ctx.values.limit === undefined ? undefined : int(ctx.values, 'limit', 0, 1),
  });
  const labelOf = new Map(result.entities.map((e) => [e.id, e.label]));
  const { lookup } = await ctx.schema();
  const found = result.entities.length > from.length || result.triples.length > 0;
  if (ctx.values.json) {
    ctx.io.out(JSON.stringify({
      entities: result.entities.map((e) => ({ ...brief(e), distance: result.distance[e.id] })),
      triples: result.triples.map((t) => ({ id: t.id, subject: t.subject, predicate: t.predicate, object: t.object })),
      truncated: result.truncated,
    }, null, 2));
  } else {
    const byDistance = [...result.entities].sort((a, b) => (result.distance[a.id]! - result.distance[b.id]!) || a.label.localeCompare(b.label));
    const cut = ctx.values.limit !== undefined ? ' (cut by --limit)' : ` (cut at ${result.entities.length} entities; raise --limit)`;
    ctx.io.out(`${result.entities.length} entities, ${result.triples.length} triples${result.truncated ? cut : ''}`);
    for (const e of byDistance) ctx.io.out(`  ${result.distance[e.id]}  ${e.label}  [${e.type}]  ${e.id}`);
    if (result.triples.length) ctx.io.out('');
    for (const t of result.triples) ctx.io.out(`  ${describeTriple(t, (id) => labelOf.get(id) ?? id, lookup)}`);
  }
  return found ? EXIT_FOUND : EXIT_NOTHING;
}

async function path(ctx: Context, args: string[]): Promise<number> {
  need(args, 2, 'two entities: path <from> <to>');
  if (args.length > 2) throw new CliError(`path takes two entities; got ${args.length} (${args.join(', ')}). Quote names with spaces.`);
  const from = await resolve(ctx, args[0]!);
  const to = await resolve(ctx, args[1]!);
  const avoidTypes: string[] = [];
  const avoidEntities: string[] = [];
  const types = ctx.values.avoid?.length ? await typeIds(ctx) : [];
  for (const a of ctx.values.avoid ?? []) {
    if (types.includes(a)) avoidTypes.push(a);
    else avoidEntities.push((await resolve(ctx, a)).id);
  }
  const { limits } = await ctx.capabilities();
  const k = ctx.values.k === undefined ? undefined : int(ctx.values, 'k', 1, 1, limits.maxK);
  if (k !== undefined && ctx.values.all) throw new CliError('use either --k or --all, not both');
  const mode: PathMode = ctx.values.all ? 'all-shortest' : k !== undefined && k > 1 ? 'k-shortest' : 'shortest';
  const result = await ctx.explorer.paths({
    from: from.id,
    to: to.id,
    mode,
    k,
    directed: ctx.values.directed,
    predicates: await checkPredicates(ctx, ctx.values.predicate),
    avoidTypes,
    avoidEntities,
    maxLength: ctx.values['max-length'] === undefined ? undefined : int(ctx.values, 'max-length', 0, 1, 1000),
  });
  const labelOf = await ctx.labels(result.paths.flatMap((p) => p.nodes));
  const { lookup } = await ctx.schema();
  const capText = pathCapText(result, mode);
  if (ctx.values.json) {
    ctx.io.out(JSON.stringify({
      from: brief(from),
      to: brief(to),
      paths: result.paths.map((p) => ({
        length: p.length,
        text: describePath(p, labelOf, lookup),
        nodes: p.nodes,
        triples: p.steps.map((s) => ({
          id: s.triple.id, subject: s.triple.subject, predicate: s.triple.predicate, object: s.triple.object,
          forward: s.forward, evidence: s.triple.evidence, source: s.triple.source,
        })),
      })),
      ...(result.reason ? { reason: result.reason } : {}),
      truncated: !!result.truncated,
      ...(result.total !== undefined ? { total: result.total } : {}),
      ...(result.totalIsLowerBound ? { totalIsLowerBound: true } : {}),
      ...(capText ? { note: capText } : {}),
    }, null, 2));
  } else if (!result.paths.length) {
    ctx.io.err(`no path from ${from.label} to ${to.label}${result.reason ? `: ${result.reason}` : ''}`);
  } else {
    result.paths.forEach((p, i) => {
      ctx.io.out(`${i + 1}. (${p.length} step${p.length === 1 ? '' : 's'}) ${describePath(p, labelOf, lookup)}`);
      for (const s of p.steps) ctx.io.out(`     “${s.triple.evidence}”`);
    });
    if (capText) ctx.io.out(`\n${capText}`);
  }
  return result.paths.length ? EXIT_FOUND : EXIT_NOTHING;
}

async function exportCmd(ctx: Context, args: string[]): Promise<number> {
  if (args.length) throw new CliError(`export takes no positional arguments; name entities with --entity`);
  const writer = chooseWriter(ctx.values.format, ctx.values.out);
  let ids: string[] | undefined;
  if (ctx.values.entity?.length) {
    const from = [];
    for (const e of ctx.values.entity) from.push((await resolve(ctx, e)).id);
    const depth = ctx.values.depth === undefined ? 0 : int(ctx.values, 'depth', 0, 0, 10);
    if (depth > 0) {
      // An export is never cut: ask for all of the neighbourhood, and refuse if even that is cut.
      const n = await ctx.explorer.neighbourhood({ from, depth, limit: EXPORT_MAX_ENTITIES });
      if (n.truncated) throw new CliError(`the neighbourhood holds more than ${EXPORT_MAX_ENTITIES} entities; export a smaller --depth`);
      ids = n.entities.map((e) => e.id);
    } else ids = from;
  } else if (ctx.values.depth !== undefined) throw new CliError('--depth needs at least one --entity');
  const title = (await ctx.explorer.stats()).title;
  const dataset = await ctx.explorer.exportDataset({
    ...(ids ? { entities: ids } : { all: true }),
    includeTriples: true,
    includeNeighbours: ctx.values.neighbours,
    title: ctx.values.entity?.length ? `Export from ${title ?? 'actorgraph'}` : title,
  });
  writeOut(writer, dataset, ctx.values.out, ctx.io);
  return dataset.entities.length ? EXIT_FOUND : EXIT_NOTHING;
}

/** `--format` by id, else the writer `out`'s ending names, else the dataset JSON. */
function chooseWriter(format: string | undefined, out: string | undefined): DatasetWriter {
  if (format !== undefined) {
    const w = writerById(format);
    if (!w) throw new CliError(`unknown --format '${format}'. Formats: ${WRITERS.map((x) => x.id).join(', ')}`);
    return w;
  }
  return (out === undefined ? undefined : writerByName(out)) ?? writerById('dataset')!;
}

/** Writes the files of `writer` (to stdout when there is no --out and the format is one file). */
function writeOut(writer: DatasetWriter, dataset: Dataset, out: string | undefined, io: Io): void {
  const name = out?.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'actorgraph';
  const files = writer.write(dataset, { name });
  if (out === undefined) {
    if (files.length > 1) throw new CliError(`--format ${writer.id} writes ${files.length} files; name the first with --out FILE`);
    io.out(files[0]!.text.replace(/\n$/, ''));
    return;
  }
  const paths = fileNames(out, files);
  files.forEach((f, i) => {
    try {
      writeFileSync(paths[i]!, f.text);
    } catch (e) {
      throw new CliError(`cannot write ${paths[i]}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  });
  io.err(`wrote ${dataset.entities.length} entities and ${dataset.triples.length} triples to ${paths.join(', ')}`);
}

async function convert(args: string[], values: Values, io: Io, factory: OpenExplorer): Promise<number> {
  if (args.length !== 2) throw new CliError('convert takes two arguments: <in> <out>');
  const [input, out] = args as [string, string];
  const writer = chooseWriter(values.format, out);
  const explorer = await open(input, factory);
  const dataset = await explorer.exportDataset({ all: true, includeTriples: true, title: (await explorer.stats()).title });
  writeOut(writer, dataset, out, io);
  return dataset.entities.length ? EXIT_FOUND : EXIT_NOTHING;
}

async function stats(ctx: Context, args: string[]): Promise<number> {
  if (args.length) throw new CliError('stats takes no arguments');
  const s = await ctx.explorer.stats();
  if (ctx.values.json) {
    ctx.io.out(JSON.stringify(s, null, 2));
    return EXIT_FOUND;
  }
  ctx.io.out(`${s.title ?? 'dataset'}`);
  ctx.io.out(`  ${s.entities} entities, ${s.triples} triples, ${s.sources} sources, ${s.types} types, ${s.predicates} predicates`);
  const table = (title: string, counts: Record<string, number>) => {
    ctx.io.out(`\n  ${title}:`);
    for (const [k, n] of Object.entries(counts).sort((a, b) => b[1] - a[1])) ctx.io.out(`    ${String(n).padStart(7)}  ${k}`);
  };
  table('entities by type', s.byType);
  table('triples by predicate', s.byPredicate);
  return EXIT_FOUND;
}

function validate(files: string[], values: Values, io: Io, check: (file: string) => FileCheck): number {
  const targets = files.length ? files : [values.data ?? DEFAULT_DATASET];
  const reports = targets.map((file) => check(file));
  if (values.json) {
    io.out(JSON.stringify({ files: reports }, null, 2));
  } else {
    for (const r of reports) {
      const errs = r.problems.filter((p: Problem) => p.severity === 'error').length;
      const warns = r.problems.length - errs;
      for (const p of r.problems) (p.severity === 'error' ? io.err : io.out)(formatProblem(p));
      const summary = `${r.file}: ${r.ok ? 'valid' : 'invalid'}` +
        (r.counts ? ` (${r.counts.entities} entities, ${r.counts.triples} triples)` : '') +
        `, ${errs} error(s), ${warns} warning(s)`;
      (r.ok ? io.out : io.err)(summary);
    }
  }
  return reports.every((r) => r.ok) ? EXIT_FOUND : EXIT_USAGE;
}
