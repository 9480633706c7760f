// An Explorer's failure as the UI shows it: its message and hint, or nothing
// when the query was superseded (aborted).
import { ExplorerError } from '../../core/errors.ts';

/** An Explorer's failure in words for a person: its message, then its hint. */
export function errorText(e: unknown): string {
  const err = ExplorerError.from(e);
  return err.hint ? `${err.message} (${err.hint})` : err.message;
}

/** A superseded query's rejection: nothing to show. */
export const isAborted = (e: unknown): boolean => ExplorerError.from(e).code === 'aborted';
