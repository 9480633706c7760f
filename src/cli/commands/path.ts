import type { PathMode } from '../../core/model.ts';
import { describePath, pathCapText, quoteLine, trustText, withTrust } from '../../core/format.ts';
import {
  brief,
  checkPredicates,
  CliError,
  EXIT_FOUND,
  EXIT_NOTHING,
  int,
  need,
  relationFilter,
  resolve,
  typeIds,
  type Context,
} from '../context.ts';
import { sourcesJson, sourcesOf } from './sources.ts';

export async function path(ctx: Context, args: string[]): Promise<number> {
  need(args, 2, 'two entities: path <from> <to>');
  if (args.length > 2)
    throw new CliError(`path takes two entities; got ${args.length} (${args.join(', ')}). Quote names with spaces.`);
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
  if (ctx.values.chronological && mode !== 'shortest')
    throw new CliError('--chronological finds the shortest chronological path; drop --k / --all');
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
    ...(ctx.values.chronological ? { chronological: true } : {}),
    ...relationFilter(ctx.values),
  });
  const triples = result.paths.flatMap((p) => p.steps.map((s) => s.triple));
  const labelOf = await ctx.labels([
    ...result.paths.flatMap((p) => p.nodes),
    ...triples.flatMap((t) => (t.attributedTo ? [t.attributedTo] : [])),
  ]);
  const { lookup } = await ctx.schema();
  const capText = pathCapText(result, mode);
  const sources = await sourcesOf(ctx, triples);
  if (ctx.values.json) {
    ctx.io.out(
      JSON.stringify(
        {
          from: brief(from),
          to: brief(to),
          paths: result.paths.map((p) => ({
            length: p.length,
            text: describePath(p, labelOf, lookup),
            nodes: p.nodes,
            triples: p.steps.map((s) => ({ ...withTrust(s.triple), forward: s.forward })),
          })),
          sources: sourcesJson(sources),
          ...(result.reason ? { reason: result.reason } : {}),
          truncated: !!result.truncated,
          ...(result.total !== undefined ? { total: result.total } : {}),
          ...(result.totalIsLowerBound ? { totalIsLowerBound: true } : {}),
          ...(capText ? { note: capText } : {}),
        },
        null,
        2,
      ),
    );
  } else if (!result.paths.length) {
    ctx.io.err(`no path from ${from.label} to ${to.label}${result.reason ? `: ${result.reason}` : ''}`);
  } else {
    result.paths.forEach((p, i) => {
      ctx.io.out(`${i + 1}. (${p.length} step${p.length === 1 ? '' : 's'}) ${describePath(p, labelOf, lookup)}`);
      for (const s of p.steps) {
        const trust = trustText(s.triple, labelOf, sources.get(s.triple.source));
        ctx.io.out(`     ${quoteLine(s.triple, sources.get(s.triple.source))}${trust ? `  [${trust}]` : ''}`);
      }
    });
    if (capText) ctx.io.out(`\n${capText}`);
  }
  return result.paths.length ? EXIT_FOUND : EXIT_NOTHING;
}
