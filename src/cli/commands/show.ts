import type { Entity } from '../../core/model.ts';
import { quoteLine, trustText, withTrust } from '../../core/format.ts';
import { brief, CliError, EXIT_FOUND, EXIT_NOTHING, int, need, resolve, type Context } from '../context.ts';
import { sourcesJson, sourcesOf } from './sources.ts';

export async function show(ctx: Context, args: string[]): Promise<number> {
  need(args, 1, 'an entity');
  const entity = await resolve(ctx, args.join(' '));
  const details = await ctx.explorer.details(entity.id, {
    limit: ctx.values.limit === undefined ? undefined : int(ctx.values, 'limit', 0, 1),
  });
  if (!details) throw new CliError(`entity '${entity.id}' is gone from the data`, EXIT_NOTHING);
  const { schema: plain, lookup } = await ctx.schema();
  const relations = [
    ...details.outgoing.map((t) => ({
      direction: 'out' as const,
      t,
      other: t.object,
      label: lookup.predicates.get(t.predicate)?.label ?? t.predicate,
    })),
    ...details.incoming.map((t) => ({
      direction: 'in' as const,
      t,
      other: t.subject,
      label: lookup.predicates.get(t.predicate)?.inverseLabel ?? t.predicate,
    })),
  ];
  const otherIds = relations.flatMap((r) => (r.t.attributedTo ? [r.other, r.t.attributedTo] : [r.other]));
  const others = new Map<string, Entity>();
  const fetched = await ctx.explorer.entities([...new Set(otherIds)]);
  for (const e of fetched) if (e) others.set(e.id, e);
  const other = (id: string): Entity => others.get(id) ?? { id, label: id, type: '' };
  const sourceById = await sourcesOf(
    ctx,
    relations.map((r) => r.t),
  );
  const cut = details.truncated
    ? `showing ${details.outgoing.length} of ${details.totalOutgoing} outgoing and ${details.incoming.length} of ${details.totalIncoming} incoming relations`
    : undefined;
  if (ctx.values.json) {
    ctx.io.out(
      JSON.stringify(
        {
          ...entity,
          aliases: entity.aliases ?? [],
          relations: relations.map((r) => ({
            direction: r.direction,
            predicate: r.t.predicate,
            label: r.label,
            entity: brief(other(r.other)),
            triple: withTrust(r.t),
          })),
          sources: sourcesJson(sourceById),
          ...(details.truncated
            ? { truncated: true, totalOutgoing: details.totalOutgoing, totalIncoming: details.totalIncoming }
            : {}),
        },
        null,
        2,
      ),
    );
    return EXIT_FOUND;
  }
  const typeLabel = plain.entityTypes.find((t) => t.id === entity.type)?.label ?? entity.type;
  ctx.io.out(`${entity.label}  [${typeLabel}]  ${entity.id}`);
  if (entity.aliases?.length) ctx.io.out(`  also: ${entity.aliases.join(', ')}`);
  if (entity.date) ctx.io.out(`  date: ${entity.date}`);
  if (entity.description) ctx.io.out(`  ${entity.description}`);
  for (const [k, v] of Object.entries(entity.attributes ?? {})) ctx.io.out(`  ${k}: ${String(v)}`);
  const groups = new Map<string, typeof relations>();
  for (const r of relations) {
    const key = `${r.label}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const labelOf = (id: string) => others.get(id)?.label ?? id;
  for (const [label, rs] of groups) {
    ctx.io.out(`\n  ${label}:`);
    for (const r of rs) {
      const o = other(r.other);
      const extra = trustText(r.t, labelOf, sourceById.get(r.t.source));
      ctx.io.out(`    ${o.label} (${o.id})${extra ? `  [${extra}]` : ''}`);
      ctx.io.out(`      ${quoteLine(r.t, sourceById.get(r.t.source))}`);
    }
  }
  if (cut) ctx.io.out(`\n  ${cut}`);
  return EXIT_FOUND;
}
