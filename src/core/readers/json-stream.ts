// The streaming reader of the dataset JSON: the text arrives in chunks and
// is never held whole, nor are all parsed records. A scanner tracks strings,
// escapes and nesting to cut out each element of the top-level "sources",
// "entities" and "triples" arrays; the elements a chunk holds whole are
// parsed with one JSON.parse and handed to the record sink (assemble.ts),
// located while their text is at hand. The scanner keeps no stack: nesting
// inside a record is a depth counter.
//
// Rare inputs go back to the whole-text reader (json-text.ts), so the result
// stays the same: a syntax error or bad encoding (when the text is at hand and
// at most LIMITS.locateMaxChars long; beyond that the scanner locates it), a
// root that is not an object, an empty file, a repeated top-level key, an
// embedded schema after the entities or triples.
import type { Problem } from '../problems.ts';
import { TripleStore } from '../store.ts';
import {
  findSyntaxError,
  locatePaths,
  syntaxText,
  type JsonPath,
  type SyntaxKind,
  type TextLocation,
} from '../json-location.ts';
import { LIMITS } from '../check/options.ts';
import { encodingProblem, TextPreflight } from '../check/preflight.ts';
import { fileProblem, jsonSyntax } from '../check/problems.ts';
import { parseDataset } from './json-text.ts';
import { DatasetAssembler, UnsupportedLayout as Fallback } from './assemble.ts';
import type { KeptRecord, ReaderOptions, ReadResult, ReadSession, RecordKind, RecordPlace } from './reader.ts';

class ScanError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

const STREAMED = new Set(['sources', 'entities', 'triples']);

const enum St {
  Start,
  KeyOrEnd,
  Key,
  Colon,
  Value,
  Capture,
  CommaOrEnd,
  ElemOrEnd,
  Elem,
  ElemComma,
  After,
}

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** A record's place: its text (or the chunk holding it, while the chunk is at hand). */
class JsonPlace implements RecordPlace {
  constructor(
    private readonly text: string,
    private readonly from: number,
    private readonly to: number,
    readonly loc: TextLocation,
  ) {}
  locate(rel: JsonPath): TextLocation {
    return within(this.text, this.from, this.to, rel, this.loc);
  }
  /** Kept as its text (smaller than the parsed value), parsed again when wanted. */
  keep(): KeptRecord {
    const text = this.from === 0 && this.to === this.text.length ? this.text : this.text.slice(this.from, this.to);
    return {
      at: text === this.text ? this : new JsonPlace(text, 0, text.length, this.loc),
      value: () => JSON.parse(text),
    };
  }
}

export class JsonStreamSession implements ReadSession {
  private readonly sink: DatasetAssembler;
  private readonly pre: TextPreflight;
  private readonly t = { scan: 0, parse: 0, check: 0, build: 0 };
  private failure?: Fallback | ScanError;
  private retained: string[] | null;
  private chars = 0;
  private first = true;

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
  private readonly keys = new Set<string>();
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
  private arrayKey: RecordKind | undefined;
  private index = 0;

  constructor(private readonly opts: ReaderOptions) {
    this.sink = new DatasetAssembler(opts, this.t);
    this.pre = new TextPreflight(opts.file, opts.decodedStrictly);
    // Kept (up to the location limit) only when the caller cannot give the text again.
    this.retained = opts.wholeText ? null : [];
  }

  /** A session that keeps the text itself (no wholeText) reads on after a failure: the whole-text reader then speaks on all of it. */
  get finished(): boolean {
    return this.failure !== undefined && !this.retained;
  }

  push(chunk: string): void {
    if (chunk.length === 0 || (this.failure && this.finished)) return;
    this.chars += chunk.length;
    if (this.retained) {
      this.retained.push(chunk);
      if (this.chars > LIMITS.locateMaxChars) this.retained = null;
    }
    if (this.failure) return;
    const t0 = performance.now();
    const p0 = this.t.parse + this.t.check;
    try {
      if (this.first) {
        this.first = false;
        const rest = this.pre.first(chunk);
        // UTF-16 read as UTF-8: the whole-text reader explains it.
        if (rest === undefined) throw new Fallback('encoding');
        chunk = rest;
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

  end(): ReadResult {
    if (!this.failure) {
      if (this.st === St.Start) this.failure = new Fallback('empty');
      else if (this.st !== St.After) this.failure = this.scanError(this.base, 'truncated', '');
    }
    if (this.failure) return this.fallback(this.failure);
    try {
      return this.pre.withBom(this.sink.end());
    } catch (e) {
      if (e instanceof Fallback) return this.fallback(e);
      throw e;
    }
  }

  // ---- scanning -------------------------------------------------------

  private checkEncoding(s: string): void {
    const fault = this.pre.fault(s);
    if (fault) throw new ScanError(encodingProblem(this.opts.file, fault, this.locOfChunkOffset(s, fault.at)));
  }

  /** Line/column of chunk offset `at`, counting from the line state at the chunk's start. */
  private locOfChunkOffset(s: string, at: number): TextLocation {
    let line = this.line,
      start = this.lineStart - this.base;
    for (let i = 0; i < at; i++) {
      const c = s.charCodeAt(i);
      if (c === 10) {
        if (!(i > 0 ? s.charCodeAt(i - 1) === 13 : this.lastCR === this.base - 1)) line++;
        start = i + 1;
      } else if (c === 13) {
        line++;
        start = i + 1;
      }
    }
    return { line, column: at - start + 1 };
  }

  private scanError(off: number, kind: SyntaxKind, got: string): ScanError {
    const { message, hint } = syntaxText(kind, got);
    return new ScanError(
      jsonSyntax(this.opts.file, message, hint, { line: this.line, column: off - this.lineStart + 1 }),
    );
  }

  private unexpected(s: string, i: number, kind: SyntaxKind): ScanError {
    const c = s[i]!;
    if ((kind === 'expected-value' || kind === 'expected-name') && this.afterComma && (c === '}' || c === ']'))
      kind = 'trailing-comma';
    return this.scanError(this.base + i, kind, `'${c}'`);
  }

  private newline(c: number, off: number): void {
    if (c === 10) {
      if (this.lastCR !== off - 1) this.line++;
      this.lineStart = off + 1;
    } else {
      this.line++;
      this.lineStart = off + 1;
      this.lastCR = off;
    }
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
        if (this.capEscape) {
          this.capEscape = false;
          i++;
        }
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
        if (c === 34) {
          this.capString = true;
          i++;
          break;
        }
        if (c === 123 || c === 91) this.capDepth++;
        else if (c === 125 || c === 93) {
          if (--this.capDepth === 0) return i + 1;
        } else if (c === 10 || c === 13) this.newline(c, this.base + i);
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
        case St.Start:
        case St.KeyOrEnd:
        case St.Colon:
        case St.Value:
        case St.CommaOrEnd:
        case St.ElemOrEnd:
        case St.ElemComma:
        case St.After: {
          const c = s.charCodeAt(i);
          if (isWs(c)) {
            if (c === 10 || c === 13) this.newline(c, this.base + i);
            i++;
            continue;
          }
          i = this.structural(s, i, c);
          continue;
        }
        case St.Key:
        case St.Capture:
        case St.Elem: {
          const end = this.capture(s, i);
          if (end < 0) {
            i = n;
            continue;
          }
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
        this.sink.start(this.rootLoc);
        this.st = St.KeyOrEnd;
        this.afterComma = false;
        return i + 1;
      case St.KeyOrEnd:
        if (c === 34) {
          this.beginCapture(s, i);
          this.capString = true;
          this.st = St.Key;
          return i + 1;
        }
        if (c === 125 && !this.afterComma) {
          this.st = St.After;
          return i + 1;
        }
        throw this.unexpected(s, i, 'expected-name');
      case St.Colon:
        if (c !== 58) throw this.unexpected(s, i, 'colon');
        this.st = St.Value;
        return i + 1;
      case St.Value:
        if (c === 91 && STREAMED.has(this.key)) {
          this.arrayKey = this.key as RecordKind;
          this.index = 0;
          this.sink.beginList(this.arrayKey, this.keyLoc);
          this.st = St.ElemOrEnd;
          this.afterComma = false;
          return i + 1;
        }
        if (c === 44 || c === 125 || c === 93 || c === 58) throw this.unexpected(s, i, 'expected-value');
        this.beginCapture(s, i);
        if (c === 34) {
          this.capString = true;
          this.st = St.Capture;
          return i + 1;
        }
        this.st = St.Capture;
        return i;
      case St.CommaOrEnd:
        if (c === 44) {
          this.st = St.KeyOrEnd;
          this.afterComma = true;
          return i + 1;
        }
        if (c === 125) {
          this.st = St.After;
          return i + 1;
        }
        throw this.unexpected(s, i, 'comma');
      case St.ElemOrEnd:
        if (c === 93 && !this.afterComma) {
          this.flush(s);
          this.arrayEnd();
          this.st = St.CommaOrEnd;
          return i + 1;
        }
        if (c === 44 || c === 125 || c === 93 || c === 58) throw this.unexpected(s, i, 'expected-value');
        this.beginCapture(s, i);
        this.st = St.Elem;
        if (c === 34) {
          this.capString = true;
          return i + 1;
        }
        return i;
      case St.ElemComma:
        if (c === 44) {
          this.st = St.ElemOrEnd;
          this.afterComma = true;
          return i + 1;
        }
        if (c === 93) {
          this.flush(s);
          this.arrayEnd();
          this.st = St.CommaOrEnd;
          return i + 1;
        }
        throw this.unexpected(s, i, 'comma');
      case St.After:
        throw this.unexpected(s, i, 'after-end');
      default:
        throw new Error('unreachable');
    }
  }

  private captureDone(s: string, end: number): void {
    if (this.st === St.Key) {
      const text = this.captured(s, end);
      this.key = this.parseValue(text, this.capLoc) as string;
      this.keyLoc = this.capLoc;
      if (this.keys.has(this.key)) throw new Fallback('repeated-key');
      this.keys.add(this.key);
      this.st = St.Colon;
      this.afterComma = false;
    } else if (this.st === St.Capture) {
      const text = this.captured(s, end);
      this.sink.member(
        this.key,
        this.keyLoc,
        this.parseValue(text, this.capLoc),
        new JsonPlace(text, 0, text.length, this.capLoc),
      );
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
    if (!info) return new ScanError(jsonSyntax(this.opts.file, undefined, 'check the syntax at this position', loc));
    return new ScanError(jsonSyntax(this.opts.file, info.message, info.hint, shift(loc, info)));
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
      for (let j = 0; j < k; j++)
        this.parseValue(s.slice(this.batchStart[j], this.batchEnd[j]), {
          line: this.batchLine[j]!,
          column: this.batchCol[j]!,
        });
      throw new ScanError(
        jsonSyntax(this.opts.file, undefined, 'check the syntax of the items of this array', this.rootLoc),
      );
    }
    const t1 = performance.now();
    this.t.parse += t1 - t0;
    for (let j = 0; j < k; j++)
      this.element(values[j], s, this.batchStart[j]!, this.batchEnd[j]!, {
        line: this.batchLine[j]!,
        column: this.batchCol[j]!,
      });
    this.t.check += performance.now() - t1;
    this.batchStart.length = 0;
    this.batchEnd.length = 0;
    this.batchLine.length = 0;
    this.batchCol.length = 0;
  }

  private arrayEnd(): void {
    const kind = this.arrayKey!;
    this.arrayKey = undefined;
    this.sink.endList(kind);
  }

  private element(value: unknown, text: string, from: number, to: number, loc: TextLocation): void {
    this.sink.record(this.arrayKey!, value, this.index++, new JsonPlace(text, from, to, loc));
  }

  /** The whole-text reader's result, or the scanner's own syntax problem when the text is not at hand or too large. */
  private fallback(f: Fallback | ScanError): ReadResult {
    const small = this.chars <= LIMITS.locateMaxChars;
    const text = f instanceof ScanError && !small ? undefined : (this.opts.wholeText?.() ?? this.retained?.join(''));
    this.retained = null;
    if (text === undefined) {
      if (f instanceof ScanError) return this.pre.withBom({ ok: false, problems: [f.problem], timings: this.t });
      return {
        ok: false,
        timings: this.t,
        fallback: f.message,
        problems: [
          fileProblem(
            'unsupported-layout',
            this.opts.file,
            `this file can only be read whole (${f.message}), and its text is not at hand`,
            'put "schema" before "entities" and "triples", and give each top-level key once',
            this.rootLoc,
          ),
        ],
      };
    }
    const t0 = performance.now();
    const res: ReadResult = {
      ...parseDataset(text, this.opts),
      timings: this.t,
      fallback: f instanceof ScanError ? f.problem.code : f.message,
    };
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
