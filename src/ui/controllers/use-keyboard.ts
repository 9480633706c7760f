// Page shortcuts: `/` goes to the search box (unless typing elsewhere).
import { useEffect } from 'preact/hooks';
import type { RefObject } from 'preact';

export function useKeyboard(searchInput: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      const typing = t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable);
      if (e.key === '/' && !typing) { e.preventDefault(); searchInput.current?.focus(); searchInput.current?.select(); }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
}
