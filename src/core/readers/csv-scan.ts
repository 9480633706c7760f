// The CSV row scanner: finds where each row and cell of a table is, by
// searches for the delimiter, the line break and the quote (RFC 4180, read
// as papaparse reads it), and makes a cell's string only when it is asked
// for. A 1M-row table has millions of cells nobody reads (empty columns,
// unmapped ones): no string, no array per row.
//
// A quoted cell starts with '"'; '""' inside it is one quote; it ends at a
// quote followed, after any white space, by the delimiter, the line break or
// the end of the text. Any other quote is text (as papaparse recovers from
// it). An unquoted cell runs to the next delimiter or line break.

const QUOTE = 34;

export type ScanResult =
  /** A row is ready (see cells, rowEnd, chars, lines). */
  | 'row'
  /** The text ends before the row does: more text is needed. */
  | 'more'
  /** The end of the table, inside a quoted cell that is never closed. */
  | 'unclosed';

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 11 || c === 12 || c === 0xa0;
}

/** The cells of the last row read: offsets into its text, a string only on demand. */
export class CsvCells {
  text = '';
  length = 0;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private escaped = new Uint8Array(64);

  reset(text: string): void {
    this.text = text;
    this.length = 0;
  }

  push(start: number, end: number, escaped: boolean): void {
    const n = this.length;
    if (n === this.starts.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, b: T): T => {
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts, new Int32Array(n * 2));
      this.ends = grow(this.ends, new Int32Array(n * 2));
      this.escaped = grow(this.escaped, new Uint8Array(n * 2));
    }
    this.starts[n] = start;
    this.ends[n] = end;
    this.escaped[n] = escaped ? 1 : 0;
    this.length = n + 1;
  }

  /** Cell i's text ('""' read as '"'); a slice of the row's text. */
  get(i: number): string {
    if (i >= this.length) return '';
    const v = this.text.slice(this.starts[i]!, this.ends[i]!);
    return this.escaped[i] ? v.replaceAll('""', '"') : v;
  }

  /** Whether cell i is empty (no string made). */
  empty(i: number): boolean {
    return i >= this.length || this.starts[i] === this.ends[i];
  }

  /** Drops a last '\r' of the last cell (a CRLF line in a table read by LF). */
  trimCr(): void {
    const k = this.length - 1;
    if (k >= 0 && this.ends[k]! > this.starts[k]! && this.text.charCodeAt(this.ends[k]! - 1) === 13) this.ends[k]!--;
  }

  all(): string[] {
    return Array.from({ length: this.length }, (_, i) => this.get(i));
  }
}

export class CsvScanner {
  readonly cells = new CsvCells();
  /** Where the next row starts (after this one's line break). */
  rowEnd = 0;
  /** The row's length without its line break. */
  chars = 0;
  /** How many lines the row spans (quoted cells may hold line breaks). */
  lines = 1;

  private readonly delim: number;
  private from = 0;

  constructor(
    delimiter: string,
    private readonly newline: '\n' | '\r\n',
  ) {
    this.delim = delimiter.charCodeAt(0);
  }

  /** Whether the line break starts at i. */
  private breakAt(text: string, i: number): boolean {
    return this.newline === '\n'
      ? text.charCodeAt(i) === 10
      : text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10;
  }

  /** Reads the row that starts at `from`; `last`: no text follows `text`. */
  next(text: string, from: number, last: boolean): ScanResult {
    const cells = this.cells;
    cells.reset(text);
    const len = text.length;
    const delim = this.delim;
    const nlLen = this.newline.length;
    let lines = 1;
    let i = from;
    this.from = from;
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        const start = i + 1;
        let escaped = false;
        let q = start;
        for (;;) {
          q = text.indexOf('"', q);
          if (q < 0) return last ? this.unclosed(start, len) : 'more';
          if (text.charCodeAt(q + 1) === QUOTE) {
            escaped = true;
            q += 2;
            continue;
          }
          if (q + 1 >= len && !last) return 'more'; // the next character may be a quote
          let k = q + 1;
          while (k < len && text.charCodeAt(k) !== delim && isSpace(text.charCodeAt(k)) && !this.breakAt(text, k)) k++;
          if (k >= len) {
            if (!last) return 'more';
            cells.push(start, q, escaped);
            lines += this.breaksIn(text, start, q);
            return this.done(len, len, lines);
          }
          if (text.charCodeAt(k) === delim) {
            cells.push(start, q, escaped);
            lines += this.breaksIn(text, start, q);
            i = k + 1;
            break;
          }
          if (this.breakAt(text, k)) {
            cells.push(start, q, escaped);
            lines += this.breaksIn(text, start, q);
            return this.done(k, k + nlLen, lines);
          }
          q++; // a quote inside the cell's text
        }
        continue;
      }
      // An unquoted cell: a loop over its characters (most cells are short or empty: cheaper than a search call).
      const crlf = nlLen === 2;
      let j = i;
      for (; j < len; j++) {
        const c = text.charCodeAt(j);
        if (c === delim) break;
        if (c === 10 && !crlf) break;
        if (c === 13 && crlf && text.charCodeAt(j + 1) === 10) break;
      }
      if (j < len && text.charCodeAt(j) === delim) {
        cells.push(i, j, false);
        i = j + 1;
        continue;
      }
      if (j < len) {
        cells.push(i, j, false);
        return this.done(j, j + nlLen, lines);
      }
      if (!last) return 'more';
      cells.push(i, len, false);
      return this.done(len, len, lines);
    }
  }

  private breaksIn(text: string, from: number, to: number): number {
    let n = 0;
    for (let j = text.indexOf('\n', from); j >= 0 && j < to; j = text.indexOf('\n', j + 1)) n++;
    return n;
  }

  private done(rowStop: number, next: number, lines: number): 'row' {
    this.rowEnd = next;
    this.chars = rowStop - this.from;
    this.lines = lines;
    return 'row';
  }

  private unclosed(start: number, len: number): 'unclosed' {
    this.cells.push(start, len, false);
    this.rowEnd = len;
    return 'unclosed';
  }
}
