// annotate FILE: the mentions of known entities in a document (.txt, .md,
// .html), with JavaScript string offsets into its text, and candidates for
// new entities.
import { readFileSync } from 'node:fs';
import { MentionFinder } from '../../core/annotate/mentions.ts';
import { documentText } from '../../core/annotate/document.ts';
import { CliError, EXIT_FOUND, EXIT_NOTHING, need, type Context } from '../context.ts';

function readDocument(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${code ?? (e as Error).message}`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${file} is not UTF-8 text`);
  }
}

export async function annotate(ctx: Context, args: string[]): Promise<number> {
  need(args, 1, 'a document file (.txt, .md or .html)');
  if (args.length > 1) throw new CliError('annotate takes one file');
  const file = args[0]!;
  const text = documentText(file, readDocument(file));
  const [stats, { schema }] = await Promise.all([ctx.explorer.stats(), ctx.schema()]);
  const finder = new MentionFinder(await ctx.explorer.topEntities(stats.entities));
  const mentions = finder.find(text);
  // The NLP library is a third of the CLI's code: loaded by this command only, not at every start.
  const { findCandidates } = await import('../../core/annotate/candidates.ts');
  const candidates = findCandidates(text, { mentions, schema });
  if (ctx.values.json) {
    ctx.io.out(
      JSON.stringify(
        {
          file,
          length: text.length,
          mentions: mentions.map((m) => ({
            entity: m.entity,
            label: m.label,
            mention: m.mention,
            start: m.start,
            end: m.end,
            ...(m.alias !== undefined ? { alias: m.alias } : {}),
            ...(m.candidates
              ? {
                  ambiguous: true,
                  candidates: m.candidates.map((c) => ({ entity: c.entity, label: c.label, type: c.type })),
                }
              : {}),
          })),
          candidates: candidates.map((c) => ({
            text: c.text,
            type: c.type,
            kind: c.kind,
            start: c.start,
            end: c.end,
            count: c.count,
          })),
        },
        null,
        2,
      ),
    );
    return mentions.length || candidates.length ? EXIT_FOUND : EXIT_NOTHING;
  }
  const entities = new Set(mentions.map((m) => m.entity));
  ctx.io.out(
    `${file}: ${mentions.length} mention(s) of ${entities.size} known entit${entities.size === 1 ? 'y' : 'ies'}, ${candidates.length} candidate(s) for new entities`,
  );
  for (const m of mentions) {
    const also = m.candidates ? `  (ambiguous: ${m.candidates.map((c) => c.entity).join(', ')})` : '';
    ctx.io.out(`  ${`${m.start}-${m.end}`.padEnd(13)} ${JSON.stringify(m.mention)} → ${m.label} (${m.entity})${also}`);
  }
  if (candidates.length) {
    ctx.io.out('\n  candidates:');
    for (const c of candidates)
      ctx.io.out(
        `  ${`${c.start}-${c.end}`.padEnd(13)} ${JSON.stringify(c.text)}  [${c.type}]${c.count > 1 ? ` ×${c.count}` : ''}`,
      );
  }
  return mentions.length || candidates.length ? EXIT_FOUND : EXIT_NOTHING;
}
