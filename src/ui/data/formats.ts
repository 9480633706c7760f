// The formats the explorer opens and writes, from the core's registries: a
// reader or writer added there shows up in the file picker and the Export menu.
// Readers by their descriptors only: their parsing code runs in the loader worker.
import { FORMATS } from '../../core/readers/formats.ts';
import { formatByName } from '../../core/readers/pick.ts';
import { WRITERS, writerById } from '../../core/writers/registry.ts';
import type { DatasetWriter } from '../../core/writers/writer.ts';

/** The file picker's `accept`: every reader's endings, and the .txt source texts opened alongside. */
export function openAccept(): string {
  const exts = new Set(FORMATS.flatMap((r) => r.extensions));
  exts.add('.txt');
  return [...exts].join(',');
}

/** Readers for people: "actorgraph dataset (JSON) (.json), CSV (.csv, .tsv)". */
export function readableFormats(): string {
  return FORMATS.map((r) => `${r.label} (${r.extensions.join(', ')})`).join('; ');
}

/** A file some reader claims by its name. */
export const isReadable = (name: string): boolean => formatByName(name, FORMATS) !== undefined;

/** The reader a table (CSV/TSV) file goes to: the mapping step comes first. */
export const isTable = (name: string): boolean => /^(csv|tsv)/.test(formatByName(name, FORMATS)?.id ?? '');

export interface ExportChoice {
  id: string;
  label: string;
  keeps: string;
}

/** What Export offers: every writer, with what it keeps. */
export function exportChoices(): ExportChoice[] {
  return WRITERS.map((w) => ({ id: w.id, label: w.label, keeps: w.keeps.join(', ') }));
}

/** The writer for a choice (the dataset JSON when unknown). */
export const exportWriter = (id: string): DatasetWriter => writerById(id) ?? WRITERS[0]!;

/** A writer's ending in a download's name: '.json', '.csv'; an inner part joins the name: '.graphology.json' → '-graphology.json'. */
export const downloadEnding = (extension: string): string => extension.replace(/^\.([^.]+)(?=\.)/, '-$1');
