// The store's entities behind an accessor: an array when built from data, or a
// snapshot's table that parses an entity only when it is asked (snapshot/lazy.ts).
import type { Entity } from './model.ts';

export interface EntityTable {
  readonly length: number;
  /** Entity i, the same object on every call. */
  at(i: number): Entity;
  /** Entity i's id (cheaper than `at(i).id` for a snapshot's table). */
  id(i: number): string;
  /** The index of the entity with this id, or -1. */
  indexOf(id: string): number;
  /** Every entity, in order, in a new array. */
  all(): Entity[];
}

export class ArrayEntities implements EntityTable {
  /** Ids by index, built on first use, so materialising triples does not visit the entity objects. */
  private ids?: string[];
  constructor(
    private readonly entities: readonly Entity[],
    /** Entity index by id (first occurrence wins), as indexEntities made it. */
    private readonly index: ReadonlyMap<string, number>,
  ) {}
  get length(): number {
    return this.entities.length;
  }
  at(i: number): Entity {
    return this.entities[i]!;
  }
  id(i: number): string {
    return (this.ids ??= this.entities.map((e) => e.id))[i]!;
  }
  indexOf(id: string): number {
    return this.index.get(id) ?? -1;
  }
  all(): Entity[] {
    return this.entities.slice();
  }
}
