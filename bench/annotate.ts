// Mention finding: a 50,000-character document against 100,000 known
// entities (the generator's entities, with their aliases); the document is
// the generator's own source texts, which name entities by label and alias.
import type { Schema } from '../src/core/model.ts';
import { generateDataset, mulberry32 } from './generate.ts';
import { median, p99, row, type Row } from './stats.ts';

export async function benchAnnotate(opts: {
  quick: boolean;
  seed: number;
  schema: Schema;
  log: (...a: unknown[]) => void;
}): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const { MentionFinder } = await import('../src/core/annotate/mentions.ts');
  const { tokenize } = await import('../src/core/annotate/tokens.ts');
  const entities = opts.quick ? 20_000 : 100_000;
  const chars = 50_000;
  opts.log(`annotate: generating ${entities} entities`);
  const ds = generateDataset({ schema: opts.schema, seed: opts.seed, triples: entities * 2, entities });
  const rnd = mulberry32(opts.seed * 31 + 7);
  let text = '';
  while (text.length < chars) text += `${ds.sources[Math.floor(rnd() * ds.sources.length)]!.text}\n\n`;
  text = text.slice(0, chars);
  const names = ds.entities.reduce((n, e) => n + 1 + (e.aliases?.length ?? 0), 0);

  let t0 = performance.now();
  const finder = new MentionFinder(ds.entities);
  const buildMs = performance.now() - t0;
  const runs = opts.quick ? 5 : 20;
  const times: number[] = [],
    floor: number[] = [];
  let mentions = 0;
  for (let r = 0; r < runs; r++) {
    t0 = performance.now();
    mentions = finder.find(text).length;
    times.push(performance.now() - t0);
    t0 = performance.now();
    tokenize(text);
    floor.push(performance.now() - t0);
  }
  const m = median(times);
  const rows = [
    row({
      measure: `mentions in a ${chars / 1000}k-character document, ${entities / 1000}k entities`,
      unit: 'ms',
      median: m,
      p99: p99(times),
      samples: runs,
      baseline: { name: 'folding the text into words alone', median: median(floor) },
      target: '≤ 200 ms',
      met: m <= 200,
      note: `${mentions} mentions; ${names} names in a token trie built once in ${buildMs.toFixed(0)} ms`,
    }),
  ];
  return { rows, details: { entities, names, chars, mentions, buildMs } };
}
