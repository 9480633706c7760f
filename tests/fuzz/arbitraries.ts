// fast-check generators of hostile inputs: datasets that are often valid
// (so the Explorer is asked questions) with hostile ids, keys and text, and
// then damaged (cut, deepened, BOM, re-indented) text of them.
import fc from 'fast-check';

const PROTO = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const id = fc.oneof(fc.constantFrom(...PROTO), fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/));
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '<img src=x onerror=alert(1)>',
    '\u202eevil',
    '\ufeffBOM',
    'a\u0000b',
    '   ',
    '😀'.repeat(50),
    '\ud800',
  ),
);
// Types whose every pair 'allied-with' allows (tests/fixtures/schema.json).
const actorType = fc.constantFrom('state', 'organization', 'armed-group', 'person');

/** A dataset for the fixtures' schema: sources with inline texts, entities, triples citing them. */
export const dataset = fc
  .record({
    title: fc.option(text, { nil: undefined }),
    sourceText: fc.string({ unit: 'grapheme', minLength: 5, maxLength: 200 }),
    entities: fc.uniqueArray(
      fc.record({
        id,
        label: text,
        type: actorType,
        aliases: fc.option(fc.array(text, { maxLength: 3 }), { nil: undefined }),
      }),
      { selector: (e) => e.id, minLength: 2, maxLength: 8 },
    ),
    links: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat({ max: 20 })), { maxLength: 12 }),
    extra: fc.dictionary(
      fc.oneof(fc.constantFrom(...PROTO), fc.string({ maxLength: 8 })),
      fc.jsonValue({ maxDepth: 3 }),
      { maxKeys: 2 },
    ),
  })
  .map(({ title, sourceText, entities, links, extra }) => {
    const triples = links.map(([a, b, from, len]) => {
      const s = entities[a % entities.length]!,
        o = entities[b % entities.length]!;
      const at = from % sourceText.length;
      return {
        subject: s.id,
        predicate: 'allied-with',
        object: o.id,
        source: 's1',
        evidence: sourceText.slice(at, at + 1 + len),
      };
    });
    const d: Record<string, unknown> = {
      format: 'actorgraph/dataset',
      version: 1,
      sources: [{ id: 's1', title: 'S', text: sourceText }],
      entities,
      triples,
    };
    if (title !== undefined) d.title = title;
    for (const [k, v] of Object.entries(extra))
      Object.defineProperty(d, k, { value: v, enumerable: true, configurable: true, writable: true });
    return d;
  });

/** Its text, damaged or not. */
export const hostileText = fc
  .tuple(dataset, fc.nat(), fc.constantFrom('none', 'cut', 'deep', 'bom', 'indent', 'crlf', 'ws', 'garbage'))
  .map(([d, n, how]) => {
    const t = JSON.stringify(d);
    switch (how) {
      case 'none':
        return t;
      case 'cut':
        return t.slice(0, n % (t.length + 1));
      case 'deep': {
        const k = 1 + (n % 3000);
        const i = t.indexOf('"entities":[') + 12;
        return `${t.slice(0, i)}${'['.repeat(k)}${']'.repeat(k - (n & 1))},${t.slice(i)}`;
      }
      case 'bom':
        return `\ufeff${t}`;
      case 'indent':
        return JSON.stringify(d, null, n % 5);
      case 'crlf':
        return JSON.stringify(d, null, 1).replace(/\n/g, '\r\n');
      case 'ws':
        return `${' '.repeat(n % 100_000)}${t}${'\n'.repeat(n % 1000)}`;
      default: {
        const i = n % (t.length + 1);
        return t.slice(0, i) + String.fromCharCode(n % 0x3000) + t.slice(i);
      }
    }
  });

export const hostileBytes = fc.oneof(
  { weight: 4, arbitrary: hostileText.map((t) => new TextEncoder().encode(t)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }).map((t) => new TextEncoder().encode(t)) },
);
