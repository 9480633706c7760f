// RDF in: N-Triples, N-Quads, Turtle and TriG through n3's streaming parser,
// fed chunk by chunk. Quads are gathered per subject (rdf/graph.ts), then
// read by actorgraph's own mapping when the file uses it (rdf/from-rdf.ts),
// else by the foreign mapping (rdf/foreign.ts), and handed to the record
// sink like any other format. Graph names are ignored: the quads of every
// graph make one dataset.
import { Parser } from 'n3';
import type { Problem } from '../problems.ts';
import type { TextLocation } from '../json-location.ts';
import { encodingProblem, TextPreflight } from '../check/preflight.ts';
import { emptyFile, fileProblem, notUtf8 } from '../check/problems.ts';
import { RdfGraph } from '../rdf/graph.ts';
import { isOwnMapping, readOwnMapping } from '../rdf/from-rdf.ts';
import { readForeign } from '../rdf/foreign.ts';
import type { RdfRecords } from '../rdf/records.ts';
import type { Term } from '../rdf/terms.ts';
import { NtScanner } from '../rdf/ntriples.ts';
import { DatasetAssembler } from './assemble.ts';
import { RDF_FORMATS } from './formats.ts';
import type {
  DatasetReader,
  KeptRecord,
  ReaderOptions,
  ReadResult,
  ReadSession,
  RecordKind,
  RecordPlace,
} from './reader.ts';

/** Deeper nesting of `[ ]` and `( )` than this is refused (an attack, not data). */
export const MAX_RDF_NESTING = 256;

interface N3Token {
  type: string;
  line: number;
  start?: number;
  end?: number;
}
interface N3Term {
  termType: string;
  value: string;
  language?: string;
  datatype?: { value: string };
}
interface N3Quad {
  subject: N3Term;
  predicate: N3Term;
  object: N3Term;
}
type N3Error = Error & { context?: { token?: N3Token; line?: number; previousToken?: N3Token } };

class Stop extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

function hintFor(message: string, syntax: string): string {
  if (/Undefined prefix "([^"]*):"/.test(message))
    return `declare the prefix before its first use: @prefix ${/Undefined prefix "([^"]*):"/.exec(message)![1]}: <http://…> .`;
  if (/IRI/.test(message) || /Unexpected "</.test(message))
    return 'write IRIs in angle brackets without spaces or any of <>"{}|^`\\, e.g. <http://example.org/a%20b>';
  if (/Unexpected ""|Unexpected "'/.test(message))
    return syntax === 'Turtle' || syntax === 'TriG'
      ? 'close the string with its quote on the same line, or use """…""" for text over several lines'
      : 'close the string with " on the same line; write a line break inside a string as \\n';
  if (/dot|punctuation|Expected entity but got eof|Unexpected eof/i.test(message))
    return 'end each statement with " ." (and separate what is said of one subject with ";"); the file may be cut short';
  if (/nested/.test(message)) return `nest [ ] and ( ) at most ${MAX_RDF_NESTING} levels deep`;
  return `check the ${syntax} syntax at this place`;
}

/** A small place: the node's start stands for all its fields (a class: no closures per record). */
class NodePlace implements RecordPlace, KeptRecord {
  constructor(
    readonly loc: TextLocation,
    private readonly v: unknown,
  ) {}
  get at(): RecordPlace {
    return this;
  }
  locate(): TextLocation {
    return this.loc;
  }
  keep(): KeptRecord {
    return this;
  }
  value(): unknown {
    return this.v;
  }
}

class RdfSession implements ReadSession {
  private readonly graph = new RdfGraph();
  private readonly pre: TextPreflight;
  private readonly t = { scan: 0, parse: 0, check: 0, build: 0 };
  private readonly handlers: Record<string, (x?: unknown) => void> = {};
  private readonly blanks = new Map<string, string>();
  private problem?: Problem;
  private first = true;
  private content = false;
  private chars = 0;
  // Where the current statement starts, and how deep [ ] and ( ) nest.
  private stmt: TextLocation = { line: 1, column: 1 };
  private atStatement = true;
  private depth = 0;
  private lastToken?: TextLocation;
  // An exception thrown by a callback of ours (a fault of the reader, not of the file).
  private ours: unknown;

  // Line mode (N-Triples, N-Quads): the text not yet ending in a line break, and the line number.
  private rest: string[] = [];
  private lineNo = 0;
  private scanner?: NtScanner;
  private lastLine = -1;
  private lastSubject = '';
  private lineLoc: TextLocation = { line: 1, column: 1 };

  constructor(
    private readonly opts: ReaderOptions,
    private readonly syntax: string,
    private readonly lineMode: 'triples' | 'quads' | undefined,
  ) {
    this.pre = new TextPreflight(opts.file, opts.decodedStrictly);
    if (lineMode) return;
    const input = {
      on: (ev: string, fn: (x?: unknown) => void) => {
        this.handlers[ev] = fn;
      },
    };
    const parser = new Parser({ format: syntax });
    (parser.parse as unknown as (i: unknown, cb: object) => void)(input, {
      onQuad: this.own((err: N3Error | null, q: N3Quad | null) => {
        if (err) this.fail(err);
        else if (q) this.quad(q);
      }),
      onPrefix: this.own((prefix: string, ns: N3Term) => {
        this.graph.prefixes.set(prefix, ns.value);
      }),
      onToken: this.own((tok: N3Token) => this.token(tok)),
    });
  }

  /** A callback of ours, whose exceptions are told apart from n3's own. */
  private own<A extends unknown[]>(fn: (...a: A) => void): (...a: A) => void {
    return (...a) => {
      try {
        fn(...a);
      } catch (e) {
        if (!(e instanceof Stop)) this.ours = e;
        throw e;
      }
    };
  }

  /**
   * Text through n3. n3 can trip over a fault it has just reported (an
   * invalid prefix IRI: it reports it, then reads the missing node); what it
   * throws is the file's fault, placed at the last token read.
   */
  private n3(run: () => void): void {
    try {
      run();
    } catch (e) {
      if (e instanceof Stop || e === this.ours) throw e;
      if (this.problem) return;
      const loc = this.lastToken ?? { line: 1, column: 1 };
      this.problem = fileProblem(
        'rdf-syntax',
        this.opts.file,
        `invalid ${this.syntax}: the statement cannot be read`,
        hintFor('', this.syntax),
        loc,
      );
    }
  }

  get finished(): boolean {
    return this.problem !== undefined;
  }

  private token(tok: N3Token): void {
    const ty = tok.type;
    this.lastToken = { line: tok.line, column: (tok.start ?? 0) + 1 };
    if (this.atStatement && ty !== '.' && ty !== '{' && ty !== '}' && ty !== 'eof') {
      this.stmt = { line: tok.line, column: (tok.start ?? 0) + 1 };
      this.atStatement = false;
    }
    if (ty === '.' || ty === '{' || ty === '}') this.atStatement = true;
    else if (ty === '[' || ty === '(') {
      if (++this.depth > MAX_RDF_NESTING) {
        throw new Stop(
          fileProblem(
            'rdf-syntax',
            this.opts.file,
            `invalid ${this.syntax}: [ ] or ( ) nested more than ${MAX_RDF_NESTING} levels deep`,
            hintFor('nested', this.syntax),
            { line: tok.line, column: (tok.start ?? 0) + 1 },
          ),
        );
      }
    } else if (ty === ']' || ty === ')') this.depth--;
  }

  private term(t: N3Term): Term {
    if (t.termType === 'NamedNode') return { kind: 'iri', value: t.value };
    if (t.termType === 'BlankNode') return { kind: 'blank', value: this.blank(t.value) };
    const lit: { kind: 'literal'; value: string; datatype?: string; language?: string } = {
      kind: 'literal',
      value: t.value,
    };
    if (t.language) lit.language = t.language;
    else if (t.datatype) lit.datatype = t.datatype.value;
    return lit;
  }

  /** Blank nodes numbered in order of appearance: the same file gives the same ids. */
  private blank(label: string): string {
    let id = this.blanks.get(label);
    if (id === undefined) this.blanks.set(label, (id = `_:b${this.blanks.size + 1}`));
    return id;
  }

  private quad(q: N3Quad): void {
    const s = q.subject;
    if (s.termType !== 'NamedNode' && s.termType !== 'BlankNode') return; // quoted triples are not read
    const blank = s.termType === 'BlankNode';
    this.graph.add(blank ? this.blank(s.value) : s.value, blank, this.stmt, q.predicate.value, this.term(q.object));
  }

  private lineChunk(chunk: string): void {
    // A line longer than a chunk waits in parts, joined once its end arrives (no rescans).
    const first = chunk.indexOf('\n');
    if (first < 0) {
      this.rest.push(chunk);
      return;
    }
    // The line across the chunk boundary on its own; the others read in the chunk itself
    // (a flat string: scanning a joined, cons string is much slower).
    this.rest.push(chunk.slice(0, first));
    const head = this.rest.join('');
    this.rest = [];
    this.lineOf(head, 0, head.length);
    let from = first + 1;
    for (let nl = chunk.indexOf('\n', from); nl >= 0 && !this.problem; nl = chunk.indexOf('\n', from)) {
      this.lineOf(chunk, from, nl);
      from = nl + 1;
    }
    if (!this.problem && from < chunk.length) this.rest.push(chunk.slice(from));
  }

  private lineOf(text: string, from: number, to: number): void {
    this.lineNo++;
    const sc = (this.scanner ??= new NtScanner(this.lineMode === 'quads'));
    const r = sc.line(text, from, to);
    if (r === null) return;
    if (r === false) {
      this.lineError(text.slice(from, to).replace(/\r$/, ''), sc.errorColumn);
      return;
    }
    let o = sc.object;
    if (o.kind === 'blank') o = { kind: 'blank', value: this.blank(o.value) };
    if (this.lineNo !== this.lastLine + 1 || sc.subject !== this.lastSubject)
      this.lineLoc = { line: this.lineNo, column: 1 };
    this.lastLine = this.lineNo;
    this.lastSubject = sc.subject;
    this.graph.add(sc.blank ? this.blank(sc.subject) : sc.subject, sc.blank, this.lineLoc, sc.predicate, o);
  }

  /** A line the fast scan refused: n3 words the fault (its column when it has one, else ours). */
  private lineError(line: string, column: number): void {
    let message = 'this line is not a valid statement';
    try {
      new Parser({ format: this.syntax }).parse(line);
    } catch (e) {
      const err = e as N3Error;
      // Only n3's syntax errors word the fault; anything else it throws keeps the plain message.
      if (err?.context) {
        message = err.message.replace(/ on line \d+\.$/, '');
        const tok = err.context.token;
        if (tok && tok.type !== 'eof' && tok.start !== undefined) column = tok.start + 1;
      }
    }
    this.lineFault(message, column);
  }

  private lineFault(message: string, column: number): void {
    this.problem = fileProblem(
      'rdf-syntax',
      this.opts.file,
      `invalid ${this.syntax}: ${message}`,
      hintFor(message, this.syntax),
      { line: this.lineNo, column },
    );
  }

  private fail(err: N3Error): void {
    if (this.problem) return;
    const ctx = err.context ?? {};
    let loc: TextLocation;
    if (ctx.token && ctx.token.type !== 'eof') loc = { line: ctx.token.line, column: (ctx.token.start ?? 0) + 1 };
    else {
      const line = ctx.line ?? ctx.token?.line ?? 1;
      const prev = ctx.previousToken;
      loc = { line, column: prev && prev.line === line && prev.end !== undefined ? prev.end + 1 : 1 };
    }
    const message = err.message.replace(/ on line \d+\.$/, '');
    this.problem = fileProblem(
      'rdf-syntax',
      this.opts.file,
      `invalid ${this.syntax}: ${message}`,
      hintFor(message, this.syntax),
      loc,
    );
  }

  push(chunk: string): void {
    if (this.problem || chunk.length === 0) return;
    const t0 = performance.now();
    try {
      if (this.first) {
        this.first = false;
        const rest = this.pre.first(chunk);
        if (rest === undefined) throw new Stop(notUtf8(this.opts.file, { kind: 'utf16-bom' }));
        chunk = rest;
      }
      const fault = this.pre.fault(chunk);
      if (fault) {
        // The text before the bad character first: the first problem in the file wins, however the file is cut.
        if (fault.at > 0) {
          this.push(chunk.slice(0, fault.at));
          if (this.problem) return;
        }
        throw new Stop(encodingProblem(this.opts.file, fault, fault.loc));
      }
      this.chars += chunk.length;
      if (!this.content && chunk.trim() !== '') this.content = true;
      if (this.lineMode) this.lineChunk(chunk);
      else this.n3(() => this.handlers.data?.(chunk));
    } catch (e) {
      if (e instanceof Stop) this.problem = e.problem;
      else throw e;
    }
    this.t.scan += performance.now() - t0;
  }

  end(): ReadResult {
    const t0 = performance.now();
    if (!this.problem && !this.content) this.problem = emptyFile(this.opts.file, this.chars > 0);
    if (!this.problem) {
      try {
        if (this.lineMode) {
          const last = this.rest.join('');
          this.rest = [];
          this.lineOf(last, 0, last.length);
        } else this.n3(() => this.handlers.end?.());
      } catch (e) {
        if (e instanceof Stop) this.problem = e.problem;
        else throw e;
      }
    }
    this.t.scan += performance.now() - t0;
    if (this.problem) return this.pre.withBom({ ok: false, problems: [this.problem], timings: this.t });
    const t1 = performance.now();
    const records = isOwnMapping(this.graph) ? readOwnMapping(this.graph) : readForeign(this.graph, this.opts.file);
    this.t.parse += performance.now() - t1;
    return this.pre.withBom(feed(records, this.opts, this.t));
  }
}

/** The records through the sink (checks, store), in the order the checks want them. */
export function feed(records: RdfRecords, opts: ReaderOptions, t: ReadResult['timings']): ReadResult {
  const sink = new DatasetAssembler(opts, t);
  const start = { line: 1, column: 1 };
  sink.start(start);
  const head = new NodePlace(start, undefined);
  for (const key of ['format', 'version', 'title', 'schema'] as const) {
    if (records[key] !== undefined) sink.member(key, start, records[key], head);
  }
  for (const kind of ['sources', 'entities', 'triples'] as RecordKind[]) {
    sink.beginList(kind, start);
    records[kind].forEach((r, i) => {
      sink.record(kind, r.value, i, new NodePlace(r.loc, r.value));
    });
    sink.endList(kind);
  }
  const res = sink.end();
  for (const n of records.notes)
    res.problems.push(fileProblem(n.code, opts.file, n.message, n.hint, undefined, 'warning'));
  return res;
}

export const RDF_READERS: readonly DatasetReader[] = RDF_FORMATS.map(({ syntax, ...format }) => {
  const lineMode = syntax === 'N-Triples' ? 'triples' : syntax === 'N-Quads' ? 'quads' : undefined;
  return { ...format, open: (opts: ReaderOptions) => new RdfSession(opts, syntax, lineMode) };
});
