import { checkTypes, EXIT_FOUND, EXIT_NOTHING, int, need, type Context } from '../context.ts';

export async function search(ctx: Context, args: string[]): Promise<number> {
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
      const alias = h.matchedAlias
        ? `  (as "${h.matchedAlias}")`
        : h.matchedAttribute
          ? `  (in its ${h.matchedAttribute})`
          : '';
      ctx.io.out(`${h.score.toFixed(2).padStart(7)}  ${h.label}  [${h.type}]  ${h.id}${alias}`);
    }
  }
  return hits.length ? EXIT_FOUND : EXIT_NOTHING;
}
