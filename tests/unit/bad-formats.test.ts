// The bad-input corpus for RDF and FollowTheMoney files: each is refused (or
// accepted) as tests/fixtures/bad/README.md says, every problem located with
// a hint, and no crash.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDatasetFile } from '../../src/node/load.ts';

const BAD = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));
const SCHEMA = fileURLToPath(new URL('../fixtures/schema.json', import.meta.url));

const EXPECT: Record<string, { ok: boolean; codes: string[]; at?: [number, number]; hint?: RegExp }> = {
  'rdf-undefined-prefix.ttl': { ok: false, codes: ['rdf-syntax'], at: [7, 5], hint: /@prefix schema:/ },
  'rdf-missing-dot.ttl': { ok: false, codes: ['rdf-syntax'], at: [6, 1], hint: /" \."/ },
  'rdf-bad-iri.nt': { ok: false, codes: ['rdf-syntax'], at: [2, 1], hint: /angle brackets/ },
  'rdf-unterminated.nt': { ok: false, codes: ['rdf-syntax'], at: [2, 59], hint: /close the string/ },
  'rdf-deep-nesting.ttl': { ok: false, codes: ['rdf-syntax'], at: [2, 270], hint: /at most 256 levels/ },
  'ftm-bad-json.ijson': { ok: false, codes: ['ftm-syntax'], at: [2, 70], hint: /one entity/ },
  'ftm-unknown-schema.ijson': { ok: false, codes: ['ftm-unknown-schema'], at: [2, 1], hint: /did you mean 'Person'/ },
  'ftm-missing-entity.ijson': { ok: false, codes: ['unknown-entity', 'unsourced-relation'], at: [4, 1] },
};
const OURS = /\.(nt|nq|ttl|trig|ijson)$/;

describe('bad RDF and FtM files', () => {
  it('every such corpus file has an expectation', () => {
    expect(
      readdirSync(BAD)
        .filter((f) => OURS.test(f))
        .sort(),
    ).toEqual(Object.keys(EXPECT).sort());
  });

  for (const [name, want] of Object.entries(EXPECT)) {
    it(`${name}: ${want.ok ? 'accepted' : 'rejected'} with ${want.codes.join(', ')}`, () => {
      const r = loadDatasetFile(join(BAD, name), { schemaPath: SCHEMA });
      expect([...new Set(r.problems.map((p) => p.code))].sort(), JSON.stringify(r.problems, null, 1)).toEqual(
        [...want.codes].sort(),
      );
      expect(r.ok).toBe(want.ok);
      expect(r.dataset).toBeUndefined();
      const first = r.problems.find((p) => p.severity === 'error')!;
      expect([first.line, first.column]).toEqual(want.at);
      expect(first.hint.length).toBeGreaterThan(5);
      if (want.hint) expect(first.hint).toMatch(want.hint);
      expect(first.message).not.toMatch(/\n\s+at |node_modules/);
    });
  }
});
