// Line/column lookups in JSON text, computed only when there is something to
// report. A single pass of the iterative scanner (json-scan.ts) over the text
// finds every requested path at once without building a syntax tree, so
// memory stays flat for large files and deep nesting.
import { JsonError as Code, jsonErrorName, scanJson, type ScanFault } from './json-scan.ts';

export type JsonPath = (string | number)[];

export interface TextLocation {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

/** `triples[12].predicate`; keys that are not identifiers are quoted: `a["x y"]`. */
export function pathToString(path: JsonPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

interface Trie {
  children: Map<string | number, Trie>;
  /** Indices into the request list that end here. */
  ends: number[];
  loc?: TextLocation;
}

function newTrie(): Trie {
  return { children: new Map(), ends: [] };
}

/**
 * Where each path is in `text`. A path that does not exist in the text (a
 * missing field) gets the location of its deepest existing ancestor, so a
 * "missing label" points at the entity that lacks it.
 */
export function locatePaths(text: string, paths: readonly JsonPath[]): (TextLocation | undefined)[] {
  const root = newTrie();
  paths.forEach((p, i) => {
    let node = root;
    for (const seg of p) {
      let next = node.children.get(seg);
      if (!next) {
        next = newTrie();
        node.children.set(seg, next);
      }
      node = next;
    }
    node.ends.push(i);
  });

  // Frames only for containers on a requested path (the scanner skips the others).
  interface Frame {
    trie: Trie | undefined;
    array: boolean;
    index: number;
    key: string | undefined;
  }
  const stack: Frame[] = [];
  let rootSeen = false;
  // The trie node a value starting now belongs to, recording its location.
  const enterValue = (line: number, ch: number): Trie | undefined => {
    if (stack.length === 0) {
      if (rootSeen) return undefined;
      rootSeen = true;
      root.loc = { line: line + 1, column: ch + 1 };
      return root;
    }
    const top = stack[stack.length - 1]!;
    if (!top.trie) return undefined;
    if (top.array) {
      const child = top.trie.children.get(top.index);
      if (child && !child.loc) child.loc = { line: line + 1, column: ch + 1 };
      return child;
    }
    return top.key === undefined ? undefined : top.trie.children.get(top.key);
  };

  scanJson(
    text,
    {
      begin: (array, _o, line, ch) => {
        const trie = enterValue(line, ch);
        if (trie === undefined || trie.children.size === 0) return false;
        stack.push({ trie, array, index: 0, key: undefined });
        return true;
      },
      end: () => {
        stack.pop();
      },
      property: (t, from, to, line, ch) => {
        const top = stack[stack.length - 1];
        if (!top) return;
        const raw = t.slice(from + 1, to - 1);
        top.key = raw.includes('\\') ? (JSON.parse(t.slice(from, to)) as string) : raw;
        const child = top.trie?.children.get(top.key);
        // A property is reported at its key: that is where a person looks.
        if (child && !child.loc) child.loc = { line: line + 1, column: ch + 1 };
      },
      literal: (_o, line, ch) => {
        enterValue(line, ch);
      },
      arrayComma: () => {
        const top = stack[stack.length - 1];
        if (top) top.index++;
      },
    },
    true,
  );

  return paths.map((p) => {
    let node: Trie | undefined = root;
    let best = root.loc;
    for (const seg of p) {
      node = node.children.get(seg);
      if (!node) break;
      if (node.loc) best = node.loc;
    }
    return best;
  });
}

/** 1-based line/column of a UTF-16 offset. */
export function offsetToLocation(text: string, offset: number): TextLocation {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

export interface SyntaxErrorInfo extends TextLocation {
  offset: number;
  /** The scanner's name for it (jsonc-parser's), e.g. CommaExpected. */
  kind: string;
  message: string;
  hint: string;
}

function prevSignificant(text: string, offset: number): string {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') return c;
  }
  return '';
}

function restIsBlank(text: string, offset: number): boolean {
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return false;
  }
  return true;
}

export type SyntaxKind =
  | 'trailing-comma'
  | 'truncated'
  | 'expected-value'
  | 'expected-name'
  | 'comma'
  | 'colon'
  | 'after-end';

/** The words for a JSON syntax error, shared by the whole-text locator and the streaming scanner; `got` is what stands there ('x' quoted, or "the end of the file"). */
export function syntaxText(kind: SyntaxKind, got: string): { message: string; hint: string } {
  switch (kind) {
    case 'trailing-comma':
      return {
        message: `trailing comma before ${got}`,
        hint: `remove the comma before ${got}: JSON allows no comma after the last item`,
      };
    case 'truncated':
      return {
        message: 'the file ends in the middle of the JSON',
        hint: 'the file looks truncated: restore the complete file',
      };
    case 'expected-value':
    case 'expected-name':
      return {
        message: `expected a ${kind === 'expected-value' ? 'value' : 'property name in double quotes'} but found ${got}`,
        hint: 'check the syntax here: property names and strings need double quotes',
      };
    case 'comma':
      return {
        message: `expected a comma but found ${got}`,
        hint: 'add the missing comma between the two items (the one before this position ends without one)',
      };
    case 'colon':
      return {
        message: `expected ':' but found ${got}`,
        hint: 'write "name": value; a property name must be followed by a colon',
      };
    case 'after-end':
      return {
        message: `unexpected ${got} after the end of the JSON value`,
        hint: 'remove what follows the closing bracket, or wrap several values in one array',
      };
  }
}

/** What a person should do about a JSON syntax error at `offset`. */
function explain(text: string, e: ScanFault): { message: string; hint: string } {
  const at = text.slice(e.offset, e.offset + 1);
  const got = e.offset >= text.length ? 'the end of the file' : `'${at}'`;
  const truncated = restIsBlank(text, e.offset);
  const code = e.code;
  switch (code) {
    case Code.PropertyNameExpected:
    case Code.ValueExpected:
      if (prevSignificant(text, e.offset) === ',' && (at === '}' || at === ']'))
        return syntaxText('trailing-comma', got);
      if (truncated) return syntaxText('truncated', got);
      return syntaxText(code === Code.ValueExpected ? 'expected-value' : 'expected-name', got);
    case Code.CommaExpected:
      return syntaxText('comma', got);
    case Code.ColonExpected:
      return syntaxText('colon', got);
    case Code.CloseBraceExpected:
    case Code.CloseBracketExpected:
      if (truncated)
        return {
          message: 'the file ends before the JSON is complete',
          hint: 'the file looks truncated: restore the complete file or close every open { and [',
        };
      return {
        message: `expected '${code === Code.CloseBraceExpected ? '}' : ']'}' but found ${got}`,
        hint: 'a comma or a closing bracket is missing before this position',
      };
    case Code.UnexpectedEndOfString: {
      const nl = text.indexOf('\n', e.offset);
      if (nl < 0 || restIsBlank(text, nl))
        return {
          message: 'the file ends inside a string',
          hint: 'the file looks truncated: restore the complete file',
        };
      return {
        message: 'unterminated string',
        hint: 'close the string with a double quote (a string cannot span lines: write \\n for a line break)',
      };
    }
    case Code.EndOfFileExpected:
      return syntaxText('after-end', got);
    case Code.InvalidCommentToken:
    case Code.UnexpectedEndOfComment:
      return { message: 'comments are not allowed in JSON', hint: 'remove the comment' };
    case Code.InvalidCharacter:
      return {
        message: 'control character inside a string',
        hint: 'escape it: write \\n for a line break and \\t for a tab',
      };
    case Code.InvalidEscapeCharacter:
    case Code.InvalidUnicode:
      return {
        message: 'invalid escape sequence in a string',
        hint: 'valid escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a backslash as \\\\',
      };
    case Code.InvalidNumberFormat:
    case Code.UnexpectedEndOfNumber:
      return {
        message: 'invalid number',
        hint: 'write numbers like 0.75 (no leading zeros, no trailing dot); quote it if it is text',
      };
    default:
      return {
        message: `unexpected ${got}`,
        hint: 'check the syntax here: strings and property names need double quotes, true/false/null are lower case',
      };
  }
}

/**
 * The first JSON syntax error in `text`, located and explained; undefined
 * when the scanner finds none (the caller then falls back to the engine's message).
 */
export function findSyntaxError(text: string): SyntaxErrorInfo | undefined {
  const fault = scanJson(text);
  if (!fault) return undefined;
  const { message, hint } = explain(text, fault);
  return {
    offset: fault.offset,
    line: fault.line + 1,
    column: fault.column + 1,
    kind: jsonErrorName(fault.code),
    message,
    hint,
  };
}
