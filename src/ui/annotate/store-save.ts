// "Save to store": what the workspace added, sent through the Explorer to the
// SPARQL store it is connected to (Explorer.save: INSERT DATA only, so two
// tabs saving at once keep both). The work itself is never changed by a
// save, so a refused or failed one loses nothing.
import { useState } from 'preact/hooks';
import type { SaveResult } from '../../core/explorer.ts';
import { canSave, errorText, saveToStore } from '../controllers/gateway.ts';
import type { Loaded } from '../controllers/gateway.ts';
import type { Work } from './work.ts';
import { additionsOf } from './additions.ts';

export type StoreSave =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; result: SaveResult }
  | { state: 'failed'; message: string };

export function useStoreSave(view: Loaded, onSaved: (() => void) | undefined) {
  const [status, setStatus] = useState<StoreSave>({ state: 'idle' });
  const save = (w: Work) => {
    setStatus({ state: 'saving' });
    saveToStore(view, additionsOf(w)).then(
      (result) => {
        setStatus({ state: 'saved', result });
        if (result.saved.length) onSaved?.();
      },
      (e: unknown) => setStatus({ state: 'failed', message: errorText(e) }),
    );
  };
  return { can: canSave(view), status, save, dismiss: () => setStatus({ state: 'idle' }) };
}
