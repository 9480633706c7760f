// While a file opens: which step, how far (bytes while reading), and Cancel.
// Validation and indexing are single steps in the worker, so their bar is indeterminate.
import type { Progress } from '../data/load.ts';

const STEPS: Record<Progress['phase'], string> = {
  reading: 'Reading',
  validating: 'Checking',
  merging: 'Merging',
  indexing: 'Indexing',
};

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** What the step is doing: bytes read (of how many, when the size is known: not for compressed responses). */
export function progressDetail(phase: Progress['phase'], done: number, total: number): string {
  if (phase === 'reading')
    return total > 0 ? `${formatBytes(done)} of ${formatBytes(total)}` : `${formatBytes(done)} read`;
  if (phase === 'indexing') return 'building the graph index';
  if (phase === 'merging') return 'combining with the open data';
  return 'validating every entity and relation';
}

export function LoadProgress({ progress, onCancel }: { progress: Progress & { file: string }; onCancel(): void }) {
  const { phase, done, total, file } = progress;
  const reading = phase === 'reading';
  const pct = reading && total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : undefined;
  return (
    <div class="load-progress" role="status" aria-live="polite" aria-label={`Opening ${file}`}>
      <div class="load-head">
        <span class="load-file" title={file}>
          Opening {file}
        </span>
        <button type="button" class="small" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {/* Keyed: an indeterminate bar must be a fresh element without a value attribute. */}
      {pct !== undefined ? (
        <progress key="bytes" class="load-bar" max={100} value={pct} aria-label={`${STEPS[phase]} ${file}`} />
      ) : (
        <progress key="step" class="load-bar" aria-label={`${STEPS[phase]} ${file}`} />
      )}
      <div class="load-detail">
        <span class="load-phase">
          {STEPS[phase]}
          {pct !== undefined ? ` ${pct}%` : '…'}
        </span>
        <span class="load-bytes">{progressDetail(phase, done, total)}</span>
      </div>
    </div>
  );
}
