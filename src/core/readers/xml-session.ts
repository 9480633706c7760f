// A read of a graph file in XML (GEXF, GraphML): the text is gathered (XML is
// parsed whole, so its size is bounded as it arrives), then parsed, and its
// nodes and edges go through graphology-records.ts into the record sink.
import type { Problem } from '../problems.ts';
import type { TextLocation } from '../json-location.ts';
import { offsetToLocation } from '../json-location.ts';
import { fileProblem } from '../check/problems.ts';
import { encodingProblem, TextPreflight } from '../check/preflight.ts';
import { DatasetAssembler } from './assemble.ts';
import { GraphRecords, type EdgeIn, type Given, type NodeIn } from './graphology-records.ts';
import { MAX_XML_CHARS } from './xml.ts';
import type { ReaderOptions, ReadResult, ReadSession } from './reader.ts';

export type GraphFileReader = (text: string, file: string, session: GraphFileSession) => Problem | undefined;

export class GraphFileSession implements ReadSession {
  private readonly t = { scan: 0, parse: 0, check: 0, build: 0 };
  private readonly pre: TextPreflight;
  private parts: string[] = [];
  private chars = 0;
  private first = true;
  private problem?: Problem;
  private graph?: GraphRecords;
  private given?: Given;

  constructor(
    private readonly opts: ReaderOptions,
    private readonly read: GraphFileReader,
  ) {
    this.pre = new TextPreflight(opts.file, opts.decodedStrictly);
  }

  get finished(): boolean {
    return this.problem !== undefined;
  }

  push(chunk: string): void {
    if (this.problem || chunk.length === 0) return;
    if (this.first) {
      this.first = false;
      const rest = this.pre.first(chunk);
      if (rest === undefined) {
        this.problem = fileProblem(
          'not-utf8',
          this.opts.file,
          'file is not UTF-8: it looks like UTF-16',
          'save it as UTF-8',
          { line: 1, column: 1 },
        );
        return;
      }
      chunk = rest;
    }
    const fault = this.pre.fault(chunk);
    if (fault) {
      const before = this.parts.join('');
      this.problem = encodingProblem(this.opts.file, fault, offsetToLocation(before + chunk, before.length + fault.at));
      return;
    }
    this.chars += chunk.length;
    if (this.chars > MAX_XML_CHARS) {
      this.problem = fileProblem(
        'file-too-large',
        this.opts.file,
        `the file has more than ${MAX_XML_CHARS} characters, the most read whole`,
        'split the graph, or export it as CSV, which is read as a stream',
        { line: 1, column: 1 },
      );
      this.parts = [];
      return;
    }
    this.parts.push(chunk);
  }

  /** Called by the format's reader once it knows what the file says of itself. */
  begin(given: Given | undefined, _ag: boolean): void {
    this.given = given;
    this.graph = new GraphRecords(this.opts.file, this.opts.defaultSchema, given);
  }

  node(n: NodeIn, loc: TextLocation): Problem | undefined {
    if (this.graph!.node(n, loc)) return undefined;
    return fileProblem(
      'duplicate-id',
      this.opts.file,
      `node id '${n.id}' is used twice`,
      'give every node its own id',
      loc,
    );
  }

  edge(e: EdgeIn, loc: TextLocation): void {
    this.graph!.edge(e, loc);
  }

  end(): ReadResult {
    const none = (p: Problem): ReadResult => ({ ok: false, problems: [p], timings: this.t });
    if (this.problem) return none(this.problem);
    const text = this.parts.join('');
    this.parts = [];
    if (text.trim() === '')
      return none(
        fileProblem('empty-file', this.opts.file, 'the file is empty', 'export the graph again from its tool', {
          line: 1,
          column: 1,
        }),
      );
    const t0 = performance.now();
    const problem = this.read(text, this.opts.file, this);
    this.t.parse += performance.now() - t0;
    if (problem) return none(problem);
    const sink = new DatasetAssembler(
      { ...this.opts, checkEvidence: this.opts.checkEvidence !== false && GraphRecords.anyText(this.given ?? {}) },
      this.t,
    );
    const warnings = this.graph!.emit(sink);
    const res = sink.end();
    res.problems.unshift(...warnings);
    return res;
  }
}
