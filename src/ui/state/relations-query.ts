// The Explorer's relations-by-pattern query, as the UI asks it. (Mirrors the
// core's RelationsQuery until the model carries it.)
import type { Triple } from '../../core/model.ts';

export interface RelationsQuery {
  subject?: string;
  object?: string;
  predicates?: string[];
  source?: string;
  text?: string;
  sort?: string;
  descending?: boolean;
  limit?: number;
  offset?: number;
  [filter: string]: unknown;
}

export interface RelationsResult { triples: Triple[]; total: number }
