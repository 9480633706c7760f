import { describe, expect, it } from 'vitest';
import { TripleStore, deriveTripleId, tripleIds } from '../../src/core/store.ts';
import type { Dataset } from '../../src/core/model.ts';
import { abstractStore, schema, story, storyStore } from './core-fixtures.ts';

const sortById = <T extends { id?: string }>(xs: T[]) =>
  [...xs].sort((a, b) => String(a.id).localeCompare(String(b.id)));

describe('TripleStore', () => {
  it('maps entity ids to compact indices and back', () => {
    const s = storyStore();
    expect(s.entityCount).toBe(11);
    expect(s.tripleCount).toBe(12);
    expect(s.indexOf('iran')).toBe(0);
    expect(s.indexOf('kataib-hezbollah')).toBe(2);
    expect(s.indexOf('nobody')).toBe(-1);
    expect(s.entityAt(2).label).toBe('Kataib Hezbollah');
    expect(s.entity('joe-biden')?.description).toBe('US president');
    expect(s.entity('nobody')).toBeUndefined();
    expect(s.typeId(s.typeIndexOf(s.indexOf('kataib-hezbollah')))).toBe('armed-group');
    expect(() => s.entityAt(99)).toThrow(/out of range/);
  });

  it('builds out/in adjacency and degrees', () => {
    const s = storyStore();
    const iran = s.indexOf('iran');
    expect(s.outTriples(iran).length).toBe(0);
    // t1, t2 and the two part-of triples point at Iran, in file order.
    expect(Array.from(s.inTriples(iran)).map((t) => s.tripleAt(t).id)).toEqual([
      't1',
      't2',
      'iran-gov|part-of|iran',
      'iran-gov|part-of|iran#2',
    ]);
    expect(s.degree(iran)).toBe(4);
    const biden = s.indexOf('joe-biden');
    expect(Array.from(s.outTriples(biden)).map((t) => s.predicateId(s.predicateOf(t)))).toEqual([
      'authorized',
      'member-of',
    ]);
    expect(s.degree(biden)).toBe(2);
    const t5 = s.tripleIndexOf('t5');
    expect(s.subjectOf(t5)).toBe(s.indexOf('border-point'));
    expect(s.objectOf(t5)).toBe(s.indexOf('kataib-hezbollah'));
    expect(s.predicateId(s.predicateOf(t5))).toBe('used-by');
    expect(s.predicateIndex('used-by')).toBe(s.predicateOf(t5));
    expect(s.predicateIndex('nope')).toBe(-1);
  });

  it('indexes triples by predicate and entities by type', () => {
    const s = storyStore();
    expect(s.triplesWithPredicate(s.predicateIndex('member-of')).length).toBe(3);
    expect(s.triplesWithPredicate(s.predicateIndex('backed-by')).length).toBe(2);
    const armed = Array.from(s.entitiesOfType(s.typeIndexById('armed-group'))).map((i) => s.entityAt(i).id);
    expect(armed).toEqual(['kataib-hezbollah', 'kataib-sayyid-al-shuhada']);
    const mask = s.typeMask(['organization']);
    expect(mask[s.typeIndexById('armed-group')]).toBe(1);
    expect(mask[s.typeIndexById('organization')]).toBe(1);
    expect(mask[s.typeIndexById('state')]).toBe(0);
  });

  it('materialises triples with all their fields and derived ids', () => {
    const s = storyStore();
    expect(s.tripleAt(s.tripleIndexOf('t5'))).toEqual(story.triples[4]);
    expect(s.tripleAt(0)).toEqual(story.triples[0]);
    const derived = s.tripleAt(5);
    expect(derived.id).toBe('joe-biden|member-of|united-states');
    expect(s.tripleIndexOf('joe-biden|member-of|united-states')).toBe(5);
    expect(s.tripleIndexOf('iran-gov|part-of|iran#2')).toBe(10);
    expect(s.tripleIndexOf('iran-gov|part-of|iran')).toBe(9);
    expect(s.tripleIndexOf('iran-gov|part-of|iran#3')).toBe(-1);
    expect(s.tripleIndexOf('iran-gov|backed-by|iran')).toBe(-1);
    expect(s.tripleIndexOf('t99')).toBe(-1);
    expect(s.hasGivenId(0)).toBe(true);
    expect(s.hasGivenId(5)).toBe(false);
    expect(() => s.tripleAt(12)).toThrow(/out of range/);
  });

  it('derives ids like tripleIds does', () => {
    const s = storyStore();
    const ids = tripleIds(story.triples);
    expect(Array.from({ length: s.tripleCount }, (_, t) => s.tripleAt(t).id)).toEqual(ids);
    expect(deriveTripleId({ subject: 'a', predicate: 'p', object: 'b' }, 1)).toBe('a|p|b');
    expect(deriveTripleId({ subject: 'a', predicate: 'p', object: 'b' }, 3)).toBe('a|p|b#3');
  });

  it('materialises many triples at once exactly as one by one, in the order asked', () => {
    const s = storyStore();
    const order = [10, 0, 5, 9, 11, 3];
    expect(s.triplesAt(order)).toStrictEqual(order.map((t) => s.tripleAt(t)));
    expect(s.triplesAt(new Uint32Array([4, 7, 1]), 2)).toStrictEqual([s.tripleAt(4), s.tripleAt(7)]);
    expect(s.triplesAt([])).toEqual([]);
    expect(() => s.triplesAt([0, 12])).toThrow(/out of range/);
    // Ids and optional fields as the file had them: no key set to undefined.
    const all = s.triplesAt(Array.from({ length: s.tripleCount }, (_, t) => t));
    expect(all.map((t) => t.id)).toEqual(tripleIds(story.triples));
    all.forEach((t, i) => {
      expect({ ...story.triples[i], id: t.id }).toStrictEqual(t);
    });
  });

  it('gives back the dataset that went in', () => {
    const s = storyStore();
    const back = s.toDataset();
    expect(back.title).toBe(story.title);
    expect(back.schema).toBeUndefined();
    expect(back.sources).toEqual(story.sources);
    expect(back.entities).toEqual(story.entities);
    expect(back.triples).toEqual(story.triples);
    // Optional fields absent stay absent (not present as undefined).
    expect(Object.keys(back.triples[5]!).sort()).toEqual(['evidence', 'object', 'predicate', 'source', 'subject']);
    const withSchema: Dataset = { ...story, schema };
    expect(TripleStore.build(withSchema, schema).toDataset().schema).toEqual(schema);
  });

  it('survives duplicate triple ids and self-loops', () => {
    const ds: Dataset = {
      format: 'actorgraph/dataset',
      version: 1,
      sources: [{ id: 's', title: 's' }],
      entities: [
        { id: 'a', label: 'A', type: 'node' },
        { id: 'b', label: 'B', type: 'node' },
      ],
      triples: [
        { id: 'x', subject: 'a', predicate: 'p', object: 'b', source: 's', evidence: '1' },
        { id: 'x', subject: 'b', predicate: 'p', object: 'a', source: 's', evidence: '2' },
        { subject: 'a', predicate: 'p', object: 'a', source: 's', evidence: '3' },
      ],
    };
    const s = TripleStore.build(ds, schema);
    expect(s.tripleIndexOf('x')).toBe(0);
    expect(s.degree(s.indexOf('a'))).toBe(4);
    expect(s.toDataset().triples).toEqual(ds.triples);
  });

  it('keeps a derived id apart from a given id of the same shape', () => {
    const ds: Dataset = {
      format: 'actorgraph/dataset',
      version: 1,
      sources: [{ id: 's', title: 's' }],
      entities: [
        { id: 'a', label: 'A', type: 'node' },
        { id: 'b', label: 'B', type: 'node' },
      ],
      triples: [
        { id: 'a|p|b', subject: 'b', predicate: 'p', object: 'a', source: 's', evidence: '1' },
        { subject: 'a', predicate: 'p', object: 'b', source: 's', evidence: '2' },
      ],
    };
    const s = TripleStore.build(ds, schema);
    expect(s.tripleIndexOf('a|p|b')).toBe(0);
    const other = s.tripleAt(1).id!;
    expect(other).not.toBe('a|p|b');
    expect(s.tripleIndexOf(other)).toBe(1);
  });

  it('reports a triple naming an unknown entity with where and how to fix', () => {
    const ds: Dataset = {
      ...story,
      triples: [{ subject: 'ghost', predicate: 'p', object: 'iran', source: 'al-monitor', evidence: 'x' }],
    };
    expect(() => TripleStore.build(ds, schema)).toThrow(/triples\[0\]: subject 'ghost'.*validate/);
  });

  it('builds CSR with counting sort for larger graphs consistently', () => {
    const edges: string[] = [];
    for (let i = 0; i < 200; i++) edges.push(`n${i}-p->n${(i * 7 + 3) % 200}`, `n${i}-q->n${(i * 13 + 1) % 200}`);
    const s = abstractStore(edges);
    let outSum = 0,
      inSum = 0;
    for (let i = 0; i < s.entityCount; i++) {
      for (const t of s.outTriples(i)) expect(s.subjectOf(t)).toBe(i);
      for (const t of s.inTriples(i)) expect(s.objectOf(t)).toBe(i);
      outSum += s.outTriples(i).length;
      inSum += s.inTriples(i).length;
    }
    expect(outSum).toBe(400);
    expect(inSum).toBe(400);
    expect(sortById(s.toDataset().triples).length).toBe(400);
  });
});
