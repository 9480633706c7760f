// Export as a picture: choosing a kind saves it at once (PNG 1× or 2×, SVG).
import { IMAGE_CHOICES } from '../controllers/export-image.ts';

export function PictureMenu({ onPicture }: { onPicture?: (format: string) => void }) {
  return (
    <div class="tool-group">
      <label class="visually-hidden" for="picture-format">
        Save a picture of the view
      </label>
      <select
        id="picture-format"
        value=""
        disabled={!onPicture}
        title="Save a picture of the view, with its title and legend"
        onChange={(e) => {
          const el = e.currentTarget as HTMLSelectElement;
          const f = el.value;
          el.value = '';
          if (f) onPicture?.(f);
        }}
      >
        <option value="">Picture…</option>
        {IMAGE_CHOICES.map((c) => (
          <option key={c.id} value={c.id} title={c.keeps}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}
