// What validation takes and gives, and the bounds on field sizes: shared by
// the checks, the readers and the loaders.
import type { Dataset, Schema, Source } from '../model.ts';
import type { Problem } from '../problems.ts';

export interface ValidateOptions {
  /** Name of the file, as problems should show it. */
  file: string;
  /** Used when the dataset embeds no schema. */
  defaultSchema?: Schema;
  /** Text of a source (its `path` resolved by the caller); inline `text` is used otherwise. */
  sourceText?: (s: Source) => string | undefined;
  /** Check that every evidence quote occurs in its source text (default true). */
  checkEvidence?: boolean;
  /** Most problems listed per code; the rest are counted in one summary problem (default 200). */
  maxPerCode?: number;
  /** Why a source's `path` cannot be read (missing file …), reported as an error at that path. */
  sourceError?: (s: Source) => { code: string; message: string; hint: string } | undefined;
  /**
   * The caller decoded the bytes with a fatal UTF-8 decoder (and reported bad
   * bytes itself): U+FFFD in the text is then a character like any other.
   */
  decodedStrictly?: boolean;
}

export interface ParseResult {
  /** No error-severity problems. */
  ok: boolean;
  /** The clean dataset; present only when ok. */
  dataset?: Dataset;
  /** Embedded schema ?? default schema (present when it is valid). */
  schema?: Schema;
  /** Where the schema came from: the dataset's own, or the default given. */
  schemaFrom?: 'embedded' | 'default';
  problems: Problem[];
}

/** Sane bounds on field sizes: beyond them a value is a mistake or an attack. */
export const LIMITS = {
  id: 200,
  label: 500,
  alias: 500,
  evidence: 5_000,
  title: 1_000,
  description: 10_000,
  qualifier: 200,
  url: 2_000,
  attributeKey: 100,
  attributes: 100,
  attributeValue: 10_000,
  /** Above this size the text is not scanned for line numbers, to bound time. */
  locateMaxChars: 64 * 1024 * 1024,
} as const;
