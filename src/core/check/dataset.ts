// The checks of a dataset, record by record (DatasetChecker), and the
// whole-object validation that drives them.
import {
  DATASET_FORMAT, DATASET_VERSION,
  type Attributes, type ClaimStatus, type Credibility, type Dataset, type Entity, type EntityType, type Predicate, type Schema, type Source, type Triple,
} from '../model.ts';
import type { JsonPath } from '../json-location.ts';
import type { Problem } from '../problems.ts';
import { LIMITS, type ParseResult, type ValidateOptions } from './options.ts';
import { Report, SECTION } from './report.ts';
import {
  BIDI, checkArray, checkDateAt, checkId, CONTROL, CONTROL_WITH_NL, dateOk, isObj, own, quote, str, typeName,
  unknownField, unknownFields, URL_SCHEME, type Obj,
} from './fields.ts';
import { didYouMean, Pool } from './suggest.ts';
import { checkSchemaInto } from './schema.ts';
import { IdIndex, TripleSet } from './tables.ts';
import { checkHeader, notADataset, notAnObject } from './header.ts';
import { schemaTables } from './schema-tables.ts';
import { EvidenceCheck } from './evidence.ts';
import { checkAttributes, checkCredibility, checkPosition, checkReliability, checkStatus } from './trust.ts';

// Dataset

const SOURCE_FIELDS = new Set(['id', 'title', 'publisher', 'published', 'url', 'path', 'text', 'reliability']);
const ENTITY_FIELDS = new Set(['id', 'label', 'type', 'aliases', 'description', 'date', 'attributes', 'position']);
const TRIPLE_FIELDS = new Set(['id', 'subject', 'predicate', 'object', 'source', 'evidence', 'date', 'confidence', 'attributedTo', 'qualifier', 'status', 'credibility', 'attributes']);
// Evidence equal to its own normalised form: no quote or dash variants, no white space but single inner spaces.
// One test for the common case of evidence: no control or bidi character, in normal form (so not blank either).
const EVIDENCE_SUSPECT = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2018\u2019\u201A\u201B\u2032\u00B4`\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u2013\u2014\u2212\u2010\u2011\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}|^ | $/;

function typesList(ts: readonly string[]): string {
  return ts.map((t) => quote(t)).join(', ');
}

/** A triple that passed its checks, as indices into the checker's tables (one object, reused). */
export interface CheckedTriple {
  s: number; p: number; o: number; src: number;
  /** undefined: an unsourced relation. */
  evidence: string | undefined;
  id: string | undefined; date: string | undefined; confidence: number | undefined;
  attributedTo: string | undefined; qualifier: string | undefined;
  status: ClaimStatus | undefined; credibility: Credibility | undefined; attributes: Attributes | undefined;
}

/**
 * The checks of a dataset, record by record: the whole-object validation and
 * every reader (through readers/assemble.ts) drive it, so they find the same
 * problems. Call header → useSchema → arrays (any order when streaming: the
 * report keeps sections apart), then sources, entities, beginTriples,
 * triples, finish, result.
 */
export class DatasetChecker {
  readonly r: Report;
  private readonly budget = { left: 5_000_000 };
  schema?: Schema;
  schemaOk = false;
  schemaFrom?: 'embedded' | 'default';
  embedded = false;
  title?: string;
  // The schema as ordinals and typed arrays (schema-tables.ts), set by useSchema.
  private typeIds = new Map<string, EntityType>();
  private typeOrd = new Map<string, number>();
  private predOrd = new Map<string, number>();
  private predList: Predicate[] = [];
  private domainOk: Uint8Array[] = [];
  private rangeOk: Uint8Array[] = [];
  private typePool?: Pool;

  private readonly unreadable = new Set<string>(); // sources whose file could not be read (already reported)
  readonly sources: Source[] = [];
  private readonly sourceAt = new Map<string, number>();
  private readonly sourcePath: number[] = [];
  readonly entities: Entity[] = [];
  private readonly entityTypeOrd: number[] = []; // -1: unknown type (already reported)
  readonly entityAt = new IdIndex();
  private readonly entityPath: number[] = [];

  private hasTriples = false;
  private used = new Uint8Array(0);
  private sourceUsed = new Uint8Array(0);
  private readonly tripleIds = new Map<string, number>();
  private dedupe = new TripleSet(0);
  private rawIndex = new Int32Array(1024); // position in the file of each accepted triple
  /** Triples accepted so far. */
  accepted = 0;
  private entityPool?: Pool;
  private predPool?: Pool;
  private sourcePool?: Pool;
  private readonly evidence?: EvidenceCheck;
  /** Filled by triple() when it returns true. */
  readonly cur: CheckedTriple = {
    s: -1, p: -1, o: -1, src: -1, evidence: '', id: undefined, date: undefined, confidence: undefined, attributedTo: undefined, qualifier: undefined,
    status: undefined, credibility: undefined, attributes: undefined,
  };
  /** Accepted relations without evidence (one summary warning at the end). */
  private unsourced = 0;
  private firstUnsourced = -1;
  private unsourcedWarning?: Problem;

  constructor(readonly opts: ValidateOptions) {
    this.r = new Report(opts.file, opts.maxPerCode ?? 200);
    if (opts.checkEvidence !== false) this.evidence = new EvidenceCheck(opts.sourceText);
  }

  notAnObject(raw: unknown): void {
    this.r.section = SECTION.header;
    notAnObject(this.r, raw);
  }

  /** Whether an object with these members is no dataset at all (then header() says so and nothing else counts). */
  static notADataset(raw: Obj): boolean {
    return notADataset(raw);
  }

  /** format, version, title and unknown top-level fields; false when the object is no dataset. */
  header(raw: Obj): boolean {
    this.r.section = SECTION.header;
    const h = checkHeader(this.r, raw);
    this.title = h.title;
    return h.dataset;
  }

  /** The embedded schema (the value of "schema"), else the default one. */
  useSchema(embedded: unknown): void {
    const r = this.r;
    r.section = SECTION.schema;
    let schema: Schema | undefined;
    if (embedded !== undefined) {
      // Used below even when it has errors, so that data problems are found too.
      const c = checkSchemaInto(r, embedded, ['schema'], this.budget);
      schema = c.schema;
      this.schemaOk = c.errors === 0;
      this.schemaFrom = 'embedded';
      this.embedded = true;
    } else if (this.opts.defaultSchema) {
      const scratch = new Report(this.opts.file, 1);
      const c = checkSchemaInto(scratch, this.opts.defaultSchema, [], this.budget);
      schema = c.schema;
      this.schemaOk = c.errors === 0;
      this.schemaFrom = 'default';
      if (c.errors > 0) {
        r.add('error', 'invalid-schema', ['schema'], `the default schema has ${c.errors} error(s)`, 'validate the schema file on its own and fix it first');
      }
    } else {
      r.add('error', 'no-schema', ['schema'], 'the dataset embeds no schema and no default schema was given',
        'embed one under "schema", or load the dataset with the default schema (graph-data/schema.json)');
    }
    this.schema = schema;
    ({ typeIds: this.typeIds, typeOrd: this.typeOrd, predOrd: this.predOrd, predList: this.predList, domainOk: this.domainOk, rangeOk: this.rangeOk, typePool: this.typePool } = schemaTables(schema, this.budget));
  }

  /** The three arrays (each undefined, and reported, when missing or not an array). */
  arrays(raw: Obj): { sources?: unknown[]; entities?: unknown[]; triples?: unknown[] } {
    this.r.section = SECTION.arrays;
    return {
      sources: checkArray(this.r, raw, 'sources', [], 'the dataset'),
      entities: checkArray(this.r, raw, 'entities', [], 'the dataset'),
      triples: checkArray(this.r, raw, 'triples', [], 'the dataset'),
    };
  }

  source(s: unknown, i: number): void {
    const r = this.r;
    r.section = SECTION.sources;
    const p: JsonPath = ['sources', i];
    if (!isObj(s)) {
      r.add('error', 'wrong-type', p, `a source must be an object, not ${typeName(s)}`, 'write { "id": "…", "title": "…", "path": "sources/….txt" }');
      return;
    }
    unknownFields(r, s, SOURCE_FIELDS, p, 'a source');
    const id = checkId(r, own(s, 'id'), p, 'a source');
    const stitle = str(r, own(s, 'title'), p, 'title', 'the source', { required: true, max: LIMITS.title, nonEmpty: true });
    const publisher = str(r, own(s, 'publisher'), p, 'publisher', 'the source', { max: LIMITS.title });
    const publishedV = own(s, 'published');
    const published = publishedV === undefined ? undefined : checkDateAt(r, publishedV, [...p, 'published'], false);
    const urlV = str(r, own(s, 'url'), p, 'url', 'the source', { max: LIMITS.url });
    let url = urlV;
    if (urlV !== undefined && !URL_SCHEME.test(urlV)) {
      r.add('error', 'bad-url', [...p, 'url'], `the url ${quote(urlV)} is not an http(s) address`, 'write the full address, starting with https://');
      url = undefined;
    }
    let path = str(r, own(s, 'path'), p, 'path', 'the source', { max: LIMITS.url, nonEmpty: true });
    let pathBad = false;
    // Source texts are read relative to the dataset file and must stay beside it.
    if (path !== undefined && (/^(?:[\\/]|[A-Za-z]:)/.test(path) || path.split(/[\\/]/).includes('..'))) {
      r.add('error', 'bad-path', [...p, 'path'], `the path ${quote(path)} leaves the dataset's folder`,
        'give the path relative to the dataset file, inside its folder, such as "sources/article.txt"');
      path = undefined;
      pathBad = true;
    }
    const relV = own(s, 'reliability');
    const reliability = relV === undefined ? undefined : checkReliability(r, relV, p);
    const textV = own(s, 'text');
    let text: string | undefined;
    if (textV !== undefined) {
      if (typeof textV === 'string') text = textV;
      else r.add('error', 'wrong-type', [...p, 'text'], `'text' must be a string, not ${typeName(textV)}`, 'put the source text in one string, with \\n for line breaks');
    }
    if (id === undefined) return;
    if (this.sourceAt.has(id)) {
      r.add('error', 'duplicate-id', [...p, 'id'], `source ${quote(id)} is defined twice (first at sources[${this.sourcePath[this.sourceAt.get(id)!]}])`, 'remove one of them or give it another id');
      return;
    }
    const clean: Source = { id, title: stitle ?? id };
    if (publisher !== undefined) clean.publisher = publisher;
    if (published !== undefined) clean.published = published;
    if (url !== undefined) clean.url = url;
    if (path !== undefined) clean.path = path;
    if (text !== undefined) clean.text = text;
    if (reliability !== undefined) clean.reliability = reliability;
    this.sourceAt.set(id, this.sources.length);
    this.sourcePath.push(i);
    this.sources.push(clean);
    const err = path !== undefined ? this.opts.sourceError?.(clean) : undefined;
    if (err) r.add('error', err.code, [...p, 'path'], err.message, err.hint);
    if (err || pathBad) this.unreadable.add(id);
  }

  entity(e: unknown, i: number): void {
    const r = this.r;
    r.section = SECTION.entities;
    if (!isObj(e)) {
      r.add('error', 'wrong-type', ['entities', i], `an entity must be an object, not ${typeName(e)}`, 'write { "id": "…", "label": "…", "type": "…" }');
      return;
    }
    let idV: unknown, labelV: unknown, typeV: unknown, aliasesV: unknown, descV: unknown, dateV: unknown, attrsV: unknown, posV: unknown;
    for (const k in e) {
      switch (k) {
        case 'id': idV = e[k]; break;
        case 'label': labelV = e[k]; break;
        case 'type': typeV = e[k]; break;
        case 'aliases': aliasesV = e[k]; break;
        case 'description': descV = e[k]; break;
        case 'date': dateV = e[k]; break;
        case 'attributes': attrsV = e[k]; break;
        case 'position': posV = e[k]; break;
        default: unknownField(r, k, ENTITY_FIELDS, ['entities', i], 'an entity');
      }
    }
    const p: JsonPath = ['entities', i];
    const typeIds = this.typeIds;
    const id = checkId(r, idV, p, 'an entity');
    const label = typeof labelV === 'string' && labelV.length <= LIMITS.label && labelV.trim() !== '' && !CONTROL_WITH_NL.test(labelV) && !BIDI.test(labelV)
      ? labelV : str(r, labelV, p, 'label', 'the entity', { required: true, max: LIMITS.label, nonEmpty: true });
    let type: string | undefined;
    if (typeV === undefined) {
      r.add('error', 'missing-field', [...p, 'type'], 'the entity has no \'type\'', `add "type": "…", one of the schema's entity types${typeIds.size ? ` (${[...typeIds.keys()].slice(0, 8).join(', ')}${typeIds.size > 8 ? ', …' : ''})` : ''}`);
    } else if (typeof typeV !== 'string') {
      r.add('error', 'wrong-type', [...p, 'type'], `'type' must be a type id string, not ${typeName(typeV)}`, 'write "type": "…" with one of the schema\'s entity types');
    } else if (!typeIds.has(typeV)) {
      if (this.schema) {
        r.add('error', 'unknown-type', [...p, 'type'], `entity ${id !== undefined ? quote(id) : `entities[${i}]`} has type ${quote(typeV)}, which the schema does not define`,
          `${r.room('unknown-type') ? didYouMean(this.typePool!, typeV) : ''}use one of the schema's entity types, or add the type to the schema`);
      }
    } else type = typeV;
    let aliases: string[] | undefined;
    if (aliasesV !== undefined) {
      if (!Array.isArray(aliasesV)) {
        r.add('error', 'wrong-type', [...p, 'aliases'], `'aliases' must be an array of strings, not ${typeName(aliasesV)}`, 'write "aliases": [ "KH", … ]');
      } else {
        aliases = [];
        for (let j = 0; j < aliasesV.length; j++) {
          const a = aliasesV[j];
          if (typeof a !== 'string') {
            r.add('error', 'wrong-type', [...p, 'aliases', j], `an alias must be a string, not ${typeName(a)}`, 'write it in double quotes');
            continue;
          }
          const ok = str(r, a, [...p, 'aliases'], j, 'the entity', { max: LIMITS.alias, nonEmpty: true, name: 'alias' });
          if (ok !== undefined) aliases.push(ok);
        }
      }
    }
    const description = descV === undefined ? undefined : str(r, descV, p, 'description', 'the entity', { max: LIMITS.description, allowNewlines: true });
    const date = dateV === undefined ? undefined : typeof dateV === 'string' && dateOk(dateV, true) ? dateV : checkDateAt(r, dateV, [...p, 'date'], true);
    const attributes = attrsV === undefined ? undefined : checkAttributes(r, attrsV, p, ENTITY_FIELDS, 'an entity');
    const position = posV === undefined ? undefined : checkPosition(r, posV, p);
    if (id === undefined) return;
    const dup = this.entityAt.get(id);
    if (dup >= 0) {
      r.add('error', 'duplicate-id', [...p, 'id'], `entity ${quote(id)} is defined twice (first at entities[${this.entityPath[dup]}])`,
        'merge the two entries (put extra names under "aliases") or give one another id');
      return;
    }
    const clean: Entity = { id, label: label ?? id, type: type ?? (typeof typeV === 'string' ? typeV : '') };
    if (aliases !== undefined) clean.aliases = aliases;
    if (description !== undefined) clean.description = description;
    if (date !== undefined) clean.date = date;
    if (attributes !== undefined) clean.attributes = attributes;
    if (position !== undefined) clean.position = position;
    this.entityAt.add(id, this.entities.length);
    this.entityPath.push(i);
    this.entities.push(clean);
    this.entityTypeOrd.push(type !== undefined ? this.typeOrd.get(type)! : -1);
  }

  /** Once every source and entity is in; `capacity` is a hint (the number of triples when known). */
  beginTriples(capacity: number): void {
    this.hasTriples = true;
    this.used = new Uint8Array(this.entities.length);
    this.sourceUsed = new Uint8Array(this.sources.length);
    this.dedupe = new TripleSet(capacity);
    this.entityPool = new Pool(this.entities.map((e) => e.id), this.budget);
    this.predPool = new Pool([...this.predOrd.keys()], this.budget);
    this.sourcePool = new Pool(this.sources.map((s) => s.id), this.budget);
  }

  private entityRef(v: unknown, p: JsonPath, field: string, required: boolean): number {
    const r = this.r;
    if (v === undefined) {
      if (required) r.add('error', 'missing-field', [...p, field], `the triple has no '${field}'`, `add "${field}": "entity-id"`);
      return -1;
    }
    if (typeof v !== 'string') {
      r.add('error', 'wrong-type', [...p, field], `'${field}' must be an entity id string, not ${typeName(v)}`, `write "${field}": "entity-id"`);
      return -1;
    }
    const at = this.entityAt.get(v);
    if (at < 0) {
      r.add('error', 'unknown-entity', [...p, field], `${field} ${quote(v)} is not an entity of this dataset`,
        `${r.room('unknown-entity') ? didYouMean(this.entityPool!, v) : ''}fix the id, or add an entity with id ${quote(v)} to "entities"`);
      return -1;
    }
    this.used[at] = 1;
    return at;
  }

  /** Checks triples[i]; true when it is accepted, its fields then in `cur`. */
  triple(t: unknown, i: number): boolean {
    const r = this.r;
    r.section = SECTION.triples;
    if (!isObj(t)) {
      r.add('error', 'wrong-type', ['triples', i], `a triple must be an object, not ${typeName(t)}`,
        'write { "subject": "…", "predicate": "…", "object": "…", "source": "…", "evidence": "…" }');
      return false;
    }
    let idV: unknown, sV: unknown, pV: unknown, oV: unknown, srcV: unknown, evV: unknown, dateV: unknown, confV: unknown, attrV: unknown, qualV: unknown;
    let statusV: unknown, credV: unknown, attrsV: unknown;
    for (const k in t) {
      switch (k) {
        case 'id': idV = t[k]; break;
        case 'subject': sV = t[k]; break;
        case 'predicate': pV = t[k]; break;
        case 'object': oV = t[k]; break;
        case 'source': srcV = t[k]; break;
        case 'evidence': evV = t[k]; break;
        case 'date': dateV = t[k]; break;
        case 'confidence': confV = t[k]; break;
        case 'attributedTo': attrV = t[k]; break;
        case 'qualifier': qualV = t[k]; break;
        case 'status': statusV = t[k]; break;
        case 'credibility': credV = t[k]; break;
        case 'attributes': attrsV = t[k]; break;
        default: unknownField(r, k, TRIPLE_FIELDS, ['triples', i], 'a triple');
      }
    }
    const p: JsonPath = ['triples', i];
    const entities = this.entities;
    let bad = false;
    let id: string | undefined;
    if (idV !== undefined) {
      id = checkId(r, idV, p, 'a triple');
      if (id !== undefined) {
        const first = this.tripleIds.get(id);
        if (first !== undefined) {
          r.add('error', 'duplicate-id', [...p, 'id'], `triple id ${quote(id)} is used twice (first at triples[${first}])`, 'give each triple its own id, or remove the ids (they are derived when absent)');
        } else this.tripleIds.set(id, i);
      }
    }
    const s = this.entityRef(sV, p, 'subject', true);
    const o = this.entityRef(oV, p, 'object', true);
    let pred: Predicate | undefined;
    let pn = -1;
    if (pV === undefined) {
      r.add('error', 'missing-field', [...p, 'predicate'], 'the triple has no \'predicate\'', 'add "predicate": "…", one of the schema\'s predicates');
    } else if (typeof pV !== 'string') {
      r.add('error', 'wrong-type', [...p, 'predicate'], `'predicate' must be a predicate id string, not ${typeName(pV)}`, 'write "predicate": "…"');
    } else {
      pn = this.predOrd.get(pV) ?? -1;
      pred = pn >= 0 ? this.predList[pn] : undefined;
      if (!pred && this.schema) {
        r.add('error', 'unknown-predicate', [...p, 'predicate'], `predicate ${quote(pV)} is not defined in the schema`,
          `${r.room('unknown-predicate') ? didYouMean(this.predPool!, pV) : ''}use one of the schema's predicates, or add it to the schema`);
      }
    }
    if (!pred || s < 0 || o < 0) bad = true;
    let src: Source | undefined;
    let srcIdx = -1;
    if (srcV === undefined) {
      r.add('error', 'missing-field', [...p, 'source'], 'the triple has no \'source\'', 'add "source": "source-id" naming the source that states it');
    } else if (typeof srcV !== 'string') {
      r.add('error', 'wrong-type', [...p, 'source'], `'source' must be a source id string, not ${typeName(srcV)}`, 'write "source": "source-id"');
    } else {
      const at = this.sourceAt.get(srcV);
      if (at === undefined) {
        r.add('error', 'unknown-source', [...p, 'source'], `source ${quote(srcV)} is not listed in "sources"`,
          `${r.room('unknown-source') ? didYouMean(this.sourcePool!, srcV) : ''}fix the id, or add the source to "sources"`);
      } else { src = this.sources[at]; srcIdx = at; this.sourceUsed[at] = 1; }
    }
    const clear = typeof evV === 'string' && evV.length > 0 && evV.length <= LIMITS.evidence && !EVIDENCE_SUSPECT.test(evV);
    let evidence = clear ? evV as string : typeof evV === 'string' && evV.length <= LIMITS.evidence && evV.trim() !== '' && !CONTROL.test(evV) && !BIDI.test(evV)
      ? evV : str(r, evV, p, 'evidence', 'the triple', { max: LIMITS.evidence, nonEmpty: true, allowNewlines: true });
    // Present but unusable evidence was reported: the triple is not taken as unsourced.
    if (evidence === undefined && evV !== undefined) bad = true;
    const date = dateV === undefined ? undefined : typeof dateV === 'string' && dateOk(dateV, true) ? dateV : checkDateAt(r, dateV, [...p, 'date'], true);
    let confidence: number | undefined;
    if (confV !== undefined) {
      if (typeof confV !== 'number' || !(confV >= 0 && confV <= 1)) {
        r.add('error', 'bad-confidence', [...p, 'confidence'], `confidence is ${typeName(confV)}; it must be a number from 0 to 1`,
          typeof confV === 'number' && confV > 1 && confV <= 100 ? `write it as a fraction: ${confV / 100}` : 'write a number such as 0.8, or remove it');
      } else confidence = confV;
    }
    let attributedTo: string | undefined;
    if (attrV !== undefined) {
      const a = this.entityRef(attrV, p, 'attributedTo', false);
      if (a >= 0) attributedTo = entities[a]!.id;
    }
    const qualifier = qualV === undefined ? undefined : str(r, qualV, p, 'qualifier', 'the triple', { max: LIMITS.qualifier });
    const status = statusV === undefined ? undefined : checkStatus(r, statusV, p);
    if (status === 'attributed' && attrV === undefined) {
      r.add('error', 'status-conflict', [...p, 'status'], 'the triple is "attributed" but names no one it is attributed to',
        'add "attributedTo": "entity-id" (whose claim it is), or change the status');
    } else if (status === 'unsourced' && evV !== undefined) {
      r.add('error', 'status-conflict', [...p, 'status'], 'the triple is "unsourced" but has evidence',
        'remove the status (it is derived: asserted, attributed or hedged), or remove the evidence');
    }
    const credibility = credV === undefined ? undefined : checkCredibility(r, credV, p);
    const attributes = attrsV === undefined ? undefined : checkAttributes(r, attrsV, p, TRIPLE_FIELDS, 'a triple');

    // A broken schema would give misleading type errors: those wait until it is fixed.
    if (pred && s >= 0 && o >= 0 && this.schemaOk) {
      const sub = entities[s]!;
      const obj = entities[o]!;
      const st = this.entityTypeOrd[s]!;
      const ot = this.entityTypeOrd[o]!;
      if (st >= 0 && !this.domainOk[pn]![st]) {
        r.add('error', 'domain-violation', [...p, 'subject'],
          `${quote(sub.id)} is a ${sub.type}; predicate ${quote(pred.id)} expects its subject to be one of: ${typesList(pred.domain)}`,
          `change the predicate or the entity's type (or swap subject and object if the relation runs the other way)`);
        bad = true;
      }
      if (ot >= 0 && !this.rangeOk[pn]![ot]) {
        r.add('error', 'range-violation', [...p, 'object'],
          `${quote(obj.id)} is a ${obj.type}; predicate ${quote(pred.id)} expects its object to be one of: ${typesList(pred.range)}`,
          `change the predicate or the entity's type (or swap subject and object if the relation runs the other way)`);
        bad = true;
      }
    }
    if (pred && s >= 0 && s === o) {
      r.add('warning', 'self-loop', p, `${quote(entities[s]!.id)} ${pred.label} itself`,
        'check the subject and object: a relation of an entity with itself is usually a typing slip');
    }
    if (src === undefined) return false;
    if (this.evidence && evidence !== undefined) evidence = this.evidence.check(r, evidence, clear, src, p, this.sourcePath[this.sourceAt.get(src.id)!]!, this.unreadable.has(src.id));
    if (bad) return false;
    const k = this.accepted;
    const first = this.dedupe.add(s, pn, o, srcIdx, evidence ?? '', k);
    if (first >= 0) {
      r.add('warning', 'duplicate-triple', p, `the same triple (subject, predicate, object, source and evidence) is already at triples[${this.rawIndex[first]}]`, 'remove one of the two');
    }
    if (k >= this.rawIndex.length) { const b = new Int32Array(this.rawIndex.length * 2); b.set(this.rawIndex); this.rawIndex = b; }
    this.rawIndex[k] = i;
    this.accepted++;
    const c = this.cur;
    c.s = s; c.p = pn; c.o = o; c.src = srcIdx; c.evidence = evidence;
    c.id = id; c.date = date; c.confidence = confidence; c.attributedTo = attributedTo; c.qualifier = qualifier;
    c.status = status; c.credibility = credibility; c.attributes = attributes;
    // Warned at the first one (located there), reworded in finish() to count them all.
    if (evidence === undefined && this.unsourced++ === 0) {
      this.firstUnsourced = i;
      this.unsourcedWarning = r.add('warning', 'unsourced-relation', p, `triples[${i}] has no evidence: it is unsourced`,
        'add "evidence" quoting the source where you can; unsourced relations show as such and can be filtered out');
    }
    return true;
  }

  /** The clean triple of `cur`. */
  cleanTriple(): Triple {
    const c = this.cur;
    const clean: Triple = { subject: this.entities[c.s]!.id, predicate: this.predList[c.p]!.id, object: this.entities[c.o]!.id, source: this.sources[c.src]!.id };
    if (c.evidence !== undefined) clean.evidence = c.evidence;
    if (c.id !== undefined) clean.id = c.id;
    if (c.date !== undefined) clean.date = c.date;
    if (c.confidence !== undefined) clean.confidence = c.confidence;
    if (c.attributedTo !== undefined) clean.attributedTo = c.attributedTo;
    if (c.qualifier !== undefined) clean.qualifier = c.qualifier;
    if (c.status !== undefined) clean.status = c.status;
    if (c.credibility !== undefined) clean.credibility = c.credibility;
    if (c.attributes !== undefined) clean.attributes = c.attributes;
    return clean;
  }

  /** Checks that need every record: entities and sources no triple uses. */
  finish(): void {
    const r = this.r;
    r.section = SECTION.finish;
    if (!this.hasTriples) return;
    if (this.unsourced > 1 && this.unsourcedWarning) {
      this.unsourcedWarning.message = `${this.unsourced.toLocaleString('en-US')} relations have no evidence (the first is triples[${this.firstUnsourced}]): they are unsourced`;
    }
    for (let i = 0; i < this.entities.length; i++) {
      if (!this.used[i]) {
        r.add('warning', 'unused-entity', ['entities', this.entityPath[i]!], `entity ${quote(this.entities[i]!.id)} takes part in no triple`, 'add the triples that involve it, or remove it');
      }
    }
    for (let i = 0; i < this.sources.length; i++) {
      if (!this.sourceUsed[i]) {
        r.add('warning', 'unused-source', ['sources', this.sourcePath[i]!], `source ${quote(this.sources[i]!.id)} is cited by no triple`, 'cite it from the triples it supports, or remove it');
      }
    }
  }

  /** Where entities[i] (a kept entity's index) and sources[i] were in the file. */
  entityFileIndex(i: number): number { return this.entityPath[i]!; }
  sourceFileIndex(i: number): number { return this.sourcePath[i]!; }

  /** The result; `text` locates the problems (a streaming reader has located them already). */
  result(text?: string, dataset?: Dataset): ParseResult {
    const problems = this.r.finish(text);
    const ok = this.r.errors === 0;
    const out: ParseResult = { ok, problems };
    if (ok && dataset) out.dataset = dataset;
    if (this.schema && this.schemaOk) out.schema = this.schema;
    if (this.schemaFrom) out.schemaFrom = this.schemaFrom;
    return out;
  }
}

export function validateDataset(raw: unknown, opts: ValidateOptions & { text?: string }): ParseResult {
  const c = new DatasetChecker(opts);
  if (!isObj(raw)) {
    c.notAnObject(raw);
    return c.result(opts.text);
  }
  if (!c.header(raw)) return c.result(opts.text);
  c.useSchema(own(raw, 'schema'));
  const a = c.arrays(raw);
  if (a.sources) for (let i = 0; i < a.sources.length; i++) c.source(a.sources[i], i);
  if (a.entities) for (let i = 0; i < a.entities.length; i++) c.entity(a.entities[i], i);
  const triples: Triple[] = [];
  if (a.triples) {
    c.beginTriples(a.triples.length);
    for (let i = 0; i < a.triples.length; i++) if (c.triple(a.triples[i], i)) triples.push(c.cleanTriple());
  }
  c.finish();
  const dataset: Dataset = { format: DATASET_FORMAT, version: DATASET_VERSION, sources: c.sources, entities: c.entities, triples };
  if (c.title !== undefined) dataset.title = c.title;
  if (c.embedded && c.schema) dataset.schema = c.schema;
  return c.result(opts.text, dataset);
}
