// Communities and centralities off the page: a big graph's Louvain or
// betweenness takes seconds, and the graph stays usable meanwhile.
import { computeMetric } from './metrics.ts';
import type { FromMetrics, ToMetrics } from './metric-shape.ts';

self.onmessage = (e: MessageEvent<ToMetrics>) => {
  const m = e.data;
  let out: FromMetrics;
  try {
    out = computeMetric(m.kind, { order: m.order, src: new Uint32Array(m.src), dst: new Uint32Array(m.dst) });
  } catch (err) {
    out = { error: String(err) };
  }
  const transfer = 'values' in out ? [out.values.buffer as ArrayBuffer] : [];
  (self as unknown as Worker).postMessage(out, transfer);
};
