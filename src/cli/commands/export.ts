// export and convert: a dataset (or a view of it) through any writer.
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import type { Dataset } from '../../core/model.ts';
import { fileNames, WRITERS, writerById, writerByName } from '../../core/writers/registry.ts';
import { pieces, type DatasetWriter } from '../../core/writers/writer.ts';
import type { OpenExplorer } from '../../node/open-explorer.ts';
import {
  CliError,
  EXIT_FOUND,
  EXIT_NOTHING,
  int,
  open,
  resolve,
  type Context,
  type Io,
  type Values,
} from '../context.ts';

/** Most entities an `export --depth` takes. */
const EXPORT_MAX_ENTITIES = 10_000_000;

export async function exportCmd(ctx: Context, args: string[]): Promise<number> {
  if (args.length) throw new CliError(`export takes no positional arguments; name entities with --entity`);
  const writer = chooseWriter(ctx.values.format, ctx.values.out);
  let ids: string[] | undefined;
  if (ctx.values.entity?.length) {
    const from = [];
    for (const e of ctx.values.entity) from.push((await resolve(ctx, e)).id);
    const depth = ctx.values.depth === undefined ? 0 : int(ctx.values, 'depth', 0, 0, 10);
    if (depth > 0) {
      // An export is never cut: ask for all of the neighbourhood, and refuse if even that is cut.
      const n = await ctx.explorer.neighbourhood({ from, depth, limit: EXPORT_MAX_ENTITIES });
      if (n.truncated)
        throw new CliError(
          `the neighbourhood holds more than ${EXPORT_MAX_ENTITIES} entities; export a smaller --depth`,
        );
      ids = n.entities.map((e) => e.id);
    } else ids = from;
  } else if (ctx.values.depth !== undefined) throw new CliError('--depth needs at least one --entity');
  const title = (await ctx.explorer.stats()).title;
  const dataset = await ctx.explorer.exportDataset({
    ...(ids ? { entities: ids } : { all: true }),
    includeTriples: true,
    includeNeighbours: ctx.values.neighbours,
    title: ctx.values.entity?.length ? `Export from ${title ?? 'actorgraph'}` : title,
  });
  writeOut(writer, dataset, ctx.values.out, ctx.io);
  return dataset.entities.length ? EXIT_FOUND : EXIT_NOTHING;
}

/** `--format` by id, else the writer `out`'s ending names, else the dataset JSON. */
function chooseWriter(format: string | undefined, out: string | undefined): DatasetWriter {
  if (format !== undefined) {
    const w = writerById(format);
    if (!w) throw new CliError(`unknown --format '${format}'. Formats: ${WRITERS.map((x) => x.id).join(', ')}`);
    return w;
  }
  return (out === undefined ? undefined : writerByName(out)) ?? writerById('dataset')!;
}

/** Writes the files of `writer` (to stdout when there is no --out and the format is one file). */
function writeOut(writer: DatasetWriter, dataset: Dataset, out: string | undefined, io: Io): void {
  const name = out?.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'actorgraph';
  const files = writer.write(dataset, { name });
  if (out === undefined) {
    if (files.length > 1)
      throw new CliError(`--format ${writer.id} writes ${files.length} files; name the first with --out FILE`);
    const f = files[0]!;
    if (f.chunks) for (const piece of pieces(f.chunks())) io.out(piece.replace(/\n$/, ''));
    else io.out(f.text.replace(/\n$/, ''));
    return;
  }
  const paths = fileNames(out, files);
  files.forEach((f, i) => {
    try {
      if (!f.chunks) writeFileSync(paths[i]!, f.text);
      else {
        const fd = openSync(paths[i]!, 'w');
        try {
          for (const piece of pieces(f.chunks())) writeSync(fd, piece);
        } finally {
          closeSync(fd);
        }
      }
    } catch (e) {
      throw new CliError(`cannot write ${paths[i]}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  });
  io.err(`wrote ${dataset.entities.length} entities and ${dataset.triples.length} triples to ${paths.join(', ')}`);
}

export async function convert(args: string[], values: Values, io: Io, factory: OpenExplorer): Promise<number> {
  if (args.length !== 2) throw new CliError('convert takes two arguments: <in> <out>');
  const [input, out] = args as [string, string];
  const writer = chooseWriter(values.format, out);
  const explorer = await open(input, factory);
  const dataset = await explorer.exportDataset({
    all: true,
    includeTriples: true,
    title: (await explorer.stats()).title,
  });
  writeOut(writer, dataset, out, io);
  return dataset.entities.length ? EXIT_FOUND : EXIT_NOTHING;
}
