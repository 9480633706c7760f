// The UI's formats come from the core registries (a reader or writer added
// there is offered without a UI change), the loader finds a file's reader by
// its first bytes without reading it twice, and cut answers are stated.
import { describe, expect, it } from 'vitest';
import { READERS } from '../../src/core/readers/registry.ts';
import { WRITERS } from '../../src/core/writers/registry.ts';
import { downloadEnding, exportChoices, exportWriter, openAccept } from '../../src/ui/data/formats.ts';
import { peekHead } from '../../src/ui/data/sniff.ts';
import { bytesInput, type ByteInput } from '../../src/ui/data/utf8.ts';
import { pickDataset } from '../../src/ui/data/load.ts';
import { truncationText } from '../../src/ui/components/EntityPanel.tsx';
import type { EntityDetails, Triple } from '../../src/core/model.ts';

async function all(input: ByteInput): Promise<number[]> {
  const out: number[] = [];
  for await (const c of input.open()) out.push(...c);
  return out;
}

describe('formats offered by the UI', () => {
  it('the file picker takes every extension a reader claims, and source texts', () => {
    const accept = openAccept().split(',');
    for (const r of READERS) for (const ext of r.extensions) expect(accept).toContain(ext);
    expect(accept).toContain('.txt');
  });

  it('Export offers every writer, saying what it keeps', () => {
    const choices = exportChoices();
    expect(choices.map((c) => c.id)).toEqual(WRITERS.map((w) => w.id));
    for (const c of choices) expect(c.keeps).toMatch(/entities/);
    expect(exportWriter('nonsense').id).toBe(WRITERS[0]!.id);
  });

  it('names downloads as before: an inner part of the ending joins the name', () => {
    expect(downloadEnding('.json')).toBe('.json');
    expect(downloadEnding('.graphology.json')).toBe('-graphology.json');
    expect(downloadEnding('.csv')).toBe('.csv');
  });

  it('a .txt is a source text, any other file the dataset', () => {
    const f = (name: string) => new File(['x'], name);
    const r = pickDataset([f('a.txt'), f('data.json'), f('my-schema.json')]);
    expect('dataset' in r && r.dataset.name).toBe('data.json');
    expect('problem' in pickDataset([f('a.txt')])).toBe(true);
  });

  it('a relations table opened with its entities table (as the CSV export writes them) is one dataset', () => {
    const f = (name: string) => new File(['x'], name);
    const r = pickDataset([f('graph.entities.csv'), f('graph.csv')]);
    expect('dataset' in r && [r.dataset.name, r.extras.map((x) => x.name)]).toEqual([
      'graph.csv',
      ['graph.entities.csv'],
    ]);
    expect('problem' in pickDataset([f('a.csv'), f('b.csv')])).toBe(true);
  });
});

describe('peekHead', () => {
  const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => i % 251);
  let opens = 0;
  // A stream that can be read once, as a fetched response.
  const once = (): ByteInput => ({
    open() {
      opens++;
      return bytesInput(bytes, 1000).open();
    },
  });

  it('gives the first bytes, then the whole input from the start, opening it once', async () => {
    opens = 0;
    const { head, input } = await peekHead(once(), 4096);
    expect([...head]).toEqual([...bytes.subarray(0, 4096)]);
    expect(await all(input)).toEqual([...bytes]);
    expect(opens).toBe(1);
    // A second read opens the input again.
    expect((await all(input)).length).toBe(bytes.length);
    expect(opens).toBe(2);
  });

  it('on a file shorter than the head', async () => {
    const { head, input } = await peekHead(bytesInput(bytes.subarray(0, 10)), 4096);
    expect(head.length).toBe(10);
    expect((await all(input)).length).toBe(10);
  });
});

describe('cut answers', () => {
  it('a hub whose relations were cut says how many it has', () => {
    const t = { subject: 'a', predicate: 'p', object: 'b', source: 's', evidence: 'e' } as Triple;
    const d: EntityDetails = {
      entity: { id: 'a', label: 'A', type: 't' },
      outgoing: Array(1000).fill(t),
      incoming: [t],
      truncated: true,
      totalOutgoing: 5233,
      totalIncoming: 1,
    };
    expect(truncationText(d)).toBe('showing 1001 of 5234 relations');
  });
});

describe('Explorer errors in the UI', () => {
  it('shows the message and the hint, and knows a superseded query', async () => {
    const { errorText, isAborted } = await import('../../src/ui/data/error-text.ts');
    const { ExplorerError, aborted } = await import('../../src/core/errors.ts');
    expect(
      errorText(
        new ExplorerError({
          code: 'too-large',
          message: 'the export would hold 2000000 relations',
          hint: 'export a smaller view',
        }),
      ),
    ).toBe('the export would hold 2000000 relations (export a smaller view)');
    expect(errorText(new Error('boom'))).toBe('boom');
    expect(isAborted(aborted())).toBe(true);
    expect(isAborted(new ExplorerError({ code: 'closed', message: 'closed' }))).toBe(false);
  });
});
