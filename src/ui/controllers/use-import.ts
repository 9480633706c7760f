// Files to open go through here: a CSV/TSV table first shows the mapping
// step (its columns, first rows and their roles), then loads with the
// mapping chosen; anything else loads at once.
import { useState } from 'preact/hooks';
import { pickDataset, type ReadChoices } from '../data/load.ts';
import { loadFormats } from './use-formats.ts';
import type { ColumnMapping, CsvPreview } from '../data/csv-roles.ts';
import { useEvent } from '../hooks/use-event.ts';

type Mode = 'replace' | 'merge';

export interface PendingTable {
  files: File[];
  mode: Mode;
  name: string;
  preview: CsvPreview;
}

export interface Importing {
  /** The table waiting for its mapping, if any. */
  table?: PendingTable;
  open(files: File[], mode: Mode): void;
  load(mapping: ColumnMapping): void;
  cancel(): void;
}

export function useImport(importFiles: (files: File[], mode: Mode, read?: ReadChoices) => void): Importing {
  const [table, setTable] = useState<PendingTable>();
  const open = useEvent(async (files: File[], mode: Mode) => {
    const picked = pickDataset(files);
    if ('problem' in picked || !(await loadFormats()).isTable(picked.dataset.name)) {
      importFiles(files, mode);
      return;
    }
    const f = picked.dataset;
    let preview: CsvPreview | undefined;
    // An unreadable start or no header: the reader says what is wrong, with its location.
    try {
      preview = await (await import('../data/csv-preview.ts')).previewFile(f);
    } catch {
      preview = undefined;
    }
    if (!preview?.headers.length) {
      importFiles(files, mode);
      return;
    }
    setTable({ files, mode, name: f.name, preview });
  });
  const load = useEvent((mapping: ColumnMapping) => {
    if (!table) return;
    setTable(undefined);
    importFiles(table.files, table.mode, { csvMapping: mapping });
  });
  const cancel = useEvent(() => setTable(undefined));
  return { table, open, load, cancel };
}
