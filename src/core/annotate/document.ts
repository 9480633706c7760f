// A document becomes a source with its text inline: what the annotation
// workspace and the CLI start from.
import type { Source } from '../model.ts';
import { htmlToText, tidyText } from './html.ts';

export type DocumentKind = 'text' | 'markdown' | 'html';

export function documentKind(name: string, text: string): DocumentKind {
  if (/\.html?$/i.test(name)) return 'html';
  if (/\.(md|markdown)$/i.test(name)) return 'markdown';
  if (/\.txt$/i.test(name)) return 'text';
  return /^\s*(?:<!doctype html|<html\b)/i.test(text) ? 'html' : 'text';
}

/** The text to annotate: HTML reduced to its text (by `toText`, a DOM parser in the browser), other text as it is. */
export function documentText(name: string, raw: string, toText: (html: string) => string = htmlToText): string {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return documentKind(name, text) === 'html' ? tidyText(toText(text)) : text;
}

/** A title for a document: the first non-empty line, shortened. */
export function guessTitle(text: string, fallback = 'Untitled document'): string {
  const line = text
    .split('\n')
    .map((l) => l.replace(/^#+\s*/, '').trim())
    .find((l) => l.length > 0);
  if (!line) return fallback;
  return line.length > 120 ? `${line.slice(0, 117).trimEnd()}…` : line;
}

/** A source id not in `taken`, from the title: "src-us-strikes-syria", then "-2", "-3". */
export function sourceId(title: string, taken: (id: string) => boolean): string {
  const slug =
    title
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 48)
      .replace(/-$/, '') || 'document';
  const base = `src-${slug}`;
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}

export interface DocumentMeta {
  title?: string;
  publisher?: string;
  published?: string;
  url?: string;
}

export function documentSource(text: string, meta: DocumentMeta, taken: (id: string) => boolean): Source {
  const title = meta.title?.trim() || guessTitle(text);
  const s: Source = { id: sourceId(title, taken), title, text };
  if (meta.publisher?.trim()) s.publisher = meta.publisher.trim();
  if (meta.published?.trim()) s.published = meta.published.trim();
  if (meta.url?.trim()) s.url = meta.url.trim();
  return s;
}
