// Problems found in input: each says where (file, JSON path, line), what is
// wrong and how to fix it, so a person can act on it without a debugger.

export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** Short machine-readable kind: 'unknown-entity', 'bad-date', … */
  code: string;
  /** File the problem is in, as given by the caller. */
  file: string;
  /** JSON path such as `triples[12].predicate`; '' for the whole file. */
  path: string;
  /** 1-based line and column in the file, when known. */
  line?: number;
  column?: number;
  message: string;
  hint: string;
}

export function formatProblem(p: Problem): string {
  const where = [p.file, p.line !== undefined ? `${p.line}:${p.column ?? 1}` : undefined].filter(Boolean).join(':');
  const at = p.path ? ` at ${p.path}` : '';
  return `${where}${at}: ${p.severity}: ${p.message}\n  fix: ${p.hint}`;
}
