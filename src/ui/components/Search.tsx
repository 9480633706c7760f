// Typeahead over the core's entity search: label, type (coloured dot) and the
// alias that matched. Arrow keys move, Enter chooses, Escape closes.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Ref } from 'preact';
import type { SearchHit } from '../../core/model.ts';
import type { SchemaIndex } from '../../core/schema.ts';
import { TypeDot } from './TypeDot.tsx';

interface Props {
  /** The best matches for a text (the data's entity search). */
  /** Rejects when `signal` fires (the text changed meanwhile). */
  find(text: string, signal?: AbortSignal): Promise<SearchHit[]>;
  schema: SchemaIndex;
  id: string;
  label: string;
  placeholder?: string;
  onChoose(hit: SearchHit): void;
  inputRef?: Ref<HTMLInputElement>;
  /** Shown in the box when nothing is typed (e.g. the chosen entity's label). */
  value?: string;
  /** The box emptied by hand: the choice it held is let go. */
  onClear?: () => void;
  compact?: boolean;
}

export function Search({ find, schema, id, label, placeholder, onChoose, inputRef, value, compact, onClear }: Props) {
  const [text, setText] = useState(value ?? '');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const seq = useRef(0);
  const box = useRef<HTMLInputElement | null>(null);
  const shown = useRef(value ?? '');
  const closing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // A new choice from outside shows in the box, unless the person is typing
  // there: the change may be the echo of their own edit, and arrives late.
  useEffect(() => {
    const next = value ?? '';
    const typing = box.current !== null && document.activeElement === box.current && text !== shown.current;
    shown.current = next;
    if (!typing) setText(next);
  }, [value]);
  useEffect(() => () => clearTimeout(closing.current), []);

  useEffect(() => {
    const q = text.trim();
    const n = ++seq.current;
    if (!q || !open) {
      setHits([]);
      return;
    }
    const ac = new AbortController();
    find(q, ac.signal).then(
      (r) => {
        if (n !== seq.current) return; // a newer query superseded this one
        setHits(r);
        setActive(0);
      },
      () => {
        /* superseded, or the data closed: the list stays as it was */
      },
    );
    return () => ac.abort();
  }, [text, open, find]);

  const choose = (hit: SearchHit) => {
    setOpen(false);
    setHits([]);
    setText(value === undefined ? '' : hit.label);
    onChoose(hit);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      const h = hits[active];
      if (h) {
        e.preventDefault();
        choose(h);
      }
    } else if (e.key === 'Escape') {
      setOpen(false);
      (e.currentTarget as HTMLInputElement).blur();
    }
  };

  const listId = `${id}-list`;
  const showList = open && hits.length > 0;
  return (
    <div class={`search${compact ? ' compact' : ''}`}>
      <label class="visually-hidden" for={id}>
        {label}
      </label>
      <input
        id={id}
        ref={(el) => {
          box.current = el;
          if (typeof inputRef === 'function') inputRef(el);
          else if (inputRef) inputRef.current = el;
        }}
        type="search"
        role="combobox"
        list={undefined}
        autoComplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList ? `${id}-opt-${active}` : undefined}
        placeholder={placeholder}
        value={text}
        onInput={(e) => {
          const t = (e.currentTarget as HTMLInputElement).value;
          setText(t);
          setOpen(true);
          if (!t && value) onClear?.();
        }}
        onFocus={() => {
          // A blur just before (Escape, then `/`) must not shut the list on the new typing.
          clearTimeout(closing.current);
          setOpen(true);
        }}
        onBlur={() => {
          clearTimeout(closing.current);
          closing.current = setTimeout(() => setOpen(false), 150);
        }}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <ul id={listId} role="listbox" class="search-list" aria-label={`${label}: results`}>
          {hits.map((h, i) => {
            const type = schema.types.get(h.type);
            return (
              <li
                id={`${id}-opt-${i}`}
                key={h.id}
                role="option"
                aria-selected={i === active}
                class={i === active ? 'active' : ''}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(h);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <TypeDot color={type?.color} />
                <span class="hit-label">{h.label}</span>
                {h.matchedAlias && <span class="hit-alias">“{h.matchedAlias}”</span>}
                <span class="hit-type">{type?.label ?? h.type}</span>
              </li>
            );
          })}
        </ul>
      )}
      {open && text.trim() !== '' && hits.length === 0 && (
        <div class="search-empty" role="status">
          No entity matches “{text.trim()}”
        </div>
      )}
    </div>
  );
}
