// Picks an entity by typing its name or id: a text box with suggestions
// (the document's mentions first, then names that start with what is typed).
import { useMemo } from 'preact/hooks';
import type { Entity } from '../../core/model.ts';
import { foldForSearch } from '../../core/text.ts';

interface Props {
  id: string;
  label: string;
  entities: readonly Entity[];
  /** Offered first (mentioned in the document). */
  near: readonly Entity[];
  value: string;
  onInput(value: string): void;
}

export const optionText = (e: Entity) => `${e.label} (${e.id})`;

/** The entity a picker's text names: "Label (id)", an id, or a label or alias only one entity has. */
export function resolveEntity(
  text: string,
  byId: ReadonlyMap<string, Entity>,
  entities: readonly Entity[],
): Entity | undefined {
  const t = text.trim();
  if (!t) return undefined;
  const m = /\(([^()]+)\)$/.exec(t);
  if (m && byId.has(m[1]!)) return byId.get(m[1]!);
  if (byId.has(t)) return byId.get(t);
  const key = foldForSearch(t);
  const hits = entities.filter(
    (e) => foldForSearch(e.label) === key || (e.aliases ?? []).some((a) => foldForSearch(a) === key),
  );
  return hits.length === 1 ? hits[0] : undefined;
}

export function EntityPicker(p: Props) {
  const options = useMemo(() => {
    const key = foldForSearch(p.value.replace(/\([^()]*\)$/, ''));
    const out = new Map<string, Entity>();
    for (const e of p.near) out.set(e.id, e);
    if (key.length >= 2) {
      for (const e of p.entities) {
        if (out.size >= 60) break;
        if (foldForSearch(e.label).startsWith(key) || (e.aliases ?? []).some((a) => foldForSearch(a).startsWith(key)))
          out.set(e.id, e);
      }
    }
    return [...out.values()];
  }, [p.value, p.near, p.entities]);
  return (
    <label class="an-field">
      <span>{p.label}</span>
      <input
        id={p.id}
        list={`${p.id}-list`}
        value={p.value}
        autocomplete="off"
        spellcheck={false}
        onInput={(e) => p.onInput((e.currentTarget as HTMLInputElement).value)}
      />
      <datalist id={`${p.id}-list`}>
        {options.map((e) => (
          <option key={e.id} value={optionText(e)} />
        ))}
      </datalist>
    </label>
  );
}
