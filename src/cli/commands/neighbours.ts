import type { Direction } from '../../core/model.ts';
import { describeClaim, withTrust } from '../../core/format.ts';
import {
  brief,
  checkPredicates,
  checkTypes,
  CliError,
  EXIT_FOUND,
  EXIT_NOTHING,
  int,
  need,
  relationFilter,
  resolve,
  type Context,
} from '../context.ts';
import { sourcesJson, sourcesOf } from './sources.ts';

export async function neighbours(ctx: Context, args: string[]): Promise<number> {
  need(args, 1, 'an entity');
  const from = [];
  for (const a of args) from.push((await resolve(ctx, a)).id);
  const direction = (ctx.values.direction ?? 'both') as Direction;
  if (!['out', 'in', 'both'].includes(direction))
    throw new CliError(`--direction must be out, in or both, got '${direction}'`);
  const result = await ctx.explorer.neighbourhood({
    from,
    depth: int(ctx.values, 'depth', 1, 1, 10),
    direction,
    predicates: await checkPredicates(ctx, ctx.values.predicate),
    types: await checkTypes(ctx, ctx.values.type),
    limit: ctx.values.limit === undefined ? undefined : int(ctx.values, 'limit', 0, 1),
    ...relationFilter(ctx.values),
  });
  const { lookup } = await ctx.schema();
  const found = result.entities.length > from.length || result.triples.length > 0;
  const sources = await sourcesOf(ctx, result.triples);
  if (ctx.values.json) {
    ctx.io.out(
      JSON.stringify(
        {
          entities: result.entities.map((e) => ({ ...brief(e), distance: result.distance[e.id] })),
          triples: result.triples.map(withTrust),
          sources: sourcesJson(sources),
          truncated: result.truncated,
        },
        null,
        2,
      ),
    );
  } else {
    const labelOf = await ctx.labels([
      ...result.entities.map((e) => e.id),
      ...result.triples.flatMap((t) => (t.attributedTo ? [t.attributedTo] : [])),
    ]);
    const byDistance = [...result.entities].sort(
      (a, b) => result.distance[a.id]! - result.distance[b.id]! || a.label.localeCompare(b.label),
    );
    const cut =
      ctx.values.limit !== undefined
        ? ' (cut by --limit)'
        : ` (cut at ${result.entities.length} entities; raise --limit)`;
    ctx.io.out(`${result.entities.length} entities, ${result.triples.length} triples${result.truncated ? cut : ''}`);
    for (const e of byDistance) ctx.io.out(`  ${result.distance[e.id]}  ${e.label}  [${e.type}]  ${e.id}`);
    if (result.triples.length) ctx.io.out('');
    for (const t of result.triples) ctx.io.out(`  ${describeClaim(t, labelOf, lookup, sources.get(t.source))}`);
  }
  return found ? EXIT_FOUND : EXIT_NOTHING;
}
