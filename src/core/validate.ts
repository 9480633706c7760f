// Validation of dataset and schema files: every problem found (not only the
// first), each located (file, JSON path, line) and explained with a fix. The
// result carries a clean, typed copy holding only known fields, so nothing
// hostile or malformed travels further. Pure TypeScript: runs in Node and in
// the browser alike.
//
// The checks live in check/ (one file per concern), the JSON readers in
// readers/; this module gathers what callers use.
export { LIMITS, type ParseResult, type ValidateOptions } from './check/options.ts';
export { Report, SECTION } from './check/report.ts';
export { editDistance } from './check/suggest.ts';
export { validateSchema } from './check/schema.ts';
export { DatasetChecker, validateDataset, type CheckedTriple } from './check/dataset.ts';
export { parseDataset, parseSchema } from './readers/json-text.ts';
