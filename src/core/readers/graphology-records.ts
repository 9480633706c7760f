// Graphs from other tools (CSV tables, GEXF, GraphML, graphology JSON) as
// dataset records: the readers add nodes and edges as they find them; at the
// end this fills in what such files lack (entity types, a schema for relation
// names the schema does not know, a source for the file itself) and hands the
// records to the sink in the order the checks need: schema, sources,
// entities, triples. Edges are kept as columns, not objects, until then.
import {
  DATASET_FORMAT,
  DATASET_VERSION,
  type Attributes,
  type Entity,
  type EntityType,
  type Predicate,
  type Schema,
  type Source,
  type Triple,
} from '../model.ts';
import type { Problem } from '../problems.ts';
import type { JsonPath, TextLocation } from '../json-location.ts';
import { fileProblem } from '../check/problems.ts';
import { LIMITS } from '../check/options.ts';
import { grow32 } from './columns.ts';
import { IdIndex } from '../check/tables.ts';
import type { KeptRecord, RecordPlace, RecordSink } from './reader.ts';

/** Where a record is: its line and column, and (CSV) the column of each field. */
export interface At {
  line: number;
  column: number;
  cols?: Readonly<Record<string, number>>;
}

export interface NodeIn {
  id: string;
  label?: string;
  /** An entity type id as written by actorgraph (taken as it is). */
  typeId?: string;
  /** A type name from the file (matched against the schema, else a generated type). */
  typeName?: string;
  aliases?: string[];
  description?: string;
  date?: string;
  attributes?: Attributes;
  position?: { x: number; y: number };
  /** A colour for its type, when the file gives one (#rrggbb). */
  color?: string;
}

/** The optional fields of a triple that pass through as they are. */
export type TripleRest = Partial<
  Pick<Triple, 'id' | 'date' | 'confidence' | 'attributedTo' | 'qualifier' | 'status' | 'credibility' | 'attributes'>
>;

export interface EdgeIn {
  subject: string;
  object: string;
  /** The subject's and object's node indices (indexOf), when the reader has them: no second lookup by id. */
  subjectIndex?: number;
  objectIndex?: number;
  /** A predicate id as written by actorgraph. */
  predicateId?: string;
  /** A relation name from the file. */
  predicateName?: string;
  /** A source id as written by actorgraph. */
  sourceId?: string;
  /** A source document named by the file (title or URL); `sourceUrl` when it is a URL. */
  sourceName?: string;
  sourceUrl?: string;
  evidence?: string;
  /** Date and confidence apart from `rest`, where a reader has them apart (no object per row for them). */
  date?: string;
  confidence?: number;
  rest?: TripleRest;
}

export interface Given {
  title?: string;
  schema?: Schema;
  sources?: Source[];
}

/** The name a generated relation gets when a file gives an edge none. */
const RELATED = 'related to';
const GENERIC_TYPE = 'entity';
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

/** A stable id for a name: lower case, letters and digits kept (any script), the rest as single dashes. */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return (s || 'x').slice(0, LIMITS.id - 8);
}

/** `#rrggbb` from a CSS hex or rgb()/rgba() colour; undefined for anything else. */
export function hexColor(c: string | undefined): string | undefined {
  if (!c) return undefined;
  const t = c.trim();
  if (/^#[0-9a-f]{6}$/i.test(t)) return t.toLowerCase();
  if (/^#[0-9a-f]{3}$/i.test(t)) return `#${[...t.slice(1)].map((x) => x + x).join('')}`.toLowerCase();
  const m = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})/i.exec(t);
  if (!m) return undefined;
  return `#${[m[1], m[2], m[3]].map((x) => Math.min(255, Number(x)).toString(16).padStart(2, '0')).join('')}`;
}

class Place implements RecordPlace {
  loc: TextLocation;
  subjectAt = -1;
  objectAt = -1;
  constructor(
    line: number,
    column: number,
    public cols: Readonly<Record<string, number>> | undefined,
  ) {
    this.loc = { line, column };
  }
  locate(rel: JsonPath): TextLocation {
    const k = rel[0];
    const c = typeof k === 'string' && this.cols ? this.cols[k] : undefined;
    return c === undefined ? this.loc : { line: this.loc.line, column: c };
  }
  keep(value: unknown): KeptRecord {
    const at = new Place(this.loc.line, this.loc.column, this.cols);
    return { at, value: () => value };
  }
}

export class GraphRecords {
  private readonly nodes: NodeIn[] = [];
  private readonly nodeAt: At[] = [];
  // The checker's id table: a lookup by a fresh string (a cell, an attribute) costs a third of a Map's.
  private readonly nodeIndex = new IdIndex();
  private readonly names = new Map<string, string>();
  // Edges as columns.
  private m = 0;
  // Ends as node indices (held compactly until the end); -1 for an id no node has, kept in `strays`.
  private subj = new Int32Array(1024);
  private obj = new Int32Array(1024);
  private readonly strays = new Map<number, { s?: string; o?: string }>();
  // The usual optional fields as columns (an object per row would live until the end).
  private readonly date: (string | undefined)[] = [];
  private conf?: Float64Array;
  private pred = new Uint32Array(1024);
  private src = new Uint32Array(1024);
  private line = new Uint32Array(1024);
  private col = new Uint32Array(1024);
  private readonly evidence: (string | undefined)[] = [];
  private readonly rest: (TripleRest | undefined)[] = [];
  private readonly edgeCols: (Readonly<Record<string, number>> | undefined)[] = [];
  // Predicates and sources met, by key; index into the lists.
  private readonly predKeys = new Map<string, number>();
  private readonly predRaw = new Map<string, number>();
  private readonly preds: { id?: string; name?: string }[] = [];
  private readonly srcKeys = new Map<string, number>();
  private readonly srcIdKeys = new Map<string, number>();
  private readonly srcNameKeys = new Map<string, number>();
  private readonly srcUrlKeys = new Map<string, number>();
  private readonly srcs: { id?: string; name?: string; url?: string }[] = [];
  private firstAt?: At;

  constructor(
    private readonly file: string,
    private readonly baseSchema: Schema | undefined,
    private readonly given: Given = {},
  ) {}

  get edgeCount(): number {
    return this.m;
  }
  get nodeCount(): number {
    return this.nodes.length;
  }

  hasNode(id: string): boolean {
    return this.nodeIndex.get(id) >= 0;
  }

  /** The index of the node with this id, or -1. */
  indexOf(id: string): number {
    return this.nodeIndex.get(id);
  }

  /** The id of the node at index i. */
  idAt(i: number): string {
    return this.nodes[i]!.id;
  }

  /** The id of the node whose label or alias is `name` (case and spacing aside), if any. */
  byName(name: string): string | undefined {
    return this.names.get(nameKey(name));
  }

  /** Adds a node; false when its id is taken (the first one stays). */
  node(n: NodeIn, at: At): boolean {
    if (this.nodeIndex.get(n.id) >= 0) return false;
    this.nodeIndex.add(n.id, this.nodes.length);
    this.nodes.push(n);
    this.nodeAt.push(at);
    for (const name of [n.label ?? n.id, ...(n.aliases ?? [])]) {
      const k = nameKey(name);
      if (!this.names.has(k)) this.names.set(k, n.id);
    }
    return true;
  }

  /** Sets what node i lacks (from a later row that says more about it). */
  fill(i: number, more: Partial<NodeIn>): void {
    const n = this.nodes[i]!;
    if (n.typeId === undefined && n.typeName === undefined && more.typeName !== undefined) n.typeName = more.typeName;
  }

  edge(e: EdgeIn, at: At): void {
    const k = this.m++;
    this.firstAt ??= at;
    if (k >= this.pred.length) {
      this.pred = grow32(this.pred, k + 1);
      this.src = grow32(this.src, k + 1);
      this.line = grow32(this.line, k + 1);
      this.col = grow32(this.col, k + 1);
    }
    if (k >= this.subj.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.subj = grow(this.subj);
      this.obj = grow(this.obj);
    }
    const si = e.subjectIndex ?? this.nodeIndex.get(e.subject),
      oi = e.objectIndex ?? this.nodeIndex.get(e.object);
    this.subj[k] = si;
    this.obj[k] = oi;
    if (si < 0 || oi < 0) this.strays.set(k, { s: si < 0 ? e.subject : undefined, o: oi < 0 ? e.object : undefined });
    // The raw name first: most rows repeat one of a few names as written.
    const raw = e.predicateId !== undefined ? `\u0000${e.predicateId}` : (e.predicateName ?? RELATED);
    let p = this.predRaw.get(raw);
    const pk = p !== undefined ? '' : e.predicateId !== undefined ? raw : nameKey(raw);
    if (p === undefined) p = this.predKeys.get(pk);
    if (p === undefined) {
      p = this.preds.length;
      this.predKeys.set(pk, p);
      this.preds.push(
        e.predicateId !== undefined ? { id: e.predicateId } : { name: (e.predicateName ?? RELATED).trim() },
      );
    }
    if (this.predRaw.size < 10_000) this.predRaw.set(raw, p);
    this.pred[k] = p;
    // Keys by kind without building a string per row in the common cases (an id, a name alone, a URL alone).
    const byName = e.sourceId === undefined && e.sourceUrl === undefined && e.sourceName !== undefined;
    const byUrl = e.sourceId === undefined && e.sourceName === undefined && e.sourceUrl !== undefined;
    const sk =
      e.sourceId !== undefined
        ? e.sourceId
        : byName
          ? e.sourceName!
          : byUrl
            ? e.sourceUrl!
            : e.sourceName !== undefined
              ? `${e.sourceName}\u0001${e.sourceUrl}`
              : '';
    const keys =
      e.sourceId !== undefined ? this.srcIdKeys : byName ? this.srcNameKeys : byUrl ? this.srcUrlKeys : this.srcKeys;
    let s = keys.get(sk);
    if (s === undefined) {
      s = this.srcs.length;
      keys.set(sk, s);
      this.srcs.push(
        keys === this.srcKeys && sk === '' ? {} : { id: e.sourceId, name: e.sourceName, url: e.sourceUrl },
      );
    }
    this.src[k] = s;
    this.line[k] = at.line;
    this.col[k] = at.column;
    this.evidence.push(e.evidence);
    // Date and confidence to their columns; the rest (rarer) as an object, built without `delete`.
    let rest = e.rest;
    let date = e.date;
    let conf = e.confidence;
    if (rest && (rest.date !== undefined || typeof rest.confidence === 'number')) {
      date ??= rest.date;
      if (typeof rest.confidence === 'number') conf ??= rest.confidence;
      let r: TripleRest | undefined;
      for (const key of Object.keys(rest) as (keyof TripleRest)[]) {
        if (key === 'date' || (key === 'confidence' && typeof rest.confidence === 'number')) continue;
        (r ??= {} as Record<string, unknown>)[key] = rest[key];
      }
      rest = r;
    }
    if (conf !== undefined) {
      if (!this.conf || k >= this.conf.length) {
        const b = new Float64Array(Math.max(1024, this.pred.length)).fill(NaN);
        if (this.conf) b.set(this.conf);
        this.conf = b;
      }
      this.conf[k] = conf;
    }
    this.date.push(date);
    this.rest.push(rest);
    this.edgeCols.push(at.cols);
  }

  /** The records, in the order the checks need, into `sink`; gives the warnings about what was made up. */
  emit(sink: RecordSink): Problem[] {
    const warnings: Problem[] = [];
    const base = this.given.schema ?? this.baseSchema ?? { entityTypes: [], predicates: [] };
    const typeById = new Map(base.entityTypes.map((t) => [t.id, t]));
    const typeByName = new Map<string, string>();
    for (const t of base.entityTypes) {
      typeByName.set(nameKey(t.id), t.id);
      typeByName.set(nameKey(t.label), t.id);
    }
    const predById = new Map(base.predicates.map((p) => [p.id, p]));
    const predByName = new Map<string, string>();
    for (const p of base.predicates) {
      predByName.set(nameKey(p.id), p.id);
      predByName.set(nameKey(p.label), p.id);
    }

    // Entity types: as given, else by name, else made up.
    const newTypes: EntityType[] = [];
    const newTypeAt: At[] = [];
    const usedIds = new Set<string>([...typeById.keys()]);
    const typeFor = (name: string, color: string | undefined, at: At): string => {
      const known = typeByName.get(nameKey(name));
      if (known !== undefined) return known;
      const id = unique(slug(name), usedIds);
      usedIds.add(id);
      typeByName.set(nameKey(name), id);
      newTypes.push({
        id,
        label: name.trim().slice(0, LIMITS.label),
        color: color ?? PALETTE[newTypes.length % PALETTE.length]!,
      });
      newTypeAt.push(at);
      return id;
    };
    const types: (string | undefined)[] = this.nodes.map(
      (n, i) =>
        n.typeId ??
        (n.typeName !== undefined && n.typeName.trim() !== ''
          ? typeFor(n.typeName, hexColor(n.color), this.nodeAt[i]!)
          : undefined),
    );

    // Predicates: as given, else by id or label, else made up.
    const newPreds: Predicate[] = [];
    const newPredAt: (At | undefined)[] = [];
    const usedPredIds = new Set<string>(predById.keys());
    const predIds = this.preds.map((p) => {
      if (p.id !== undefined) return p.id;
      const known = predByName.get(nameKey(p.name!));
      if (known !== undefined) return known;
      const id = unique(slug(p.name!), usedPredIds);
      usedPredIds.add(id);
      const label = p.name!.slice(0, LIMITS.label);
      newPreds.push({ id, label, inverseLabel: `${label} (inverse)`.slice(0, LIMITS.label), domain: [], range: [] });
      newPredAt.push(undefined);
      return id;
    });
    const generated = new Map(newPreds.map((p) => [p.id, p]));

    // Untyped nodes: the most general type that fits every known predicate they take part in, else a generic type.
    const asked = new Map<number, Set<number>>(); // node → predicate index × 2 (+1 as object)
    for (let k = 0; k < this.m; k++) {
      const p = this.pred[k]!;
      if (!predById.has(predIds[p]!)) continue;
      const s = this.subj[k]!,
        o = this.obj[k]!;
      if (s >= 0 && types[s] === undefined) {
        let a = asked.get(s);
        if (!a) asked.set(s, (a = new Set()));
        a.add(2 * p);
      }
      if (o >= 0 && types[o] === undefined) {
        let a = asked.get(o);
        if (!a) asked.set(o, (a = new Set()));
        a.add(2 * p + 1);
      }
    }
    if (asked.size) {
      const ancestors = new Map<string, Set<string>>();
      for (const t of base.entityTypes) {
        const up = new Set<string>();
        for (let cur: string | undefined = t.id; cur !== undefined && !up.has(cur); cur = typeById.get(cur)?.parent)
          up.add(cur);
        ancestors.set(t.id, up);
      }
      // Most general first (fewest ancestors), schema order among equals.
      const byDepth = [...base.entityTypes].sort((a, b) => ancestors.get(a.id)!.size - ancestors.get(b.id)!.size);
      for (const [i, codes] of asked) {
        const sets = [...codes].map((c) => {
          const d = predById.get(predIds[c >> 1]!)!;
          return c & 1 ? d.range : d.domain;
        });
        let best: string | undefined,
          bestFit = -1;
        for (const t of byDepth) {
          const up = ancestors.get(t.id)!;
          const fit = sets.reduce((n, allowed) => n + (allowed.some((a) => up.has(a)) ? 1 : 0), 0);
          if (fit > bestFit) {
            best = t.id;
            bestFit = fit;
          }
          if (fit === sets.length) break;
        }
        types[i] = best;
      }
    }
    for (let i = 0; i < types.length; i++) {
      if (types[i] === undefined) types[i] = typeFor(GENERIC_TYPE, hexColor(this.nodes[i]!.color), this.nodeAt[i]!);
    }
    // Generated predicates admit the types they link.
    for (let k = 0; k < this.m; k++) {
      const p = this.pred[k]!;
      const g = generated.get(predIds[p]!);
      if (!g) continue;
      newPredAt[newPreds.indexOf(g)] ??= { line: this.line[k]!, column: this.col[k]! };
      const s = this.subj[k]!,
        o = this.obj[k]!;
      if (s >= 0 && !g.domain.includes(types[s]!)) g.domain.push(types[s]!);
      if (o >= 0 && !g.range.includes(types[o]!)) g.range.push(types[o]!);
    }
    for (const g of newPreds) {
      if (g.domain.length === 0) g.domain.push(newTypes[0]?.id ?? base.entityTypes[0]?.id ?? GENERIC_TYPE);
      if (g.range.length === 0) g.range.push(g.domain[0]!);
    }
    if (newPreds.length) {
      warnings.push(
        listWarning(
          this.file,
          'generated-predicates',
          newPreds.map((p) => p.label),
          'relation name',
          'predicate',
          'they were added to a generated schema (domain and range from the entity types used); check the spelling, or give a schema that defines them',
          newPredAt[0] ?? this.firstAt,
        ),
      );
    }
    if (newTypes.length) {
      warnings.push(
        listWarning(
          this.file,
          'generated-types',
          newTypes.map((t) => t.label),
          'entity type',
          'type',
          'they were added to a generated schema; check the spelling, or give a schema that defines them',
          newTypeAt[0],
        ),
      );
    }

    // Sources: those given, then one per document named, then the file itself.
    const sources: Source[] = [...(this.given.sources ?? [])];
    const srcIds = new Set(sources.map((s) => s.id));
    const fileName = this.file.split(/[\\/]/).pop() || this.file;
    const srcIdOf = this.srcs.map((s) => {
      if (s.id !== undefined) return s.id;
      const id = unique(s.name === undefined && s.url === undefined ? slug(fileName) : slug(s.name ?? s.url!), srcIds);
      srcIds.add(id);
      const src: Source = {
        id,
        title:
          s.name === undefined && s.url === undefined
            ? `Imported from ${fileName}`.slice(0, LIMITS.title)
            : (s.name ?? s.url!).slice(0, LIMITS.title),
      };
      if (s.url !== undefined) src.url = s.url;
      sources.push(src);
      return id;
    });

    const none: Readonly<Record<string, number>> = {};
    const start: TextLocation = { line: 1, column: 1 };
    const top = new Place(1, 1, none);
    sink.start(start);
    sink.member('format', start, DATASET_FORMAT, top);
    sink.member('version', start, DATASET_VERSION, top);
    if (this.given.title !== undefined) sink.member('title', start, this.given.title, top);
    if (this.given.schema || newTypes.length || newPreds.length) {
      const schema: Schema = {
        entityTypes: [...base.entityTypes, ...newTypes],
        predicates: [...base.predicates, ...newPreds],
      };
      sink.member('schema', start, schema, top);
    }
    sink.beginList('sources', start);
    sources.forEach((s, i) => {
      sink.record('sources', s, i, top);
    });
    sink.endList('sources');
    sink.beginList('entities', start);
    this.nodes.forEach((n, i) => {
      const e: Entity = { id: n.id, label: n.label ?? n.id, type: types[i]! };
      if (n.aliases?.length) e.aliases = n.aliases;
      if (n.description !== undefined) e.description = n.description;
      if (n.date !== undefined) e.date = n.date;
      if (n.attributes !== undefined && Object.keys(n.attributes).length) e.attributes = n.attributes;
      if (n.position !== undefined) e.position = n.position;
      const at = this.nodeAt[i]!;
      sink.record('entities', e, i, new Place(at.line, at.column, at.cols));
    });
    sink.endList('entities');
    sink.beginList('triples', start);
    // One place, moved from record to record: the sink uses it only while it checks the record (keep() copies it).
    const place = new Place(1, 1, undefined);
    for (let k = 0; k < this.m; k++) {
      const si = this.subj[k]!,
        oi = this.obj[k]!;
      const stray = si < 0 || oi < 0 ? this.strays.get(k) : undefined;
      const t = {
        subject: si >= 0 ? this.nodes[si]!.id : stray!.s!,
        predicate: predIds[this.pred[k]!]!,
        object: oi >= 0 ? this.nodes[oi]!.id : stray!.o!,
        source: srcIdOf[this.src[k]!]!,
      } as Triple;
      const ev = this.evidence[k];
      if (ev !== undefined) t.evidence = ev;
      const date = this.date[k];
      if (date !== undefined) t.date = date;
      const conf = this.conf?.[k];
      if (conf !== undefined && !Number.isNaN(conf)) t.confidence = conf;
      const r = this.rest[k];
      if (r) Object.assign(t, r);
      place.loc = { line: this.line[k]!, column: this.col[k]! };
      place.cols = this.edgeCols[k];
      place.subjectAt = si;
      place.objectAt = oi;
      sink.record('triples', r?.id !== undefined ? { id: r.id, ...t } : t, k, place);
    }
    sink.endList('triples');
    return warnings;
  }

  /** Whether any source has a text to check evidence against. */
  static anyText(given: Given): boolean {
    return (given.sources ?? []).some((s) => s.text !== undefined || s.path !== undefined);
  }
}

function nameKey(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

function unique(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  for (let n = 2; ; n++) if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
}

function listWarning(
  file: string,
  code: string,
  names: string[],
  what: string,
  made: string,
  hint: string,
  at: At | undefined,
): Problem {
  const shown = names
    .slice(0, 20)
    .map((n) => `'${n}'`)
    .join(', ');
  const more = names.length > 20 ? ` and ${names.length - 20} more` : '';
  return fileProblem(
    code,
    file,
    `${names.length} ${what}${names.length > 1 ? 's' : ''} not in the schema became ${made}${names.length > 1 ? 's' : ''} of a generated schema: ${shown}${more}`,
    hint,
    at ? { line: at.line, column: at.column } : { line: 1, column: 1 },
    'warning',
  );
}
