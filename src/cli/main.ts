// actorgraph command-line tool: a thin shell over the core's Explorer.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { writeFileSync } from 'node:fs';
import type { Direction, Entity, PathMode, Triple } from '../core/model.ts';
import { formatProblem, type Problem } from '../core/problems.ts';
import { TripleStore } from '../core/store.ts';
import { MemoryExplorer } from '../core/memory-explorer.ts';
import { describePath } from '../core/paths.ts';
import { toGraphologyExport } from '../core/export.ts';
import { foldForSearch } from '../core/text.ts';
import { indexSchema } from '../core/schema.ts';
import { DEFAULT_DATASET, loadDatasetFile, loadStoreFile } from '../node/load.ts';

export const EXIT_FOUND = 0;
export const EXIT_NOTHING = 1;
export const EXIT_USAGE = 2;

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
  show <entity>                               an entity and all its relations with evidence
  neighbours <entity>... [--depth K] [--direction out|in|both]
             [--predicate P]... [--type T]... [--limit N]
  path <from> <to> [--k N] [--all] [--max-length N] [--directed]
             [--predicate P]... [--avoid X]...  X is an entity or an entity type
  export [--entity E]... [--depth K] [--neighbours] [--format dataset|graphology] [--out FILE]
                                              no --entity: the whole dataset
  validate [FILE]...                          check data files (default: the default dataset)
  stats                                       counts of entities, triples, types, predicates

Entities are named by id or by name (resolved by search).
Options:
  --data FILE   dataset to use instead of graph-data/dataset.json
  --json        print JSON on stdout
  -h, --help    this text
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

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

interface Context {
  explorer: MemoryExplorer;
  store: TripleStore;
  values: Values;
  io: Io;
}

export async function main(argv: string[], io: Io = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
}): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`actorgraph: ${e.message}`);
      return e.code;
    }
    // Anything else is a bug: say so plainly, keep the detail for a report.
    io.err(`actorgraph: internal error: ${(e as Error)?.message ?? String(e)}`);
    if (process.env.ACTORGRAPH_DEBUG) io.err(String((e as Error)?.stack));
    return EXIT_USAGE;
  }
}

async function run(argv: string[], io: Io): Promise<number> {
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
  if (command === 'validate') return validate(args, values, io);

  const ctx = { ...open(values.data), values, io };
  switch (command) {
    case 'search': return search(ctx, args);
    case 'show': return show(ctx, args);
    case 'neighbours': case 'neighbors': return neighbours(ctx, args);
    case 'path': return path(ctx, args);
    case 'export': return exportCmd(ctx, args);
    case 'stats': return stats(ctx, args);
    default:
      throw new CliError(`unknown command '${command}'. Commands: search, show, neighbours, path, export, validate, stats.`);
  }
}

function open(file: string | undefined): { store: TripleStore; explorer: MemoryExplorer } {
  const path = file ?? DEFAULT_DATASET;
  const result = loadStoreFile(path);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (!result.ok || !result.store) {
    const shown = errors.slice(0, 20).map(formatProblem).join('\n');
    const more = errors.length > 20 ? `\n… and ${errors.length - 20} more (run 'actorgraph validate ${path}')` : '';
    throw new CliError(`cannot load ${path}: ${errors.length} error(s)\n${shown}${more}`);
  }
  return { store: result.store, explorer: new MemoryExplorer(result.store) };
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

function checkPredicates(store: TripleStore, predicates: string[] | undefined): string[] | undefined {
  if (!predicates?.length) return undefined;
  for (const p of predicates) {
    if (!store.schema.predicates.has(p)) {
      throw new CliError(`unknown predicate '${p}'. Known: ${[...store.schema.predicates.keys()].join(', ')}`);
    }
  }
  return predicates;
}

function checkTypes(store: TripleStore, types: string[] | undefined): string[] | undefined {
  if (!types?.length) return undefined;
  for (const t of types) {
    if (!store.schema.types.has(t)) {
      throw new CliError(`unknown entity type '${t}'. Known: ${[...store.schema.types.keys()].join(', ')}`);
    }
  }
  return types;
}

/** An entity named by id, or by a name that search resolves without ambiguity. */
async function resolve(ctx: Context, name: string): Promise<Entity> {
  const byId = ctx.store.entity(name);
  if (byId) return byId;
  const hits = await ctx.explorer.search(name, { limit: 8 });
  if (!hits.length) throw new CliError(`no entity matches '${name}'. Try 'actorgraph search ${JSON.stringify(name)}'.`, EXIT_NOTHING);
  const folded = foldForSearch(name);
  const exact = hits.filter((h) => {
    const e = ctx.store.entity(h.id)!;
    return [e.label, ...(e.aliases ?? [])].some((n) => foldForSearch(n) === folded);
  });
  const chosen = exact.length === 1 ? exact[0] : hits.length === 1 ? hits[0] : undefined;
  if (chosen) return ctx.store.entity(chosen.id)!;
  const list = (exact.length ? exact : hits).map((h) => `  ${h.id}  (${h.label}, ${h.type})`).join('\n');
  throw new CliError(`'${name}' is ambiguous; name one of these by id:\n${list}`);
}

function brief(e: Entity): { id: string; label: string; type: string } {
  return { id: e.id, label: e.label, type: e.type };
}

function tripleLine(store: TripleStore, t: Triple): string {
  const label = store.schema.predicates.get(t.predicate)?.label ?? t.predicate;
  const s = store.entity(t.subject)?.label ?? t.subject;
  const o = store.entity(t.object)?.label ?? t.object;
  return `${s} —${label}→ ${o}`;
}

async function search(ctx: Context, args: string[]): Promise<number> {
  need(args, 1, 'search text');
  const text = args.join(' ');
  const hits = await ctx.explorer.search(text, {
    limit: int(ctx.values, 'limit', 10, 1, 1000),
    types: checkTypes(ctx.store, ctx.values.type),
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
  const details = (await ctx.explorer.details(entity.id))!;
  const schema = ctx.store.schema;
  const relations = [
    ...details.outgoing.map((t) => ({ direction: 'out' as const, t, other: t.object, label: schema.predicates.get(t.predicate)?.label ?? t.predicate })),
    ...details.incoming.map((t) => ({ direction: 'in' as const, t, other: t.subject, label: schema.predicates.get(t.predicate)?.inverseLabel ?? t.predicate })),
  ];
  if (ctx.values.json) {
    ctx.io.out(JSON.stringify({
      ...entity,
      aliases: entity.aliases ?? [],
      relations: relations.map((r) => ({
        direction: r.direction,
        predicate: r.t.predicate,
        label: r.label,
        entity: brief(ctx.store.entity(r.other)!),
        triple: r.t,
      })),
    }, null, 2));
    return EXIT_FOUND;
  }
  const typeLabel = schema.types.get(entity.type)?.label ?? entity.type;
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
      const other = ctx.store.entity(r.other)!;
      const extra = [r.t.date, r.t.qualifier, r.t.attributedTo && `according to ${ctx.store.entity(r.t.attributedTo)?.label ?? r.t.attributedTo}`]
        .filter(Boolean).join('; ');
      ctx.io.out(`    ${other.label} (${other.id})${extra ? `  [${extra}]` : ''}`);
      ctx.io.out(`      “${r.t.evidence}” — ${sourceName(ctx, r.t.source)}`);
    }
  }
  return EXIT_FOUND;
}

function sourceName(ctx: Context, id: string): string {
  const s = ctx.store.sources.find((x) => x.id === id);
  return s ? [s.publisher, s.published].filter(Boolean).join(', ') || s.title : id;
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
    predicates: checkPredicates(ctx.store, ctx.values.predicate),
    types: checkTypes(ctx.store, ctx.values.type),
    limit: ctx.values.limit === undefined ? undefined : int(ctx.values, 'limit', 0, 1),
  });
  const found = result.entities.length > from.length || result.triples.length > 0;
  if (ctx.values.json) {
    ctx.io.out(JSON.stringify({
      entities: result.entities.map((e) => ({ ...brief(e), distance: result.distance[e.id] })),
      triples: result.triples.map((t) => ({ id: t.id, subject: t.subject, predicate: t.predicate, object: t.object })),
      truncated: result.truncated,
    }, null, 2));
  } else {
    const byDistance = [...result.entities].sort((a, b) => (result.distance[a.id]! - result.distance[b.id]!) || a.label.localeCompare(b.label));
    ctx.io.out(`${result.entities.length} entities, ${result.triples.length} triples${result.truncated ? ' (cut by --limit)' : ''}`);
    for (const e of byDistance) ctx.io.out(`  ${result.distance[e.id]}  ${e.label}  [${e.type}]  ${e.id}`);
    if (result.triples.length) ctx.io.out('');
    for (const t of result.triples) ctx.io.out(`  ${tripleLine(ctx.store, t)}`);
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
  for (const a of ctx.values.avoid ?? []) {
    if (ctx.store.schema.types.has(a)) avoidTypes.push(a);
    else avoidEntities.push((await resolve(ctx, a)).id);
  }
  const k = ctx.values.k === undefined ? undefined : int(ctx.values, 'k', 1, 1, 100);
  if (k !== undefined && ctx.values.all) throw new CliError('use either --k or --all, not both');
  const mode: PathMode = ctx.values.all ? 'all-shortest' : k !== undefined && k > 1 ? 'k-shortest' : 'shortest';
  const result = await ctx.explorer.paths({
    from: from.id,
    to: to.id,
    mode,
    k,
    directed: ctx.values.directed,
    predicates: checkPredicates(ctx.store, ctx.values.predicate),
    avoidTypes,
    avoidEntities,
    maxLength: ctx.values['max-length'] === undefined ? undefined : int(ctx.values, 'max-length', 0, 1, 1000),
  });
  const labelOf = (id: string) => ctx.store.entity(id)?.label ?? id;
  if (ctx.values.json) {
    ctx.io.out(JSON.stringify({
      from: brief(from),
      to: brief(to),
      paths: result.paths.map((p) => ({
        length: p.length,
        text: describePath(p, labelOf, ctx.store.schema),
        nodes: p.nodes,
        triples: p.steps.map((s) => ({
          id: s.triple.id, subject: s.triple.subject, predicate: s.triple.predicate, object: s.triple.object,
          forward: s.forward, evidence: s.triple.evidence, source: s.triple.source,
        })),
      })),
      ...(result.reason ? { reason: result.reason } : {}),
    }, null, 2));
  } else if (!result.paths.length) {
    ctx.io.err(`no path from ${from.label} to ${to.label}${result.reason ? `: ${result.reason}` : ''}`);
  } else {
    result.paths.forEach((p, i) => {
      ctx.io.out(`${i + 1}. (${p.length} step${p.length === 1 ? '' : 's'}) ${describePath(p, labelOf, ctx.store.schema)}`);
      for (const s of p.steps) ctx.io.out(`     “${s.triple.evidence}”`);
    });
  }
  return result.paths.length ? EXIT_FOUND : EXIT_NOTHING;
}

async function exportCmd(ctx: Context, args: string[]): Promise<number> {
  if (args.length) throw new CliError(`export takes no positional arguments; name entities with --entity`);
  const format = ctx.values.format ?? 'dataset';
  if (format !== 'dataset' && format !== 'graphology') throw new CliError(`--format must be dataset or graphology, got '${format}'`);
  let ids: string[];
  if (ctx.values.entity?.length) {
    const from = [];
    for (const e of ctx.values.entity) from.push((await resolve(ctx, e)).id);
    const depth = ctx.values.depth === undefined ? 0 : int(ctx.values, 'depth', 0, 0, 10);
    ids = depth > 0 ? (await ctx.explorer.neighbourhood({ from, depth })).entities.map((e) => e.id) : from;
  } else {
    if (ctx.values.depth !== undefined) throw new CliError('--depth needs at least one --entity');
    ids = Array.from({ length: ctx.store.entityCount }, (_, i) => ctx.store.entityAt(i).id);
  }
  const dataset = await ctx.explorer.exportDataset({
    entities: ids,
    includeTriples: true,
    includeNeighbours: ctx.values.neighbours,
    title: ctx.values.entity?.length ? `Export from ${ctx.store.title ?? 'actorgraph'}` : ctx.store.title,
  });
  let text: string;
  if (format === 'graphology') {
    text = JSON.stringify(toGraphologyExport(dataset, indexSchema(dataset.schema ?? ctx.store.schema.schema)), null, 2);
  } else {
    text = JSON.stringify(dataset, null, 2);
  }
  if (ctx.values.out) {
    try {
      writeFileSync(ctx.values.out, text + '\n');
    } catch (e) {
      throw new CliError(`cannot write ${ctx.values.out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    ctx.io.err(`wrote ${dataset.entities.length} entities and ${dataset.triples.length} triples to ${ctx.values.out}`);
  } else {
    ctx.io.out(text);
  }
  return dataset.entities.length ? EXIT_FOUND : EXIT_NOTHING;
}

async function stats(ctx: Context, args: string[]): Promise<number> {
  if (args.length) throw new CliError('stats takes no arguments');
  const s = await ctx.explorer.stats();
  if (ctx.values.json) {
    ctx.io.out(JSON.stringify(s, null, 2));
    return EXIT_FOUND;
  }
  ctx.io.out(`${ctx.store.title ?? 'dataset'}`);
  ctx.io.out(`  ${s.entities} entities, ${s.triples} triples, ${s.sources} sources, ${s.types} types, ${s.predicates} predicates`);
  const table = (title: string, counts: Record<string, number>) => {
    ctx.io.out(`\n  ${title}:`);
    for (const [k, n] of Object.entries(counts).sort((a, b) => b[1] - a[1])) ctx.io.out(`    ${String(n).padStart(7)}  ${k}`);
  };
  table('entities by type', s.byType);
  table('triples by predicate', s.byPredicate);
  return EXIT_FOUND;
}

function validate(files: string[], values: Values, io: Io): number {
  const targets = files.length ? files : [values.data ?? DEFAULT_DATASET];
  const reports = targets.map((file) => {
    const r = loadDatasetFile(file);
    return { file, ok: r.ok, problems: r.problems, counts: r.dataset ? { entities: r.dataset.entities.length, triples: r.dataset.triples.length } : undefined };
  });
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
