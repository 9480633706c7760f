import type { RelationSort, RelationsQuery } from '../../core/model.ts';
import { describeClaim, quoteLine, withTrust } from '../../core/format.ts';
import {
  checkPredicates,
  checkTypes,
  CliError,
  EXIT_FOUND,
  EXIT_NOTHING,
  int,
  relationFilter,
  resolve,
  type Context,
} from '../context.ts';
import { sourcesJson, sourcesOf } from './sources.ts';

const SORTS: readonly RelationSort[] = [
  'file',
  'date',
  'predicate',
  'subject',
  'object',
  'source',
  'status',
  'credibility',
  'reliability',
];

export async function triples(ctx: Context, args: string[]): Promise<number> {
  if (args.length)
    throw new CliError(`triples takes no positional arguments; name entities with --subject, --object or --entity`);
  const v = ctx.values;
  const q: RelationsQuery = { ...relationFilter(v) };
  if (v.subject !== undefined) q.subject = (await resolve(ctx, v.subject)).id;
  if (v.object !== undefined) q.object = (await resolve(ctx, v.object)).id;
  if (v.entity?.length) {
    if (v.entity.length > 1)
      throw new CliError('triples takes one --entity (either end); use --subject and --object for both ends');
    q.entity = (await resolve(ctx, v.entity[0]!)).id;
  }
  if (v['attributed-to'] !== undefined) q.attributedTo = (await resolve(ctx, v['attributed-to'])).id;
  const subjectTypes = await checkTypes(ctx, v['subject-type']);
  if (subjectTypes) q.subjectTypes = subjectTypes;
  const objectTypes = await checkTypes(ctx, v['object-type']);
  if (objectTypes) q.objectTypes = objectTypes;
  const predicates = await checkPredicates(ctx, v.predicate);
  if (predicates) q.predicates = predicates;
  if (v.source !== undefined) {
    const s = await ctx.explorer.source(v.source);
    if (!s)
      throw new CliError(
        `unknown source '${v.source}'; list them with 'actorgraph show' or the dataset's "sources"`,
        EXIT_NOTHING,
      );
    q.source = s.id;
  }
  if (v.text !== undefined) q.text = v.text;
  if (v.sort !== undefined) {
    if (!(SORTS as readonly string[]).includes(v.sort))
      throw new CliError(`--sort must be one of ${SORTS.join(', ')}, got '${v.sort}'`);
    q.sort = v.sort as RelationSort;
  }
  if (v.desc) q.descending = true;
  q.limit = int(v, 'limit', 100, 0, 10_000);
  q.offset = int(v, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  const result = await ctx.explorer.relations(q);
  const sources = await sourcesOf(ctx, result.triples);
  if (v.json) {
    ctx.io.out(
      JSON.stringify(
        { triples: result.triples.map(withTrust), total: result.total, sources: sourcesJson(sources) },
        null,
        2,
      ),
    );
  } else {
    const labelOf = await ctx.labels(
      result.triples.flatMap((t) => [t.subject, t.object, ...(t.attributedTo ? [t.attributedTo] : [])]),
    );
    const { lookup } = await ctx.schema();
    const first = result.triples.length ? q.offset + 1 : 0;
    ctx.io.out(
      `${result.total} relation${result.total === 1 ? '' : 's'}${result.total > result.triples.length ? `; showing ${first}–${q.offset + result.triples.length} (--limit, --offset)` : ''}`,
    );
    for (const t of result.triples) {
      ctx.io.out(`  ${describeClaim(t, labelOf, lookup, sources.get(t.source))}`);
      ctx.io.out(`      ${quoteLine(t, sources.get(t.source))}`);
    }
  }
  return result.total ? EXIT_FOUND : EXIT_NOTHING;
}
