import { formatProblem, type Problem } from '../../core/problems.ts';
import { DEFAULT_DATASET, type FileCheck } from '../../node/open-explorer.ts';
import { EXIT_FOUND, EXIT_USAGE, type Io, type Values } from '../context.ts';

export function validate(files: string[], values: Values, io: Io, check: (file: string) => FileCheck): number {
  const targets = files.length ? files : [values.data ?? DEFAULT_DATASET];
  const reports = targets.map((file) => check(file));
  if (values.json) {
    io.out(JSON.stringify({ files: reports }, null, 2));
  } else {
    for (const r of reports) {
      const errs = r.problems.filter((p: Problem) => p.severity === 'error').length;
      const warns = r.problems.length - errs;
      for (const p of r.problems) (p.severity === 'error' ? io.err : io.out)(formatProblem(p));
      const summary =
        `${r.file}: ${r.ok ? 'valid' : 'invalid'}` +
        (r.counts ? ` (${r.counts.entities} entities, ${r.counts.triples} triples)` : '') +
        `, ${errs} error(s), ${warns} warning(s)`;
      (r.ok ? io.out : io.err)(summary);
    }
  }
  return reports.every((r) => r.ok) ? EXIT_FOUND : EXIT_USAGE;
}
