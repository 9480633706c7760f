// A link's state checked against the data it is applied to: what the data does
// not have is dropped, and named, so a stale or mistyped link is never silent.
import type { UrlState } from './url-state.ts';

export interface KnownData {
  /** Of the entity ids the link names, those the data has. */
  entities: ReadonlySet<string>;
  types: ReadonlySet<string>;
  predicates: ReadonlySet<string>;
  /** How many relations the data has (unknown: not checked): communities and centralities need some. */
  relations?: number;
}

export interface Dropped {
  kind: 'entity' | 'type' | 'predicate' | 'look';
  value: string;
}

/** The entity ids a state names (to look up before checking it). */
export function linkedEntities(url: UrlState): string[] {
  return [...new Set([url.entity, url.from, url.to].filter((x): x is string => !!x))];
}

/** `url` without what `known` lacks, and what was dropped (each value once). */
export function cleanUrlState(url: UrlState, known: KnownData): { url: UrlState; dropped: Dropped[] } {
  const dropped: Dropped[] = [];
  const note = (kind: Dropped['kind'], value: string) => {
    if (!dropped.some((d) => d.kind === kind && d.value === value)) dropped.push({ kind, value });
  };
  const entity = (id: string | undefined) => {
    if (id === undefined || known.entities.has(id)) return id;
    note('entity', id);
    return undefined;
  };
  const keep = (ids: string[], kind: 'type' | 'predicate') => {
    const set = kind === 'type' ? known.types : known.predicates;
    const kept = ids.filter((v) => {
      if (set.has(v)) return true;
      note(kind, v);
      return false;
    });
    return kept.length === ids.length ? ids : kept;
  };
  const next: UrlState = {
    ...url,
    entity: entity(url.entity),
    from: entity(url.from),
    to: entity(url.to),
    predicates: keep(url.predicates, 'predicate'),
    types: keep(url.types, 'type'),
    pathPredicates: keep(url.pathPredicates, 'predicate'),
    avoidTypes: keep(url.avoidTypes, 'type'),
    hiddenTypes: keep(url.hiddenTypes, 'type'),
  };
  // Communities and centralities of a graph without relations say nothing: drawn by type and degree.
  if (known.relations === 0) {
    if (url.colour !== 'type') note('look', 'colour by community');
    if (url.size !== 'degree') note('look', `size by ${url.size}`);
    next.colour = 'type';
    next.size = 'degree';
  }
  // A relation belongs to the selected entity: without it, it goes too.
  if (!next.entity) next.relation = undefined;
  for (const k of ['entity', 'relation', 'from', 'to'] as const) if (next[k] === undefined) delete next[k];
  return { url: dropped.length ? next : url, dropped };
}

const NAMES = {
  entity: ['an entity', 'entities'],
  type: ['a type', 'types'],
  predicate: ['a relation type', 'relation types'],
} as const;

/** "The link names an entity not in this data: X." and the like, one sentence per kind; undefined if nothing was dropped. */
export function describeDropped(dropped: Dropped[]): string | undefined {
  if (!dropped.length) return undefined;
  const parts: string[] = [];
  for (const kind of ['entity', 'type', 'predicate'] as const) {
    const values = dropped.filter((d) => d.kind === kind).map((d) => d.value);
    if (!values.length) continue;
    const [one, many] = NAMES[kind];
    parts.push(
      `The link names ${values.length === 1 ? one : many} not in this data: ${values.map((v) => `“${v}”`).join(', ')}.`,
    );
  }
  const looks = dropped.filter((d) => d.kind === 'look').map((d) => d.value);
  const left = dropped.length - looks.length;
  const out = left ? [`${parts.join(' ')} ${left === 1 ? 'It was' : 'They were'} left out.`] : [];
  if (looks.length)
    out.push(
      `The link asks to ${looks.join(' and ')}, but this data has no relations: it is drawn by type and degree.`,
    );
  return out.join(' ');
}
