// The field names of each record kind, as the dataset format defines them:
// the checker refuses others, readers keep a column or property of one of
// these names as an attribute under another name, never as the field.

export const SOURCE_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'title',
  'publisher',
  'published',
  'url',
  'path',
  'text',
  'reliability',
  'description',
]);

export const ENTITY_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'label',
  'type',
  'aliases',
  'description',
  'date',
  'attributes',
  'position',
]);

export const TRIPLE_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'subject',
  'predicate',
  'object',
  'source',
  'evidence',
  'date',
  'confidence',
  'attributedTo',
  'qualifier',
  'status',
  'credibility',
  'attributes',
]);
