// The annotation workspace, loaded when first asked for: its code (and the
// NLP library it uses) stays out of the explorer's first download.
import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { Loaded } from '../controllers/gateway.ts';

export interface WorkspaceProps {
  view: Loaded;
  onClose(): void;
  /** The store the view comes from took new items: show them (re-query it). */
  onStoreChanged?(): void;
}

export function AnnotateEntry(p: WorkspaceProps) {
  const [Workspace, setWorkspace] = useState<ComponentType<WorkspaceProps>>();
  const [failed, setFailed] = useState<string>();
  useEffect(() => {
    import('./Workspace.tsx').then(
      (m) => setWorkspace(() => m.Workspace),
      (e: unknown) => setFailed(String((e as Error)?.message ?? e)),
    );
  }, []);
  if (Workspace) return <Workspace {...p} />;
  return (
    <div class="annotate-loading" role="status">
      {failed ? `The annotation workspace could not load: ${failed}` : 'Opening the annotation workspace…'}
    </div>
  );
}
