// Worker threads that run the oracle, with a time box per input: a worker
// that does not answer in time is ended (an input that hangs is a failure,
// not a hung run) and replaced.
import { Worker } from 'node:worker_threads';
import type { SchemaName } from './corpus.ts';
import type { Verdict } from './oracle.ts';

export const TIME_BOX = 'time box exceeded';

export interface Job {
  id: number;
  target: string;
  bytes: Uint8Array;
  schema: SchemaName;
  seed: number;
  mustRefuse?: boolean;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
}

export class Pool {
  private readonly slots: Slot[] = [];
  private readonly waiting: (() => void)[] = [];
  private next = 0;

  constructor(
    size: number,
    private readonly timeoutMs: number,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
    });
    const ready = new Promise<void>((res, rej) => {
      const onMsg = (m: { ready?: boolean }) => {
        if (m.ready) {
          worker.off('message', onMsg);
          res();
        }
      };
      worker.on('message', onMsg);
      worker.once('error', rej);
    });
    return { worker, ready, busy: false };
  }

  private async slot(): Promise<Slot> {
    for (;;) {
      const free = this.slots.find((s) => !s.busy);
      if (free) {
        free.busy = true;
        await free.ready;
        return free;
      }
      await new Promise<void>((res) => this.waiting.push(res));
    }
  }

  private release(s: Slot): void {
    s.busy = false;
    this.waiting.shift()?.();
  }

  /** The verdict on one input; a time box exceeded (`timeoutMs`, else the pool's) or a dead worker is a failure. */
  async run(job: Omit<Job, 'id'>, timeoutMs = this.timeoutMs): Promise<Verdict> {
    const s = await this.slot();
    const id = this.next++;
    const t0 = performance.now();
    const worker = s.worker;
    const verdict = await new Promise<Verdict>((resolve) => {
      const done = (v: Verdict) => {
        clearTimeout(timer);
        worker.off('message', onMsg);
        worker.off('error', onErr);
        worker.off('exit', onExit);
        resolve(v);
      };
      const replace = (why: string) => {
        done({ failures: [why], valid: false, ms: performance.now() - t0 });
        void worker.terminate();
        const fresh = this.spawn();
        s.worker = fresh.worker;
        s.ready = fresh.ready;
      };
      const onMsg = (m: Verdict & { id?: number }) => {
        if (m.id === id) done({ failures: m.failures, valid: m.valid, ms: m.ms });
      };
      const onErr = (e: Error) => replace(`worker died: ${e.message}`);
      const onExit = (code: number) => replace(`worker exited (${code})`);
      const timer = setTimeout(() => replace(`${TIME_BOX}: no answer in ${timeoutMs} ms`), timeoutMs);
      worker.on('message', onMsg);
      worker.once('error', onErr);
      worker.once('exit', onExit);
      worker.postMessage({ ...job, id });
    });
    this.release(s);
    return verdict;
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
