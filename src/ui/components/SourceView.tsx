// The source text with the evidence of the chosen relation marked and
// scrolled into view. Offsets come from the core's evidence matcher.
import { useEffect, useRef } from 'preact/hooks';
import type { Source } from '../../core/model.ts';
import { findEvidence } from '../../core/text.ts';
import { SourceLine } from './EntityPanel.tsx';

interface Props {
  source?: Source;
  text?: string;
  evidence: string;
  onClose(): void;
}

export function SourceView({ source, text, evidence, onClose }: Props) {
  const mark = useRef<HTMLElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const at = text ? findEvidence(text, evidence) : undefined;
  // Scroll only the text box (scrollIntoView would also scroll the panel around it).
  useEffect(() => {
    const m = mark.current,
      b = box.current;
    if (m && b) b.scrollTop = Math.max(0, m.offsetTop - b.clientHeight / 3);
  }, [text, evidence]);
  return (
    <section class="source-view" aria-label="Source text">
      <header class="source-head">
        <h3>Source</h3>
        <button type="button" class="ghost small" onClick={onClose} aria-label="Close the source text">
          close
        </button>
      </header>
      <SourceLine source={source} />
      {source?.url && <div class="muted small source-url">{source.url}</div>}
      {!text && <p class="muted">The text of this source is not available here; the quote is: “{evidence}”.</p>}
      {text && !at && <p class="warning">The quote was not found in the text: “{evidence}”.</p>}
      {text && (
        <div class="source-text" ref={box} tabIndex={0} role="region" aria-label="Source text">
          {at ? (
            <>
              {text.slice(0, at.start)}
              <mark ref={mark}>{text.slice(at.start, at.end)}</mark>
              {text.slice(at.end)}
            </>
          ) : (
            text
          )}
        </div>
      )}
    </section>
  );
}
