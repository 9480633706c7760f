// The fuzz loop: inputs spread over every target (each reader in READERS,
// and schema files), each a mutation of a seed of that target's corpus, run
// through the pool; figures per target, failures minimised.
import { READERS } from '../../src/core/readers/registry.ts';
import { corpusFor, SCHEMA_TARGET, type Seed } from './corpus.ts';
import { BRIEF, FULL, inputSeed, mutate, rng, type Scale } from './mutate.ts';
import { type Job, Pool, TIME_BOX } from './pool.ts';

export interface FuzzOptions {
  runs: number;
  seed: number;
  workers?: number;
  /** The time box per input. */
  timeoutMs?: number;
  /** Smaller big mutations (deep nesting, huge strings), for `npm test`. */
  brief?: boolean;
  /** Only this input index (to replay one). */
  index?: number;
  /** Minimise failing inputs (costs more runs). */
  minimise?: boolean;
  log?: (line: string) => void;
}

export interface FuzzInput {
  index: number;
  target: string;
  seedName: string;
  recipe: string[];
  bytes: Uint8Array;
  schema: Seed['schema'];
  inputSeed: number;
  mustRefuse?: boolean;
}
export interface FuzzFailure extends FuzzInput {
  failures: string[];
  minimal?: Uint8Array;
}
export interface FuzzReport {
  inputs: number;
  /** Inputs over the time box at first that answered within the longer one (a loaded machine, not a hang). */
  retried: number;
  ms: number;
  perTarget: Record<string, { inputs: number; valid: number; failures: number; seeds: number }>;
  failures: FuzzFailure[];
  slowest: { ms: number; index: number; target: string; recipe: string[]; bytes: number } | undefined;
}

/** How many times the time box a timed-out input gets on its second try. */
export const LONG_BOX = 4;
const timedOut = (failures: string[]) => failures.some((f) => f.startsWith(TIME_BOX));

export function targets(): string[] {
  return [...READERS.map((r) => r.id), SCHEMA_TARGET];
}

/** Input `index` of a run with `seed`: a pure function of the two. */
export function makeInput(seed: number, index: number, scale: Scale): FuzzInput {
  const ts = targets();
  const target = ts[index % ts.length]!;
  const reader = READERS.find((r) => r.id === target);
  const corpus = corpusFor(reader ?? SCHEMA_TARGET);
  const s = inputSeed(seed, index);
  const r = rng(s);
  const round = Math.floor(index / ts.length);
  // The first round of each target: its seeds as they are.
  const base = corpus[round < corpus.length ? round : Math.floor(r() * corpus.length)]!;
  if (round < corpus.length)
    return {
      index,
      target,
      seedName: base.name,
      recipe: [],
      bytes: base.bytes,
      schema: base.schema,
      inputSeed: s,
      mustRefuse: base.name.startsWith('bomb:xml-'),
    };
  const other = corpus[Math.floor(r() * corpus.length)]!;
  const { bytes, recipe } = mutate(r, base, other.text ?? '', scale);
  return { index, target, seedName: base.name, recipe, bytes, schema: base.schema, inputSeed: s };
}

/** Removes parts of a failing input while it still fails with the same kind of failure. */
async function minimise(pool: Pool, f: FuzzFailure, budget = 300): Promise<Uint8Array> {
  const kind = (msgs: string[]) => msgs[0]?.split(':')[0] ?? '';
  const want = kind(f.failures);
  let cur = f.bytes;
  for (let chunk = cur.length >> 1; chunk >= 1 && budget > 0; chunk >>= 1) {
    for (let at = 0; at < cur.length && budget > 0; budget--) {
      const next = new Uint8Array(cur.length - Math.min(chunk, cur.length - at));
      next.set(cur.subarray(0, at));
      next.set(cur.subarray(at + chunk), at);
      const v = await pool.run({
        target: f.target,
        bytes: next,
        schema: f.schema,
        seed: f.inputSeed,
        mustRefuse: f.mustRefuse,
      });
      if (v.failures.length && kind(v.failures) === want) cur = next;
      else at += chunk;
    }
  }
  return cur;
}

export async function runFuzz(o: FuzzOptions): Promise<FuzzReport> {
  const log = o.log ?? (() => {});
  const scale = o.brief ? BRIEF : FULL;
  const timeoutMs = o.timeoutMs ?? 30_000;
  const pool = new Pool(o.workers ?? 1, timeoutMs);
  const t0 = performance.now();
  const report: FuzzReport = { inputs: 0, retried: 0, ms: 0, perTarget: {}, failures: [], slowest: undefined };
  for (const t of targets())
    report.perTarget[t] = {
      inputs: 0,
      valid: 0,
      failures: 0,
      seeds: corpusFor(READERS.find((r) => r.id === t) ?? SCHEMA_TARGET).length,
    };
  const indices = o.index !== undefined ? [o.index] : Array.from({ length: o.runs }, (_, i) => i);
  let done = 0;
  try {
    // As many inputs in flight as workers; each made just before it runs (memory stays flat).
    let nextI = 0;
    const lane = async () => {
      while (nextI < indices.length) {
        const input = makeInput(o.seed, indices[nextI++]!, scale);
        const job: Omit<Job, 'id'> = {
          target: input.target,
          bytes: input.bytes,
          schema: input.schema,
          seed: input.inputSeed,
          mustRefuse: input.mustRefuse,
        };
        let v = await pool.run(job);
        // Wall time stretches on a loaded machine: a hang is an input that stays over a time box four times as long.
        if (timedOut(v.failures)) {
          v = await pool.run(job, LONG_BOX * timeoutMs);
          if (!timedOut(v.failures)) {
            report.retried++;
            log(
              `seed ${o.seed} index ${input.index} (${input.target}) answered in ${v.ms.toFixed(0)} ms on a second try`,
            );
          }
        }
        const t = report.perTarget[input.target]!;
        t.inputs++;
        if (v.valid) t.valid++;
        report.inputs++;
        if (!report.slowest || v.ms > report.slowest.ms)
          report.slowest = {
            ms: v.ms,
            index: input.index,
            target: input.target,
            recipe: input.recipe,
            bytes: input.bytes.length,
          };
        if (v.failures.length) {
          t.failures++;
          report.failures.push({ ...input, failures: v.failures });
          log(
            `FAIL seed ${o.seed} index ${input.index} (${input.target}, ${input.seedName}, ${input.recipe.join('+') || 'seed'}): ${v.failures[0]}`,
          );
        }
        if (++done % 500 === 0)
          log(`${done} inputs, ${report.failures.length} failing, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
    };
    await Promise.all(Array.from({ length: o.workers ?? 1 }, lane));
    // Each try of a hang costs a whole time box: few of them.
    if (o.minimise)
      for (const f of report.failures.slice(0, 10))
        f.minimal = await minimise(pool, f, timedOut(f.failures) ? 12 : 300);
  } finally {
    await pool.close();
  }
  report.ms = performance.now() - t0;
  return report;
}
