// The formats the explorer opens and writes (data/formats.ts), loaded after
// the first frame: every reader's and writer's code is in that chunk, and the
// bundled data needs none of it.
import { useEffect, useState } from 'preact/hooks';

export type Formats = typeof import('../data/formats.ts');

export const loadFormats = (): Promise<Formats> => import('../data/formats.ts');

/** The formats once loaded (undefined for the first moments). */
export function useFormats(): Formats | undefined {
  const [formats, setFormats] = useState<Formats>();
  useEffect(() => {
    void loadFormats().then(setFormats);
  }, []);
  return formats;
}
