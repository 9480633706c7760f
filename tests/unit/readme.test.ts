// The README's data-format example is real data: it must validate against the default schema and article.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDataset } from '../../src/core/validate.ts';
import { DEFAULT_SCHEMA } from '../../src/node/load.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('README', () => {
  it('data format example validates with no problems', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const example = /## Data format[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const schema = JSON.parse(readFileSync(DEFAULT_SCHEMA, 'utf8'));
    const result = parseDataset(example!, {
      file: 'README.md',
      defaultSchema: schema,
      sourceText: (s) => (s.path ? readFileSync(join(ROOT, 'graph-data', s.path), 'utf8') : undefined),
    });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });
});
