import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadStoreFile } from '../../src/node/load.ts';

const BAD = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));
const SCHEMA = fileURLToPath(new URL('../fixtures/schema.json', import.meta.url));

/** The one problem each file gets: its code and where. */
const EXPECT: Record<string, { code: string; line: number; column?: number; hint: RegExp }> = {
  'csv-missing-subject.csv': { code: 'csv-missing-column', line: 1, column: 1, hint: /subject, predicate and object/ },
  'csv-ragged-row.csv': { code: 'csv-ragged-row', line: 3, column: 5, hint: /quote cells that contain the delimiter/ },
  'csv-unterminated-quote.csv': { code: 'csv-syntax', line: 2, column: 4, hint: /close the quote/ },
  'csv-wide-row.csv': { code: 'csv-too-wide', line: 2, column: 1001, hint: /delimiter/ },
  'xml-malformed.gexf': { code: 'xml-syntax', line: 6, hint: /tag not closed/ },
  'xml-billion-laughs.gexf': { code: 'xml-doctype', line: 2, column: 1, hint: /remove the <!DOCTYPE/ },
  'xml-external-entity.graphml': { code: 'xml-doctype', line: 3, column: 1, hint: /remove the <!DOCTYPE/ },
  'xml-missing-node.graphml': { code: 'unknown-entity', line: 9, column: 5, hint: /did you mean 'iran'/ },
};

describe('bad files of other formats', () => {
  it('every such file has an expectation and a README line', () => {
    const files = readdirSync(BAD)
      .filter((f) => /\.(csv|gexf|graphml)$/.test(f))
      .sort();
    expect(files).toEqual(Object.keys(EXPECT).sort());
    const readme = readFileSync(join(BAD, 'README.md'), 'utf8');
    for (const f of files) expect(readme).toContain(`\`${f}\``);
  });

  for (const [name, want] of Object.entries(EXPECT)) {
    it(`${name}: rejected with ${want.code}, located, with a hint`, () => {
      const t0 = performance.now();
      const res = loadStoreFile(join(BAD, name), { schemaPath: SCHEMA });
      expect(performance.now() - t0).toBeLessThan(5000);
      expect(res.ok).toBe(false);
      expect(res.store).toBeUndefined();
      const errors = res.problems.filter((p) => p.severity === 'error');
      expect(errors[0]).toMatchObject({
        code: want.code,
        file: join(BAD, name),
        line: want.line,
        hint: expect.stringMatching(want.hint),
      });
      if (want.column !== undefined) expect(errors[0]!.column).toBe(want.column);
      for (const p of res.problems) expect(p.line).toBeGreaterThan(0);
    });
  }
});
