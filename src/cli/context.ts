// What every command shares: the parsed options, the Explorer, output, errors
// a user can fix, and resolving entity names and filter flags.
import type { parseArgs } from 'node:util';
import type { Capabilities, Explorer } from '../core/explorer.ts';
import type { ClaimStatus, Credibility, Entity, RelationFilter, Reliability, Schema } from '../core/model.ts';
import { ExplorerError } from '../core/errors.ts';
import { formatProblem } from '../core/problems.ts';
import { predicateIndex, type PredicateLookup } from '../core/format.ts';
import { CLAIM_STATUSES, isClaimStatus, isReliability } from '../core/trust.ts';
import { foldForSearch } from '../core/text.ts';
import { DEFAULT_DATASET, type FileCheck, type OpenExplorer } from '../node/open-explorer.ts';
import type { OPTIONS } from './options.ts';

export const EXIT_FOUND = 0;
export const EXIT_NOTHING = 1;
export const EXIT_USAGE = 2;

/** A failure the user can fix; printed without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number = EXIT_USAGE,
  ) {
    super(message);
  }
}

export type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Where the CLI gets its data: the factory by default; tests pass their own. */
export interface CliDeps {
  openExplorer?: OpenExplorer;
  /** The environment (ACTORGRAPH_ENDPOINT, ACTORGRAPH_AUTH); process.env by default. */
  env?: Record<string, string | undefined>;
  /** How to reach an endpoint (tests: an in-process store). */
  fetch?: typeof fetch;
  checkFile?: (file: string) => FileCheck;
}

export interface Context {
  explorer: Explorer;
  values: Values;
  io: Io;
  /** Fetched once per run. */
  schema(): Promise<{ schema: Schema; lookup: PredicateLookup }>;
  capabilities(): Promise<Capabilities>;
  /** Labels by id, fetched in batches and kept for the run. */
  labels(ids: Iterable<string>): Promise<(id: string) => string>;
}

export async function open(file: string | undefined, factory: OpenExplorer): Promise<Explorer> {
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

export function context(explorer: Explorer, values: Values, io: Io): Context {
  let schema: Promise<{ schema: Schema; lookup: PredicateLookup }> | undefined;
  let caps: Promise<Capabilities> | undefined;
  const known = new Map<string, string>();
  return {
    explorer,
    values,
    io,
    schema: () => (schema ??= explorer.schema().then((s) => ({ schema: s, lookup: predicateIndex(s) }))),
    capabilities: () => (caps ??= explorer.capabilities()),
    async labels(ids) {
      const missing = [...new Set(ids)].filter((id) => !known.has(id));
      for (let i = 0; i < missing.length; i += 1000) {
        const batch = missing.slice(i, i + 1000);
        const found = await explorer.entities(batch);
        batch.forEach((id, k) => {
          known.set(id, found[k]?.label ?? id);
        });
      }
      return (id) => known.get(id) ?? id;
    },
  };
}

export function int(
  values: Values,
  name: 'limit' | 'depth' | 'k' | 'max-length' | 'offset' | 'batch' | 'timeout' | 'concurrency',
  fallback: number,
  min = 1,
  max = 1_000_000,
): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new CliError(`--${name} must be a whole number from ${min} to ${max}, got '${raw}'`);
  }
  return n;
}

export function need(args: string[], count: number, what: string): void {
  if (args.length < count) throw new CliError(`missing ${what}. Run 'actorgraph --help' for usage.`);
}

export async function checkPredicates(ctx: Context, predicates: string[] | undefined): Promise<string[] | undefined> {
  if (!predicates?.length) return undefined;
  const { schema } = await ctx.schema();
  const known = schema.predicates.map((p) => p.id);
  for (const p of predicates) {
    if (!known.includes(p)) throw new CliError(`unknown predicate '${p}'. Known: ${known.join(', ')}`);
  }
  return predicates;
}

export async function checkTypes(ctx: Context, types: string[] | undefined): Promise<string[] | undefined> {
  if (!types?.length) return undefined;
  const known = await typeIds(ctx);
  for (const t of types) {
    if (!known.includes(t)) throw new CliError(`unknown entity type '${t}'. Known: ${known.join(', ')}`);
  }
  return types;
}

export async function typeIds(ctx: Context): Promise<string[]> {
  return (await ctx.schema()).schema.entityTypes.map((t) => t.id);
}

/** An entity named by id, or by a name that search resolves without ambiguity. */
export async function resolve(ctx: Context, name: string): Promise<Entity> {
  const byId = await ctx.explorer.entity(name);
  if (byId) return byId;
  const hits = await ctx.explorer.search(name, { limit: 8 });
  if (!hits.length)
    throw new CliError(`no entity matches '${name}'. Try 'actorgraph search ${JSON.stringify(name)}'.`, EXIT_NOTHING);
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

export function brief(e: Entity): { id: string; label: string; type: string } {
  return { id: e.id, label: e.label, type: e.type };
}

const ISO_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** The trust and time flags (--status, --min-reliability, --min-credibility, --from, --to, --undated) as a filter. */
export function relationFilter(values: Values): RelationFilter {
  const f: RelationFilter = {};
  if (values.status?.length) {
    const status: ClaimStatus[] = [];
    for (const raw of values.status.flatMap((s) => s.split(','))) {
      const s = raw.trim().toLowerCase();
      if (!isClaimStatus(s)) throw new CliError(`--status must be one of ${CLAIM_STATUSES.join(', ')}, got '${raw}'`);
      status.push(s);
    }
    f.status = status;
  }
  const rel = values['min-reliability'];
  if (rel !== undefined) {
    const r = rel.trim().toUpperCase();
    if (!isReliability(r)) throw new CliError(`--min-reliability must be a letter A (best) to F, got '${rel}'`);
    f.minReliability = r as Reliability;
  }
  const cred = values['min-credibility'];
  if (cred !== undefined) {
    const c = Number(cred);
    if (!Number.isInteger(c) || c < 1 || c > 6)
      throw new CliError(`--min-credibility must be a whole number 1 (best) to 6, got '${cred}'`);
    f.minCredibility = c as Credibility;
  }
  for (const [flag, key] of [
    ['from', 'dateFrom'],
    ['to', 'dateTo'],
  ] as const) {
    const d = values[flag];
    if (d === undefined) continue;
    if (!ISO_DATE.test(d)) throw new CliError(`--${flag} must be a date: YYYY, YYYY-MM or YYYY-MM-DD, got '${d}'`);
    f[key] = d;
  }
  const undated = values.undated;
  if (undated !== undefined) {
    if (undated !== 'include' && undated !== 'exclude')
      throw new CliError(`--undated must be include or exclude, got '${undated}'`);
    f.undated = undated;
  }
  return f;
}
