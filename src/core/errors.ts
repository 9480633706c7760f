// Errors every Explorer speaks, in memory, in a worker or over a network:
// a code a program can branch on, a message and a hint a person can act on.
// Plain data ({code, message, hint}), so they cross a worker boundary whole.
import type { Problem } from './problems.ts';

export type ExplorerErrorCode =
  | 'aborted' // the caller's signal fired
  | 'bad-request' // a malformed request (negative limit, both --k and --all, …)
  | 'unknown-entity'
  | 'unknown-type'
  | 'unknown-predicate'
  | 'not-supported' // this Explorer cannot do that (see capabilities())
  | 'invalid-data' // the data could not be opened: see `problems`
  | 'too-large' // the answer would pass a stated bound
  | 'closed' // the data was closed (its worker ended)
  | 'not-loaded' // asked before any data was loaded
  | 'worker-failed'
  | 'unreachable' // a remote store did not answer
  | 'timeout' // a remote store answered too late
  | 'unauthorized' // a remote store refused the credentials
  | 'bad-answer' // a remote store answered something else than SPARQL results
  | 'internal';

export interface ExplorerErrorData {
  code: ExplorerErrorCode;
  message: string;
  hint?: string;
  /** For `invalid-data`: what is wrong with the files. */
  problems?: Problem[];
}

export class ExplorerError extends Error implements ExplorerErrorData {
  readonly code: ExplorerErrorCode;
  readonly hint?: string;
  readonly problems?: Problem[];

  constructor(data: ExplorerErrorData) {
    super(data.message);
    this.name = 'ExplorerError';
    this.code = data.code;
    if (data.hint !== undefined) this.hint = data.hint;
    if (data.problems !== undefined) this.problems = data.problems;
  }

  toJSON(): ExplorerErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint !== undefined ? { hint: this.hint } : {}),
      ...(this.problems ? { problems: this.problems } : {}),
    };
  }

  /** Any thrown value as an ExplorerError (a plain Error becomes `internal`, an AbortError `aborted`). */
  static from(e: unknown): ExplorerError {
    if (e instanceof ExplorerError) return e;
    if (isExplorerErrorData(e)) return new ExplorerError(e);
    if (e instanceof Error && e.name === 'AbortError') return aborted();
    return new ExplorerError({ code: 'internal', message: e instanceof Error ? e.message : String(e) });
  }
}

export function isExplorerErrorData(x: unknown): x is ExplorerErrorData {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as ExplorerErrorData).code === 'string' &&
    typeof (x as ExplorerErrorData).message === 'string'
  );
}

export const aborted = (): ExplorerError =>
  new ExplorerError({ code: 'aborted', message: 'the request was cancelled' });

/** Throws `aborted` when the caller's signal has fired. */
export function checkSignal(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw aborted();
}
