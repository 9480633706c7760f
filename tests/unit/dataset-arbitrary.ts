// Random valid datasets for property tests: random schema forests, unicode
// text (lone surrogates too), tricky ids, many triples between one pair,
// id-less repeats, trust fields and attributes.
import { ENTITY_FIELDS, TRIPLE_FIELDS } from '../../src/core/fields.ts';
import fc from 'fast-check';
import type { Dataset, Entity, EntityType, Predicate, Schema, Source, Triple } from '../../src/core/model.ts';

// ---- strings ---------------------------------------------------------------

/** Characters the validator refuses in one-line fields (controls), warns about (bidi overrides), or reads as a decoding failure (U+FFFD). */
const UNWANTED = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffd]/;
const cleanLine = (s: string) => s.trim() !== '' && !UNWANTED.test(s);

const SAMPLES = [
  'Qāsem Soleimānī',
  'كتائب حزب الله',
  'حزب الله',
  'חיזבאללה',
  'Kataʾib Ḥizballāh',
  'Kata\u02bcib',
  'e\u0301cole',
  'école',
  'Ærøskøbing',
  'İstanbul',
  'ß',
  '北京',
  '👩‍👩‍👧',
  '🇮🇶',
  '  padded  ',
  '“quoted” — dash',
  "Kata'ib",
  'a\u00a0b',
  '\ud800lone',
  'x|y',
  'a#2',
];

/** A one-line label: graphemes, raw code points (lone surrogates too) or known hard cases. */
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }) },
  { weight: 2, arbitrary: fc.constantFrom(...SAMPLES) },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Z][a-z]{1,8}$/) },
);
export const line = fc
  .array(piece, { minLength: 1, maxLength: 3 })
  .map((p) => p.join(' '))
  .filter(cleanLine);
/** Multi-line text (descriptions, evidence): line breaks and tabs allowed. */
export const text = fc
  .tuple(fc.array(line, { minLength: 1, maxLength: 3 }), fc.constantFrom(' ', '\n', '\t', '  ', '\r\n'))
  .map(([ls, sep]) => ls.join(sep));

const TRICKY_IDS = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'prototype',
  'a b',
  'Ünïcødé',
  'كتائب-حزب-الله',
  '𝒳',
  '0',
  '1e3',
  'x|y',
  '|',
  'a#2',
  '#',
  'id with  spaces',
];
const idArb = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/) },
  { weight: 1, arbitrary: fc.constantFrom(...TRICKY_IDS) },
  { weight: 1, arbitrary: line.map((s) => s.trim()).filter((s) => s !== '' && s.length <= 60) },
);

const hex2 = fc.integer({ min: 0, max: 255 }).map((n) => n.toString(16).padStart(2, '0'));
const colorArb = fc.tuple(hex2, hex2, hex2, fc.boolean()).map(([r, g, b, up]) => {
  const c = `#${r}${g}${b}`;
  return up ? c.toUpperCase() : c;
});

// ---- dates -----------------------------------------------------------------

const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => (m === 2 ? (leap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const dayArb = fc
  .record({
    y: fc.integer({ min: 0, max: 9999 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
    prec: fc.constantFrom(1, 2, 3),
  })
  .map(({ y, m, d, prec }) =>
    prec === 1
      ? pad(y, 4)
      : prec === 2
        ? `${pad(y, 4)}-${pad(m, 2)}`
        : `${pad(y, 4)}-${pad(m, 2)}-${pad(Math.min(d, daysIn(y, m)), 2)}`,
  );
/** Partial dates compare on the precision both have: 2021 starts no later than 2021-02 ends. */
const startsNoLater = (a: string, b: string) => {
  const l = Math.min(a.length, b.length);
  return a.slice(0, l) <= b.slice(0, l);
};
const dateArb = fc.oneof(
  dayArb,
  fc.tuple(dayArb, dayArb).map(([a, b]) => (startsNoLater(a, b) ? `${a}/${b}` : `${b}/${a}`)),
);

// ---- datasets --------------------------------------------------------------

export function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
/** Absent (undefined) or a value, in the odds present : absent; shrinks towards absent. */
const opt = <T>(a: fc.Arbitrary<T>, present = 1, absent = 1): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: absent, arbitrary: fc.constant(undefined) }, { weight: present, arbitrary: a });

const schemaArb = fc
  .record({
    types: fc.uniqueArray(
      fc.record({ id: idArb, label: line, color: colorArb, parent: opt(fc.nat(), 2), description: opt(text, 1, 2) }),
      { minLength: 1, maxLength: 5, selector: (t) => t.id },
    ),
    preds: fc.uniqueArray(
      fc.record({
        id: idArb,
        label: line,
        inverseLabel: line,
        domain: fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 3 }),
        range: fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 3 }),
        symmetric: fc.constantFrom(undefined, true),
        description: opt(text, 1, 2),
      }),
      { minLength: 1, maxLength: 6, selector: (p) => p.id },
    ),
    reversed: fc.boolean(),
  })
  .map(({ types, preds, reversed }) => {
    // A parent is always an earlier type: a forest, never a cycle (the file order may still list children first).
    const entityTypes: EntityType[] = types.map((t, i) =>
      compact({
        id: t.id,
        label: t.label,
        color: t.color,
        parent: t.parent !== undefined && i > 0 ? types[t.parent % i]!.id : undefined,
        description: t.description,
      }),
    );
    if (reversed) entityTypes.reverse();
    const pick = (ns: number[]) => [...new Set(ns.map((n) => types[n % types.length]!.id))];
    const predicates: Predicate[] = preds.map((p) =>
      compact({
        id: p.id,
        label: p.label,
        inverseLabel: p.inverseLabel,
        domain: pick(p.domain),
        range: pick(p.range),
        symmetric: p.symmetric,
        description: p.description,
      }),
    );
    return { entityTypes, predicates } satisfies Schema;
  });

/** Attributes: string (any text), number (finite, -0 aside: JSON has none) or boolean values, names that are no field's. */
const BUILTIN = new Set([...ENTITY_FIELDS, ...TRIPLE_FIELDS]);
const attrsArb = fc.dictionary(
  fc
    .oneof(
      fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}$/),
      fc.constantFrom('Country', 'type_', 'toString', 'valueOf', 'x y'),
    )
    .filter((k) => !BUILTIN.has(k)),
  fc.oneof(
    line,
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
    fc.boolean(),
  ),
  { maxKeys: 3 },
);
const positionArb = fc
  .record({
    x: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
    y: fc.integer({ min: -1000, max: 1000 }),
  })
  .map(({ x, y }) => ({ x: Object.is(x, -0) ? 0 : x, y }));

const entityArb = fc.record({
  id: idArb,
  label: line,
  type: fc.nat(),
  // null stands for the label itself, small pool for repeats: merging must leave such aliases alone.
  aliases: opt(
    fc.array(fc.oneof(line, fc.constant(null), fc.constantFrom('KH', 'حزب الله', 'Ḥizb')), { maxLength: 4 }),
    2,
  ),
  description: opt(fc.oneof(text, fc.constant('')), 1, 2),
  date: opt(dateArb, 1, 2),
  attributes: opt(attrsArb, 1, 4),
  position: opt(positionArb, 1, 3),
});

const sourceArb = fc.record({
  id: idArb,
  title: line,
  publisher: opt(line),
  published: opt(dayArb),
  url: opt(fc.webUrl()),
  path: opt(fc.stringMatching(/^sources\/[a-z0-9-]{1,12}\.txt$/), 1, 2),
  filler: fc.array(text, { maxLength: 2 }),
  reliability: opt(fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F' as const), 1, 2),
});

/** How to place a group of triples: one, several predicates between one pair, or one s|p|o repeated. */
const groupArb = fc.record({
  kind: fc.constantFrom('single', 'pair', 'pair', 'repeat'),
  p: fc.nat(),
  s: fc.nat(),
  o: fc.nat(),
  count: fc.integer({ min: 2, max: 5 }),
  items: fc.array(
    fc.record({
      evidence: text,
      source: fc.nat(),
      id: opt(idArb, 1, 2),
      date: opt(dateArb, 1, 2),
      confidence: opt(fc.double({ min: 0, max: 1, noNaN: true }), 1, 2),
      attributedTo: opt(fc.nat(), 1, 3),
      qualifier: opt(fc.oneof(fc.constantFrom('reportedly', 'likely', 'suspected', ''), line), 1, 3),
      unsourced: fc.integer({ min: 0, max: 7 }),
      status: opt(fc.constantFrom('asserted', 'attributed', 'hedged', 'unsourced' as const), 1, 4),
      credibility: opt(fc.constantFrom(1, 2, 3, 4, 5, 6 as const), 1, 2),
      attributes: opt(attrsArb, 1, 6),
    }),
    { minLength: 5, maxLength: 5 },
  ),
});

export interface Generated {
  dataset: Dataset;
  schema: Schema;
}

export const datasetArb: fc.Arbitrary<Generated> = fc
  .record({
    schema: schemaArb,
    entities: fc.uniqueArray(entityArb, { minLength: 1, maxLength: 10, selector: (e) => e.id }),
    sources: fc.uniqueArray(sourceArb, { minLength: 1, maxLength: 3, selector: (s) => s.id }),
    groups: fc.array(groupArb, { maxLength: 8 }),
    order: fc.array(fc.nat({ max: 100 }), { maxLength: 40 }),
    title: opt(fc.oneof(line, fc.constant(''))),
    embed: fc.boolean(),
    shadow: fc.boolean(),
    collide: fc.constantFrom('none', 'none', 'hash', 'pipe'),
    collideAt: fc.nat(),
  })
  .map(
    ({
      schema,
      entities: rawEntities,
      sources: rawSources,
      groups,
      order,
      title,
      embed,
      shadow,
      collide,
      collideAt,
    }) => {
      const types = schema.entityTypes;
      const parent = new Map(types.map((t) => [t.id, t.parent]));
      const isA = (t: string, anc: string) => {
        for (let cur: string | undefined = t; cur !== undefined; cur = parent.get(cur)) if (cur === anc) return true;
        return false;
      };
      // The first entities take each type in turn, so most predicates have a subject and an object.
      const entities: Entity[] = rawEntities.map((e, i) =>
        compact({
          id: e.id,
          label: e.label,
          type: types[i < types.length ? i : e.type % types.length]!.id,
          aliases: e.aliases?.map((a) => a ?? e.label),
          description: e.description,
          date: e.date,
          attributes: e.attributes,
          position: e.position,
        }),
      );
      const fits = (e: Entity, allowed: string[]) => allowed.some((a) => isA(e.type, a));
      const preds = schema.predicates;

      const triples: Triple[] = [];
      const usedIds = new Set<string>();
      const emit = (s: Entity, p: Predicate, o: Entity, item: (typeof groups)[number]['items'][number]) => {
        const id = item.id !== undefined && !usedIds.has(item.id) ? item.id : undefined;
        if (id !== undefined) usedIds.add(id);
        const attributedTo =
          item.attributedTo !== undefined ? entities[item.attributedTo % entities.length]!.id : undefined;
        // About one in eight unsourced; an explicit status only where it does not contradict the rest.
        const unsourced = item.unsourced === 0;
        const status =
          item.status === 'attributed' && attributedTo === undefined
            ? undefined
            : item.status === 'unsourced' && !unsourced
              ? undefined
              : item.status;
        triples.push(
          compact({
            id,
            subject: s.id,
            predicate: p.id,
            object: o.id,
            source: rawSources[item.source % rawSources.length]!.id,
            evidence: unsourced ? undefined : item.evidence,
            date: item.date,
            confidence: item.confidence,
            attributedTo,
            qualifier: item.qualifier,
            status,
            credibility: item.credibility,
            attributes: item.attributes,
          }),
        );
      };
      for (const g of groups) {
        if (g.kind === 'pair') {
          const s = entities[g.s % entities.length]!;
          const o = entities[g.o % entities.length]!;
          const ok = preds.filter((p) => fits(s, p.domain) && fits(o, p.range));
          if (!ok.length) continue;
          for (let k = 0; k < g.count; k++) emit(s, ok[(g.p + k) % ok.length]!, o, g.items[k]!);
        } else {
          const p = preds[g.p % preds.length]!;
          const subjects = entities.filter((e) => fits(e, p.domain));
          const objects = entities.filter((e) => fits(e, p.range));
          if (!subjects.length || !objects.length) continue;
          const s = subjects[g.s % subjects.length]!;
          const o = objects[g.o % objects.length]!;
          const n = g.kind === 'repeat' ? g.count : 1;
          // Repeats are id-less, so that derived ids get their `#2`, `#3`.
          for (let k = 0; k < n; k++)
            emit(s, p, o, g.kind === 'repeat' && k > 0 ? { ...g.items[k]!, id: undefined } : g.items[k]!);
        }
      }
      // Entities whose ids make two triples derive the same id: x -p-> 'p|y' and 'x|p' -p-> y,
      // or the 2nd x|p|a next to x -p-> 'a#2'.
      const base = triples[collideAt % Math.max(1, triples.length)];
      if (collide !== 'none' && base) {
        const byId = new Map(entities.map((e) => [e.id, e]));
        const s = byId.get(base.subject)!,
          o = byId.get(base.object)!,
          p = base.predicate;
        const twin = (id: string, like: Entity) => {
          if (byId.has(id) || id.length > 200) return undefined;
          const e: Entity = { id, label: like.label, type: like.type };
          byId.set(id, e);
          entities.push(e);
          return e;
        };
        const add = (subject: string, object: string, evidence: string | undefined) =>
          triples.push({ subject, predicate: p, object, source: base.source, evidence });
        if (collide === 'hash') {
          const o2 = twin(`${o.id}#2`, o);
          if (o2) {
            add(s.id, o.id, `${base.evidence} again`);
            add(s.id, o.id, `${base.evidence} and again`);
            add(s.id, o2.id, base.evidence);
          }
        } else {
          const sp = twin(`${s.id}|${p}`, s),
            po = twin(`${p}|${o.id}`, o);
          if (sp && po) {
            add(s.id, po.id, base.evidence);
            add(sp.id, o.id, base.evidence);
          }
        }
      }
      // Interleave the groups (a stable sort on random keys), so repeats are not always adjacent.
      const keyed = triples.map((t, i) => ({ t, k: order[i] ?? i }));
      keyed.sort((a, b) => a.k - b.k);
      const sorted = keyed.map((x) => x.t);
      // Sometimes a given id spelled like another triple's derived id: the store must keep both ids distinct.
      if (shadow) {
        const victim = sorted.find((t) => t.id === undefined);
        const host = sorted.find((t) => t !== victim);
        if (victim && host && host.id === undefined) {
          const id = `${victim.subject}|${victim.predicate}|${victim.object}`;
          if (!usedIds.has(id) && id.length <= 200) {
            host.id = id;
            usedIds.add(id);
          }
        }
      }

      // Each source's text holds every evidence quote that cites it, so evidence checks pass.
      const sources: Source[] = rawSources.map((s) =>
        compact({
          id: s.id,
          title: s.title,
          publisher: s.publisher,
          published: s.published,
          url: s.url,
          path: s.path,
          text: [
            ...s.filler,
            ...sorted.filter((t) => t.source === s.id).flatMap((t) => (t.evidence !== undefined ? [t.evidence] : [])),
          ].join('\n'),
          reliability: s.reliability,
        }),
      );
      const dataset: Dataset = compact({
        format: 'actorgraph/dataset' as const,
        version: 1 as const,
        title,
        schema: embed ? schema : undefined,
        sources,
        entities,
        triples: sorted,
      });
      return { dataset, schema };
    },
  );
