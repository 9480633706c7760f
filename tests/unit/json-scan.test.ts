// The iterative scanner against jsonc-parser (the recursive parser it
// replaced): the same first error, at the same place, on shallow inputs;
// and no recursion on deep ones.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { visit } from 'jsonc-parser';
import { scanJson } from '../../src/core/json-scan.ts';
import { findSyntaxError, locatePaths } from '../../src/core/json-location.ts';

function jsoncFirstError(text: string): { code: number; offset: number; line: number; column: number } | undefined {
  let first: { code: number; offset: number; line: number; column: number } | undefined;
  visit(
    text,
    {
      onError: (code, offset, _len, line, column) => {
        first ??= { code, offset, line, column };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return first;
}

const piece = fc.constantFrom(
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  ' ',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '"a"',
  '"b\\n"',
  '"\\u12"',
  '"\\x"',
  '"\u0001"',
  '"',
  '\\',
  '1',
  '-',
  '-0',
  '0.',
  '1e',
  '1.5e+3',
  '01',
  'true',
  'tru',
  'null',
  'nul',
  '/',
  '//c',
  '/*',
  '*/',
  'x',
  '\u00a0',
  '\u2028',
  '"k":',
  '\u000b',
);
const jsonish = fc.array(piece, { maxLength: 30 }).map((a) => a.join(''));

describe('the iterative JSON scanner', () => {
  it('finds the first error jsonc-parser finds, at the same offset, line and column', () => {
    fc.assert(
      fc.property(jsonish, (text) => {
        expect(scanJson(text)).toEqual(jsoncFirstError(text));
      }),
      { numRuns: 3000, seed: 13 },
    );
  });

  it('agrees on mutated JSON values', () => {
    const mutated = fc
      .tuple(
        fc.json({ maxDepth: 4 }),
        fc.nat(),
        fc.constantFrom('', ',', '}', ']', '"', ':', ' ', '\n', 'x'),
        fc.nat({ max: 3 }),
      )
      .map(([j, at, ins, del]) => {
        const k = at % (j.length + 1);
        return j.slice(0, k) + ins + j.slice(k + del);
      });
    fc.assert(
      fc.property(mutated, (text) => {
        expect(scanJson(text)).toEqual(jsoncFirstError(text));
      }),
      { numRuns: 3000, seed: 31 },
    );
  });

  it('accepts exactly what JSON.parse accepts on these inputs', () => {
    fc.assert(
      fc.property(jsonish, (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        if (parses) expect(scanJson(text)).toBeUndefined();
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('locates an error 100,000 levels deep without recursion', () => {
    const open = '['.repeat(100_000);
    expect(findSyntaxError(open)).toMatchObject({ line: 1, column: 100_001, kind: 'CloseBracketExpected' });
    const nearly = `{"a":${open}${']'.repeat(99_999)}}`;
    expect(findSyntaxError(nearly)).toMatchObject({ line: 1, kind: 'CommaExpected' });
    expect(locatePaths(`${open}1${']'.repeat(100_000)}`, [[0, 0, 0]])).toEqual([{ line: 1, column: 4 }]);
  });

  it('takes linear time on 20 MB of white space (spaces as fast as newlines)', () => {
    const time = (ws: string) => {
      const text = `${ws.repeat(20_000_000)}{}`;
      const t0 = performance.now();
      expect(findSyntaxError(text)).toBeUndefined();
      const [loc] = locatePaths(text, [[]]);
      return { ms: performance.now() - t0, loc };
    };
    const newlines = time('\n');
    const spaces = time(' ');
    expect(spaces.loc).toEqual({ line: 1, column: 20_000_001 });
    expect(newlines.loc).toEqual({ line: 20_000_001, column: 1 });
    expect(spaces.ms).toBeLessThan(2 * newlines.ms + 500);
  });
});
