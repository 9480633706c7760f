// What "Save to store" did: counts of what was written, what the store held
// already, what it holds otherwise under the same id; or why it failed.
import type { SavedItem } from '../../core/explorer.ts';
import type { StoreSave } from './store-save.ts';

const KINDS = [
  ['source', 'document', 'documents'],
  ['entity', 'entity', 'entities'],
  ['alias', 'alias', 'aliases'],
  ['relation', 'relation', 'relations'],
] as const;

/** "1 document, 2 relations" (kinds with none left out). */
export function counted(items: readonly SavedItem[]): string {
  const parts = KINDS.map(([k, one, many]) => {
    const n = items.filter((i) => i.kind === k).length;
    return n ? `${n} ${n === 1 ? one : many}` : '';
  }).filter(Boolean);
  return parts.length ? parts.join(', ') : 'nothing';
}

const named = (i: SavedItem) => (i.kind === 'alias' ? `“${i.alias}” for ${i.id}` : `${i.kind} ${i.id}`);

export function StoreReport({ status, onDismiss }: { status: StoreSave; onDismiss(): void }) {
  if (status.state === 'idle') return null;
  if (status.state === 'saving')
    return (
      <div class="an-card an-store" role="status" id="an-store-report">
        Saving to the store…
      </div>
    );
  if (status.state === 'failed')
    return (
      <div class="an-card an-store an-refused" role="alert" id="an-store-report">
        <h2>Not saved to the store</h2>
        <p>{status.message}</p>
        <p class="muted small">Nothing in the workspace is lost: save again when the store takes it.</p>
        <button type="button" class="ghost small" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    );
  const r = status.result;
  return (
    <div class="an-card an-store" role="status" id="an-store-report">
      <h2>
        {r.conflicts.length
          ? 'Saved to the store, but not all'
          : r.saved.length
            ? 'Saved to the store'
            : 'Nothing new for the store'}
      </h2>
      <p id="an-store-saved">
        Written: {counted(r.saved)} ({r.triples} RDF triples).
      </p>
      {r.already.length > 0 && (
        <details>
          <summary id="an-store-already">Already in the store: {counted(r.already)}</summary>
          <ul>
            {r.already.map((i) => (
              <li key={named(i)}>{named(i)}</li>
            ))}
          </ul>
        </details>
      )}
      {r.conflicts.length > 0 && (
        <div class="bad">
          <p id="an-store-conflicts">
            Not written: the store holds something else under the same id ({counted(r.conflicts)}).
          </p>
          <ul>
            {r.conflicts.map((i) => (
              <li key={named(i)}>{named(i)}</li>
            ))}
          </ul>
        </div>
      )}
      <button type="button" class="ghost small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
