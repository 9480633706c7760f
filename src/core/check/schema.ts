// Checks of a schema: embedded in a dataset, or a schema file of its own.
import type { EntityType, Predicate, Schema } from '../model.ts';
import type { Problem } from '../problems.ts';
import { pathToString, type JsonPath } from '../json-location.ts';
import { LIMITS } from './options.ts';
import { Report } from './report.ts';
import { checkArray, checkId, COLOR, isObj, own, quote, str, typeName, unknownFields } from './fields.ts';
import { didYouMean, Pool } from './suggest.ts';

const TYPE_FIELDS = new Set(['id', 'label', 'color', 'parent', 'description']);
const PREDICATE_FIELDS = new Set(['id', 'label', 'inverseLabel', 'domain', 'range', 'symmetric', 'description']);
const SCHEMA_FIELDS = new Set(['entityTypes', 'predicates']);

export interface CheckedSchema {
  schema: Schema;
  errors: number;
}

export function checkSchemaInto(r: Report, raw: unknown, at: JsonPath, budget: { left: number }): CheckedSchema {
  const before = r.errors;
  const schema: Schema = { entityTypes: [], predicates: [] };
  const what = at.length ? 'the embedded schema' : 'the schema';
  if (!isObj(raw)) {
    r.add(
      'error',
      'wrong-type',
      at,
      `${what} must be an object, not ${typeName(raw)}`,
      'write { "entityTypes": [ … ], "predicates": [ … ] }',
    );
    return { schema, errors: r.errors - before };
  }
  unknownFields(r, raw, SCHEMA_FIELDS, at, what);
  const types = checkArray(r, raw, 'entityTypes', at, what) ?? [];
  const preds = checkArray(r, raw, 'predicates', at, what) ?? [];

  const typeAt = new Map<string, number>();
  const typePath: JsonPath[] = [];
  for (let i = 0; i < types.length; i++) {
    const p: JsonPath = [...at, 'entityTypes', i];
    const t = types[i];
    if (!isObj(t)) {
      r.add(
        'error',
        'wrong-type',
        p,
        `an entity type must be an object, not ${typeName(t)}`,
        'write { "id": "…", "label": "…", "color": "#rrggbb" }',
      );
      continue;
    }
    unknownFields(r, t, TYPE_FIELDS, p, 'an entity type');
    const id = checkId(r, own(t, 'id'), p, 'an entity type');
    const label = str(r, own(t, 'label'), p, 'label', 'the entity type', {
      required: true,
      max: LIMITS.label,
      nonEmpty: true,
    });
    const colorV = own(t, 'color');
    let color: string | undefined;
    if (colorV === undefined) {
      r.add(
        'error',
        'missing-field',
        [...p, 'color'],
        `the entity type has no 'color'`,
        'add "color": "#rrggbb", such as "#1f77b4"',
      );
    } else if (typeof colorV !== 'string' || !COLOR.test(colorV)) {
      r.add(
        'error',
        'bad-color',
        [...p, 'color'],
        `the colour ${typeof colorV === 'string' ? quote(colorV) : typeName(colorV)} is not #rgb or #rrggbb`,
        'write a hex colour such as "#1f77b4"',
      );
    } else color = colorV;
    const parentV = own(t, 'parent');
    const parent = parentV === undefined ? undefined : typeof parentV === 'string' ? parentV : undefined;
    if (parentV !== undefined && parent === undefined) {
      r.add(
        'error',
        'wrong-type',
        [...p, 'parent'],
        `'parent' must be a type id string, not ${typeName(parentV)}`,
        'write "parent": "organization" or remove it',
      );
    }
    const description = str(r, own(t, 'description'), p, 'description', 'the entity type', {
      max: LIMITS.description,
      allowNewlines: true,
    });
    if (id === undefined) continue;
    if (typeAt.has(id)) {
      r.add(
        'error',
        'duplicate-id',
        [...p, 'id'],
        `entity type ${quote(id)} is defined twice (first at ${pathToString(typePath[typeAt.get(id)!]!)})`,
        'remove one of them or give it another id',
      );
      continue;
    }
    typeAt.set(id, schema.entityTypes.length);
    typePath.push(p);
    const clean: EntityType = { id, label: label ?? id, color: color ?? '#888888' };
    if (parent !== undefined) clean.parent = parent;
    if (description !== undefined) clean.description = description;
    schema.entityTypes.push(clean);
  }
  const typePool = new Pool(
    schema.entityTypes.map((t) => t.id),
    budget,
  );
  for (let i = 0; i < schema.entityTypes.length; i++) {
    const t = schema.entityTypes[i]!;
    if (t.parent !== undefined && !typeAt.has(t.parent)) {
      r.add(
        'error',
        'unknown-parent-type',
        [...typePath[i]!, 'parent'],
        `type ${quote(t.id)} has parent ${quote(t.parent)}, which is not a type of this schema`,
        `${didYouMean(typePool, t.parent)}define the parent type or remove "parent"`,
      );
      delete t.parent;
    }
  }
  // Cycles in the parent chain: walk from each type, colouring visited ones.
  const state = new Map<string, 1 | 2>(); // 1 on the current walk, 2 done
  for (const t of schema.entityTypes) {
    const walk: string[] = [];
    let cur: string | undefined = t.id;
    while (cur !== undefined && !state.has(cur)) {
      state.set(cur, 1);
      walk.push(cur);
      cur = schema.entityTypes[typeAt.get(cur)!]!.parent;
    }
    if (cur !== undefined && state.get(cur) === 1) {
      const cycle = walk.slice(walk.indexOf(cur));
      const last = cycle[cycle.length - 1]!;
      r.add(
        'error',
        'type-cycle',
        [...typePath[typeAt.get(last)!]!, 'parent'],
        `the entity types form a cycle: ${[...cycle, cur].map((x) => quote(x)).join(' → ')}`,
        `a type cannot be its own ancestor: remove the "parent" of ${quote(last)} or of another type in the cycle`,
      );
      delete schema.entityTypes[typeAt.get(last)!]!.parent;
    }
    for (const w of walk) state.set(w, 2);
  }

  const predAt = new Set<string>();
  for (let i = 0; i < preds.length; i++) {
    const p: JsonPath = [...at, 'predicates', i];
    const d = preds[i];
    if (!isObj(d)) {
      r.add(
        'error',
        'wrong-type',
        p,
        `a predicate must be an object, not ${typeName(d)}`,
        'write { "id": "…", "label": "…", "inverseLabel": "…", "domain": [ … ], "range": [ … ] }',
      );
      continue;
    }
    unknownFields(r, d, PREDICATE_FIELDS, p, 'a predicate');
    const id = checkId(r, own(d, 'id'), p, 'a predicate');
    const label = str(r, own(d, 'label'), p, 'label', 'the predicate', {
      required: true,
      max: LIMITS.label,
      nonEmpty: true,
    });
    const inverseLabel = str(r, own(d, 'inverseLabel'), p, 'inverseLabel', 'the predicate', {
      required: true,
      max: LIMITS.label,
      nonEmpty: true,
    });
    const side = (field: 'domain' | 'range'): string[] => {
      const v = own(d, field);
      const fp = [...p, field];
      if (v === undefined) {
        r.add(
          'error',
          'missing-field',
          fp,
          `the predicate has no '${field}'`,
          `add "${field}": [ "type-id", … ] listing the entity types allowed as ${field === 'domain' ? 'subject' : 'object'}`,
        );
        return [];
      }
      if (!Array.isArray(v)) {
        r.add(
          'error',
          'wrong-type',
          fp,
          `'${field}' must be an array of type ids, not ${typeName(v)}`,
          `write "${field}": [ "type-id", … ]`,
        );
        return [];
      }
      if (v.length === 0) {
        r.add(
          'error',
          'empty-domain',
          fp,
          `'${field}' is empty: no entity could be the ${field === 'domain' ? 'subject' : 'object'}`,
          `list the allowed types, or the root type (such as "entity") to allow any`,
        );
      }
      const out: string[] = [];
      v.forEach((x, j) => {
        if (typeof x !== 'string') {
          r.add(
            'error',
            'wrong-type',
            [...fp, j],
            `a type id must be a string, not ${typeName(x)}`,
            'write it in double quotes',
          );
        } else if (!typeAt.has(x)) {
          r.add(
            'error',
            'unknown-type',
            [...fp, j],
            `${field} names the type ${quote(x)}, which is not defined in the schema`,
            `${didYouMean(typePool, x)}define the type under entityTypes or fix the name`,
          );
        } else out.push(x);
      });
      return out;
    };
    const domain = side('domain');
    const range = side('range');
    const symV = own(d, 'symmetric');
    if (symV !== undefined && typeof symV !== 'boolean') {
      r.add(
        'error',
        'wrong-type',
        [...p, 'symmetric'],
        `'symmetric' must be true or false, not ${typeName(symV)}`,
        'write "symmetric": true, or remove it',
      );
    }
    const description = str(r, own(d, 'description'), p, 'description', 'the predicate', {
      max: LIMITS.description,
      allowNewlines: true,
    });
    if (id === undefined) continue;
    if (predAt.has(id)) {
      r.add(
        'error',
        'duplicate-id',
        [...p, 'id'],
        `predicate ${quote(id)} is defined twice`,
        'remove one of them or give it another id',
      );
      continue;
    }
    predAt.add(id);
    const clean: Predicate = { id, label: label ?? id, inverseLabel: inverseLabel ?? label ?? id, domain, range };
    if (symV === true) clean.symmetric = true;
    if (description !== undefined) clean.description = description;
    schema.predicates.push(clean);
  }
  return { schema, errors: r.errors - before };
}

/** Checks a schema on its own (a schema file); `schema` is present when it has no errors. */
export function validateSchema(raw: unknown, file: string): { schema?: Schema; problems: Problem[] } {
  const r = new Report(file, 200);
  const { schema, errors } = checkSchemaInto(r, raw, [], { left: 5_000_000 });
  const problems = r.finish();
  return errors === 0 ? { schema, problems } : { problems };
}
