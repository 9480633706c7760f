// A file's first bytes, to choose its reader, without reading it twice: the
// chunks taken to sniff are handed on again by the first read (a fetched
// file's response can be read only once).
import type { ByteInput } from './utf8.ts';

/** At least `n` bytes of the start of `bytes` (fewer if the file is shorter), and the same input to read from the start. */
export async function peekHead(bytes: ByteInput, n: number): Promise<{ head: Uint8Array; input: ByteInput }> {
  const it = bytes.open()[Symbol.asyncIterator]();
  const taken: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  while (size < n) {
    const r = await it.next();
    if (r.done) {
      ended = true;
      break;
    }
    taken.push(r.value);
    size += r.value.length;
  }
  const head = new Uint8Array(Math.min(size, n));
  let at = 0;
  for (const c of taken) {
    if (at >= head.length) break;
    const part = c.subarray(0, head.length - at);
    head.set(part, at);
    at += part.length;
  }
  let first = true;
  const input: ByteInput = {
    open() {
      if (!first) return bytes.open();
      first = false;
      return (async function* () {
        try {
          yield* taken;
          if (ended) return;
          for (;;) {
            const r = await it.next();
            if (r.done) return;
            yield r.value;
          }
        } finally {
          // Stopped early: let the rest of the stream go.
          await it.return?.();
        }
      })();
    },
  };
  return { head, input };
}
