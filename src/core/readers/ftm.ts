// FollowTheMoney entity JSON (one entity per line, as OpenSanctions and
// Aleph export it): thing schemata become entities (of the default schema's
// types where one means the same, else of generated types), interval schemata
// that link two entities become relations (their dates an interval, their
// role and other values attributes), cited to a source per distinct
// publisher and source URL, or to the file itself. The README has the table.
import { ENTITY_FIELDS, TRIPLE_FIELDS } from '../fields.ts';
import type { Problem } from '../problems.ts';
import type { Schema } from '../model.ts';
import type { TextLocation } from '../json-location.ts';
import { encodingProblem, TextPreflight } from '../check/preflight.ts';
import { emptyFile, fileProblem, notUtf8 } from '../check/problems.ts';
import { didYouMean, Pool } from '../check/suggest.ts';
import { put, type RdfRecords } from '../rdf/records.ts';
import { FTM_EDGES, FTM_PROVENANCE, FTM_SINGLE, FTM_THINGS, FTM_TO_TYPE, kebab } from './ftm-model.ts';
import { feed } from './rdf.ts';
import type { DatasetReader, ReaderOptions, ReadResult, ReadSession } from './reader.ts';
import { FTM_FORMAT } from './formats.ts';

interface FtmEntity {
  id: string;
  schema: string;
  props: Record<string, string[]>;
  loc: TextLocation;
}

const PALETTE = ['#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#9467bd'];
const NAME_PROPS = ['name', 'alias', 'previousName', 'weakName'];
const MAX_PROBLEMS = 200;
// FtM properties named like a field of ours are kept as attributes under `ftm:` (the writer strips it).
const attrKey = (k: string, fields: ReadonlySet<string>) => (fields.has(k) ? `ftm:${k}` : k);

/** An FtM date (or datetime) as an ISO date of 4, 7 or 10 characters; undefined when it is none. */
function isoDate(v: string | undefined): string | undefined {
  const m = v === undefined ? null : /^(\d{4})(-\d{2})?(-\d{2})?/.exec(v);
  return m ? m[0] : undefined;
}

function hash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

class FtmSession implements ReadSession {
  private readonly pre: TextPreflight;
  private readonly t = { scan: 0, parse: 0, check: 0, build: 0 };
  private readonly problems: Problem[] = [];
  private readonly entities = new Map<string, FtmEntity>();
  private readonly skipped = new Map<string, number>();
  private rest: string[] = [];
  private line = 0;
  private first = true;
  private content = false;
  private fatal = false;
  private readonly schemaPool = new Pool([...FTM_THINGS, ...Object.keys(FTM_EDGES), ...FTM_SINGLE], {
    left: 1_000_000,
  });

  constructor(private readonly opts: ReaderOptions) {
    this.pre = new TextPreflight(opts.file, opts.decodedStrictly);
  }

  get finished(): boolean {
    return this.fatal || this.problems.length >= MAX_PROBLEMS;
  }

  private error(code: string, message: string, hint: string, loc: TextLocation): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(fileProblem(code, this.opts.file, message, hint, loc));
  }

  push(chunk: string): void {
    if (this.finished || chunk.length === 0) return;
    const t0 = performance.now();
    if (this.first) {
      this.first = false;
      const r = this.pre.first(chunk);
      if (r === undefined) {
        this.problems.push(notUtf8(this.opts.file, { kind: 'utf16-bom' }));
        this.fatal = true;
        return;
      }
      chunk = r;
    }
    const fault = this.pre.fault(chunk);
    if (fault) {
      // The lines before the bad character first: the first problem in the file wins, however the file is cut.
      if (fault.at > 0) {
        this.push(chunk.slice(0, fault.at));
        if (this.finished) return;
      }
      const text = this.rest.join('');
      const lines = text.split('\n');
      this.problems.push(
        encodingProblem(this.opts.file, fault, {
          line: this.line + lines.length,
          column: lines[lines.length - 1]!.length + 1,
        }),
      );
      this.fatal = true;
      return;
    }
    // A line longer than a chunk waits in parts, joined once its end arrives (no rescans).
    const first = chunk.indexOf('\n');
    if (first < 0) {
      this.rest.push(chunk);
      this.t.scan += performance.now() - t0;
      return;
    }
    const head = this.rest.join('');
    const text = head + chunk;
    this.rest = [];
    let from = 0;
    for (let nl = head.length + first; nl >= 0; nl = text.indexOf('\n', from)) {
      this.lineOf(text.slice(from, nl));
      from = nl + 1;
    }
    if (from < text.length) this.rest.push(text.slice(from));
    this.t.scan += performance.now() - t0;
  }

  private lineOf(raw: string): void {
    this.line++;
    const s = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (s.trim() === '') return;
    this.content = true;
    const loc = { line: this.line, column: 1 };
    let v: unknown;
    try {
      v = JSON.parse(s);
    } catch (e) {
      const m = /position (\d+)|column (\d+)/.exec((e as Error).message);
      const col = m ? (m[1] !== undefined ? Number(m[1]) + 1 : Number(m[2])) : 1;
      this.error(
        'ftm-syntax',
        `invalid JSON on this line: ${(e as Error).message.replace(/^[^:]*JSON[^:]*: ?/, '')}`,
        'each line holds one entity: {"id": "…", "schema": "Person", "properties": {"name": ["…"]}}',
        { line: this.line, column: col },
      );
      return;
    }
    const o = v as { id?: unknown; schema?: unknown; properties?: unknown };
    if (
      typeof v !== 'object' ||
      v === null ||
      Array.isArray(v) ||
      typeof o.id !== 'string' ||
      o.id.trim() === '' ||
      typeof o.schema !== 'string'
    ) {
      this.error(
        'ftm-bad-entity',
        'this line is not an FtM entity: it needs a string "id" and "schema"',
        'write {"id": "…", "schema": "Person", "properties": {…}}',
        loc,
      );
      return;
    }
    const schema = o.schema;
    if (!FTM_THINGS.has(schema) && !FTM_EDGES[schema] && !FTM_SINGLE.has(schema)) {
      this.error(
        'ftm-unknown-schema',
        `unknown FtM schema '${schema}'`,
        `${didYouMean(this.schemaPool, schema)}use a schema of the FollowTheMoney model (Person, Company, Ownership …)`,
        loc,
      );
      return;
    }
    const props: Record<string, string[]> = {};
    if (o.properties !== undefined) {
      if (typeof o.properties !== 'object' || o.properties === null || Array.isArray(o.properties)) {
        this.error(
          'ftm-bad-entity',
          '"properties" must be an object of lists of strings',
          'write "properties": {"name": ["…"]}',
          loc,
        );
        return;
      }
      for (const [k, vals] of Object.entries(o.properties as Record<string, unknown>)) {
        const list = (Array.isArray(vals) ? vals : [vals])
          .filter((x) => typeof x === 'string' || typeof x === 'number')
          .map(String);
        if (list.length) put(props, k, list);
      }
    }
    // The same id again is a fragment of one entity: their values are merged.
    const had = this.entities.get(o.id);
    if (had) {
      for (const [k, vals] of Object.entries(props)) {
        const cur = had.props[k] ?? [];
        for (const x of vals) if (!cur.includes(x)) cur.push(x);
        put(had.props, k, cur);
      }
    } else this.entities.set(o.id, { id: o.id, schema, props, loc });
  }

  end(): ReadResult {
    if (!this.fatal && this.rest.length) {
      const last = this.rest.join('');
      this.rest = [];
      this.lineOf(last);
    }
    if (!this.fatal && !this.content && this.problems.length === 0)
      this.problems.push(emptyFile(this.opts.file, this.line > 0));
    if (this.problems.length) return this.pre.withBom({ ok: false, problems: this.problems, timings: this.t });
    const t0 = performance.now();
    const records = this.records();
    this.t.parse += performance.now() - t0;
    const res = feed(records, this.opts, this.t);
    return this.pre.withBom(res);
  }

  private records(): RdfRecords {
    const out: RdfRecords = {
      format: 'actorgraph/dataset',
      version: 1,
      sources: [],
      entities: [],
      triples: [],
      notes: [],
    };
    const base = this.opts.defaultSchema;
    const known = new Set(base?.entityTypes.map((t) => t.id) ?? []);
    const generated = new Map<string, string>(); // FtM schema → generated type id
    const typeFor = (schema: string) => {
      const mapped = FTM_TO_TYPE[schema];
      if (mapped !== undefined && known.has(mapped)) return mapped;
      let id = generated.get(schema);
      if (id === undefined) {
        id = kebab(schema);
        if (known.has(id)) id = `ftm-${id}`;
        generated.set(schema, id);
      }
      return id;
    };
    const fileName = this.opts.file.replace(/^.*[\\/]/, '') || 'ftm';
    const fileSource = fileName;
    let fileSourceUsed = false;
    const sources = new Map<string, Record<string, unknown>>();
    const typeOf = new Map<string, string>();
    const preds = new Map<string, { label: string; inverse: string; domain: string[]; range: string[] }>();

    for (const e of this.entities.values()) {
      if (FTM_EDGES[e.schema] || FTM_SINGLE.has(e.schema)) continue;
      const p = e.props;
      const names = NAME_PROPS.flatMap((k) => p[k] ?? []);
      const label = names[0] ?? p.title?.[0] ?? p.fileName?.[0] ?? e.id;
      const aliases = [...new Set(names.slice(1))].filter((a) => a !== label);
      const type = typeFor(e.schema);
      typeOf.set(e.id, type);
      const rec: Record<string, unknown> = { id: e.id, label, type };
      if (aliases.length) rec.aliases = aliases;
      if (p.description?.[0] !== undefined) rec.description = p.description.join('\n');
      if (e.schema === 'Event') {
        const d = interval(p);
        if (d !== undefined) rec.date = d;
      }
      const attrs: Record<string, unknown> = { schema: e.schema };
      for (const [k, vals] of Object.entries(p)) {
        if (NAME_PROPS.includes(k) || k === 'description') continue;
        if (e.schema === 'Event' && (k === 'date' || k === 'startDate' || k === 'endDate')) continue;
        put(attrs, attrKey(k, ENTITY_FIELDS), vals.join('; ').slice(0, 10_000));
      }
      rec.attributes = attrs;
      out.entities.push({ value: rec, loc: e.loc });
    }

    for (const e of this.entities.values()) {
      const edge = FTM_EDGES[e.schema];
      if (!edge) {
        if (FTM_SINGLE.has(e.schema)) this.skipped.set(e.schema, (this.skipped.get(e.schema) ?? 0) + 1);
        continue;
      }
      const p = e.props;
      const subjects = p[edge.subject] ?? [];
      const objects = p[edge.object] ?? [];
      if (!subjects.length || !objects.length) {
        out.notes.push({
          code: 'ftm-incomplete-link',
          message: `the ${e.schema} '${e.id}' (line ${e.loc.line}) lacks its ${subjects.length ? edge.object : edge.subject}: not read`,
          hint: `give it both "${edge.subject}" and "${edge.object}"`,
        });
        continue;
      }
      // Provenance: one source per distinct publisher and source URL; else the file.
      const publisher = p.publisher?.[0];
      const url = p.sourceUrl?.[0];
      let source = fileSource;
      if (publisher !== undefined || url !== undefined) {
        source = `ftm-source-${hash(`${publisher ?? ''}\n${url ?? ''}`)}`;
        if (!sources.has(source)) {
          const s: Record<string, unknown> = { id: source, title: publisher ?? url };
          if (publisher !== undefined) s.publisher = publisher;
          if (url !== undefined && /^https?:\/\//i.test(url)) s.url = url;
          sources.set(source, s);
        }
      } else fileSourceUsed = true;
      const attrs: Record<string, unknown> = {};
      for (const [k, vals] of Object.entries(p)) {
        if (
          k === edge.subject ||
          k === edge.object ||
          k === 'startDate' ||
          k === 'endDate' ||
          k === 'date' ||
          FTM_PROVENANCE.includes(k)
        )
          continue;
        put(attrs, attrKey(k, TRIPLE_FIELDS), vals.join('; ').slice(0, 10_000));
      }
      const date = interval(p);
      const many = subjects.length * objects.length > 1;
      let k = 0;
      for (const s of subjects) {
        for (const o of objects) {
          const t: Record<string, unknown> = {
            id: many ? `${e.id}#${++k}` : e.id,
            subject: s,
            predicate: edge.predicate,
            object: o,
            source,
          };
          if (date !== undefined) t.date = date;
          if (Object.keys(attrs).length) t.attributes = attrs;
          out.triples.push({ value: t, loc: e.loc });
          let d = preds.get(edge.predicate);
          if (!d) preds.set(edge.predicate, (d = { label: edge.label, inverse: edge.inverse, domain: [], range: [] }));
          const st = typeOf.get(s),
            ot = typeOf.get(o);
          if (st !== undefined && !d.domain.includes(st)) d.domain.push(st);
          if (ot !== undefined && !d.range.includes(ot)) d.range.push(ot);
        }
      }
    }

    if (fileSourceUsed || sources.size === 0)
      out.sources.push({ value: { id: fileSource, title: `Imported from ${fileName}` }, loc: { line: 1, column: 1 } });
    for (const s of sources.values()) out.sources.push({ value: s, loc: { line: 1, column: 1 } });

    const schema: Schema = { entityTypes: [...(base?.entityTypes ?? [])], predicates: [] };
    [...generated].forEach(([ftm, id], i) => {
      schema.entityTypes.push({
        id,
        label: ftm.replace(/([a-z])([A-Z])/g, '$1 $2'),
        color: PALETTE[i % PALETTE.length]!,
        description: `FollowTheMoney ${ftm}`,
      });
    });
    const anyType = schema.entityTypes[0]?.id;
    for (const [id, d] of preds) {
      // A link whose ends are all missing still needs a domain: the checker then names the missing entities.
      const fallback = anyType === undefined ? [] : [anyType];
      schema.predicates.push({
        id,
        label: d.label,
        inverseLabel: d.inverse,
        domain: d.domain.length ? d.domain : fallback,
        range: d.range.length ? d.range : fallback,
      });
    }
    out.schema = schema;
    if (this.skipped.size) {
      const list = [...this.skipped].map(([s, n]) => `${s} (${n})`).join(', ');
      out.notes.push({
        code: 'ftm-not-mapped',
        message: `FtM entities that link one entity only were not read: ${list}`,
        hint: 'they describe an entity (a sanction, an identification); read them with FtM tools',
      });
    }
    return out;
  }
}

/** startDate/endDate as an interval (either side may be open), else date. */
function interval(p: Record<string, string[]>): string | undefined {
  const start = isoDate(p.startDate?.[0]);
  const end = isoDate(p.endDate?.[0]);
  if (start !== undefined || end !== undefined)
    return start !== undefined && end !== undefined && start === end ? start : `${start ?? ''}/${end ?? ''}`;
  return isoDate(p.date?.[0]);
}

export const ftmReader: DatasetReader = { ...FTM_FORMAT, open: (opts) => new FtmSession(opts) };
