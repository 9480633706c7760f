// The top of a dataset: what it is (format, version) and its title.
import { DATASET_FORMAT, DATASET_VERSION } from '../model.ts';
import { LIMITS } from './options.ts';
import type { Report } from './report.ts';
import { own, quote, str, typeName, unknownFields, type Obj } from './fields.ts';
import { DATASET_SKELETON } from './problems.ts';

const DATASET_FIELDS = new Set(['format', 'version', 'title', 'schema', 'sources', 'entities', 'triples']);

export function notAnObject(r: Report, raw: unknown): void {
  r.add(
    'error',
    'not-an-object',
    [],
    `the file holds ${typeName(raw)}, not a dataset object`,
    `a dataset is an object: ${DATASET_SKELETON}`,
  );
}

/** Whether an object with these members is no dataset at all (then checkHeader says so and nothing else counts). */
export function notADataset(raw: Obj): boolean {
  return (
    own(raw, 'format') === undefined && !Array.isArray(own(raw, 'entities')) && !Array.isArray(own(raw, 'triples'))
  );
}

/** format, version, title and unknown top-level fields; `dataset` false when the object is no dataset. */
export function checkHeader(r: Report, raw: Obj): { dataset: boolean; title?: string } {
  const format = own(raw, 'format');
  if (format === undefined) {
    if (notADataset(raw)) {
      r.add(
        'error',
        'not-a-dataset',
        [],
        'this is not an actorgraph dataset: it has no "format", "entities" or "triples"',
        `a dataset is an object: ${DATASET_SKELETON}`,
      );
      return { dataset: false };
    }
    unknownFields(r, raw, DATASET_FIELDS, [], 'a dataset');
    r.add(
      'warning',
      'missing-format',
      ['format'],
      `the file has no "format"; read as ${quote(DATASET_FORMAT)}`,
      `add "format": "${DATASET_FORMAT}" at the top`,
    );
  } else if (format !== DATASET_FORMAT) {
    unknownFields(r, raw, DATASET_FIELDS, [], 'a dataset');
    r.add(
      'error',
      'wrong-format',
      ['format'],
      `"format" is ${typeof format === 'string' ? quote(format) : typeName(format)}, not ${quote(DATASET_FORMAT)}`,
      `this tool reads ${quote(DATASET_FORMAT)} files; set "format": "${DATASET_FORMAT}" if the file follows that layout`,
    );
  }
  if (format === DATASET_FORMAT) unknownFields(r, raw, DATASET_FIELDS, [], 'a dataset');
  const version = own(raw, 'version');
  if (version === undefined) {
    r.add(
      'warning',
      'missing-version',
      ['version'],
      `the file has no "version"; read as version ${DATASET_VERSION}`,
      `add "version": ${DATASET_VERSION}`,
    );
  } else if (version !== DATASET_VERSION) {
    r.add(
      'error',
      'unsupported-version',
      ['version'],
      `"version" is ${typeName(version)}; this tool reads version ${DATASET_VERSION}`,
      typeof version === 'string' && Number(version) === DATASET_VERSION
        ? `write the number without quotes: "version": ${DATASET_VERSION}`
        : `convert the file to version ${DATASET_VERSION}, or use a tool that reads version ${String(version)}`,
    );
  }
  return { dataset: true, title: str(r, own(raw, 'title'), [], 'title', 'the dataset', { max: LIMITS.title }) };
}
