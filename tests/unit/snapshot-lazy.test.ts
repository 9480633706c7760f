// A decoded snapshot makes its strings, evidence and entities only when they
// are asked (so a reopen costs a checksum and views), and answers as the
// store it was made from; its checksum and id table hold on odd inputs.
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { checksums, HEADER_BYTES } from '../../src/core/snapshot/binary.ts';
import { DictColumn, idSlots, LazyStrings, SnapshotEntities } from '../../src/core/snapshot/lazy.ts';
import { decodeSnapshot, encodeSnapshot } from '../../src/core/snapshot/snapshot.ts';
import type { Dataset } from '../../src/core/model.ts';
import { TripleStore } from '../../src/core/store.ts';
import { schema, story } from './core-fixtures.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

/** The Fletcher sums as ADR 0013 defines them: one word at a time. */
function plainChecksums(buf: ArrayBuffer): [number, number] {
  const words = new Uint32Array(buf, 0, buf.byteLength >> 2);
  let a = 1,
    b = 0;
  const add = (w: number) => {
    a = (a + w) | 0;
    b = (b + a) | 0;
  };
  add(words[4]!);
  add(words[5]!);
  for (let i = HEADER_BYTES >> 2; i < words.length; i++) add(words[i]!);
  return [a >>> 0, b >>> 0];
}

describe('lazy snapshot reading', () => {
  it('decodes no source text, and parses no entity, before one is asked', () => {
    // The story with long texts that quote its evidence, inline as datasets carry them.
    const ds: Dataset = structuredClone(story);
    const quotes = ds.triples.map((t) => t.evidence).join(' … ');
    ds.sources = ds.sources.map((s, k) => ({ ...s, text: `${'Ā long report. '.repeat(2000 + k)}${quotes}` }));
    const store = TripleStore.build(ds, schema);
    const bytes = encodeSnapshot(store);
    const textBytes = store.sources.reduce(
      (n, s) => n + new TextEncoder().encode(store.sourceText(s.id) ?? '').length,
      0,
    );
    expect(textBytes).toBeGreaterThan(10_000);
    let decoded = 0;
    const decode = TextDecoder.prototype.decode;
    vi.spyOn(TextDecoder.prototype, 'decode').mockImplementation(function (this: TextDecoder, input, options) {
      decoded += input ? (input as Uint8Array).byteLength : 0;
      return decode.call(this, input, options);
    });
    const parse = vi.spyOn(JSON, 'parse');
    const back = decodeSnapshot(bytes);
    // The header (small things, the sources without texts) only.
    expect(decoded).toBeLessThan(textBytes / 4);
    expect(parse).toHaveBeenCalledTimes(1);
    // A quote is read from its own bytes, its text left undecoded.
    expect(back.tripleAt(0).evidence).toBe(store.tripleAt(0).evidence);
    expect(decoded).toBeLessThan(textBytes / 4);

    // Asked, they are the store's: one entity parsed for one entity asked.
    const i = store.entityCount - 1;
    expect(back.entityAt(i)).toEqual(store.entityAt(i));
    expect(parse).toHaveBeenCalledTimes(2);
    const id = store.entityAt(3).id;
    expect(back.indexOf(id)).toBe(3);
    expect(back.entity(id)).toBe(back.entityAt(3));
    expect(back.indexOf('no such entity')).toBe(-1);
    expect(back.entity('no such entity')).toBeUndefined();
    const s = back.sources.find((x) => x.text !== undefined)!;
    expect(Object.getOwnPropertyDescriptor(s, 'text')).toMatchObject({ value: store.sourceText(s.id) });
    for (let t = 0; t < store.tripleCount; t++) expect(back.tripleAt(t)).toEqual(store.tripleAt(t));
    // All at once keeps the objects already handed out.
    const kept = back.entityAt(i);
    const all = back.toDataset().entities;
    expect(all).toEqual(store.toDataset().entities);
    expect(all[i]).toBe(kept);
    expect(back.entityAt(0)).toBe(all[0]);
  });

  it('finds every id through the id table, and gives up on a table that is wrong', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 60 }), fc.string(), (ids, other) => {
        const json = new TextEncoder().encode(`[${ids.map((id) => JSON.stringify({ id })).join(',')}]`);
        const starts = new Uint32Array(ids.length + 1);
        starts[0] = 1;
        ids.forEach((id, k) => {
          starts[k + 1] = starts[k]! + new TextEncoder().encode(JSON.stringify({ id })).length + 1;
        });
        const table = new LazyStrings(
          new TextEncoder().encode(ids.join('')),
          Uint32Array.from([0, ...ids.map((_, k) => ids.slice(0, k + 1).join('').length)]),
        );
        const e = new SnapshotEntities(json, starts, table, idSlots(ids));
        ids.forEach((id, k) => {
          expect(e.indexOf(id)).toBe(k);
          expect(e.at(k)).toEqual({ id });
        });
        if (!ids.includes(other)) expect(e.indexOf(other)).toBe(-1);
        // Every slot taken and pointing elsewhere: the search ends.
        const full = new SnapshotEntities(json, starts, table, new Uint32Array(8).fill(ids.length + 1));
        expect(full.indexOf(other)).toBe(-1);
      }),
    );
  });

  it('reads an index out of its table as absent', () => {
    const c = new DictColumn(Uint8Array.from([0, 1, 7, 255]), ['a', 'b']);
    expect([0, 1, 2, 3].map((t) => c.at(t))).toEqual(['a', 'b', undefined, undefined]);
    expect([0, 1, 2, 3].map((t) => c.has(t))).toEqual([true, true, false, false]);
  });

  it('sums four words at a time exactly as one at a time', () => {
    fc.assert(
      fc.property(fc.uint32Array({ minLength: 8, maxLength: 200 }), (words) => {
        const buf = words.slice().buffer;
        expect(checksums(buf)).toEqual(plainChecksums(buf));
      }),
    );
    const big = new Uint32Array((1 << 16) + 13).map((_, i) => Math.imul(i, 2654435761));
    expect(checksums(big.buffer)).toEqual(plainChecksums(big.buffer));
  });
});
