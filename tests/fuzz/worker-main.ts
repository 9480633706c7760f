// Runs the oracle on each input the pool sends; one at a time.
import { parentPort } from 'node:worker_threads';
import { check } from './oracle.ts';
import type { Job } from './pool.ts';

/** A target that never answers, to prove the time box (tests/unit/fuzz.test.ts). */
export const HANG = '__hang__';

parentPort!.on('message', (job: Job) => {
  if (job.target === HANG) for (;;);
  void check(job.target, job.bytes, job.schema, job.seed, job.mustRefuse).then((v) =>
    parentPort!.postMessage({ id: job.id, ...v }),
  );
});
parentPort!.postMessage({ ready: true });
