// Sources of a set of triples, fetched once per command, graded for output.
import type { Source, Triple } from '../../core/model.ts';
import { sourceWithGrade } from '../../core/format.ts';
import type { Context } from '../context.ts';

export async function sourcesOf(ctx: Context, triples: readonly Triple[]): Promise<Map<string, Source>> {
  const ids = [...new Set(triples.map((t) => t.source))];
  if (!ids.length) return new Map();
  const { sources } = await ctx.explorer.sources({ ids, limit: ids.length });
  return new Map(sources.map((s) => [s.id, s]));
}

/** The sources as JSON outputs list them: id, title, publisher, date, url and reliability (absent read as F). */
export function sourcesJson(byId: Map<string, Source>): Record<string, unknown>[] {
  return [...byId.values()].map(({ text: _t, path: _p, ...s }) => sourceWithGrade(s));
}
