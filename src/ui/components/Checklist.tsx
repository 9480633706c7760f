// A collapsible list of checkboxes for filters: none checked means "all".
import type { ComponentChildren } from 'preact';

interface Item {
  id: string;
  label: string;
  extra?: ComponentChildren;
}
interface Props {
  title: string;
  items: Item[];
  checked: string[];
  onChange(next: string[]): void;
  allText?: string;
  name: string;
}

export function Checklist({ title, items, checked, onChange, allText = 'all', name }: Props) {
  const set = new Set(checked);
  const summary =
    checked.length === 0 ? allText : checked.map((c) => items.find((i) => i.id === c)?.label ?? c).join(', ');
  return (
    <details class="checklist">
      <summary>
        <span class="cl-title">{title}</span> <span class="cl-summary">{summary}</span>
      </summary>
      <div class="cl-items" role="group" aria-label={title}>
        {checked.length > 0 && (
          <button type="button" class="ghost small" onClick={() => onChange([])}>
            clear
          </button>
        )}
        {items.map((i) => (
          <label key={i.id} class="cl-item">
            <input
              type="checkbox"
              name={name}
              value={i.id}
              checked={set.has(i.id)}
              onChange={(e) => {
                const on = (e.currentTarget as HTMLInputElement).checked;
                onChange(on ? [...checked, i.id] : checked.filter((c) => c !== i.id));
              }}
            />
            {i.extra}
            {i.label}
          </label>
        ))}
      </div>
    </details>
  );
}
