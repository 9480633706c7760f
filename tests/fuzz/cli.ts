// npm run fuzz [-- --runs N --seed S --workers W --index I]: the fuzzer at
// length; figures on stdout, failing inputs (and minimised ones) saved under
// fuzz-out/ (git-ignored) with the seed and index that replay them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './corpus.ts';
import { LONG_BOX, runFuzz } from './run.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3000' },
    seed: { type: 'string' },
    workers: { type: 'string', default: '1' },
    index: { type: 'string' },
    timeout: { type: 'string', default: '30000' },
  },
});
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
const runs = Number(values.runs);
console.log(
  `fuzzing: ${runs} inputs, seed ${seed}, ${values.workers} worker(s), time box ${values.timeout} ms per input`,
);
const report = await runFuzz({
  runs,
  seed,
  workers: Number(values.workers),
  timeoutMs: Number(values.timeout),
  index: values.index !== undefined ? Number(values.index) : undefined,
  minimise: true,
  log: (l) => console.log(l),
});

console.log(
  `\n${report.inputs} inputs in ${(report.ms / 1000).toFixed(1)} s (${(report.ms / Math.max(1, report.inputs)).toFixed(1)} ms each), ${report.failures.length} failing`,
);
if (report.retried)
  console.log(
    `${report.retried} over the time box at first, within ${LONG_BOX * Number(values.timeout)} ms on a second try`,
  );
for (const [t, f] of Object.entries(report.perTarget))
  console.log(
    `  ${t.padEnd(18)} ${String(f.inputs).padStart(6)} inputs  ${String(f.valid).padStart(5)} valid  ${String(f.failures).padStart(4)} failing  (${f.seeds} seeds)`,
  );
if (report.slowest) {
  const s = report.slowest;
  console.log(
    `slowest: ${s.ms.toFixed(0)} ms, index ${s.index} (${s.target}, ${s.recipe.join('+') || 'seed'}, ${s.bytes.toLocaleString('en-US')} bytes)`,
  );
}
if (report.failures.length) {
  const dir = join(ROOT, 'fuzz-out');
  mkdirSync(dir, { recursive: true });
  for (const f of report.failures) {
    const base = join(dir, `${f.target}-seed${seed}-index${f.index}`);
    writeFileSync(`${base}.input`, f.bytes);
    if (f.minimal) writeFileSync(`${base}.min.input`, f.minimal);
    writeFileSync(
      `${base}.txt`,
      `${f.failures.join('\n')}\nseed ${f.seedName}, mutations ${f.recipe.join('+')}\nreplay: npm run fuzz -- --seed ${seed} --index ${f.index}\n`,
    );
  }
  console.log(`failing inputs saved in ${dir}; replay one with: npm run fuzz -- --seed ${seed} --index <index>`);
  process.exitCode = 1;
}
