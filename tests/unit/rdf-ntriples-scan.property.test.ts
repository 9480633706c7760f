// Property: the hand-written N-Triples line scan reads every line as n3 does.
// The scan keeps IRIs it has read in a table found by fingerprint (length and
// last characters) and skips a subject equal to the line before's, so the
// generator makes IRIs that share lengths and endings, escapes, runs of one
// subject and lines in any order.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Parser } from 'n3';
import { NtScanner } from '../../src/core/rdf/ntriples.ts';
import type { Term } from '../../src/core/rdf/terms.ts';

// Same length and the same last 16 characters; one written with an escape, one with a non-ASCII letter.
const iris = fc.constantFrom(
  'http://a.example/x/shared-ending-aaaaaaaaaaaa',
  'http://b.example/x/shared-ending-aaaaaaaaaaaa',
  'http://c.example/y/shared-ending-aaaaaaaaaaaa',
  'http://a.example/x/caf\\u00E9-ending-aaaaaaaaaaaa',
  'http://a.example/x/café-ending-aaaaaaaaaaaa',
  'urn:x:1',
  'urn:x:2',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#type',
);
const literal = fc.oneof(
  fc.constantFrom(
    '"plain"',
    '"tab\there"',
    '"tab\tand an escape \\u00E9"',
    '"quote \\" and \\\\ back"',
    '"\\u00E9t\\u00E9"',
    '"x"@en-GB',
    '"1"^^<http://www.w3.org/2001/XMLSchema#integer>',
  ),
  fc.string({ unit: 'grapheme-ascii', maxLength: 30 }).map((s) => JSON.stringify(s).replace(/\\u007f/g, '\u007f')),
);
const object = fc.oneof(
  iris.map((i) => `<${i}>`),
  literal,
  fc.constantFrom('_:b1', '_:b2'),
);
const subject = fc.oneof({ weight: 4, arbitrary: iris.map((i) => `<${i}>`) }, fc.constantFrom('_:b1', '_:b2'));
const statement = fc.tuple(subject, iris, object).map(([s, p, o]) => `${s} <${p}> ${o} .`);
// Runs of one subject, as writers group them, and lone lines.
const lines = fc.array(
  fc.tuple(statement, fc.integer({ min: 1, max: 4 }), iris).map(([st, n, p]) => {
    const subj = st.slice(0, st.indexOf(' '));
    return [st, ...Array.from({ length: n - 1 }, () => `${subj} <${p}> "more" .`)];
  }),
  { maxLength: 40 },
);

function key(t: Term | { termType: string; value: string; language?: string; datatype?: { value: string } }): string {
  if ('kind' in t)
    return `${t.kind}|${t.value}|${t.kind === 'literal' ? `${t.language ?? ''}|${t.datatype ?? ''}` : ''}`;
  const kind = t.termType === 'NamedNode' ? 'iri' : t.termType === 'BlankNode' ? 'blank' : 'literal';
  const dt = t.datatype?.value;
  return `${kind}|${t.value}|${kind === 'literal' ? `${t.language ?? ''}|${dt && !dt.endsWith('#string') && !dt.endsWith('#langString') ? dt : ''}` : ''}`;
}

describe('N-Triples line scan', () => {
  it('reads each line as n3 does, however IRIs share lengths and endings', () => {
    fc.assert(
      fc.property(lines, (groups) => {
        const all = groups.flat();
        const text = all.join('\n');
        const theirs = new Parser({ format: 'N-Triples', blankNodePrefix: '' }).parse(text);
        const sc = new NtScanner(false);
        let from = 0;
        const ours: string[] = [];
        for (const l of all) {
          expect(sc.line(text, from, from + l.length)).toBe(true);
          const s = sc.blank ? `blank|${sc.subject}|` : `iri|${sc.subject}|`;
          ours.push(`${s} ${sc.predicate} ${key(sc.object)}`);
          from += l.length + 1;
        }
        expect(ours).toEqual(
          theirs.map(
            (q) =>
              `${q.subject.termType === 'BlankNode' ? `blank|${q.subject.value}|` : `iri|${q.subject.value}|`} ${q.predicate.value} ${key(q.object)}`,
          ),
        );
      }),
      { numRuns: 300 },
    );
  });
});
