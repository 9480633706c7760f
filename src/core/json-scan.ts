// An iterative JSON scanner: one pass, no recursion on the depth of the
// input (a container stack of one byte per level), no token values built, so
// time is linear and memory flat whatever the nesting or the white space.
// It reports the first error with the codes and positions of jsonc-parser's
// `visit` (strict JSON: no comments, no trailing comma), which the error
// wording in json-location.ts was written for.

/** jsonc-parser's ParseErrorCode numbers. */
export const enum JsonError {
  InvalidSymbol = 1,
  InvalidNumberFormat = 2,
  PropertyNameExpected = 3,
  ValueExpected = 4,
  ColonExpected = 5,
  CommaExpected = 6,
  CloseBraceExpected = 7,
  CloseBracketExpected = 8,
  EndOfFileExpected = 9,
  InvalidCommentToken = 10,
  UnexpectedEndOfComment = 11,
  UnexpectedEndOfString = 12,
  UnexpectedEndOfNumber = 13,
  InvalidUnicode = 14,
  InvalidEscapeCharacter = 15,
  InvalidCharacter = 16,
}

const ERROR_NAMES = [
  '',
  'InvalidSymbol',
  'InvalidNumberFormat',
  'PropertyNameExpected',
  'ValueExpected',
  'ColonExpected',
  'CommaExpected',
  'CloseBraceExpected',
  'CloseBracketExpected',
  'EndOfFileExpected',
  'InvalidCommentToken',
  'UnexpectedEndOfComment',
  'UnexpectedEndOfString',
  'UnexpectedEndOfNumber',
  'InvalidUnicode',
  'InvalidEscapeCharacter',
  'InvalidCharacter',
];

export function jsonErrorName(code: JsonError): string {
  return ERROR_NAMES[code] ?? 'Unknown';
}

/** Positions are UTF-16 offsets; line and column 0-based, as jsonc-parser gives them. */
export interface ScanHandler {
  /** A container begins; returning false skips the callbacks of everything inside it and of its end. */
  begin?(array: boolean, offset: number, line: number, column: number): boolean;
  end?(array: boolean): void;
  /** A property name: the string token text[from, to), quotes included. */
  property?(text: string, from: number, to: number, line: number, column: number): void;
  /** A string, number, true, false or null value. */
  literal?(offset: number, line: number, column: number): void;
  /** A comma between the elements of an array. */
  arrayComma?(): void;
}

export interface ScanFault {
  code: JsonError;
  offset: number;
  line: number;
  column: number;
}

const enum T {
  OpenBrace,
  CloseBrace,
  OpenBracket,
  CloseBracket,
  Comma,
  Colon,
  String,
  Literal,
  EOF,
}
const enum S {
  Value,
  Arr,
  ArrNext,
  Obj,
  ObjNext,
  Prop,
  Done,
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Not white space, a line break or a character that ends a word. */
function isWordChar(c: number): boolean {
  switch (c) {
    case 32:
    case 9:
    case 10:
    case 13:
    case 125:
    case 93:
    case 123:
    case 91:
    case 34:
    case 58:
    case 44:
    case 47:
      return false;
    default:
      return true;
  }
}

class Fault extends Error {
  constructor(readonly fault: ScanFault) {
    super('json');
  }
}

/** Scans `text`, calling `h` on the way; the first error, or undefined for valid JSON. */
export function scanJson(text: string, h: ScanHandler = {}, allowEmpty = false): ScanFault | undefined {
  const len = text.length;
  let pos = 0,
    line = 0,
    lineStart = 0;
  let tok = T.EOF,
    tokOff = 0,
    tokLine = 0,
    tokCol = 0;
  let kinds = new Uint8Array(64); // 1 = array, 0 = object
  let depth = 0;
  let quiet = 0; // depth of containers whose callbacks are skipped

  const fail = (code: JsonError): never => {
    throw new Fault({ code, offset: tokOff, line: tokLine, column: tokCol });
  };

  const scanString = (): void => {
    let err = 0;
    for (;;) {
      if (pos >= len) {
        err = JsonError.UnexpectedEndOfString;
        break;
      }
      const c = text.charCodeAt(pos);
      if (c === 34) {
        pos++;
        break;
      }
      if (c === 92) {
        pos++;
        if (pos >= len) {
          err = JsonError.UnexpectedEndOfString;
          break;
        }
        const e = text.charCodeAt(pos++);
        if (e === 117) {
          let k = 0;
          while (k < 4 && pos < len && isHex(text.charCodeAt(pos))) {
            pos++;
            k++;
          }
          if (k < 4) err = JsonError.InvalidUnicode;
        } else if (e !== 34 && e !== 92 && e !== 47 && e !== 98 && e !== 102 && e !== 110 && e !== 114 && e !== 116) {
          err = JsonError.InvalidEscapeCharacter;
        }
        continue;
      }
      if (c <= 0x1f) {
        if (c === 10 || c === 13) {
          err = JsonError.UnexpectedEndOfString;
          break;
        }
        err = JsonError.InvalidCharacter;
      }
      pos++;
    }
    if (err) fail(err);
  };

  const scanNumber = (): void => {
    if (text.charCodeAt(pos) === 48) pos++;
    else {
      pos++;
      while (pos < len && isDigit(text.charCodeAt(pos))) pos++;
    }
    if (pos < len && text.charCodeAt(pos) === 46) {
      pos++;
      if (pos < len && isDigit(text.charCodeAt(pos))) {
        while (pos < len && isDigit(text.charCodeAt(pos))) pos++;
      } else fail(JsonError.UnexpectedEndOfNumber);
    }
    const c = text.charCodeAt(pos);
    if (c === 69 || c === 101) {
      pos++;
      const s = text.charCodeAt(pos);
      if (s === 43 || s === 45) pos++;
      if (pos < len && isDigit(text.charCodeAt(pos))) {
        while (pos < len && isDigit(text.charCodeAt(pos))) pos++;
      } else fail(JsonError.UnexpectedEndOfNumber);
    }
  };

  /** The next token; errors of the token itself (bad string, word, comment) are thrown here. */
  const next = (): void => {
    for (;;) {
      if (pos >= len) {
        tok = T.EOF;
        tokOff = len;
        tokLine = line;
        tokCol = len - lineStart;
        return;
      }
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9) {
        pos++;
        continue;
      }
      if (c === 10 || c === 13) {
        pos++;
        if (c === 13 && pos < len && text.charCodeAt(pos) === 10) pos++;
        line++;
        lineStart = pos;
        continue;
      }
      tokOff = pos;
      tokLine = line;
      tokCol = pos - lineStart;
      pos++;
      switch (c) {
        case 123:
          tok = T.OpenBrace;
          return;
        case 125:
          tok = T.CloseBrace;
          return;
        case 91:
          tok = T.OpenBracket;
          return;
        case 93:
          tok = T.CloseBracket;
          return;
        case 58:
          tok = T.Colon;
          return;
        case 44:
          tok = T.Comma;
          return;
        case 34:
          tok = T.String;
          scanString();
          return;
        case 47: {
          const d = text.charCodeAt(pos);
          fail(d === 47 || d === 42 ? JsonError.InvalidCommentToken : JsonError.InvalidSymbol);
          return;
        }
        case 45:
          if (pos >= len || !isDigit(text.charCodeAt(pos))) fail(JsonError.InvalidSymbol);
          tok = T.Literal;
          scanNumber();
          return;
        default:
          if (isDigit(c)) {
            pos--;
            tok = T.Literal;
            scanNumber();
            return;
          }
          while (pos < len && isWordChar(text.charCodeAt(pos))) pos++;
          {
            const n = pos - tokOff;
            const w = n === 4 || n === 5 ? text.slice(tokOff, pos) : '';
            if (w !== 'true' && w !== 'false' && w !== 'null') fail(JsonError.InvalidSymbol);
          }
          tok = T.Literal;
          return;
      }
    }
  };

  const push = (array: boolean): void => {
    if (depth === kinds.length) {
      const k = new Uint8Array(kinds.length * 2);
      k.set(kinds);
      kinds = k;
    }
    kinds[depth++] = array ? 1 : 0;
    if (quiet > 0) quiet++;
    else if (h.begin && h.begin(array, tokOff, tokLine, tokCol) === false) quiet = 1;
  };
  const pop = (): void => {
    const array = kinds[--depth] === 1;
    if (quiet > 0) quiet--;
    else h.end?.(array);
  };
  const afterValue = (): S => (depth === 0 ? S.Done : kinds[depth - 1] === 1 ? S.ArrNext : S.ObjNext);

  try {
    next();
    if (tok === T.EOF)
      return allowEmpty ? undefined : { code: JsonError.ValueExpected, offset: tokOff, line: tokLine, column: tokCol };
    let st = S.Value;
    for (;;) {
      switch (st) {
        case S.Value:
          if (tok === T.OpenBracket) {
            push(true);
            next();
            st = S.Arr;
            break;
          }
          if (tok === T.OpenBrace) {
            push(false);
            next();
            st = S.Obj;
            break;
          }
          if (tok === T.String || tok === T.Literal) {
            if (quiet === 0) h.literal?.(tokOff, tokLine, tokCol);
            next();
            st = afterValue();
            break;
          }
          return fail(JsonError.ValueExpected);
        case S.Arr:
        case S.ArrNext:
          if (tok === T.CloseBracket) {
            pop();
            next();
            st = afterValue();
            break;
          }
          if (tok === T.EOF) return fail(JsonError.CloseBracketExpected);
          if (tok === T.Comma) {
            if (st === S.Arr) return fail(JsonError.ValueExpected);
            if (quiet === 0) h.arrayComma?.();
            next();
          } else if (st === S.ArrNext) return fail(JsonError.CommaExpected);
          st = S.Value;
          break;
        case S.Obj:
        case S.ObjNext:
          if (tok === T.CloseBrace) {
            pop();
            next();
            st = afterValue();
            break;
          }
          if (tok === T.EOF) return fail(JsonError.CloseBraceExpected);
          if (tok === T.Comma) {
            if (st === S.Obj) return fail(JsonError.ValueExpected);
            next();
          } else if (st === S.ObjNext) return fail(JsonError.CommaExpected);
          st = S.Prop;
          break;
        case S.Prop:
          if (tok !== T.String) return fail(JsonError.PropertyNameExpected);
          if (quiet === 0) h.property?.(text, tokOff, pos, tokLine, tokCol);
          next();
          if (tok !== T.Colon) return fail(JsonError.ColonExpected);
          next();
          st = S.Value;
          break;
        case S.Done:
          if (tok !== T.EOF) return fail(JsonError.EndOfFileExpected);
          return undefined;
      }
    }
  } catch (e) {
    if (e instanceof Fault) return e.fault;
    throw e;
  }
}
