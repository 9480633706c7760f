// What shows instead of the explorer when the data cannot be opened at all.
import type { AppAction, ProblemsShown } from '../state/app-reducer.ts';
import { ProblemList } from './ProblemList.tsx';

interface Props {
  message: string;
  problems?: ProblemsShown;
  dispatch(a: AppAction): void;
}

export function Fatal({ message, problems: p, dispatch }: Props) {
  return (
    <main class="fatal">
      <h1>actorgraph</h1>
      <p>{message}</p>
      {p && (
        <ProblemList
          file={p.file}
          problems={p.list}
          onClose={() => dispatch({ type: 'problems', problems: undefined })}
        />
      )}
    </main>
  );
}
