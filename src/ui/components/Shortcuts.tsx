// The sheet of keyboard shortcuts, opened with `?`.
import { useEffect, useRef } from 'preact/hooks';

const KEYS: [string, string][] = [
  ['/', 'Search entities'],
  ['Escape', 'Close a drawer, then the relation shown, then the selection'],
  ['?', 'This sheet'],
  ['← →', 'Move between tabs (queries, timeline and relations)'],
  ['Tab', 'From the skip links: the search, or the list of entities drawn'],
  ['Double click', 'Expand a node (large data)'],
];

export function Shortcuts({ onClose }: { onClose(): void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
  }, []);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: a click on the backdrop is a mouse shortcut; Escape and the Close button do the same from the keyboard
    <div
      class="overlay shortcuts-overlay"
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div
        class="shortcuts"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
        }}
      >
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <dl>
          {KEYS.map(([k, what]) => (
            <div key={k}>
              <dt>
                <kbd>{k}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <button ref={close} type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
