// Names and places for a merge: a title or name made of parts never repeats
// a part, and a problem found in the union is put back in the file (and at
// the index) its record came from, never in a made-up "a + b" file.
import type { Dataset } from './model.ts';
import type { Problem } from './problems.ts';

const SEP = ' + ';

/** `a + b`, without repeating a part `a` already has (merging one file twice). */
export function joinNames(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  const parts = a.split(SEP);
  return parts.includes(b) ? a : `${a}${SEP}${b}`;
}

const RECORD = /^(entities|triples|sources)\[(\d+)\]/;

/**
 * Problems of the merged dataset `union`, each moved to the dataset its
 * record came from: `b`'s records to `files.b` at their index in `b`, the
 * others to `files.a` at their index in `a`. Problems without a record keep
 * the name of the data open (`files.a`).
 */
export function locateInParts(
  problems: Problem[],
  union: Dataset,
  a: Dataset,
  b: Dataset,
  files: { a: string; b: string },
): Problem[] {
  const indexes = (d: Dataset) => ({
    entities: new Map(d.entities.map((e, i) => [e.id, i] as [unknown, number])),
    sources: new Map(d.sources.map((s, i) => [s.id, i] as [unknown, number])),
    triples: new Map(d.triples.map((t, i) => [t, i] as [unknown, number])),
  });
  const inA = indexes(a);
  const inB = indexes(b);
  const keyOf = (kind: 'entities' | 'triples' | 'sources', i: number): unknown => {
    const r = union[kind][i];
    return kind === 'triples' ? r : (r as { id: string } | undefined)?.id;
  };
  return problems.map((p) => {
    const m = RECORD.exec(p.path);
    if (!m) return { ...p, file: files.a };
    const kind = m[1] as 'entities' | 'triples' | 'sources';
    const key = keyOf(kind, Number(m[2]));
    // A record b added (triples are b's own objects; entities and sources by id, first wins).
    const fromA = inA[kind].get(key);
    const fromB = inB[kind].get(key);
    const [file, at] = fromA !== undefined ? [files.a, fromA] : fromB !== undefined ? [files.b, fromB] : [files.a, -1];
    const path = at < 0 ? p.path : `${kind}[${at}]${p.path.slice(m[0].length)}`;
    // Lines of the union's text would point nowhere in either file.
    const { line: _l, column: _c, ...rest } = p;
    return { ...rest, file, path };
  });
}
