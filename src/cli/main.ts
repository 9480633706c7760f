// actorgraph command-line tool: a thin shell over an Explorer. It gets the
// Explorer from the factory (or a caller's, in tests) and uses nothing else of
// the core but types and pure formatting helpers. One file per command in commands/.
import { parseArgs } from 'node:util';
import { ExplorerError } from '../core/errors.ts';
import { checkFile, openExplorer, type EndpointSpec } from '../node/open-explorer.ts';
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
import { pushCmd } from './commands/push.ts';
import { int, type Values } from './context.ts';

export { CliError, EXIT_FOUND, EXIT_NOTHING, EXIT_USAGE, type CliDeps, type Io } from './context.ts';
// For bin/build-cli.mjs: the default data's snapshot is made once the bundle is.
export { writeDefaultSnapshot } from '../node/default-snapshot.ts';

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
  const factory = deps.openExplorer ?? openExplorer;
  const endpoint = endpointOf(values, io, deps.env ?? process.env, deps.fetch);
  if (command === 'push') return pushCmd(args, values, io, factory, endpoint);
  if (endpoint && values.data !== undefined) throw new CliError('give --data FILE or --endpoint URL, not both');

  const explorer = endpoint ? await factory(endpoint) : await open(values.data, factory);
  const ctx = context(explorer, values, io);
  try {
    return await dispatch(command, ctx, args);
  } finally {
    const n = (explorer as { requests?: number }).requests;
    if (values.verbose && n !== undefined) io.err(`${n} request(s) to the SPARQL endpoint`);
  }
}

/** The store named by --endpoint or ACTORGRAPH_ENDPOINT, with its options; undefined for a file. */
function endpointOf(
  values: Values,
  io: Io,
  env: Record<string, string | undefined>,
  fetchFn?: typeof fetch,
): EndpointSpec | undefined {
  const url = values.endpoint ?? env.ACTORGRAPH_ENDPOINT;
  if (!url) {
    for (const flag of ['update-endpoint', 'graph', 'auth', 'timeout'] as const)
      if (values[flag] !== undefined) throw new CliError(`--${flag} needs --endpoint URL`);
    return undefined;
  }
  const auth = values.auth ?? env.ACTORGRAPH_AUTH;
  return {
    endpoint: url,
    ...(values['update-endpoint'] !== undefined ? { update: values['update-endpoint'] } : {}),
    ...(values.graph !== undefined ? { graph: values.graph } : {}),
    ...(auth ? { auth } : {}),
    ...(values.timeout !== undefined ? { timeoutMs: int(values, 'timeout', 30, 1, 3600) * 1000 } : {}),
    ...(values.verbose ? { log: (line: string) => io.err(line) } : {}),
    ...(fetchFn ? { fetch: fetchFn } : {}),
  };
}

async function dispatch(command: string, ctx: ReturnType<typeof context>, args: string[]): Promise<number> {
  switch (command) {
    case 'search':
      return search(ctx, args);
    case 'show':
      return show(ctx, args);
    case 'neighbours':
    case 'neighbors':
      return neighbours(ctx, args);
    case 'path':
      return path(ctx, args);
    case 'triples':
    case 'relations':
      return triples(ctx, args);
    case 'export':
      return exportCmd(ctx, args);
    case 'stats':
      return stats(ctx, args);
    // Loaded on demand: its language model costs every other command's start.
    case 'annotate':
      return (await import('./commands/annotate.ts')).annotate(ctx, args);
    default:
      throw new CliError(
        `unknown command '${command}'. Commands: search, show, neighbours, path, triples, export, convert, validate, stats, annotate, push.`,
      );
  }
}
