// New items into a SPARQL store, as the annotation workspace saves them. Each
// item's RDF comes from the one mapping (the blocks `export --format nt` and
// `push` write): an item's triples are what its block adds to an empty
// dataset, so no second mapping exists. A save asks which of them the store
// holds, then only adds the rest with INSERT DATA: it never deletes, so two
// saves at once keep the union, and a second save adds nothing. An item whose
// id the store already uses for something else is not written (a conflict).
import type { Additions, SaveResult, SavedItem } from '../explorer.ts';
import type { Dataset, Entity } from '../model.ts';
import { DATASET_FORMAT, DATASET_VERSION } from '../model.ts';
import { datasetBlocks } from '../rdf/to-rdf.ts';
import { ntIri, ntTerm, type Term } from '../rdf/terms.ts';
import { irisFor } from '../rdf/vocab.ts';
import type { Binding, SparqlClient } from './client.ts';
import { termOf } from './fragment.ts';
import { iriRef } from './escape.ts';
import { insertData } from './push.ts';

interface Statement {
  s: string;
  p: string;
  o: Term;
}

interface Item {
  item: SavedItem;
  /** The node the item is (an alias is part of another). */
  own?: string;
  statements: Statement[];
  /** The sources and entities it names (`kind:id`): it is not written when one of them clashes. */
  needs: string[];
}

/** Pairs (subject, predicate) per request. */
const CHECK_BATCH = 200;

const dataset = (d: Partial<Dataset>): Dataset => ({
  format: DATASET_FORMAT,
  version: DATASET_VERSION,
  sources: [],
  entities: [],
  triples: [],
  ...d,
});

function statements(d: Dataset, base: string): Statement[] {
  const out: Statement[] = [];
  for (const b of datasetBlocks(d, { base })) for (const [p, o] of b.pairs) out.push({ s: b.subject, p, o });
  return out;
}

const lineOf = (x: Statement) => `${ntIri(x.s)} ${ntIri(x.p)} ${ntTerm(x.o)} .\n`;

/** What `more` adds to `less` in the mapping. */
function added(more: Dataset, less: Dataset, base: string): Statement[] {
  const had = new Set(statements(less, base).map(lineOf));
  return statements(more, base).filter((x) => !had.has(lineOf(x)));
}

/** A term as a store gives it back: numbers compared by value (stores write them canonically), strings by text. */
function termKey(t: Term): string {
  if (t.kind !== 'literal') return `${t.kind}:${t.value}`;
  const dt = t.datatype ?? '';
  if (/#(double|float|decimal|integer|int|long|short|byte)$/.test(dt)) return `n:${Number(t.value)}`;
  if (/#boolean$/.test(dt)) return `b:${t.value === 'true' || t.value === '1'}`;
  return `l:${t.value}`;
}
const key = (s: string, p: string, o: Term) => `${s} ${p} ${termKey(o)}`;

/** Each addition as an item with its statements. */
export function itemsOf(a: Additions, base: string): Item[] {
  const iris = irisFor(base);
  const stub = (id: string): Entity => ({ id, label: '', type: 'entity' });
  const items: Item[] = [];
  for (const s of a.sources)
    items.push({
      item: { kind: 'source', id: s.id },
      own: iris.source(s.id),
      statements: added(dataset({ sources: [s] }), dataset({}), base),
      needs: [],
    });
  for (const e of a.entities)
    items.push({
      item: { kind: 'entity', id: e.id },
      own: iris.entity(e.id),
      statements: added(dataset({ entities: [e] }), dataset({}), base),
      needs: [],
    });
  const seen = new Set<string>();
  for (const { entity, alias } of a.aliases) {
    const k = JSON.stringify([entity, alias]);
    if (seen.has(k)) continue;
    seen.add(k);
    items.push({
      item: { kind: 'alias', id: entity, alias },
      statements: added(
        dataset({ entities: [{ ...stub(entity), aliases: [alias] }] }),
        dataset({ entities: [stub(entity)] }),
        base,
      ),
      needs: [],
    });
  }
  for (const t of a.triples) {
    const around = [stub(t.subject)];
    items.push({
      item: { kind: 'relation', id: t.id ?? '' },
      own: t.id !== undefined ? iris.statement(t.id) : undefined,
      statements: added(dataset({ entities: around, triples: [t] }), dataset({ entities: around }), base),
      needs: [
        `source:${t.source}`,
        ...[t.subject, t.object, ...(t.attributedTo !== undefined ? [t.attributedTo] : [])].map((id) => `entity:${id}`),
      ],
    });
  }
  return items;
}

/** The store's statements at the (subject, predicate) pairs the items speak of, as keys. */
async function held(
  client: SparqlClient,
  items: Item[],
  graph: string | undefined,
  signal?: AbortSignal,
): Promise<{ keys: Set<string>; subjects: Set<string> }> {
  const pairs = new Map<string, [string, string]>();
  for (const it of items) for (const x of it.statements) pairs.set(`${x.s} ${x.p}`, [x.s, x.p]);
  const all = [...pairs.values()];
  const keys = new Set<string>(),
    subjects = new Set<string>();
  for (let i = 0; i < all.length; i += CHECK_BATCH) {
    const rows = all
      .slice(i, i + CHECK_BATCH)
      .map(([s, p]) => `(${iriRef(s)} ${iriRef(p)})`)
      .join(' ');
    const from = graph ? `FROM ${iriRef(graph)} ` : '';
    const found: Binding[] = await client.select(
      `SELECT ?s ?p ?o ${from}WHERE { VALUES (?s ?p) { ${rows} } ?s ?p ?o }`,
      signal,
    );
    for (const r of found) {
      if (!r.s || !r.p || !r.o) continue;
      keys.add(key(r.s.value, r.p.value, termOf(r.o)));
      subjects.add(r.s.value);
    }
  }
  return { keys, subjects };
}

/** Adds what the store lacks of `additions` (see the file's head). */
export async function saveAdditions(
  client: SparqlClient,
  additions: Additions,
  opts: { base: string; graph?: string; signal?: AbortSignal },
): Promise<SaveResult> {
  const items = itemsOf(additions, opts.base);
  const { keys, subjects } = await held(client, items, opts.graph, opts.signal);
  const result: SaveResult = { saved: [], already: [], conflicts: [], triples: 0 };
  const clash = new Set<string>();
  const missing = new Map<Item, Statement[]>();
  for (const it of items) {
    const lack = it.statements.filter((x) => !keys.has(key(x.s, x.p, x.o)));
    missing.set(it, lack);
    // The store has this node, and not as written here: someone else's under the same id.
    if (it.own && subjects.has(it.own) && lack.some((x) => x.s === it.own)) clash.add(`${it.item.kind}:${it.item.id}`);
  }
  const lines: string[] = [];
  for (const it of items) {
    const lack = missing.get(it)!;
    if (it.own && clash.has(`${it.item.kind}:${it.item.id}`)) result.conflicts.push(it.item);
    else if (it.item.kind === 'relation' && it.needs.some((id) => clash.has(id))) result.conflicts.push(it.item);
    else if (!lack.length) result.already.push(it.item);
    else {
      result.saved.push(it.item);
      for (const x of lack) lines.push(lineOf(x));
    }
  }
  const unique = [...new Set(lines)];
  await insertData(client, unique, { graph: opts.graph, signal: opts.signal });
  result.triples = unique.length;
  return result;
}

/** Whether the store takes updates: an empty INSERT DATA, which changes nothing, accepted or refused. */
export async function acceptsUpdates(client: SparqlClient, signal?: AbortSignal): Promise<boolean> {
  try {
    await client.update('INSERT DATA { }', signal);
    return true;
  } catch (e) {
    if (signal?.aborted) throw e;
    return false;
  }
}
