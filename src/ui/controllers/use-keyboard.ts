// Page shortcuts: `/` goes to the search box, Escape steps back (drawer,
// relation, selection), unless typing elsewhere.
import { useEffect } from 'preact/hooks';
import type { RefObject } from 'preact';

export function useKeyboard(
  searchInput: RefObject<HTMLInputElement | null>,
  onEscape?: () => void,
  onHelp?: () => void,
): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      const typing =
        t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
      if (e.key === '/' && !typing) {
        e.preventDefault();
        searchInput.current?.focus();
        searchInput.current?.select();
      }
      if (e.key === '?' && !typing) {
        e.preventDefault();
        onHelp?.();
      }
      // An Escape some widget used (a list closing, a dialog) is not ours.
      if (e.key === 'Escape' && !typing && !e.defaultPrevented && !t?.closest('[role=dialog], .timeline-bar'))
        onEscape?.();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
}
