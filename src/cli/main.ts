// actorgraph command-line tool: a thin shell over an Explorer. It gets the
// Explorer from the factory (or a caller's, in tests) and uses nothing else of
// the core but types and pure formatting helpers. One file per command in commands/.
import { parseArgs } from 'node:util';
import { ExplorerError } from '../core/errors.ts';
import { checkFile, openExplorer } from '../node/open-explorer.ts';
import { CliError, context, EXIT_FOUND, EXIT_NOTHING, EXIT_USAGE, open, type CliDeps, type Io } from './context.ts';
import { OPTIONS, USAGE } from './options.ts';
import { search } from './commands/search.ts';
import { show } from './commands/show.ts';
import { neighbours } from './commands/neighbours.ts';
import { path } from './commands/path.ts';
import { triples } from './commands/triples.ts';
import { convert, exportCmd } from './commands/export.ts';
import { stats } from './commands/stats.ts';
import { validate } from './commands/validate.ts';
import { annotate } from './commands/annotate.ts';

export { CliError, EXIT_FOUND, EXIT_NOTHING, EXIT_USAGE, type CliDeps, type Io } from './context.ts';

const STDIO: Io = {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
};

export async function main(argv: string[], io: Io = STDIO, deps: CliDeps = {}): Promise<number> {
  try {
    return await run(argv, io, deps);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`actorgraph: ${e.message}`);
      return e.code;
    }
    if (e instanceof ExplorerError && e.code !== 'internal') {
      io.err(`actorgraph: ${e.message}${e.hint ? `\n  hint: ${e.hint}` : ''}`);
      return e.code.startsWith('unknown-') ? EXIT_NOTHING : EXIT_USAGE;
    }
    // Anything else is a bug: say so plainly, keep the detail for a report.
    io.err(`actorgraph: internal error: ${(e as Error)?.message ?? String(e)}`);
    if (process.env.ACTORGRAPH_DEBUG) io.err(String((e as Error)?.stack));
    return EXIT_USAGE;
  }
}

async function run(argv: string[], io: Io, deps: CliDeps): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(`${(e as Error).message}\nRun 'actorgraph --help' for usage.`);
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.help || !command) {
    io.out(USAGE);
    return command || values.help ? EXIT_FOUND : EXIT_USAGE;
  }
  if (command === 'validate') return validate(args, values, io, deps.checkFile ?? checkFile);
  if (command === 'convert') return convert(args, values, io, deps.openExplorer ?? openExplorer);

  const ctx = context(await open(values.data, deps.openExplorer ?? openExplorer), values, io);
  switch (command) {
    case 'search': return search(ctx, args);
    case 'show': return show(ctx, args);
    case 'neighbours': case 'neighbors': return neighbours(ctx, args);
    case 'path': return path(ctx, args);
    case 'triples': case 'relations': return triples(ctx, args);
    case 'export': return exportCmd(ctx, args);
    case 'stats': return stats(ctx, args);
    case 'annotate': return annotate(ctx, args);
    default:
      throw new CliError(`unknown command '${command}'. Commands: search, show, neighbours, path, triples, export, convert, validate, stats, annotate.`);
  }
}
