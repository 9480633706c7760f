// The whole-graph columns (core/columns.ts) and what of them a postMessage transfers.
import type { GraphColumns } from '../../core/columns.ts';

export { graphColumns, type GraphColumns } from '../../core/columns.ts';

export const columnsTransfer = (c: GraphColumns): Transferable[] =>
  [
    c.subject.buffer,
    c.object.buffer,
    c.predicate.buffer,
    c.status.buffer,
    c.dateLo.buffer,
    c.dateHi.buffer,
  ] as ArrayBuffer[];
