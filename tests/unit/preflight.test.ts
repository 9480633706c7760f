import { describe, expect, it } from 'vitest';
import { encodingFault, preflightText, TextPreflight } from '../../src/core/check/preflight.ts';
import { bomWarning, notUtf8, UTF8_HINT } from '../../src/core/check/problems.ts';
import { Ingest } from '../../src/core/ingest.ts';
import { parseDataset } from '../../src/core/validate.ts';
import { StrictUtf8Decoder } from '../../src/core/utf8.ts';

const F = 'f.json';

describe('shared preflight', () => {
  it('strips a BOM and warns once, located at 1:1', () => {
    const r = preflightText('\ufeff{}', F);
    expect(r.failed).toBe(false);
    expect(r.text).toBe('{}');
    expect(r.problems).toEqual([bomWarning(F)]);
    expect(r.problems[0]).toMatchObject({ severity: 'warning', code: 'bom', line: 1, column: 1 });
  });

  it('tells an empty file from one of white space', () => {
    expect(preflightText('', F).problems[0]).toMatchObject({
      code: 'empty-file',
      message: 'the file is empty',
      line: 1,
    });
    expect(preflightText(' \n\t', F).problems[0]).toMatchObject({
      code: 'empty-file',
      message: 'the file holds only white space',
    });
    expect(preflightText('\ufeff', F)).toMatchObject({
      failed: true,
      problems: [{ code: 'bom' }, { code: 'empty-file' }],
    });
  });

  it('recognises UTF-16 read as UTF-8, leniently decoded only', () => {
    expect(preflightText('\ufffe{', F).problems[0]).toMatchObject({
      code: 'not-utf8',
      message: 'file is not UTF-8: it starts with a UTF-16 byte order mark',
      hint: UTF8_HINT,
    });
    expect(preflightText('\ufffd\ufffd{', F).failed).toBe(true);
    // From a strict decoder, U+FFFD is a character like any other.
    expect(preflightText('\ufffd\ufffd{', F, true).failed).toBe(false);
  });

  it('locates the first NUL or bad byte by line and column', () => {
    const r = preflightText('{\n  "a": "x\u0000"\n}', F);
    expect(r.problems).toEqual([notUtf8(F, { kind: 'nul' }, { line: 2, column: 10 })]);
    expect(r.problems[0]!.message).toContain('NUL bytes');
    expect(preflightText('{"a":\n"\ufffd"}', F).problems[0]).toMatchObject({
      message: 'file is not UTF-8: it contains bytes that are not valid UTF-8',
      line: 2,
      column: 2,
    });
    expect(encodingFault('ab\ufffdc\u0000', false)).toEqual({ at: 2, nul: false });
    expect(encodingFault('ab\ufffdc\u0000', true)).toEqual({ at: 4, nul: true });
    expect(encodingFault('plain', false)).toBeUndefined();
  });

  it('gives the streaming form the same rules', () => {
    const p = new TextPreflight(F);
    expect(p.first('\ufeff{"a"')).toBe('{"a"');
    expect(p.bom).toBe(true);
    expect(p.withBom({ problems: [] }).problems).toEqual([bomWarning(F)]);
    expect(new TextPreflight(F).first('\ufffe{')).toBeUndefined();
    expect(new TextPreflight(F, true).first('\ufffd\ufffd')).toBe('\ufffd\ufffd');
  });

  it('places a fault in the whole text, however the text is cut into chunks', () => {
    const text = 'ab\ncd\ne\u0000f';
    for (let size = 1; size <= text.length; size++) {
      const p = new TextPreflight(F);
      let found: ReturnType<TextPreflight['fault']>;
      for (let i = 0; i < text.length && !found; i += size) found = p.fault(text.slice(i, i + size));
      expect(found?.loc, `chunks of ${size}`).toEqual({ line: 3, column: 2 });
    }
    // A chunk with a fault is not counted: its text before the fault may come again on its own.
    const p = new TextPreflight(F);
    expect(p.fault('x\ny')).toBeUndefined();
    expect(p.fault('zz\u0000')?.loc).toEqual({ line: 2, column: 4 });
    expect(p.fault('zz')).toBeUndefined();
    expect(p.fault('\u0000')?.loc).toEqual({ line: 2, column: 4 });
  });

  it('makes both readers report the same encoding problems', () => {
    for (const text of ['\ufeff', '', '   ', '\ufffe{}', '{"a":\n\u0000}', '\ufeff{"format":\n"\ufffd"}']) {
      const whole = parseDataset(text, { file: F });
      // Fed in 3-character chunks, with no whole text to go back to: the session keeps what it needs.
      const session = new Ingest({ file: F });
      for (let i = 0; i < text.length; i += 3) session.push(text.slice(i, i + 3));
      expect(session.end().problems, JSON.stringify(text)).toEqual(whole.problems);
    }
  });
});

describe('strict UTF-8 decoding', () => {
  it('refuses UTF-16 by its byte order mark, naming the file', () => {
    const d = new StrictUtf8Decoder(F, 'dataset file f.json');
    expect(d.decode(new Uint8Array([0xff, 0xfe, 0x7b, 0x00]))).toEqual({
      problem: notUtf8(F, { kind: 'utf16', name: 'dataset file f.json', endian: 'LE' }),
    });
  });

  it('decodes sequences split across chunks and flags a bad byte', () => {
    const d = new StrictUtf8Decoder(F);
    expect(d.decode(new Uint8Array([0x7b, 0xc3]))).toEqual({ text: '{' });
    expect(d.decode(new Uint8Array([0xa9]), true)).toEqual({ text: 'é' });
    expect(new StrictUtf8Decoder(F).decode(new Uint8Array([0x7b, 0xc0, 0x80]), true)).toBe('bad');
    expect(new StrictUtf8Decoder(F).decode(new Uint8Array([0x7b, 0xc3]), true)).toBe('bad');
  });
});
