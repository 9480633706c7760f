// Export: every format a writer exists for, with what each keeps, for the current view.
import type { ExportChoice } from '../data/formats.ts';
import type { ExportFormat } from '../state/app-state.ts';

interface Props {
  /** Every writer (empty until the formats are loaded). */
  choices: ExportChoice[];
  format: ExportFormat;
  onFormat(format: ExportFormat): void;
  onExport?: () => void;
}

export function ExportMenu({ choices, format, onFormat, onExport }: Props) {
  const chosen = choices.find((c) => c.id === format) ?? choices[0];
  const keeps = chosen ? `${chosen.label} keeps: ${chosen.keeps}` : '';
  return (
    <div class="tool-group">
      <button
        type="button"
        onClick={() => onExport?.()}
        disabled={!onExport || !chosen}
        title={`Download the current view. ${keeps}`}
      >
        Export
      </button>
      <label class="visually-hidden" for="export-format">
        Export format
      </label>
      <select
        id="export-format"
        value={chosen?.id}
        title={keeps}
        aria-describedby="export-keeps"
        onChange={(e) => onFormat((e.currentTarget as HTMLSelectElement).value)}
      >
        {choices.map((c) => (
          <option key={c.id} value={c.id} title={`keeps ${c.keeps}`}>
            {c.label}
          </option>
        ))}
      </select>
      <span id="export-keeps" class="visually-hidden">
        {keeps}
      </span>
    </div>
  );
}
