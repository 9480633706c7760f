// The document's text with the mentions of known entities marked. Selecting
// text reports its offsets into the source text: the DOM holds exactly that
// text (marks add no characters), so a selection's place is its offset.
import { useEffect, useRef } from 'preact/hooks';
import type { Mention } from '../../core/annotate/mentions.ts';

export interface Span {
  start: number;
  end: number;
}

interface Props {
  text: string;
  mentions: readonly Mention[];
  onSelect(span: Span | undefined): void;
  onMention(m: Mention): void;
}

function offsetIn(root: Node, node: Node, offset: number): number {
  const r = document.createRange();
  r.selectNodeContents(root);
  r.setEnd(node, offset);
  return r.toString().length;
}

export function DocumentText(p: Props) {
  const box = useRef<HTMLDivElement>(null);
  const onSelect = useRef(p.onSelect);
  onSelect.current = p.onSelect;
  useEffect(() => {
    const changed = () => {
      const el = box.current;
      const sel = document.getSelection();
      if (!el || !sel || sel.rangeCount === 0 || sel.isCollapsed) return;
      const r = sel.getRangeAt(0);
      if (!el.contains(r.startContainer) || !el.contains(r.endContainer)) return;
      let start = offsetIn(el, r.startContainer, r.startOffset),
        end = offsetIn(el, r.endContainer, r.endOffset);
      // A quote starts and ends with what it says, not with the space around it.
      while (start < end && /\s/.test(p.text[start]!)) start++;
      while (end > start && /\s/.test(p.text[end - 1]!)) end--;
      onSelect.current(end > start ? { start, end } : undefined);
    };
    document.addEventListener('selectionchange', changed);
    return () => document.removeEventListener('selectionchange', changed);
  }, [p.text]);

  const parts: preact.ComponentChildren[] = [];
  let at = 0;
  for (const m of p.mentions) {
    if (m.start > at) parts.push(p.text.slice(at, m.start));
    const title = m.candidates
      ? `Several entities have this name: ${m.candidates.map((c) => `${c.label} (${c.entity})`).join(', ')}`
      : `${m.label} (${m.entity})${m.alias ? `, as "${m.alias}"` : ''}`;
    parts.push(
      // biome-ignore lint/a11y/useKeyWithClickEvents: a pointer shortcut; marks stay inline text so a quote can be selected across them
      <mark
        key={m.start}
        class={m.candidates ? 'mention ambiguous' : 'mention'}
        data-entity={m.entity}
        title={title}
        onClick={() => {
          if (document.getSelection()?.isCollapsed !== false) p.onMention(m);
        }}
      >
        {p.text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  }
  if (at < p.text.length) parts.push(p.text.slice(at));
  return (
    <div ref={box} class="an-text" role="region" aria-label="Document text (select a quote)">
      {parts}
    </div>
  );
}
