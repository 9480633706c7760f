// Adding a document: pasted text or a .txt, .md or .html file (HTML reduced
// to its text by the browser's parser, which runs no script), with the
// source's title, publisher, date, URL and reliability.
import { useState } from 'preact/hooks';
import type { Reliability, Source } from '../../core/model.ts';
import { documentSource, documentText } from '../../core/annotate/document.ts';

interface Props {
  taken(id: string): boolean;
  onAdd(source: Source): void;
  onCancel?: () => void;
}

function domText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const el of doc.querySelectorAll('script, style, noscript, template, svg')) el.remove();
  for (const el of doc.querySelectorAll(
    'p, div, br, li, h1, h2, h3, h4, h5, h6, tr, blockquote, pre, section, article',
  ))
    el.append('\n');
  return doc.body?.textContent ?? '';
}

export function DocumentForm(p: Props) {
  const [text, setText] = useState('');
  const [meta, setMeta] = useState({ title: '', publisher: '', published: '', url: '' });
  const [reliability, setReliability] = useState<Reliability | ''>('');
  const [note, setNote] = useState<string>();
  const field = (k: keyof typeof meta, label: string) => (
    <label class="an-field">
      <span>{label}</span>
      <input
        id={`doc-${k}`}
        value={meta[k]}
        onInput={(e) => setMeta({ ...meta, [k]: (e.currentTarget as HTMLInputElement).value })}
      />
    </label>
  );
  const open = async (file: File) => {
    const raw = await file.text();
    setText(documentText(file.name, raw, domText));
    if (!meta.title) setMeta((m) => ({ ...m, title: file.name.replace(/\.(txt|md|markdown|html?)$/i, '') }));
  };
  const add = () => {
    if (!text.trim()) {
      setNote('Paste the text of a document or open a file first.');
      return;
    }
    if (meta.published && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(meta.published)) {
      setNote('The date is YYYY, YYYY-MM or YYYY-MM-DD.');
      return;
    }
    if (meta.url && !/^https?:\/\//i.test(meta.url)) {
      setNote('The URL starts with http:// or https://.');
      return;
    }
    const s = documentSource(text.replace(/\r\n?/g, '\n'), meta, p.taken);
    if (reliability) s.reliability = reliability;
    p.onAdd(s);
  };
  return (
    <form
      class="an-docform"
      aria-label="Add a document"
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <h2>Add a document</h2>
      <p class="muted small">
        Paste a report, or open a .txt, .md or .html file. It becomes a source, its text kept with it; every relation
        you draw from it quotes it verbatim.
      </p>
      <label class="an-field wide">
        <span>Text</span>
        <textarea
          id="doc-text"
          rows={10}
          value={text}
          onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
        />
      </label>
      <label class="an-field">
        <span>Or open a file</span>
        <input
          id="doc-file"
          type="file"
          accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
          onChange={(e) => {
            const f = (e.currentTarget as HTMLInputElement).files?.[0];
            if (f) void open(f);
          }}
        />
      </label>
      <div class="an-grid">
        {field('title', 'Title')}
        {field('publisher', 'Publisher')}
        {field('published', 'Date (YYYY-MM-DD)')}
        {field('url', 'URL')}
        <label class="an-field">
          <span>Reliability</span>
          <select
            id="doc-reliability"
            value={reliability}
            onChange={(e) => setReliability((e.currentTarget as HTMLSelectElement).value as Reliability | '')}
          >
            <option value="">not graded</option>
            {(['A', 'B', 'C', 'D', 'E', 'F'] as const).map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
      </div>
      {note && (
        <p class="warning" role="alert">
          {note}
        </p>
      )}
      <div class="an-actions">
        <button type="submit" class="primary">
          Add document
        </button>
        {p.onCancel && (
          <button type="button" onClick={p.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
