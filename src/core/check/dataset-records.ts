// The checks of one source and one entity record, for DatasetChecker.
import { ENTITY_FIELDS, SOURCE_FIELDS } from '../fields.ts';
import type { Entity, Source } from '../model.ts';
import type { JsonPath } from '../json-location.ts';
import { LIMITS } from './options.ts';
import { SECTION } from './report.ts';
import {
  BIDI,
  checkDateAt,
  checkId,
  CONTROL_WITH_NL,
  dateOk,
  isObj,
  own,
  quote,
  str,
  typeName,
  unknownField,
  unknownFields,
  URL_SCHEME,
} from './fields.ts';
import { didYouMean } from './suggest.ts';
import { checkAttributes, checkPosition, checkReliability } from './trust.ts';
import type { DatasetChecker } from './dataset.ts';

/** Checks sources[i] and keeps it when it has a usable, new id. */
export function checkSource(ck: DatasetChecker, s: unknown, i: number): void {
  const r = ck.r;
  r.section = SECTION.sources;
  const p: JsonPath = ['sources', i];
  if (!isObj(s)) {
    r.add(
      'error',
      'wrong-type',
      p,
      `a source must be an object, not ${typeName(s)}`,
      'write { "id": "…", "title": "…", "path": "sources/….txt" }',
    );
    return;
  }
  unknownFields(r, s, SOURCE_FIELDS, p, 'a source');
  const id = checkId(r, own(s, 'id'), p, 'a source');
  const stitle = str(r, own(s, 'title'), p, 'title', 'the source', {
    required: true,
    max: LIMITS.title,
    nonEmpty: true,
  });
  const publisher = str(r, own(s, 'publisher'), p, 'publisher', 'the source', { max: LIMITS.title });
  const publishedV = own(s, 'published');
  const published = publishedV === undefined ? undefined : checkDateAt(r, publishedV, [...p, 'published'], false);
  const urlV = str(r, own(s, 'url'), p, 'url', 'the source', { max: LIMITS.url });
  let url = urlV;
  if (urlV !== undefined && !URL_SCHEME.test(urlV)) {
    r.add(
      'error',
      'bad-url',
      [...p, 'url'],
      `the url ${quote(urlV)} is not an http(s) address`,
      'write the full address, starting with https://',
    );
    url = undefined;
  }
  let path = str(r, own(s, 'path'), p, 'path', 'the source', { max: LIMITS.url, nonEmpty: true });
  let pathBad = false;
  // Source texts are read relative to the dataset file and must stay beside it.
  if (path !== undefined && (/^(?:[\\/]|[A-Za-z]:)/.test(path) || path.split(/[\\/]/).includes('..'))) {
    r.add(
      'error',
      'bad-path',
      [...p, 'path'],
      `the path ${quote(path)} leaves the dataset's folder`,
      'give the path relative to the dataset file, inside its folder, such as "sources/article.txt"',
    );
    path = undefined;
    pathBad = true;
  }
  const relV = own(s, 'reliability');
  const reliability = relV === undefined ? undefined : checkReliability(r, relV, p);
  const description = str(r, own(s, 'description'), p, 'description', 'the source', { max: LIMITS.description });
  const textV = own(s, 'text');
  let text: string | undefined;
  if (textV !== undefined) {
    if (typeof textV === 'string') text = textV;
    else
      r.add(
        'error',
        'wrong-type',
        [...p, 'text'],
        `'text' must be a string, not ${typeName(textV)}`,
        'put the source text in one string, with \\n for line breaks',
      );
  }
  if (id === undefined) return;
  if (ck.sourceAt.has(id)) {
    r.add(
      'error',
      'duplicate-id',
      [...p, 'id'],
      `source ${quote(id)} is defined twice (first at sources[${ck.sourcePath[ck.sourceAt.get(id)!]}])`,
      'remove one of them or give it another id',
    );
    return;
  }
  const clean: Source = { id, title: stitle ?? id };
  if (publisher !== undefined) clean.publisher = publisher;
  if (published !== undefined) clean.published = published;
  if (url !== undefined) clean.url = url;
  if (path !== undefined) clean.path = path;
  if (text !== undefined) clean.text = text;
  if (reliability !== undefined) clean.reliability = reliability;
  if (description !== undefined) clean.description = description;
  ck.sourceAt.set(id, ck.sources.length);
  ck.sourcePath.push(i);
  ck.sources.push(clean);
  const err = path !== undefined ? ck.opts.sourceError?.(clean) : undefined;
  if (err) r.add('error', err.code, [...p, 'path'], err.message, err.hint);
  if (err || pathBad) ck.unreadable.add(id);
}

/** Checks entities[i] and keeps it when it has a usable, new id. */
export function checkEntity(ck: DatasetChecker, e: unknown, i: number): void {
  const r = ck.r;
  r.section = SECTION.entities;
  if (!isObj(e)) {
    r.add(
      'error',
      'wrong-type',
      ['entities', i],
      `an entity must be an object, not ${typeName(e)}`,
      'write { "id": "…", "label": "…", "type": "…" }',
    );
    return;
  }
  let idV: unknown,
    labelV: unknown,
    typeV: unknown,
    aliasesV: unknown,
    descV: unknown,
    dateV: unknown,
    attrsV: unknown,
    posV: unknown;
  for (const k in e) {
    switch (k) {
      case 'id':
        idV = e[k];
        break;
      case 'label':
        labelV = e[k];
        break;
      case 'type':
        typeV = e[k];
        break;
      case 'aliases':
        aliasesV = e[k];
        break;
      case 'description':
        descV = e[k];
        break;
      case 'date':
        dateV = e[k];
        break;
      case 'attributes':
        attrsV = e[k];
        break;
      case 'position':
        posV = e[k];
        break;
      default:
        unknownField(r, k, ENTITY_FIELDS, ['entities', i], 'an entity');
    }
  }
  const p: JsonPath = ['entities', i];
  const typeIds = ck.typeIds;
  const id = checkId(r, idV, p, 'an entity');
  const label =
    typeof labelV === 'string' &&
    labelV.length <= LIMITS.label &&
    labelV.trim() !== '' &&
    !CONTROL_WITH_NL.test(labelV) &&
    !BIDI.test(labelV)
      ? labelV
      : str(r, labelV, p, 'label', 'the entity', { required: true, max: LIMITS.label, nonEmpty: true });
  let type: string | undefined;
  if (typeV === undefined) {
    r.add(
      'error',
      'missing-field',
      [...p, 'type'],
      "the entity has no 'type'",
      `add "type": "…", one of the schema's entity types${typeIds.size ? ` (${[...typeIds.keys()].slice(0, 8).join(', ')}${typeIds.size > 8 ? ', …' : ''})` : ''}`,
    );
  } else if (typeof typeV !== 'string') {
    r.add(
      'error',
      'wrong-type',
      [...p, 'type'],
      `'type' must be a type id string, not ${typeName(typeV)}`,
      'write "type": "…" with one of the schema\'s entity types',
    );
  } else if (!typeIds.has(typeV)) {
    if (ck.schema) {
      r.add(
        'error',
        'unknown-type',
        [...p, 'type'],
        `entity ${id !== undefined ? quote(id) : `entities[${i}]`} has type ${quote(typeV)}, which the schema does not define`,
        `${r.room('unknown-type') ? didYouMean(ck.typePool!, typeV) : ''}use one of the schema's entity types, or add the type to the schema`,
      );
    }
  } else type = typeV;
  let aliases: string[] | undefined;
  if (aliasesV !== undefined) {
    if (!Array.isArray(aliasesV)) {
      r.add(
        'error',
        'wrong-type',
        [...p, 'aliases'],
        `'aliases' must be an array of strings, not ${typeName(aliasesV)}`,
        'write "aliases": [ "KH", … ]',
      );
    } else {
      aliases = [];
      for (let j = 0; j < aliasesV.length; j++) {
        const a = aliasesV[j];
        if (typeof a !== 'string') {
          r.add(
            'error',
            'wrong-type',
            [...p, 'aliases', j],
            `an alias must be a string, not ${typeName(a)}`,
            'write it in double quotes',
          );
          continue;
        }
        const ok = str(r, a, [...p, 'aliases'], j, 'the entity', { max: LIMITS.alias, nonEmpty: true, name: 'alias' });
        if (ok !== undefined) aliases.push(ok);
      }
    }
  }
  const description =
    descV === undefined
      ? undefined
      : str(r, descV, p, 'description', 'the entity', { max: LIMITS.description, allowNewlines: true });
  const date =
    dateV === undefined
      ? undefined
      : typeof dateV === 'string' && dateOk(dateV, true)
        ? dateV
        : checkDateAt(r, dateV, [...p, 'date'], true);
  const attributes = attrsV === undefined ? undefined : checkAttributes(r, attrsV, p, ENTITY_FIELDS, 'an entity');
  const position = posV === undefined ? undefined : checkPosition(r, posV, p);
  if (id === undefined) return;
  const dup = ck.entityAt.get(id);
  if (dup >= 0) {
    r.add(
      'error',
      'duplicate-id',
      [...p, 'id'],
      `entity ${quote(id)} is defined twice (first at entities[${ck.entityPath[dup]}])`,
      'merge the two entries (put extra names under "aliases") or give one another id',
    );
    return;
  }
  const clean: Entity = { id, label: label ?? id, type: type ?? (typeof typeV === 'string' ? typeV : '') };
  if (aliases !== undefined) clean.aliases = aliases;
  if (description !== undefined) clean.description = description;
  if (date !== undefined) clean.date = date;
  if (attributes !== undefined) clean.attributes = attributes;
  if (position !== undefined) clean.position = position;
  ck.entityAt.add(id, ck.entities.length);
  ck.entityPath.push(i);
  ck.entities.push(clean);
  ck.entityTypeOrd.push(type !== undefined ? ck.typeOrd.get(type)! : -1);
}
