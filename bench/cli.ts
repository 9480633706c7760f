// cli: wall time of a CLI command on the default data, from spawning `node` to its exit, against bare
// Node's start (`node -e 1`), and against running the TypeScript sources through tsx (how the CLI ran
// before it was bundled at install).
import { spawnSync } from 'node:child_process';
import { ROOT_DIR } from './generate.ts';
import { median, p99, row, type Row } from './stats.ts';

const COMMANDS = {
  bare: ['-e', '1'],
  bundle: ['bin/actorgraph.mjs', 'stats'],
  tsx: [
    '--import',
    'tsx',
    '--input-type=module',
    '-e',
    "const { main } = await import('./src/cli/main.ts'); process.exitCode = await main(['stats']);",
  ],
};
type Kind = keyof typeof COMMANDS;

function time(kind: Kind): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, COMMANDS[kind], {
    cwd: ROOT_DIR,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const ms = performance.now() - t0;
  if (r.status !== 0)
    throw new Error(`node ${COMMANDS[kind].join(' ')} exited with ${r.status}: ${r.stderr.slice(-1000)}`);
  return ms;
}

export function benchCli(opts: { quick: boolean; log: (...a: unknown[]) => void }): {
  rows: Row[];
  details: Record<Kind, number[]>;
} {
  const runs = opts.quick ? 7 : 21;
  const kinds = Object.keys(COMMANDS) as Kind[];
  // One unmeasured round: builds the bundle if a source changed, warms the file cache.
  for (const k of kinds) time(k);
  const ms: Record<Kind, number[]> = { bare: [], bundle: [], tsx: [] };
  for (let i = 0; i < runs; i++) {
    opts.log(`cli run ${i + 1}/${runs}`);
    // Rotate the order so machine load falls on every command alike.
    for (let j = 0; j < kinds.length; j++) {
      const k = kinds[(i + j) % kinds.length]!;
      ms[k].push(time(k));
    }
  }
  const bare = { name: 'node -e 1', median: median(ms.bare) };
  const bundle = median(ms.bundle);
  return {
    rows: [
      row({
        measure: 'cli stats, default data (bundled)',
        unit: 'ms',
        median: bundle,
        p99: p99(ms.bundle),
        samples: runs,
        baseline: bare,
        target: '≤ 2× bare node',
        met: bundle <= 2 * bare.median,
        note: '`node bin/actorgraph.mjs stats`, spawn to exit, stdout discarded: the launcher checks the bundle is current, then imports build/cli/actorgraph.mjs',
      }),
      row({
        measure: 'cli stats, default data (sources via tsx)',
        unit: 'ms',
        median: median(ms.tsx),
        p99: p99(ms.tsx),
        samples: runs,
        baseline: bare,
        note: 'src/cli/main.ts run through `node --import tsx`, as bin/actorgraph.mjs did before the bundle',
      }),
    ],
    details: ms,
  };
}
