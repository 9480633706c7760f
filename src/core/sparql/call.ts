// Progress of one Explorer call over a store. Each call that wants progress
// gets a signal of its own (following the caller's), which keys its tally: the
// helpers that already carry the signal down to every request can report
// through it without another parameter.
import type { CallOptions, CallProgress } from '../explorer.ts';

interface Tally extends CallProgress {
  onProgress: (p: CallProgress) => void;
}

const tallies = new WeakMap<AbortSignal, Tally>();

/** The signal to pass down for this call: the caller's, or one of its own when the caller wants progress. */
export function callSignal(options: CallOptions | undefined): AbortSignal | undefined {
  if (!options?.onProgress) return options?.signal;
  const own = options.signal ? AbortSignal.any([options.signal]) : new AbortController().signal;
  tallies.set(own, { requests: 0, onProgress: options.onProgress });
  return own;
}

/** Notes what the current step works on (a hop's frontier, the relations gathered). */
export function noteStep(signal: AbortSignal | undefined, step: Omit<CallProgress, 'requests'>): void {
  const t = signal && tallies.get(signal);
  if (t) Object.assign(t, step);
}

/** One more request answered. */
export function noteRequest(signal: AbortSignal | undefined): void {
  const t = signal && tallies.get(signal);
  if (!t) return;
  t.requests++;
  const { onProgress, ...p } = t;
  onProgress(p);
}
