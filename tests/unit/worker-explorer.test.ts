// The page side of the loader worker without a browser: a fake worker and a
// fake Comlink remote. Signals stop the wait, a dead worker or closed data is a
// typed error, and calls carry no signal across (a signal cannot be cloned).
import { describe, expect, it } from 'vitest';
import { WorkerExplorer } from '../../src/ui/data/worker-explorer.ts';
import type { Comlink } from '../../src/ui/data/rpc.ts';
import type { WorkerApi } from '../../src/ui/data/rpc.ts';

function setup(answer: (method: string, args: unknown[]) => Promise<unknown> = () => new Promise(() => {})) {
  const worker = Object.assign(new EventTarget(), {
    terminated: false,
    terminate() {
      this.terminated = true;
    },
  });
  const sent: { method: string; args: unknown[] }[] = [];
  const remote = {
    call: (method: string, args: unknown[]) => {
      sent.push({ method, args });
      return answer(method, args);
    },
  };
  const ex = new WorkerExplorer(worker as unknown as Worker, remote as unknown as Comlink.Remote<WorkerApi>);
  return { worker, ex, sent };
}

describe('WorkerExplorer', () => {
  it('an abort stops the wait with code aborted, and the signal never crosses to the worker', async () => {
    const { ex, sent } = setup();
    const ctl = new AbortController();
    const pending = ex.search('iran', { limit: 3, signal: ctl.signal });
    ctl.abort();
    await expect(pending).rejects.toMatchObject({ name: 'ExplorerError', code: 'aborted' });
    expect(sent).toEqual([{ method: 'search', args: ['iran', { limit: 3 }] }]);
    await expect(ex.stats({ signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'aborted' });
  });

  it('a progress callback stays on the page (a function cannot be cloned)', async () => {
    const { ex, sent } = setup(async () => []);
    await ex.search('iran', { limit: 3, onProgress: () => {} });
    await ex.details('x', { limit: 5, onProgress: () => {} });
    expect(sent).toEqual([
      { method: 'search', args: ['iran', { limit: 3 }] },
      { method: 'details', args: ['x', { limit: 5 }] },
    ]);
  });

  it('answers pass through; a dead worker and closed data are typed errors', async () => {
    const { ex, worker } = setup(async (m) => (m === 'stats' ? { entities: 1 } : new Promise(() => {})));
    expect(await ex.stats()).toEqual({ entities: 1 });
    const waiting = ex.topEntities(3);
    worker.dispatchEvent(Object.assign(new Event('error'), { message: 'out of memory' }));
    await expect(waiting).rejects.toMatchObject({
      code: 'worker-failed',
      message: expect.stringMatching(/out of memory/),
    });
    ex.terminate();
    expect(worker.terminated).toBe(true);
    await expect(ex.stats()).rejects.toMatchObject({ code: 'closed' });
  });
});
