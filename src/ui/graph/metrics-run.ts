// Runs one metric of the drawn graph in a worker of its own (started like the
// layout's, allowed by `worker-src 'self' blob:`), cancellable.
import type { MultiDirectedGraph } from 'graphology';
import { shapeOf, type FromMetrics, type MetricKind, type ToMetrics } from './metric-shape.ts';

export interface MetricRun {
  /** Values by node id; undefined when cancelled. */
  result: Promise<{ values: Map<string, number>; sampled: boolean } | undefined>;
  cancel(): void;
}

export function runMetric(graph: MultiDirectedGraph, kind: MetricKind): MetricRun {
  const { keys, shape } = shapeOf(graph);
  const worker = new Worker(new URL('./metrics-worker.ts', import.meta.url), {
    type: 'module',
    name: 'actorgraph-metrics',
  });
  let settle: (v: { values: Map<string, number>; sampled: boolean } | undefined) => void = () => {};
  let fail: (e: Error) => void = () => {};
  const result = new Promise<{ values: Map<string, number>; sampled: boolean } | undefined>((res, rej) => {
    settle = res;
    fail = rej;
  });
  worker.onmessage = (e: MessageEvent<FromMetrics>) => {
    worker.terminate();
    const m = e.data;
    if ('error' in m) {
      fail(new Error(m.error));
      return;
    }
    const values = new Map<string, number>();
    for (let i = 0; i < keys.length; i++) values.set(keys[i]!, m.values[i]!);
    settle({ values, sampled: m.sampled });
  };
  worker.onerror = (e) => {
    e.preventDefault();
    worker.terminate();
    fail(new Error(e.message || 'the metrics worker failed'));
  };
  const msg: ToMetrics = {
    kind,
    order: shape.order,
    src: shape.src.buffer as ArrayBuffer,
    dst: shape.dst.buffer as ArrayBuffer,
  };
  worker.postMessage(msg, [msg.src, msg.dst]);
  return {
    result,
    cancel: () => {
      worker.terminate();
      settle(undefined);
    },
  };
}
