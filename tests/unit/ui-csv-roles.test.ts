// The CSV mapping step: one role per column, to and from the reader's mapping.
import { describe, expect, it } from 'vitest';
import { mappingOf, mappingProblem, rolesOf } from '../../src/ui/data/csv-roles.ts';

describe('CSV mapping roles', () => {
  it("turns the reader's mapping into one role per column and back", () => {
    const roles = rolesOf({ subject: 0, object: 2, evidence: 3, predicate: 9 }, 4);
    expect(roles).toEqual(['subject', '', 'object', 'evidence']);
    expect(mappingOf(['subject', 'predicate', 'object', 'evidence'], 'relations')).toEqual({
      subject: 0,
      predicate: 1,
      object: 2,
      evidence: 3,
    });
  });

  it("keeps the first column of a role given twice, and only roles of the table's kind", () => {
    expect(mappingOf(['subject', 'subject', 'object'], 'relations')).toEqual({ subject: 0, object: 2 });
    expect(mappingOf(['label', 'subject', 'type'], 'entities')).toEqual({ label: 0, type: 2 });
  });

  it('says what is missing before a table can load', () => {
    expect(mappingProblem(['subject', 'predicate', ''], 'relations')).toMatch(/object/);
    expect(mappingProblem(['subject', '', 'object'], 'relations')).toBeUndefined();
    expect(mappingProblem(['type', 'description'], 'entities')).toMatch(/id or label/);
    expect(mappingProblem(['label'], 'entities')).toBeUndefined();
  });
});
