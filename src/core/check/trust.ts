// Checks of the fields beyond the core ones: attributes, position and the
// trust grades (status, credibility, reliability).
import type { Attributes, ClaimStatus, Credibility, Reliability } from '../model.ts';
import type { JsonPath } from '../json-location.ts';
import { CLAIM_STATUSES, isClaimStatus, isCredibility, isReliability } from '../trust.ts';
import { LIMITS } from './options.ts';
import type { Report } from './report.ts';
import { BIDI, CONTROL, isObj, quote, typeName } from './fields.ts';
import { formatCount } from '../format.ts';

/** Checks an attributes object; returns the usable attributes (bad ones dropped, each reported). */
export function checkAttributes(
  r: Report,
  v: unknown,
  p: JsonPath,
  builtins: ReadonlySet<string>,
  what: string,
): Attributes | undefined {
  const at = [...p, 'attributes'];
  if (!isObj(v)) {
    r.add(
      'error',
      'wrong-type',
      at,
      `'attributes' must be an object, not ${typeName(v)}`,
      'write "attributes": { "name": "value", … } with string, number or boolean values',
    );
    return undefined;
  }
  const out: Attributes = {};
  let n = 0;
  for (const k in v) {
    if (!Object.hasOwn(v, k)) continue;
    const val = v[k];
    if (++n > LIMITS.attributes) {
      r.add(
        'error',
        'too-many-attributes',
        at,
        `${what} has more than ${LIMITS.attributes} attributes`,
        'keep the attributes people need; put the rest in a description',
      );
      break;
    }
    if (k.length < 1 || k.length > LIMITS.attributeKey || CONTROL.test(k) || BIDI.test(k) || k.trim() !== k) {
      r.add(
        'error',
        'bad-attribute',
        [...at, k],
        `the attribute name ${quote(k)} is ${k.length === 0 ? 'empty' : k.length > LIMITS.attributeKey ? `${k.length} characters long (at most ${LIMITS.attributeKey})` : 'not plain one-line text'}`,
        'use a short name of letters, digits and dashes',
      );
      continue;
    }
    if (builtins.has(k)) {
      r.add(
        'error',
        'bad-attribute',
        [...at, k],
        `the attribute ${quote(k)} has the name of a field of ${what}`,
        `put it in the field "${k}" itself, or rename the attribute`,
      );
      continue;
    }
    if (typeof val === 'string') {
      if (val.length > LIMITS.attributeValue) {
        r.add(
          'error',
          'too-long',
          [...at, k],
          `the attribute ${quote(k)} is ${formatCount(val.length)} characters long; at most ${formatCount(LIMITS.attributeValue)} are allowed`,
          'shorten it',
        );
        continue;
      }
    } else if (typeof val === 'number') {
      if (!Number.isFinite(val)) {
        r.add(
          'error',
          'bad-attribute',
          [...at, k],
          `the attribute ${quote(k)} is not a finite number`,
          'write a number, or the value as a string',
        );
        continue;
      }
    } else if (typeof val !== 'boolean') {
      r.add(
        'error',
        'bad-attribute',
        [...at, k],
        `the attribute ${quote(k)} is ${typeName(val)}; values must be strings, numbers or booleans`,
        Array.isArray(val)
          ? 'join the values into one string, or give each its own attribute'
          : 'write it as a string, number or boolean',
      );
      continue;
    }
    Object.defineProperty(out, k, { value: val, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export function checkPosition(r: Report, v: unknown, p: JsonPath): { x: number; y: number } | undefined {
  const x = isObj(v) ? v.x : undefined,
    y = isObj(v) ? v.y : undefined;
  if (
    typeof x === 'number' &&
    typeof y === 'number' &&
    Number.isFinite(x) &&
    Number.isFinite(y) &&
    isObj(v) &&
    Object.keys(v).length === 2
  )
    return { x, y };
  r.add(
    'error',
    'bad-position',
    [...p, 'position'],
    `'position' must be { "x": number, "y": number }, not ${isObj(v) ? 'that object' : typeName(v)}`,
    'write "position": { "x": 12.5, "y": -3 } with finite numbers, or remove it',
  );
  return undefined;
}

export function checkReliability(r: Report, v: unknown, p: JsonPath): Reliability | undefined {
  if (isReliability(v)) return v;
  const up = typeof v === 'string' ? v.trim().toUpperCase() : '';
  r.add(
    'error',
    'bad-reliability',
    [...p, 'reliability'],
    `reliability is ${typeName(v)}; it must be one of the letters A to F`,
    isReliability(up)
      ? `write "${up}"`
      : 'write the Admiralty grade: A completely reliable, B usually, C fairly, D not usually, E unreliable, F cannot be judged',
  );
  return undefined;
}

export function checkCredibility(r: Report, v: unknown, p: JsonPath): Credibility | undefined {
  if (isCredibility(v)) return v;
  const n = typeof v === 'string' ? Number(v) : NaN;
  r.add(
    'error',
    'bad-credibility',
    [...p, 'credibility'],
    `credibility is ${typeName(v)}; it must be a whole number from 1 to 6`,
    isCredibility(n)
      ? `write it without quotes: ${n}`
      : 'write the Admiralty grade: 1 confirmed, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged',
  );
  return undefined;
}

export function checkStatus(r: Report, v: unknown, p: JsonPath): ClaimStatus | undefined {
  if (isClaimStatus(v)) return v;
  const low = typeof v === 'string' ? v.trim().toLowerCase() : '';
  r.add(
    'error',
    'bad-status',
    [...p, 'status'],
    `status is ${typeof v === 'string' ? quote(v) : typeName(v)}; it must be one of: ${CLAIM_STATUSES.join(', ')}`,
    isClaimStatus(low)
      ? `write "${low}"`
      : 'write one of them, or remove it: it is derived from the evidence, qualifier and attribution when absent',
  );
  return undefined;
}
