// The checks of one triple record, for DatasetChecker.
import { TRIPLE_FIELDS } from '../fields.ts';
import type { Predicate, Source } from '../model.ts';
import type { JsonPath } from '../json-location.ts';
import { LIMITS } from './options.ts';
import { SECTION } from './report.ts';
import { BIDI, checkDateAt, checkId, CONTROL, dateOk, isObj, quote, str, typeName, unknownField } from './fields.ts';
import { didYouMean } from './suggest.ts';
import { checkAttributes, checkCredibility, checkStatus } from './trust.ts';
import type { DatasetChecker } from './dataset.ts';

// Evidence equal to its own normalised form: no quote or dash variants, no white space but single inner spaces.
// One test for the common case of evidence: no control or bidi character, in normal form (so not blank either).
const EVIDENCE_SUSPECT =
  /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2018\u2019\u201A\u201B\u2032\u00B4`\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u2013\u2014\u2212\u2010\u2011\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}|^ | $/;

function typesList(ts: readonly string[]): string {
  return ts.map((t) => quote(t)).join(', ');
}

export function entityRef(
  ck: DatasetChecker,
  v: unknown,
  p: JsonPath,
  field: string,
  required: boolean,
  hint = -1,
): number {
  // The reader's hint spares a lookup in a large table (a cache miss or two) when it names the entity.
  if (hint >= 0 && hint < ck.entities.length && ck.entities[hint]!.id === v) {
    ck.used[hint] = 1;
    return hint;
  }
  const r = ck.r;
  if (v === undefined) {
    if (required)
      r.add('error', 'missing-field', [...p, field], `the triple has no '${field}'`, `add "${field}": "entity-id"`);
    return -1;
  }
  if (typeof v !== 'string') {
    r.add(
      'error',
      'wrong-type',
      [...p, field],
      `'${field}' must be an entity id string, not ${typeName(v)}`,
      `write "${field}": "entity-id"`,
    );
    return -1;
  }
  const at = ck.entityAt.get(v);
  if (at < 0) {
    r.add(
      'error',
      'unknown-entity',
      [...p, field],
      `${field} ${quote(v)} is not an entity of ck dataset`,
      `${r.room('unknown-entity') ? didYouMean(ck.entityPool!, v) : ''}fix the id, or add an entity with id ${quote(v)} to "entities"`,
    );
    return -1;
  }
  ck.used[at] = 1;
  return at;
}

/** Checks triples[i]; true when it is accepted, its fields then in `cur`. */
export function checkTriple(ck: DatasetChecker, t: unknown, i: number, subjectAt = -1, objectAt = -1): boolean {
  const r = ck.r;
  r.section = SECTION.triples;
  if (!isObj(t)) {
    r.add(
      'error',
      'wrong-type',
      ['triples', i],
      `a triple must be an object, not ${typeName(t)}`,
      'write { "subject": "…", "predicate": "…", "object": "…", "source": "…", "evidence": "…" }',
    );
    return false;
  }
  let idV: unknown,
    sV: unknown,
    pV: unknown,
    oV: unknown,
    srcV: unknown,
    evV: unknown,
    dateV: unknown,
    confV: unknown,
    attrV: unknown,
    qualV: unknown;
  let statusV: unknown, credV: unknown, attrsV: unknown;
  for (const k in t) {
    switch (k) {
      case 'id':
        idV = t[k];
        break;
      case 'subject':
        sV = t[k];
        break;
      case 'predicate':
        pV = t[k];
        break;
      case 'object':
        oV = t[k];
        break;
      case 'source':
        srcV = t[k];
        break;
      case 'evidence':
        evV = t[k];
        break;
      case 'date':
        dateV = t[k];
        break;
      case 'confidence':
        confV = t[k];
        break;
      case 'attributedTo':
        attrV = t[k];
        break;
      case 'qualifier':
        qualV = t[k];
        break;
      case 'status':
        statusV = t[k];
        break;
      case 'credibility':
        credV = t[k];
        break;
      case 'attributes':
        attrsV = t[k];
        break;
      default:
        unknownField(r, k, TRIPLE_FIELDS, ['triples', i], 'a triple');
    }
  }
  const p: JsonPath = ['triples', i];
  const entities = ck.entities;
  let bad = false;
  let id: string | undefined;
  if (idV !== undefined) {
    id = checkId(r, idV, p, 'a triple');
    if (id !== undefined) {
      const first = ck.tripleIds.get(id);
      if (first !== undefined) {
        r.add(
          'error',
          'duplicate-id',
          [...p, 'id'],
          `triple id ${quote(id)} is used twice (first at triples[${first}])`,
          'give each triple its own id, or remove the ids (they are derived when absent)',
        );
      } else ck.tripleIds.set(id, i);
    }
  }
  const s = entityRef(ck, sV, p, 'subject', true, subjectAt);
  const o = entityRef(ck, oV, p, 'object', true, objectAt);
  let pred: Predicate | undefined;
  let pn = -1;
  if (pV === undefined) {
    r.add(
      'error',
      'missing-field',
      [...p, 'predicate'],
      "the triple has no 'predicate'",
      'add "predicate": "…", one of the schema\'s predicates',
    );
  } else if (typeof pV !== 'string') {
    r.add(
      'error',
      'wrong-type',
      [...p, 'predicate'],
      `'predicate' must be a predicate id string, not ${typeName(pV)}`,
      'write "predicate": "…"',
    );
  } else {
    pn = ck.predOrd.get(pV) ?? -1;
    pred = pn >= 0 ? ck.predList[pn] : undefined;
    if (!pred && ck.schema) {
      r.add(
        'error',
        'unknown-predicate',
        [...p, 'predicate'],
        `predicate ${quote(pV)} is not defined in the schema`,
        `${r.room('unknown-predicate') ? didYouMean(ck.predPool!, pV) : ''}use one of the schema's predicates, or add it to the schema`,
      );
    }
  }
  if (!pred || s < 0 || o < 0) bad = true;
  let src: Source | undefined;
  let srcIdx = -1;
  if (srcV === undefined) {
    r.add(
      'error',
      'missing-field',
      [...p, 'source'],
      "the triple has no 'source'",
      'add "source": "source-id" naming the source that states it',
    );
  } else if (typeof srcV !== 'string') {
    r.add(
      'error',
      'wrong-type',
      [...p, 'source'],
      `'source' must be a source id string, not ${typeName(srcV)}`,
      'write "source": "source-id"',
    );
  } else {
    const at = ck.sourceAt.get(srcV);
    if (at === undefined) {
      r.add(
        'error',
        'unknown-source',
        [...p, 'source'],
        `source ${quote(srcV)} is not listed in "sources"`,
        `${r.room('unknown-source') ? didYouMean(ck.sourcePool!, srcV) : ''}fix the id, or add the source to "sources"`,
      );
    } else {
      src = ck.sources[at];
      srcIdx = at;
      ck.sourceUsed[at] = 1;
    }
  }
  const clear =
    typeof evV === 'string' && evV.length > 0 && evV.length <= LIMITS.evidence && !EVIDENCE_SUSPECT.test(evV);
  let evidence = clear
    ? (evV as string)
    : typeof evV === 'string' &&
        evV.length <= LIMITS.evidence &&
        evV.trim() !== '' &&
        !CONTROL.test(evV) &&
        !BIDI.test(evV)
      ? evV
      : str(r, evV, p, 'evidence', 'the triple', { max: LIMITS.evidence, nonEmpty: true, allowNewlines: true });
  // Present but unusable evidence was reported: the triple is not taken as unsourced.
  if (evidence === undefined && evV !== undefined) bad = true;
  const date =
    dateV === undefined
      ? undefined
      : typeof dateV === 'string' && dateOk(dateV, true)
        ? dateV
        : checkDateAt(r, dateV, [...p, 'date'], true);
  let confidence: number | undefined;
  if (confV !== undefined) {
    if (typeof confV !== 'number' || !(confV >= 0 && confV <= 1)) {
      r.add(
        'error',
        'bad-confidence',
        [...p, 'confidence'],
        `confidence is ${typeName(confV)}; it must be a number from 0 to 1`,
        typeof confV === 'number' && confV > 1 && confV <= 100
          ? `write it as a fraction: ${confV / 100}`
          : 'write a number such as 0.8, or remove it',
      );
    } else confidence = confV;
  }
  let attributedTo: string | undefined;
  if (attrV !== undefined) {
    const a = entityRef(ck, attrV, p, 'attributedTo', false);
    if (a >= 0) attributedTo = entities[a]!.id;
  }
  const qualifier =
    qualV === undefined ? undefined : str(r, qualV, p, 'qualifier', 'the triple', { max: LIMITS.qualifier });
  const status = statusV === undefined ? undefined : checkStatus(r, statusV, p);
  if (status === 'attributed' && attrV === undefined) {
    r.add(
      'error',
      'status-conflict',
      [...p, 'status'],
      'the triple is "attributed" but names no one it is attributed to',
      'add "attributedTo": "entity-id" (whose claim it is), or change the status',
    );
  } else if (status === 'unsourced' && evV !== undefined) {
    r.add(
      'error',
      'status-conflict',
      [...p, 'status'],
      'the triple is "unsourced" but has evidence',
      'remove the status (it is derived: asserted, attributed or hedged), or remove the evidence',
    );
  }
  const credibility = credV === undefined ? undefined : checkCredibility(r, credV, p);
  const attributes = attrsV === undefined ? undefined : checkAttributes(r, attrsV, p, TRIPLE_FIELDS, 'a triple');

  // A broken schema would give misleading type errors: those wait until it is fixed.
  if (pred && s >= 0 && o >= 0 && ck.schemaOk) {
    const sub = entities[s]!;
    const obj = entities[o]!;
    const st = ck.entityTypeOrd[s]!;
    const ot = ck.entityTypeOrd[o]!;
    if (st >= 0 && !ck.domainOk[pn]![st]) {
      r.add(
        'error',
        'domain-violation',
        [...p, 'subject'],
        `${quote(sub.id)} is a ${sub.type}; predicate ${quote(pred.id)} expects its subject to be one of: ${typesList(pred.domain)}`,
        `change the predicate or the entity's type (or swap subject and object if the relation runs the other way)`,
      );
      bad = true;
    }
    if (ot >= 0 && !ck.rangeOk[pn]![ot]) {
      r.add(
        'error',
        'range-violation',
        [...p, 'object'],
        `${quote(obj.id)} is a ${obj.type}; predicate ${quote(pred.id)} expects its object to be one of: ${typesList(pred.range)}`,
        `change the predicate or the entity's type (or swap subject and object if the relation runs the other way)`,
      );
      bad = true;
    }
  }
  if (pred && s >= 0 && s === o) {
    r.add(
      'warning',
      'self-loop',
      p,
      `${quote(entities[s]!.id)} ${pred.label} itself`,
      'check the subject and object: a relation of an entity with itself is usually a typing slip',
    );
  }
  if (src === undefined) return false;
  if (ck.evidence && evidence !== undefined)
    evidence = ck.evidence.check(
      r,
      evidence,
      clear,
      src,
      p,
      ck.sourcePath[ck.sourceAt.get(src.id)!]!,
      ck.unreadable.has(src.id),
    );
  if (bad) return false;
  const k = ck.accepted;
  const first = ck.dedupe.add(s, pn, o, srcIdx, evidence ?? '', k);
  if (first >= 0) {
    r.add(
      'warning',
      'duplicate-triple',
      p,
      `the same triple (subject, predicate, object, source and evidence) is already at triples[${ck.rawIndex[first]}]`,
      'remove one of the two',
    );
  }
  if (k >= ck.rawIndex.length) {
    const b = new Int32Array(ck.rawIndex.length * 2);
    b.set(ck.rawIndex);
    ck.rawIndex = b;
  }
  ck.rawIndex[k] = i;
  ck.accepted++;
  const c = ck.cur;
  c.s = s;
  c.p = pn;
  c.o = o;
  c.src = srcIdx;
  c.evidence = evidence;
  c.id = id;
  c.date = date;
  c.confidence = confidence;
  c.attributedTo = attributedTo;
  c.qualifier = qualifier;
  c.status = status;
  c.credibility = credibility;
  c.attributes = attributes;
  // Warned at the first one (located there), reworded in finish() to count them all.
  if (evidence === undefined && ck.unsourced++ === 0) {
    ck.firstUnsourced = i;
    ck.unsourcedWarning = r.add(
      'warning',
      'unsourced-relation',
      p,
      `triples[${i}] has no evidence: it is unsourced`,
      'add "evidence" quoting the source where you can; unsourced relations show as such and can be filtered out',
    );
  }
  return true;
}
