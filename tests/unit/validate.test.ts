import { describe, expect, it } from 'vitest';
import {
  editDistance,
  parseDataset,
  parseSchema,
  validateDataset,
  validateSchema,
  type ParseResult,
} from '../../src/core/validate.ts';
import { locatePaths, pathToString } from '../../src/core/json-location.ts';
import type { Problem } from '../../src/core/problems.ts';
import type { Schema } from '../../src/core/model.ts';
import { DatasetChecker } from '../../src/core/check/dataset.ts';

const SCHEMA: Schema = {
  entityTypes: [
    { id: 'actor', label: 'Actor', color: '#7f7f7f' },
    { id: 'state', label: 'State', color: '#1f77b4', parent: 'actor' },
    { id: 'organization', label: 'Organization', color: '#2ca02c', parent: 'actor' },
    { id: 'armed-group', label: 'Armed group', color: '#d62728', parent: 'organization' },
    { id: 'event', label: 'Event', color: '#ff7f0e' },
  ],
  predicates: [
    {
      id: 'backed-by',
      label: 'backed by',
      inverseLabel: 'backs',
      domain: ['armed-group'],
      range: ['state', 'organization'],
    },
    {
      id: 'struck',
      label: 'struck',
      inverseLabel: 'struck by',
      domain: ['state', 'armed-group'],
      range: ['organization'],
    },
    {
      id: 'allied-with',
      label: 'allied with',
      inverseLabel: 'allied with',
      domain: ['actor'],
      range: ['actor'],
      symmetric: true,
    },
  ],
};
const TEXT =
  'Kataib Hezbollah is backed by Iran. The United States struck Kataib Hezbollah. Iran is allied with Syria.';

type Json = Record<string, unknown>;
function base(): Json {
  return {
    format: 'actorgraph/dataset',
    version: 1,
    title: 'Test',
    sources: [{ id: 'note', title: 'Note', text: TEXT }],
    entities: [
      { id: 'kataib-hezbollah', label: 'Kataib Hezbollah', type: 'armed-group' },
      { id: 'iran', label: 'Iran', type: 'state' },
      { id: 'united-states', label: 'United States', type: 'state' },
      { id: 'syria', label: 'Syria', type: 'state' },
    ],
    triples: [
      {
        subject: 'kataib-hezbollah',
        predicate: 'backed-by',
        object: 'iran',
        source: 'note',
        evidence: 'Kataib Hezbollah is backed by Iran',
      },
      {
        subject: 'united-states',
        predicate: 'struck',
        object: 'kataib-hezbollah',
        source: 'note',
        evidence: 'The United States struck Kataib Hezbollah',
      },
      {
        subject: 'iran',
        predicate: 'allied-with',
        object: 'syria',
        source: 'note',
        evidence: 'Iran is allied with Syria',
      },
    ],
  };
}

/** Validates `d` as pretty-printed JSON text, as a file would be. */
function run(d: unknown, extra: Partial<Parameters<typeof parseDataset>[1]> = {}): ParseResult & { text: string } {
  const text = JSON.stringify(d, null, 2);
  return { ...parseDataset(text, { file: 'data.json', defaultSchema: SCHEMA, ...extra }), text };
}
function mutate(f: (d: any) => void): Json {
  const d = base();
  f(d);
  return d;
}
/** 1-based line of the `n`th line containing `needle`. */
function lineOf(text: string, needle: string, n = 1): number {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) if (lines[i]!.includes(needle) && ++seen === n) return i + 1;
  throw new Error(`'${needle}' not in text`);
}
function only(r: ParseResult, code: string): Problem {
  const ps = r.problems.filter((p) => p.code === code);
  expect(ps, JSON.stringify(r.problems, null, 1)).toHaveLength(1);
  return ps[0]!;
}

describe('validateDataset', () => {
  it('accepts a valid dataset with no problems and returns a clean copy', () => {
    const r = run(base());
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.dataset!.triples).toHaveLength(3);
    expect(r.schema!.predicates).toHaveLength(3);
    expect(r.schemaFrom).toBe('default');
  });

  it('reports every problem, not only the first', () => {
    const r = run(
      mutate((d) => {
        d.triples[0].subject = 'nobody';
        d.triples[1].predicate = 'bombed';
        d.triples[2].confidence = 2;
      }),
    );
    expect(r.problems.map((p) => p.code).sort()).toEqual(['bad-confidence', 'unknown-entity', 'unknown-predicate']);
    expect(r.ok).toBe(false);
    expect(r.dataset).toBeUndefined();
  });

  it('not-an-object: a top-level array', () => {
    const p = only(run([1, 2]), 'not-an-object');
    expect(p.message).toContain('an array');
    expect(p.hint).toContain('"format"');
  });

  it('missing-format: accepted with a warning when entities and triples are there', () => {
    const r = run(
      mutate((d) => {
        delete d.format;
      }),
    );
    expect(r.ok).toBe(true);
    expect(only(r, 'missing-format').severity).toBe('warning');
  });

  it('wrong-format and unsupported-version', () => {
    const r = run(
      mutate((d) => {
        d.format = 'other/format';
        d.version = '1';
      }),
    );
    expect(only(r, 'wrong-format').line).toBe(lineOf(r.text, '"format"'));
    const v = only(r, 'unsupported-version');
    expect(v.hint).toContain('without quotes');
    expect(v.line).toBe(lineOf(r.text, '"version"'));
  });

  it('missing-field: located at the record that lacks it', () => {
    const r = run(
      mutate((d) => {
        delete d.entities[1].label;
      }),
    );
    const p = only(r, 'missing-field');
    expect(p.path).toBe('entities[1].label');
    expect(p.line).toBe(lineOf(r.text, '"id": "iran"') - 1); // the '{' of the entity
    expect(p.hint).toContain('"label"');
  });

  it('wrong-type: sources that are not an array, a numeric label', () => {
    const r = run(
      mutate((d) => {
        d.entities[1].label = 42;
        d.sources = { note: 1 };
      }),
    );
    const ps = r.problems.filter((p) => p.code === 'wrong-type');
    expect(ps.map((p) => p.path).sort()).toEqual(['entities[1].label', 'sources']);
    expect(ps.find((p) => p.path === 'entities[1].label')!.line).toBe(lineOf(r.text, '"label": 42'));
  });

  it('bad-id: a numeric id', () => {
    const r = run(
      mutate((d) => {
        d.entities[3].id = 7;
        d.triples[2].object = 'kataib-hezbollah';
      }),
    );
    const p = only(r, 'bad-id');
    expect(p.path).toBe('entities[3].id');
    expect(p.hint).toContain('"7"');
    expect(p.line).toBe(lineOf(r.text, '"id": 7'));
  });

  it('duplicate-id: entities, with the first occurrence', () => {
    const r = run(
      mutate((d) => {
        d.entities.push({ id: 'iran', label: 'Iran again', type: 'state' });
      }),
    );
    const p = only(r, 'duplicate-id');
    expect(p.path).toBe('entities[4].id');
    expect(p.message).toContain('first at entities[1]');
    expect(p.line).toBe(lineOf(r.text, '"id": "iran"', 2));
  });

  it('duplicate-triple: a warning', () => {
    const r = run(
      mutate((d) => {
        d.triples.push({ ...d.triples[0] });
      }),
    );
    const p = only(r, 'duplicate-triple');
    expect(p.severity).toBe('warning');
    expect(p.path).toBe('triples[3]');
    expect(p.message).toContain('triples[0]');
    expect(r.ok).toBe(true);
  });

  it('empty-label: whitespace only', () => {
    const r = run(
      mutate((d) => {
        d.entities[0].label = '   ';
      }),
    );
    const p = only(r, 'empty-label');
    expect(p.path).toBe('entities[0].label');
    expect(p.line).toBe(lineOf(r.text, '"label": "   "'));
  });

  it('too-long: evidence over 5,000 characters, with its length', () => {
    const long = 'Kataib Hezbollah is backed by Iran '.repeat(200);
    const r = run(
      mutate((d) => {
        d.triples[0].evidence = long;
      }),
    );
    const p = only(r, 'too-long');
    expect(p.path).toBe('triples[0].evidence');
    expect(p.message).toContain(`${long.length.toLocaleString('en-US')} characters`);
    expect(p.message).toContain('5,000');
  });

  it('control-character in a label; tab and newline in evidence are fine', () => {
    const r = run(
      mutate((d) => {
        d.entities[0].label = 'Kataib\u001bHezbollah';
        d.triples[0].evidence = 'Kataib Hezbollah\tis\nbacked by Iran';
      }),
    );
    const p = only(r, 'control-character');
    expect(p.path).toBe('entities[0].label');
    expect(p.message).toContain('U+001B');
    expect(r.problems).toHaveLength(1);
  });

  it('bidi-control: a warning', () => {
    const r = run(
      mutate((d) => {
        d.entities[1].label = 'Iran\u202e';
      }),
    );
    expect(only(r, 'bidi-control').severity).toBe('warning');
  });

  it('unknown-entity: suggests the closest id', () => {
    const r = run(
      mutate((d) => {
        d.triples[1].object = 'kataib-hezbolah';
      }),
    );
    const p = only(r, 'unknown-entity');
    expect(p.path).toBe('triples[1].object');
    expect(p.hint).toContain("did you mean 'kataib-hezbollah'?");
    expect(p.line).toBe(lineOf(r.text, '"object": "kataib-hezbolah"'));
    expect(p.file).toBe('data.json');
  });

  it('unknown-entity in attributedTo', () => {
    const r = run(
      mutate((d) => {
        d.triples[0].attributedTo = 'pentagon';
      }),
    );
    expect(only(r, 'unknown-entity').path).toBe('triples[0].attributedTo');
  });

  it('unknown-predicate: suggests the closest', () => {
    const r = run(
      mutate((d) => {
        d.triples[0].predicate = 'backedby';
      }),
    );
    const p = only(r, 'unknown-predicate');
    expect(p.hint).toContain("did you mean 'backed-by'?");
    expect(p.line).toBe(lineOf(r.text, '"predicate": "backedby"'));
  });

  it('unknown-type: suggests the closest', () => {
    const r = run(
      mutate((d) => {
        d.entities[1].type = 'State';
        d.triples[2].predicate = 'allied-with';
      }),
    );
    const p = only(r, 'unknown-type');
    expect(p.hint).toContain("did you mean 'state'?");
    expect(p.path).toBe('entities[1].type');
  });

  it('unknown-source', () => {
    const r = run(
      mutate((d) => {
        d.triples[2].source = 'nte';
      }),
    );
    const p = only(r, 'unknown-source');
    expect(p.hint).toContain("did you mean 'note'?");
    expect(p.line).toBe(lineOf(r.text, '"source": "nte"'));
  });

  it('domain-violation: names the type, the predicate and the allowed types', () => {
    const r = run(
      mutate((d) => {
        d.triples[1] = {
          subject: 'united-states',
          predicate: 'backed-by',
          object: 'iran',
          source: 'note',
          evidence: 'backed by Iran',
        };
      }),
    );
    const p = only(r, 'domain-violation');
    expect(p.message).toBe(
      "'united-states' is a state; predicate 'backed-by' expects its subject to be one of: 'armed-group'",
    );
    expect(p.hint).toContain("change the predicate or the entity's type");
    expect(p.path).toBe('triples[1].subject');
  });

  it('domain and range follow subtypes; range-violation', () => {
    // armed-group is an organization: allowed where organization is.
    const ok = run(
      mutate((d) => {
        d.triples[0].object = 'kataib-hezbollah';
        d.triples[0].evidence = 'Kataib Hezbollah';
      }),
    );
    expect(ok.problems.filter((p) => p.code.endsWith('violation'))).toEqual([]);
    const r = run(
      mutate((d) => {
        d.triples[1].object = 'iran';
        d.triples[1].evidence = 'The United States struck';
      }),
    );
    const p = only(r, 'range-violation');
    expect(p.message).toContain(
      "'iran' is a state; predicate 'struck' expects its object to be one of: 'organization'",
    );
    expect(p.path).toBe('triples[1].object');
  });

  it('bad-date: days and months that do not exist, reversed intervals, with the expected form', () => {
    const cases: [string, string | null][] = [
      ['2021-02-30', 'does not exist'],
      ['2021-13-01', 'month 13'],
      ['2021-2-1', 'YYYY-MM-DD'],
      ['2021-03-01/2021-02-01', 'ends before it starts'],
      ['2020-02-29', null],
      ['2021', null],
      ['2021-02', null],
      ['2021-02-25/2021-02-26', null],
      ['2021/2021-03', null],
      ['26 Feb 2021', 'YYYY'],
    ];
    for (const [date, want] of cases) {
      const r = run(
        mutate((d) => {
          d.triples[0].date = date;
        }),
      );
      if (want === null) {
        expect(r.problems, date).toEqual([]);
        continue;
      }
      const p = only(r, 'bad-date');
      expect(p.message, date).toContain(want);
      expect(p.hint).toMatch(/YYYY-MM-DD|earlier date first: 2021-02-01\/2021-03-01/);
      expect(p.path).toBe('triples[0].date');
    }
    const pub = only(
      run(
        mutate((d) => {
          d.sources[0].published = '2021-02-26/2021-02-27';
        }),
      ),
      'bad-date',
    );
    expect(pub.path).toBe('sources[0].published');
  });

  it('bad-confidence: out of range or not a number', () => {
    for (const c of [1.5, -0.1, '0.5', null]) {
      const p = only(
        run(
          mutate((d) => {
            d.triples[0].confidence = c;
          }),
        ),
        'bad-confidence',
      );
      expect(p.path).toBe('triples[0].confidence');
    }
    expect(
      only(
        run(
          mutate((d) => {
            d.triples[0].confidence = 75;
          }),
        ),
        'bad-confidence',
      ).hint,
    ).toContain('0.75');
  });

  it('self-loop: a warning', () => {
    const r = run(
      mutate((d) => {
        d.triples[2].object = 'iran';
      }),
    );
    const p = only(r, 'self-loop');
    expect(p.severity).toBe('warning');
    expect(p.path).toBe('triples[2]');
    expect(r.ok).toBe(true);
  });

  it('evidence-not-found, across quote and white-space variants', () => {
    const r = run(
      mutate((d) => {
        d.sources[0].text = 'The strikes hit a \u201Cborder  control point\u201D near Albu Kamal.';
        d.triples[0].evidence = 'a "border control point"';
        d.triples[1].evidence = 'a border crossing';
        d.triples[2].evidence = 'near Albu Kamal';
      }),
    );
    const p = only(r, 'evidence-not-found');
    expect(p.path).toBe('triples[1].evidence');
    expect(p.line).toBe(lineOf(r.text, '"evidence": "a border crossing"'));
    // Switched off on request.
    expect(
      run(
        mutate((d) => {
          d.triples[1].evidence = 'nowhere';
        }),
        { checkEvidence: false },
      ).problems,
    ).toEqual([]);
  });

  it('evidence-not-checked: one warning per source without text', () => {
    const r = run(
      mutate((d) => {
        delete d.sources[0].text;
        d.sources[0].path = 'sources/note.txt';
      }),
    );
    const p = only(r, 'evidence-not-checked');
    expect(p.path).toBe('sources[0]');
    expect(p.hint).toContain('sources/note.txt');
    // The caller's source text is used when given.
    const withText = run(
      mutate((d) => {
        delete d.sources[0].text;
        d.sources[0].path = 'x.txt';
      }),
      { sourceText: () => TEXT },
    );
    expect(withText.problems).toEqual([]);
  });

  it('unused-entity and unused-source: warnings', () => {
    const r = run(
      mutate((d) => {
        d.entities.push({ id: 'pentagon', label: 'Pentagon', type: 'organization' });
        d.sources.push({ id: 'other', title: 'Other' });
      }),
    );
    expect(only(r, 'unused-entity').path).toBe('entities[4]');
    expect(only(r, 'unused-source').path).toBe('sources[1]');
    expect(r.ok).toBe(true);
  });

  it('unknown-field: a warning, and the field is not copied', () => {
    const r = run(
      mutate((d) => {
        d.triples[0].weight = 3;
        d.entities[0].colour = 'red';
      }),
    );
    expect(
      r.problems
        .filter((p) => p.code === 'unknown-field')
        .map((p) => p.path)
        .sort(),
    ).toEqual(['entities[0].colour', 'triples[0].weight']);
    expect(r.ok).toBe(true);
    expect(Object.keys(r.dataset!.triples[0]!)).not.toContain('weight');
    expect(Object.keys(r.dataset!.entities[0]!)).not.toContain('colour');
  });

  it('bad-url: only http(s) addresses', () => {
    const p = only(
      run(
        mutate((d) => {
          d.sources[0].url = 'javascript:alert(1)';
        }),
      ),
      'bad-url',
    );
    expect(p.path).toBe('sources[0].url');
    expect(
      run(
        mutate((d) => {
          d.sources[0].url = 'https://www.al-monitor.com/x';
        }),
      ).problems,
    ).toEqual([]);
  });

  it('bad-path: source paths stay beside the dataset', () => {
    for (const path of ['/etc/passwd', '../secret.txt', 'a/../../b.txt', 'C:\\x.txt']) {
      expect(
        only(
          run(
            mutate((d) => {
              d.sources[0].path = path;
            }),
          ),
          'bad-path',
        ).path,
      ).toBe('sources[0].path');
    }
  });

  it('no-schema: nothing embedded and no default', () => {
    const r = parseDataset(JSON.stringify(base()), { file: 'data.json' });
    expect(r.problems.map((p) => p.code)).toContain('no-schema');
    expect(r.ok).toBe(false);
  });

  it('an embedded schema is checked and used', () => {
    const r = run(
      mutate((d) => {
        d.schema = SCHEMA;
      }),
      { defaultSchema: undefined },
    );
    expect(r.problems).toEqual([]);
    expect(r.schemaFrom).toBe('embedded');
    expect(r.dataset!.schema).toEqual(SCHEMA);
  });

  it('caps the problems listed per code, counting the rest', () => {
    const r = run(
      mutate((d) => {
        for (let i = 0; i < 50; i++)
          d.triples.push({
            subject: `x${i}`,
            predicate: 'backed-by',
            object: 'iran',
            source: 'note',
            evidence: 'Iran',
          });
      }),
      { maxPerCode: 10 },
    );
    const ps = r.problems.filter((p) => p.code === 'unknown-entity');
    expect(ps).toHaveLength(11);
    expect(ps[10]!.message).toContain('40 more');
    expect(ps[10]!.severity).toBe('error');
  });

  it('handles ids such as __proto__ and constructor as plain data', () => {
    const r = run(
      mutate((d) => {
        d.entities.push(
          { id: '__proto__', label: 'constructor', type: 'state' },
          { id: 'toString', label: 'valueOf', type: 'state' },
        );
        d.triples.push({
          subject: '__proto__',
          predicate: 'allied-with',
          object: 'toString',
          source: 'note',
          evidence: 'Iran',
        });
        d.triples.push({
          subject: 'constructor',
          predicate: 'allied-with',
          object: 'iran',
          source: 'note',
          evidence: 'Iran',
        });
      }),
    );
    // 'constructor' is not an entity here: it must not be found on Object.prototype.
    expect(r.problems.map((p) => `${p.code} ${p.path}`)).toEqual(['unknown-entity triples[4].subject']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseDataset: the text before the structure', () => {
  const opts = { file: 'data.json', defaultSchema: SCHEMA };
  const valid = JSON.stringify(base(), null, 2);

  it('json-syntax: trailing comma, with line and hint', () => {
    const text = valid.replace('"title": "Test",', '"title": "Test",,');
    const p = only(parseDataset(text, opts), 'json-syntax');
    expect(p.line).toBe(lineOf(text, '"title"'));
    expect(p.hint).toBeTruthy();
    const t2 = '{\n  "a": [1, 2,]\n}';
    const p2 = only(parseDataset(t2, opts), 'json-syntax');
    expect([p2.line, p2.column]).toEqual([2, 14]); // the ']' after the comma
    expect(p2.message).toContain('trailing comma');
    expect(p2.hint).toContain('remove the comma');
  });

  it('json-syntax: missing comma, unterminated string, truncated file', () => {
    const missing = only(parseDataset('{\n  "a": 1\n  "b": 2\n}', opts), 'json-syntax');
    expect(missing.line).toBe(3);
    expect(missing.hint).toContain('missing comma');
    const unterminated = only(parseDataset('{\n  "a": "abc,\n  "b": 2\n}', opts), 'json-syntax');
    expect(unterminated.line).toBe(2);
    expect(unterminated.message).toContain('unterminated string');
    const truncated = only(parseDataset(valid.slice(0, valid.length - 40), opts), 'json-syntax');
    expect(truncated.hint).toContain('truncated');
    expect(truncated.message).not.toMatch(/\n\s+at /);
  });

  it('empty-file', () => {
    expect(only(parseDataset('', opts), 'empty-file').line).toBe(1);
    expect(only(parseDataset(' \n\t', opts), 'empty-file').message).toContain('white space');
  });

  it('bom: stripped with a warning, then read normally', () => {
    const r = parseDataset(`\ufeff${valid}`, opts);
    expect(r.ok).toBe(true);
    expect(only(r, 'bom').severity).toBe('warning');
  });

  it('not-utf8: NUL bytes (UTF-16) and replacement characters', () => {
    const utf16 = Buffer.from(valid, 'utf16le').toString('utf8');
    const p = only(parseDataset(utf16, opts), 'not-utf8');
    expect(p.message).toContain('file is not UTF-8');
    expect(p.hint).toContain('UTF-8');
    const latin1 = valid.replace('Test', 'T\ufffdst');
    expect(only(parseDataset(latin1, opts), 'not-utf8').line).toBe(lineOf(valid, '"title"'));
    const withBom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(valid, 'utf16le')]).toString('utf8');
    expect(only(parseDataset(withBom, opts), 'not-utf8').line).toBe(1);
  });
});

describe('validateSchema', () => {
  const clone = (): any => structuredClone(SCHEMA);

  it('accepts the test schema', () => {
    expect(validateSchema(SCHEMA, 'schema.json')).toEqual({ schema: SCHEMA, problems: [] });
  });

  it('duplicate type and predicate ids', () => {
    const s = clone();
    s.entityTypes.push({ id: 'state', label: 'Country', color: '#000' });
    s.predicates.push({ ...s.predicates[0] });
    const r = validateSchema(s, 'schema.json');
    expect(r.schema).toBeUndefined();
    expect(r.problems.filter((p) => p.code === 'duplicate-id').map((p) => p.path)).toEqual([
      'entityTypes[5].id',
      'predicates[3].id',
    ]);
  });

  it('unknown-parent-type, with a suggestion', () => {
    const s = clone();
    s.entityTypes[3].parent = 'organisation';
    const p = validateSchema(s, 'schema.json').problems[0]!;
    expect(p.code).toBe('unknown-parent-type');
    expect(p.hint).toContain("did you mean 'organization'?");
    expect(p.path).toBe('entityTypes[3].parent');
  });

  it('type-cycle: names the cycle', () => {
    const s = clone();
    s.entityTypes[0].parent = 'armed-group';
    const r = validateSchema(s, 'schema.json');
    expect(r.problems.map((p) => p.code)).toEqual(['type-cycle']);
    expect(r.problems[0]!.message).toMatch(
      /'actor'.*'armed-group'.*'organization'.*'actor'|'armed-group'.*'organization'.*'actor'.*'armed-group'/,
    );
  });

  it('a self-parent is a cycle too', () => {
    const s = clone();
    s.entityTypes[4].parent = 'event';
    expect(validateSchema(s, 'schema.json').problems.map((p) => p.code)).toEqual(['type-cycle']);
  });

  it('domain/range naming unknown types, empty domain', () => {
    const s = clone();
    s.predicates[0].domain = ['armed-grup'];
    s.predicates[1].range = [];
    const r = validateSchema(s, 'schema.json');
    const unknown = r.problems.find((p) => p.code === 'unknown-type')!;
    expect(unknown.path).toBe('predicates[0].domain[0]');
    expect(unknown.hint).toContain("did you mean 'armed-group'?");
    expect(r.problems.find((p) => p.code === 'empty-domain')!.path).toBe('predicates[1].range');
  });

  it('bad-color and empty labels', () => {
    const s = clone();
    s.entityTypes[1].color = 'blue';
    s.entityTypes[2].color = '#12345';
    s.predicates[2].inverseLabel = '';
    const r = validateSchema(s, 'schema.json');
    expect(r.problems.map((p) => `${p.code} ${p.path}`)).toEqual([
      'bad-color entityTypes[1].color',
      'bad-color entityTypes[2].color',
      'empty-label predicates[2].inverseLabel',
    ]);
    expect(r.problems[0]!.hint).toContain('#1f77b4');
    expect(
      validateSchema({ ...clone(), entityTypes: [{ id: 'a', label: 'A', color: '#abc' }], predicates: [] }, 's')
        .problems,
    ).toEqual([]);
  });

  it('parseSchema locates problems by line in the schema file', () => {
    const s = clone();
    s.entityTypes[2].color = 'green';
    const text = JSON.stringify(s, null, 2);
    const r = parseSchema(text, 'graph-data/schema.json');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.file).toBe('graph-data/schema.json');
    expect(r.problems[0]!.line).toBe(lineOf(text, '"color": "green"'));
  });

  it('embedded schema problems are prefixed with schema.', () => {
    const r = validateDataset(
      { ...base(), schema: { ...clone(), entityTypes: [...clone().entityTypes, { id: 'x', label: 'X', color: 'x' }] } },
      { file: 'd.json' },
    );
    expect(r.problems.map((p) => `${p.code} ${p.path}`)).toEqual(['bad-color schema.entityTypes[5].color']);
    expect(r.schema).toBeUndefined();
  });
});

describe('helpers', () => {
  it('editDistance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3); // gave up past the bound
  });

  it('pathToString and locatePaths', () => {
    expect(pathToString(['triples', 12, 'predicate'])).toBe('triples[12].predicate');
    expect(pathToString(['a', 'x y'])).toBe('a["x y"]');
    const text = '{\n  "a": [\n    { "b": 1 },\n    { "c": [true, "x"] }\n  ]\n}';
    expect(locatePaths(text, [['a', 1, 'c', 1], ['a', 0, 'missing'], ['nope'], []])).toEqual([
      { line: 4, column: 19 },
      { line: 3, column: 5 },
      { line: 1, column: 1 },
      { line: 1, column: 1 },
    ]);
  });
});

describe("the reader's entity hints", () => {
  const raw = {
    format: 'actorgraph/dataset',
    version: 1,
    sources: [{ id: 's', title: 'S' }],
    entities: [
      { id: 'kh', label: 'Kataib Hezbollah', type: 'armed-group' },
      { id: 'iran', label: 'Iran', type: 'state' },
    ],
    triples: [],
  };
  const check = (t: Record<string, unknown>, subjectAt: number, objectAt: number) => {
    const c = new DatasetChecker({ file: 'd.json', defaultSchema: SCHEMA });
    c.header(raw);
    c.useSchema(undefined);
    c.arrays(raw);
    c.source(raw.sources[0], 0);
    raw.entities.forEach((e, i) => {
      c.entity(e, i);
    });
    c.beginTriples(1);
    const ok = c.triple(t, 0, subjectAt, objectAt);
    return { ok, triple: ok ? c.cleanTriple() : undefined, problems: c.result().problems };
  };
  const t = { subject: 'kh', predicate: 'backed-by', object: 'iran', source: 's', evidence: 'KH is backed by Iran.' };

  it('a right hint gives the same triple as a lookup', () => {
    expect(check(t, 0, 1).triple).toEqual(check(t, -1, -1).triple);
    expect(check(t, 0, 1).triple).toMatchObject({ subject: 'kh', object: 'iran' });
  });

  it('a wrong or out-of-range hint is not trusted: the id is looked up', () => {
    expect(check(t, 1, 0).triple).toMatchObject({ subject: 'kh', object: 'iran' });
    expect(check(t, 7, -3).triple).toMatchObject({ subject: 'kh', object: 'iran' });
    // A hint cannot make an unknown id known.
    const bad = check({ ...t, object: 'nowhere' }, 0, 1);
    expect(bad.ok).toBe(false);
    expect(bad.problems.map((p) => p.code)).toContain('unknown-entity');
  });
});
