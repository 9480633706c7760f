import { CliError, EXIT_FOUND, type Context } from '../context.ts';

export async function stats(ctx: Context, args: string[]): Promise<number> {
  if (args.length) throw new CliError('stats takes no arguments');
  const s = await ctx.explorer.stats();
  if (ctx.values.json) {
    ctx.io.out(JSON.stringify(s, null, 2));
    return EXIT_FOUND;
  }
  ctx.io.out(`${s.title ?? 'dataset'}`);
  ctx.io.out(
    `  ${s.entities} entities, ${s.triples} triples, ${s.sources} sources, ${s.types} types, ${s.predicates} predicates`,
  );
  const table = (title: string, counts: Record<string, number>) => {
    ctx.io.out(`\n  ${title}:`);
    for (const [k, n] of Object.entries(counts).sort((a, b) => b[1] - a[1]))
      ctx.io.out(`    ${String(n).padStart(7)}  ${k}`);
  };
  table('entities by type', s.byType);
  table('triples by predicate', s.byPredicate);
  if (s.byStatus) table('triples by status', s.byStatus as Record<string, number>);
  if (s.undated !== undefined) ctx.io.out(`\n  ${s.undated} triples have no date`);
  return EXIT_FOUND;
}
