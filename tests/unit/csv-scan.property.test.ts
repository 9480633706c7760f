// Property: the CSV row scanner splits a table as papaparse does (quoted
// cells with delimiters, doubled quotes and line breaks inside, quotes in
// unquoted cells, spaces after a closing quote, CRLF and LF, `,` `;` and tab),
// however the text is cut into chunks; and the CSV reader reads such a table
// whole or chunk by chunk to the same dataset.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { CsvScanner } from '../../src/core/readers/csv-scan.ts';
import { READERS } from '../../src/core/readers/registry.ts';
import { loadSchemaFile } from '../../src/node/load.ts';

const SCHEMA = loadSchemaFile('graph-data/schema.json').schema!;

const plain = fc.stringMatching(/^[a-z é0-9'.-]{0,8}$/);
const cellText = (delim: string) =>
  fc.oneof(
    plain,
    plain.map((s) => `${s}${delim}${s}`),
    plain.map((s) => `${s}"${s}`),
    plain.map((s) => `${s}\n${s}`),
    plain.map((s) => `${s}\r\n${s}`),
  );
/** A cell as a spreadsheet writes it: quoted when it must be (or sometimes anyway), quotes doubled. */
const written = (delim: string) =>
  fc.tuple(cellText(delim), fc.boolean(), fc.constantFrom('', ' ')).map(([t, quoteAnyway, space]) => {
    const must = t.includes(delim) || t.includes('\n') || t.includes('\r') || t.startsWith('"');
    // A quote inside an unquoted cell is text, as long as the cell does not start with one.
    return must || quoteAnyway ? `"${t.replaceAll('"', '""')}"${space}` : t;
  });
const table = fc.constantFrom(',', ';', '\t').chain((delim) =>
  fc.record({
    delim: fc.constant(delim),
    nl: fc.constantFrom('\n', '\r\n'),
    rows: fc.array(fc.array(written(delim), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
    cuts: fc.array(fc.nat(), { maxLength: 6 }),
  }),
);

/** `text` cut at the given places (taken modulo its length). */
function cutAt(text: string, cuts: number[]): string[] {
  const ends = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let prev = 0;
  for (const e of [...ends, text.length]) {
    pieces.push(text.slice(prev, e));
    prev = e;
  }
  return pieces;
}

/** Rows as our scanner reads `text` fed in pieces, each piece joined to the unread rest (as the reader does). */
function scanInPieces(text: string, delim: string, nl: '\n' | '\r\n', cuts: number[]): string[][] {
  const pieces = cutAt(text, cuts);
  const sc = new CsvScanner(delim, nl);
  const rows: string[][] = [];
  let rest = '';
  pieces.forEach((p, k) => {
    const buf = rest + p;
    const last = k === pieces.length - 1;
    let at = 0;
    while (at < buf.length) {
      const r = sc.next(buf, at, last);
      if (r === 'more') break;
      expect(r).toBe('row');
      if (nl === '\n') sc.cells.trimCr();
      rows.push(sc.cells.all());
      at = sc.rowEnd;
    }
    rest = last ? '' : buf.slice(at);
  });
  return rows;
}

describe('CSV row scanner', () => {
  it('splits rows and cells as papaparse does, whole or in pieces', () => {
    fc.assert(
      fc.property(table, ({ delim, nl, rows, cuts }) => {
        // A space after the last closing quote of the text: papaparse takes the quote as never closed; we take it as closed.
        const text = rows
          .map((r) => r.join(delim))
          .join(nl)
          .replace(/" $/, '"');
        const theirs = Papa.parse<string[]>(text, { delimiter: delim, newline: nl }).data;
        // papaparse ends a text that ends in a line break with an empty row; the scanner has no row there.
        if (text.endsWith(nl) && theirs.length && theirs.at(-1)!.join('') === '' && theirs.at(-1)!.length === 1)
          theirs.pop();
        expect(scanInPieces(text, delim, nl, [])).toEqual(theirs);
        expect(scanInPieces(text, delim, nl, cuts)).toEqual(theirs);
      }),
      { numRuns: 400 },
    );
  });

  it('counts the lines a row spans, and says when a quote is never closed', () => {
    const sc = new CsvScanner(',', '\n');
    const text = 'a,"one\ntwo\nthree",b\nc,d\n';
    expect(sc.next(text, 0, true)).toBe('row');
    expect(sc.lines).toBe(3);
    expect(sc.cells.all()).toEqual(['a', 'one\ntwo\nthree', 'b']);
    expect(sc.next(text, sc.rowEnd, true)).toBe('row');
    expect(sc.lines).toBe(1);
    expect(sc.next('x,"open\n', 0, false)).toBe('more');
    expect(sc.next('x,"open\n', 0, true)).toBe('unclosed');
    expect(sc.cells.length).toBe(2);
  });

  it('the reader gives the same dataset however the file is cut into chunks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        fc.constantFrom(',', ';', '\t'),
        (cuts, nl, d) => {
          const rows = [
            ['subject', 'predicate', 'object', 'evidence'],
            ['Alpha Group', 'allied-with', 'Beta Front', '"Alpha, it said,\nis allied with ""Beta"""'],
            ['Beta Front', 'allied-with', 'Gamma', 'plain evidence'],
            ['"Gamma"', 'allied-with', 'Alpha Group', '"multi\nline\nquote"'],
          ];
          // The delimiter is found from the header row: a spreadsheet's TSV and ';' exports read alike.
          const text = rows.map((r) => r.join(d)).join(nl) + nl;
          const read = (pieces: string[]) => {
            const s = READERS.find((r) => r.id === 'csv')!.open({
              file: 't.csv',
              defaultSchema: SCHEMA,
              keepDataset: true,
            });
            for (const p of pieces) s.push(p);
            return s.end();
          };
          const whole = read([text]);
          const cut = read(cutAt(text, cuts));
          expect(cut.dataset).toEqual(whole.dataset);
          expect(cut.problems).toEqual(whole.problems);
          expect(whole.dataset!.triples.map((t) => t.evidence)).toEqual([
            'Alpha, it said,\nis allied with "Beta"',
            'plain evidence',
            'multi\nline\nquote',
          ]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
