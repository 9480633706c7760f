// Where the side panels are drawers (small screens), the buttons that open
// them and each drawer's heading with its close button. CSS shows them only there.
import type { Drawer } from '../state/app-reducer.ts';

export function PanelToggles({
  drawer,
  selected,
  onDrawer,
}: {
  drawer?: Drawer;
  selected?: string;
  onDrawer(d: Drawer | undefined): void;
}) {
  return (
    <div class="panel-toggles" role="group" aria-label="Panels">
      <button
        type="button"
        class="toggle-queries"
        aria-controls="left-panel"
        aria-expanded={drawer === 'queries'}
        onClick={() => onDrawer(drawer === 'queries' ? undefined : 'queries')}
      >
        ☰ Queries
      </button>
      {selected && (
        <button
          type="button"
          class="toggle-details"
          aria-controls="right-panel"
          aria-expanded={drawer === 'details'}
          onClick={() => onDrawer(drawer === 'details' ? undefined : 'details')}
        >
          Details: {selected}
        </button>
      )}
    </div>
  );
}

export function DrawerHead({ title, onClose }: { title: string; onClose(): void }) {
  return (
    <div class="drawer-head">
      <h2>{title}</h2>
      <button type="button" class="ghost" onClick={onClose} aria-label="Close the panel">
        ×
      </button>
    </div>
  );
}
