// Under the graph: the trust and time filters, and a choice of the timeline
// or the relations table.
import type { ComponentChildren } from 'preact';
import type { BottomView, UrlState } from '../state/url-state.ts';
import type { FilterPatch } from '../state/view-reducer.ts';
import { FilterBar } from './FilterBar.tsx';

interface Props {
  url: UrlState;
  onFilter(patch: FilterPatch): void;
  onClear(): void;
  onTab(v: BottomView): void;
  children: ComponentChildren;
}

const TABS: { v: Exclude<BottomView, 'none'>; name: string }[] = [
  { v: 'timeline', name: 'Timeline' },
  { v: 'relations', name: 'Relations' },
];

export function Dock({ url, onFilter, onClear, onTab, children }: Props) {
  const open = url.bottom !== 'none';
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    if ((e.target as HTMLElement).getAttribute('role') !== 'tab') return;
    const i = Math.max(
      0,
      TABS.findIndex((t) => t.v === url.bottom),
    );
    const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    onTab(next.v);
    document.getElementById(`dock-tab-${next.v}`)?.focus();
  };
  return (
    <section class="dock" aria-label="Filters, timeline and relations">
      <FilterBar url={url} onFilter={onFilter} onClear={onClear} />
      <div class="dock-tabs">
        <div class="dock-tablist" role="tablist" aria-label="Under the graph" onKeyDown={onKey}>
          {TABS.map(({ v, name }) => (
            <button
              key={v}
              type="button"
              role="tab"
              id={`dock-tab-${v}`}
              aria-selected={url.bottom === v}
              tabIndex={url.bottom === v || (open ? false : v === 'timeline') ? 0 : -1}
              aria-controls="dock-panel"
              class={url.bottom === v ? 'on' : ''}
              onClick={() => onTab(v)}
            >
              {name}
            </button>
          ))}
        </div>
        <button
          type="button"
          class="ghost small dock-toggle"
          aria-expanded={open}
          aria-controls="dock-panel"
          onClick={() => onTab(open ? 'none' : 'timeline')}
        >
          {open ? '▾ hide' : '▴ show'}
        </button>
      </div>
      {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: aria-labelledby is set only with the tabpanel role */}
      <div
        id="dock-panel"
        role={open ? 'tabpanel' : undefined}
        aria-labelledby={open ? `dock-tab-${url.bottom}` : undefined}
        class="dock-panel"
        hidden={!open}
      >
        {children}
      </div>
    </section>
  );
}
