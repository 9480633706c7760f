// A row of mutually exclusive choices (radio buttons drawn as one control).
interface Props<T extends string> {
  id: string;
  label: string;
  value: T;
  choices: readonly { value: T; label: string }[];
  onChange(v: T): void;
}

export function Segmented<T extends string>({ id, label, value, choices, onChange }: Props<T>) {
  return (
    <div class="row">
      <span class="field-label" id={id}>
        {label}
      </span>
      <div class="segmented" role="radiogroup" aria-labelledby={id}>
        {choices.map((c) => (
          <button
            type="button"
            role="radio"
            key={c.value}
            aria-checked={value === c.value}
            class={value === c.value ? 'on' : ''}
            onClick={() => onChange(c.value)}
          >
            {c.label}
          </button>
        ))}
      </div>
    </div>
  );
}

export const OUTSIDE_CHOICES = [
  { value: 'dim', label: 'dim' },
  { value: 'hide', label: 'hide' },
] as const;
