// Problems found in a file, each with where it is and how to fix it.
import type { Problem } from '../../core/problems.ts';

interface Props {
  file: string;
  problems: Problem[];
  onClose(): void;
}

export function ProblemList({ file, problems, onClose }: Props) {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <section class="problems" role="alert" aria-labelledby="problems-title">
      <header class="section-head">
        <h2 id="problems-title">
          {file} was not loaded: {errors} error{errors === 1 ? '' : 's'}
        </h2>
        <button type="button" class="ghost small" onClick={onClose} aria-label="Dismiss the problems">
          dismiss
        </button>
      </header>
      <p class="muted small">The graph is unchanged. Fix the file and open it again.</p>
      <ol class="problem-list">
        {problems.slice(0, 200).map((p, i) => (
          <li key={i} class={`problem ${p.severity}`} data-code={p.code}>
            <div class="where">
              <span class="sev">{p.severity}</span>
              <span class="loc">
                {p.file}
                {p.line !== undefined ? `:${p.line}:${p.column ?? 1}` : ''}
              </span>
              {p.path && <code class="jpath">{p.path}</code>}
            </div>
            <div class="msg">{p.message}</div>
            <div class="fix">
              <span class="muted">fix: </span>
              {p.hint}
            </div>
          </li>
        ))}
      </ol>
      {problems.length > 200 && <p class="muted small">…and {problems.length - 200} more.</p>}
    </section>
  );
}
