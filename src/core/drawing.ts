// How an entity is drawn, whatever draws it: colour by type, size by degree,
// a first position from its id. No graph library here, so that the export
// and the writers (and the loader worker with them) do not carry one.
import type { SchemaIndex } from './schema.ts';
import { fnv1a } from './hash.ts';

export interface NodeAttributes {
  label: string;
  entityType: string;
  color: string;
  size: number;
  aliases: string[];
  x: number;
  y: number;
}

export interface EdgeAttributes {
  predicate: string;
  label: string;
  tripleId: string;
  color: string;
  size: number;
}

export const DEFAULT_NODE_COLOR = '#888888';
export const EDGE_COLOR = '#b0b0b0';
export const MIN_NODE_SIZE = 4;
export const MAX_NODE_SIZE = 30;

/** The colour of a type, or of its nearest ancestor that has one. */
export function typeColor(schema: SchemaIndex, type: string): string {
  let cur: string | undefined = type;
  for (let i = 0; cur !== undefined && i <= schema.types.size; i++) {
    const t = schema.types.get(cur);
    if (!t) break;
    if (t.color) return t.color;
    cur = t.parent;
  }
  return DEFAULT_NODE_COLOR;
}

/** Node size from degree: grows with its square root, bounded. */
export function nodeSize(degree: number): number {
  return Math.min(MAX_NODE_SIZE, MIN_NODE_SIZE + 3 * Math.sqrt(Math.max(0, degree)));
}

/** A stable 32-bit hash of a string (kept under this name for the UI). */
export const hashString = fnv1a;

/** A deterministic point in [-100, 100]² for an id. */
export function initialPosition(id: string): { x: number; y: number } {
  const a = hashString(id) / 0xffffffff;
  const b = hashString(id, 0x9747b28c) / 0xffffffff;
  return { x: (a * 2 - 1) * 100, y: (b * 2 - 1) * 100 };
}
