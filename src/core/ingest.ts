// Streaming ingest of a dataset: the JSON text arrives in chunks and is never
// held whole, nor are all parsed records. A scanner tracks strings, escapes
// and nesting to cut out each element of the top-level "sources", "entities"
// and "triples" arrays; the elements a chunk holds whole are parsed with one
// JSON.parse, checked by the same per-record checks as validateDataset
// (DatasetChecker) and appended to triple columns that become the store.
// Problems are located while their element's text is at hand.
//
// Rare inputs go back to the whole-text reader (parseDataset), so the result
// stays the same: a syntax error or bad encoding (when the text is at hand and
// at most LIMITS.locateMaxChars long; beyond that the scanner locates it), a
// root that is not an object, an empty file, a repeated top-level key, an
// embedded schema after the entities or triples.
import { DATASET_FORMAT, DATASET_VERSION, type Dataset } from './model.ts';
import type { Problem } from './problems.ts';
import { TripleStore, type TripleColumns } from './store.ts';
import { findSyntaxError, locatePaths, type JsonPath, type TextLocation } from './json-location.ts';
import { DatasetChecker, LIMITS, parseDataset, type ParseResult, type ValidateOptions } from './validate.ts';

export interface IngestOptions extends ValidateOptions {
  /** The whole text, for the rare inputs handed to the whole-text reader (see above). */
  wholeText?: () => string | undefined;
  /** Also give the dataset (the store's `toDataset()`). */
  keepDataset?: boolean;
}

export interface IngestResult extends ParseResult {
  /** The store; present only when ok. */
  store?: TripleStore;
  /** Milliseconds spent scanning, parsing records, checking and building the store. */
  timings: { scan: number; parse: number; check: number; build: number };
  /** Why the whole-text reader was used, when it was. */
  fallback?: string;
}

const STREAMED = new Set(['sources', 'entities', 'triples']);

class Fallback extends Error {}
class ScanError extends Error {
  constructor(readonly problem: Problem) { super(problem.message); }
}

const enum St { Start, KeyOrEnd, Key, Colon, Value, Capture, CommaOrEnd, ElemOrEnd, Elem, ElemComma, After }

type Kind = 'sources' | 'entities' | 'triples';

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** A growable Uint32Array. */
function grow32(a: Uint32Array<ArrayBuffer>, need: number): Uint32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Uint32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

export class Ingest {
  private readonly checker: DatasetChecker;
  private readonly t = { scan: 0, parse: 0, check: 0, build: 0 };
  private failure?: Fallback | ScanError;
  private retained: string[] | null;
  private chars = 0;
  private first = true;
  private bom = false;

  // Scanner state. Offsets are global (UTF-16 units after any BOM).
  private st = St.Start;
  private base = 0;
  private line = 1;
  private lineStart = 0;
  private lastCR = -2;
  private afterComma = false;
  private key = '';
  private keyLoc: TextLocation = { line: 1, column: 1 };
  private rootLoc: TextLocation = { line: 1, column: 1 };
  // Value capture (a key, a member value or an array element).
  private capDepth = 0;
  private capString = false;
  private capEscape = false;
  private capScalar = false;
  private capParts: string[] = [];
  private capStart = 0; // index in the current chunk, -1 when it began in an earlier chunk
  private capLoc: TextLocation = { line: 1, column: 1 };
  // Elements of the current chunk, parsed together.
  private batchStart: number[] = [];
  private batchEnd: number[] = [];
  private batchLine: number[] = [];
  private batchCol: number[] = [];
  private arrayKey: Kind | undefined;
  private index = 0;

  // Top level as seen so far: member values (streamed arrays stand as []), key and value locations.
  private readonly stub: Record<string, unknown> = {};
  private readonly keyLocs = new Map<string, TextLocation>();
  private readonly memberText = new Map<string, { text: string; loc: TextLocation }>();
  private schemaDecided = false;
  private sourcesDone = false;
  private entitiesDone = false;
  private triplesBegun = false;
  private pending: { text: string; index: number; loc: TextLocation }[] = [];
  // Where each source and entity element starts (by file index), for problems found later.
  private srcLoc: number[] = [];
  private entLine = new Uint32Array(1024);
  private entCol = new Uint32Array(1024);
  // The element being checked, for locating its problems.
  private cur: { kind: Kind; index: number; text: string; from: number; to: number; loc: TextLocation } | undefined;

  // Triple columns.
  private m = 0;
  private subj = new Uint32Array(1024);
  private obj = new Uint32Array(1024);
  private pred = new Uint32Array(1024);
  private src = new Uint32Array(1024);
  private readonly evidence: string[] = [];
  private date?: (string | undefined)[];
  private confidence?: Float64Array;
  private attributedTo?: (string | undefined)[];
  private qualifier?: (string | undefined)[];
  private givenIds?: (string | undefined)[];

  constructor(private readonly opts: IngestOptions) {
    this.checker = new DatasetChecker(opts);
    this.checker.r.onListed = (p, path) => this.locate(p, path);
    // Kept (up to the location limit) only when the caller cannot give the text again.
    this.retained = opts.wholeText ? null : [];
  }

  /** Whether more input would change nothing (an error was found, or the input was handed back). */
  get finished(): boolean {
    return this.failure !== undefined;
  }

  push(chunk: string): void {
    if (this.failure || chunk.length === 0) return;
    this.chars += chunk.length;
    if (this.retained) {
      this.retained.push(chunk);
      if (this.chars > LIMITS.locateMaxChars) this.retained = null;
    }
    const t0 = performance.now();
    const p0 = this.t.parse + this.t.check;
    try {
      if (this.first) {
        this.first = false;
        if (chunk.charCodeAt(0) === 0xfeff) { this.bom = true; chunk = chunk.slice(1); }
        // UTF-16 read as UTF-8: the whole-text reader explains it.
        if (chunk.charCodeAt(0) === 0xfffe || (chunk.charCodeAt(0) === 0xfffd && chunk.charCodeAt(1) === 0xfffd)) throw new Fallback('encoding');
      }
      this.checkEncoding(chunk);
      this.scan(chunk);
      this.base += chunk.length;
    } catch (e) {
      if (e instanceof Fallback || e instanceof ScanError) this.failure = e;
      else throw e;
    }
    this.t.scan += performance.now() - t0 - (this.t.parse + this.t.check - p0);
  }

  end(): IngestResult {
    if (!this.failure) {
      if (this.st === St.Start) this.failure = new Fallback('empty');
      else if (this.st !== St.After) this.failure = this.scanError(this.base, 'the file ends in the middle of the JSON', 'the file looks truncated: restore the complete file');
    }
    if (this.failure) return this.fallback(this.failure);
    return this.finish();
  }

  // ---- scanning -------------------------------------------------------

  private checkEncoding(s: string): void {
    const nul = s.indexOf('\u0000');
    const bad = this.opts.decodedStrictly ? -1 : s.indexOf('\ufffd');
    if (nul < 0 && bad < 0) return;
    const at = nul >= 0 && (bad < 0 || nul < bad) ? nul : bad;
    const loc = this.locOfChunkOffset(s, at);
    throw new ScanError(this.problem('not-utf8', nul === at ? 'file is not UTF-8: it contains NUL bytes (it looks like UTF-16)' : 'file is not UTF-8: it contains bytes that are not valid UTF-8',
      'save it as UTF-8 (in most editors: "Save with encoding" → UTF-8)', loc));
  }

  /** Line/column of chunk offset `at`, counting from the line state at the chunk's start. */
  private locOfChunkOffset(s: string, at: number): TextLocation {
    let line = this.line, start = this.lineStart - this.base;
    for (let i = 0; i < at; i++) {
      const c = s.charCodeAt(i);
      if (c === 10) { if (!(i > 0 ? s.charCodeAt(i - 1) === 13 : this.lastCR === this.base - 1)) line++; start = i + 1; } else if (c === 13) { line++; start = i + 1; }
    }
    return { line, column: at - start + 1 };
  }

  private problem(code: string, message: string, hint: string, loc: TextLocation): Problem {
    return { severity: 'error', code, file: this.opts.file, path: '', line: loc.line, column: loc.column, message, hint };
  }

  private scanError(off: number, message: string, hint: string): ScanError {
    return new ScanError(this.problem('json-syntax', `invalid JSON: ${message}`, hint, { line: this.line, column: off - this.lineStart + 1 }));
  }

  private unexpected(s: string, i: number, what: string): ScanError {
    const c = s[i]!;
    if (what === 'comma') return this.scanError(this.base + i, `expected a comma but found '${c}'`, 'add the missing comma between the two items (the one before this position ends without one)');
    if (what === 'colon') return this.scanError(this.base + i, `expected ':' but found '${c}'`, 'write "name": value; a property name must be followed by a colon');
    if (what === 'end') return this.scanError(this.base + i, `unexpected '${c}' after the end of the JSON value`, 'remove what follows the closing bracket, or wrap several values in one array');
    if (this.afterComma && (c === '}' || c === ']')) return this.scanError(this.base + i, `trailing comma before '${c}'`, `remove the comma before '${c}': JSON allows no comma after the last item`);
    return this.scanError(this.base + i, `expected a ${what} but found '${c}'`, 'check the syntax here: property names and strings need double quotes');
  }

  private newline(c: number, off: number): void {
    if (c === 10) { if (this.lastCR !== off - 1) this.line++; this.lineStart = off + 1; } else { this.line++; this.lineStart = off + 1; this.lastCR = off; }
  }

  private beginCapture(s: string, i: number): void {
    const c = s.charCodeAt(i);
    this.capDepth = 0;
    this.capString = false;
    this.capEscape = false;
    this.capScalar = !(c === 123 || c === 91 || c === 34);
    this.capParts = [];
    this.capStart = i;
    this.capLoc = { line: this.line, column: this.base + i - this.lineStart + 1 };
  }

  /** Scans the captured value from s[i]; the index after its end, or -1 when the chunk ends first. */
  private capture(s: string, i: number): number {
    const n = s.length;
    for (;;) {
      if (this.capString) {
        if (this.capEscape) { this.capEscape = false; i++; }
        if (i >= n) return -1;
        const j = s.indexOf('"', i);
        if (j < 0) {
          let k = n - 1;
          while (k >= i && s.charCodeAt(k) === 92) k--;
          if ((n - 1 - k) % 2 === 1) this.capEscape = true;
          return -1;
        }
        let k = j - 1;
        while (k >= i && s.charCodeAt(k) === 92) k--;
        i = j + 1;
        if ((j - 1 - k) % 2 === 1) continue;
        this.capString = false;
        if (this.capDepth === 0) return i;
        continue;
      }
      if (this.capScalar) {
        while (i < n) {
          const c = s.charCodeAt(i);
          if (isWs(c) || c === 44 || c === 125 || c === 93) return i;
          i++;
        }
        return -1;
      }
      while (i < n) {
        const c = s.charCodeAt(i);
        if (c === 34) { this.capString = true; i++; break; }
        if (c === 123 || c === 91) this.capDepth++;
        else if (c === 125 || c === 93) { if (--this.capDepth === 0) return i + 1; } else if (c === 10 || c === 13) this.newline(c, this.base + i);
        i++;
      }
      if (i >= n && !this.capString) return -1;
    }
  }

  /** The captured text ending at s[end]. */
  private captured(s: string, end: number): string {
    if (this.capStart >= 0) return s.slice(this.capStart, end);
    this.capParts.push(s.slice(0, end));
    const text = this.capParts.join('');
    this.capParts = [];
    return text;
  }

  private scan(s: string): void {
    const n = s.length;
    let i = 0;
    while (i < n) {
      switch (this.st) {
        case St.Start: case St.KeyOrEnd: case St.Colon: case St.Value: case St.CommaOrEnd: case St.ElemOrEnd: case St.ElemComma: case St.After: {
          const c = s.charCodeAt(i);
          if (isWs(c)) { if (c === 10 || c === 13) this.newline(c, this.base + i); i++; continue; }
          i = this.structural(s, i, c);
          continue;
        }
        case St.Key: case St.Capture: case St.Elem: {
          const end = this.capture(s, i);
          if (end < 0) { i = n; continue; }
          this.captureDone(s, end);
          i = end;
          continue;
        }
      }
    }
    // The chunk ends: keep what is being captured, parse the elements it held whole.
    if (this.st === St.Key || this.st === St.Capture || this.st === St.Elem) {
      this.capParts.push(this.capStart >= 0 ? s.slice(this.capStart) : s);
      this.capStart = -1;
    }
    this.flush(s);
  }

  private structural(s: string, i: number, c: number): number {
    switch (this.st) {
      case St.Start:
        if (c !== 123) throw new Fallback('not-an-object');
        this.rootLoc = { line: this.line, column: this.base + i - this.lineStart + 1 };
        this.st = St.KeyOrEnd;
        this.afterComma = false;
        return i + 1;
      case St.KeyOrEnd:
        if (c === 34) { this.beginCapture(s, i); this.capString = true; this.st = St.Key; return i + 1; }
        if (c === 125 && !this.afterComma) { this.rootEnd(); this.st = St.After; return i + 1; }
        throw this.unexpected(s, i, 'property name in double quotes');
      case St.Colon:
        if (c !== 58) throw this.unexpected(s, i, 'colon');
        this.st = St.Value;
        return i + 1;
      case St.Value:
        if (c === 91 && STREAMED.has(this.key)) {
          this.arrayStart(this.key as Kind);
          this.st = St.ElemOrEnd;
          this.afterComma = false;
          return i + 1;
        }
        if (c === 44 || c === 125 || c === 93 || c === 58) throw this.unexpected(s, i, 'value');
        this.beginCapture(s, i);
        if (c === 34) { this.capString = true; this.st = St.Capture; return i + 1; }
        this.st = St.Capture;
        return i;
      case St.CommaOrEnd:
        if (c === 44) { this.st = St.KeyOrEnd; this.afterComma = true; return i + 1; }
        if (c === 125) { this.rootEnd(); this.st = St.After; return i + 1; }
        throw this.unexpected(s, i, 'comma');
      case St.ElemOrEnd:
        if (c === 93 && !this.afterComma) { this.flush(s); this.arrayEnd(); this.st = St.CommaOrEnd; return i + 1; }
        if (c === 44 || c === 125 || c === 93 || c === 58) throw this.unexpected(s, i, 'value');
        this.beginCapture(s, i);
        this.st = St.Elem;
        if (c === 34) { this.capString = true; return i + 1; }
        return i;
      case St.ElemComma:
        if (c === 44) { this.st = St.ElemOrEnd; this.afterComma = true; return i + 1; }
        if (c === 93) { this.flush(s); this.arrayEnd(); this.st = St.CommaOrEnd; return i + 1; }
        throw this.unexpected(s, i, 'comma');
      case St.After:
        throw this.unexpected(s, i, 'end');
      default:
        throw new Error('unreachable');
    }
  }

  private captureDone(s: string, end: number): void {
    if (this.st === St.Key) {
      const text = this.captured(s, end);
      this.key = this.parseValue(text, this.capLoc) as string;
      this.keyLoc = this.capLoc;
      if (this.keyLocs.has(this.key)) throw new Fallback('repeated-key');
      this.keyLocs.set(this.key, this.keyLoc);
      this.st = St.Colon;
      this.afterComma = false;
    } else if (this.st === St.Capture) {
      const text = this.captured(s, end);
      this.member(this.key, this.parseValue(text, this.capLoc), text, this.capLoc);
      this.st = St.CommaOrEnd;
    } else {
      if (this.capStart >= 0) {
        this.batchStart.push(this.capStart);
        this.batchEnd.push(end);
        this.batchLine.push(this.capLoc.line);
        this.batchCol.push(this.capLoc.column);
      } else {
        // An element that began in an earlier chunk: alone, before this chunk's batch.
        const text = this.captured(s, end);
        const value = this.parseValue(text, this.capLoc);
        const t0 = performance.now();
        this.element(value, text, 0, text.length, this.capLoc);
        this.t.check += performance.now() - t0;
      }
      this.st = St.ElemComma;
      this.afterComma = false;
    }
  }

  private parseValue(text: string, loc: TextLocation): unknown {
    const t0 = performance.now();
    try {
      return JSON.parse(text);
    } catch {
      throw this.elementSyntaxError(text, loc);
    } finally {
      this.t.parse += performance.now() - t0;
    }
  }

  /** A syntax error inside a value, located within it and explained as the whole-text reader would. */
  private elementSyntaxError(text: string, loc: TextLocation): ScanError {
    const info = findSyntaxError(text);
    if (!info) return new ScanError(this.problem('json-syntax', 'invalid JSON', 'check the syntax at this position', loc));
    return new ScanError(this.problem('json-syntax', `invalid JSON: ${info.message}`, info.hint, shift(loc, info)));
  }

  /** Parses and checks the elements this chunk held whole. */
  private flush(s: string): void {
    const k = this.batchStart.length;
    if (k === 0) return;
    const t0 = performance.now();
    let values: unknown[];
    try {
      values = JSON.parse(`[${s.slice(this.batchStart[0], this.batchEnd[k - 1])}]`) as unknown[];
    } catch {
      this.t.parse += performance.now() - t0;
      for (let j = 0; j < k; j++) this.parseValue(s.slice(this.batchStart[j], this.batchEnd[j]), { line: this.batchLine[j]!, column: this.batchCol[j]! });
      throw new ScanError(this.problem('json-syntax', 'invalid JSON', 'check the syntax of the items of this array', this.rootLoc));
    }
    const t1 = performance.now();
    this.t.parse += t1 - t0;
    for (let j = 0; j < k; j++) this.element(values[j], s, this.batchStart[j]!, this.batchEnd[j]!, { line: this.batchLine[j]!, column: this.batchCol[j]! });
    this.t.check += performance.now() - t1;
    this.batchStart.length = 0; this.batchEnd.length = 0; this.batchLine.length = 0; this.batchCol.length = 0;
  }

  // ---- the dataset ----------------------------------------------------

  private defineMember(key: string, value: unknown): void {
    // defineProperty: "__proto__" stays an own key, as JSON.parse makes it.
    Object.defineProperty(this.stub, key, { value, enumerable: true, writable: true, configurable: true });
  }

  private member(key: string, value: unknown, text: string, loc: TextLocation): void {
    if (key === 'schema' && this.schemaDecided) throw new Fallback('late-schema');
    this.defineMember(key, value);
    this.memberText.set(key, { text, loc });
    if (key === 'sources') this.sourcesDone = true;
    if (key === 'entities') this.entitiesDone = true;
    if (this.sourcesDone && this.entitiesDone) this.drainPending();
  }

  private arrayStart(key: Kind): void {
    this.defineMember(key, []);
    this.arrayKey = key;
    this.index = 0;
  }

  private arrayEnd(): void {
    if (this.arrayKey === 'sources') this.sourcesDone = true;
    if (this.arrayKey === 'entities') this.entitiesDone = true;
    this.arrayKey = undefined;
    if (this.sourcesDone && this.entitiesDone) this.drainPending();
  }

  private decideSchema(): void {
    if (this.schemaDecided) return;
    this.schemaDecided = true;
    this.checker.useSchema(Object.prototype.hasOwnProperty.call(this.stub, 'schema') ? this.stub.schema : undefined);
  }

  private element(value: unknown, text: string, from: number, to: number, loc: TextLocation): void {
    const kind = this.arrayKey!;
    const i = this.index++;
    if (kind === 'triples' && !(this.sourcesDone && this.entitiesDone)) {
      // Triples need every source and entity: keep their text until then.
      this.pending.push({ text: text.slice(from, to), index: i, loc });
      return;
    }
    this.check(kind, value, i, text, from, to, loc);
  }

  private check(kind: Kind, value: unknown, i: number, text: string, from: number, to: number, loc: TextLocation): void {
    this.cur = { kind, index: i, text, from, to, loc };
    const c = this.checker;
    if (kind === 'sources') {
      this.srcLoc[2 * i] = loc.line; this.srcLoc[2 * i + 1] = loc.column;
      c.source(value, i);
    } else if (kind === 'entities') {
      this.decideSchema();
      this.entLine = grow32(this.entLine, i + 1); this.entCol = grow32(this.entCol, i + 1);
      this.entLine[i] = loc.line; this.entCol[i] = loc.column;
      c.entity(value, i);
    } else {
      if (!this.triplesBegun) { this.decideSchema(); c.beginTriples(1024); this.triplesBegun = true; }
      if (c.triple(value, i)) this.append();
    }
    this.cur = undefined;
  }

  private drainPending(): void {
    const pending = this.pending;
    if (pending.length === 0) return;
    this.pending = [];
    for (const p of pending) {
      const value = this.parseValue(p.text, p.loc);
      const t0 = performance.now();
      this.check('triples', value, p.index, p.text, 0, p.text.length, p.loc);
      this.t.check += performance.now() - t0;
    }
  }

  private append(): void {
    const c = this.checker.cur;
    const k = this.m++;
    if (k >= this.subj.length) {
      this.subj = grow32(this.subj, k + 1); this.obj = grow32(this.obj, k + 1);
      this.pred = grow32(this.pred, k + 1); this.src = grow32(this.src, k + 1);
    }
    this.subj[k] = c.s; this.obj[k] = c.o; this.pred[k] = c.p; this.src[k] = c.src;
    this.evidence.push(c.evidence);
    // Optional columns exist from the first triple that has the field; holes before it.
    if (this.date) this.date.push(c.date); else if (c.date !== undefined) { this.date = new Array(k); this.date.push(c.date); }
    if (this.attributedTo) this.attributedTo.push(c.attributedTo); else if (c.attributedTo !== undefined) { this.attributedTo = new Array(k); this.attributedTo.push(c.attributedTo); }
    if (this.qualifier) this.qualifier.push(c.qualifier); else if (c.qualifier !== undefined) { this.qualifier = new Array(k); this.qualifier.push(c.qualifier); }
    if (this.givenIds) this.givenIds.push(c.id); else if (c.id !== undefined) { this.givenIds = new Array(k); this.givenIds.push(c.id); }
    if (c.confidence !== undefined || this.confidence) {
      if (!this.confidence || k >= this.confidence.length) {
        const b = new Float64Array(Math.max(1024, this.subj.length)).fill(NaN);
        if (this.confidence) b.set(this.confidence);
        this.confidence = b;
      }
      if (c.confidence !== undefined) this.confidence[k] = c.confidence;
    }
  }

  private rootEnd(): void {
    this.sourcesDone = true;
    this.entitiesDone = true;
    this.decideSchema();
    this.drainPending();
  }

  // ---- locating problems ----------------------------------------------

  /** Where the problem at `path` is; the element or member text is at hand when it is found. */
  private locate(p: Problem, path: JsonPath): void {
    if (p.line !== undefined) return;
    const loc = this.where(path);
    p.line = loc.line;
    p.column = loc.column;
  }

  private where(path: JsonPath): TextLocation {
    if (path.length === 0) return this.rootLoc;
    const key = path[0];
    const keyLoc = typeof key === 'string' ? this.keyLocs.get(key) : undefined;
    if (keyLoc === undefined) return this.rootLoc; // a missing member: the object that lacks it
    if (path.length === 1) return keyLoc;
    const idx = path[1];
    const cur = this.cur;
    if (cur && cur.kind === key && cur.index === idx) return within(cur.text, cur.from, cur.to, path.slice(2), cur.loc);
    if (key === 'sources' && typeof idx === 'number' && this.srcLoc[2 * idx] !== undefined) return { line: this.srcLoc[2 * idx]!, column: this.srcLoc[2 * idx + 1]! };
    if (key === 'entities' && typeof idx === 'number' && idx < this.entLine.length && this.entLine[idx]! > 0) return { line: this.entLine[idx]!, column: this.entCol[idx]! };
    const m = this.memberText.get(key as string);
    if (m) {
      const loc = within(m.text, 0, m.text.length, path.slice(1), m.loc);
      return loc === m.loc ? keyLoc : loc;
    }
    return keyLoc;
  }

  // ---- the result -----------------------------------------------------

  private finish(): IngestResult {
    const c = this.checker;
    const stub = this.stub;
    if (DatasetChecker.notADataset(stub)) {
      // No dataset at all: that is the one problem, as the whole-text check says.
      const only = new DatasetChecker(this.opts);
      only.r.onListed = (p) => { p.line = this.rootLoc.line; p.column = this.rootLoc.column; };
      only.header(stub);
      return this.withBom({ ...only.result(), timings: this.t });
    }
    const t0 = performance.now();
    c.header(stub);
    c.arrays(stub);
    if (!this.triplesBegun && Array.isArray(stub.triples)) { c.beginTriples(0); this.triplesBegun = true; }
    c.finish();
    const res: IngestResult = { ...c.result(), timings: this.t };
    if (res.ok && c.schema) {
      const m = this.m;
      const predCount = c.schema.predicates.length;
      const cols: TripleColumns = {
        count: m,
        subj: this.subj.slice(0, m), obj: this.obj.slice(0, m),
        pred: predCount <= 0xffff ? Uint16Array.from(this.pred.subarray(0, m)) : this.pred.slice(0, m),
        src: c.sources.length <= 0xfffe ? Uint16Array.from(this.src.subarray(0, m)) : this.src.slice(0, m),
        evidence: this.evidence,
      };
      if (this.date) cols.date = this.date;
      if (this.confidence) cols.confidence = this.confidence.length === m ? this.confidence : this.confidence.slice(0, m);
      if (this.attributedTo) cols.attributedTo = this.attributedTo;
      if (this.qualifier) cols.qualifier = this.qualifier;
      if (this.givenIds) cols.givenIds = this.givenIds;
      const shell: Dataset = { format: DATASET_FORMAT, version: DATASET_VERSION, sources: c.sources, entities: c.entities, triples: [] };
      if (c.title !== undefined) shell.title = c.title;
      if (c.embedded) shell.schema = c.schema;
      res.store = TripleStore.fromColumns(shell, c.schema, cols);
      if (this.opts.keepDataset) res.dataset = res.store.toDataset();
    }
    this.t.build += performance.now() - t0;
    return this.withBom(res);
  }

  private withBom(res: IngestResult): IngestResult {
    if (this.bom) {
      res.problems.unshift({ severity: 'warning', code: 'bom', file: this.opts.file, path: '', line: 1, column: 1,
        message: 'the file starts with a byte order mark (BOM)', hint: 'save it as UTF-8 without BOM; it was read correctly this time' });
    }
    return res;
  }

  /** The whole-text reader's result, or the scanner's own syntax problem when the text is not at hand or too large. */
  private fallback(f: Fallback | ScanError): IngestResult {
    const small = this.chars <= LIMITS.locateMaxChars;
    const text = f instanceof ScanError && !small ? undefined : (this.opts.wholeText?.() ?? this.retained?.join(''));
    this.retained = null;
    if (text === undefined) {
      if (f instanceof ScanError) return this.withBom({ ok: false, problems: [f.problem], timings: this.t });
      return {
        ok: false, timings: this.t, fallback: f.message,
        problems: [this.problem('unsupported-layout', `this file can only be read whole (${f.message}), and its text is not at hand`,
          'put "schema" before "entities" and "triples", and give each top-level key once', this.rootLoc)],
      };
    }
    const t0 = performance.now();
    const res: IngestResult = { ...parseDataset(text, this.opts), timings: this.t, fallback: f instanceof ScanError ? f.problem.code : f.message };
    this.t.check += performance.now() - t0;
    if (res.ok && res.dataset && res.schema) {
      const t1 = performance.now();
      res.store = TripleStore.build(res.dataset, res.schema);
      if (!this.opts.keepDataset) delete res.dataset;
      this.t.build += performance.now() - t1;
    }
    return res;
  }
}

/** `loc` moved by a location relative to a text starting at `loc`. */
function shift(loc: TextLocation, rel: TextLocation): TextLocation {
  return { line: loc.line + rel.line - 1, column: rel.line === 1 ? loc.column + rel.column - 1 : rel.column };
}

/** Location of `rel` inside text[from, to), which starts at `loc`; `loc` itself when rel is not deeper. */
function within(text: string, from: number, to: number, rel: JsonPath, loc: TextLocation): TextLocation {
  if (rel.length === 0 || to - from > LIMITS.locateMaxChars) return loc;
  try {
    const sub = from === 0 && to === text.length ? text : text.slice(from, to);
    const [l] = locatePaths(sub, [rel]);
    if (!l || (l.line === 1 && l.column === 1)) return loc;
    return shift(loc, l);
  } catch {
    return loc;
  }
}

/** Streams a dataset from chunks of text (any sizes; split anywhere) into a store. */
export async function ingestDataset(chunks: AsyncIterable<string> | Iterable<string>, opts: IngestOptions): Promise<IngestResult> {
  const ing = new Ingest(opts);
  for await (const c of chunks) {
    ing.push(c);
    if (ing.finished) break;
  }
  return ing.end();
}

/** The synchronous form for text already in memory (fed in slices, so the parse stays incremental). */
export function ingestText(text: string, opts: IngestOptions, chunkSize = 1 << 16): IngestResult {
  const ing = new Ingest({ ...opts, wholeText: opts.wholeText ?? (() => text) });
  for (let i = 0; i < text.length && !ing.finished; i += chunkSize) ing.push(text.slice(i, i + chunkSize));
  return ing.end();
}
