/**
 * Places in JSON text: where a syntax error is (JSON.parse's messages differ between engines and often
 * carry no position), and where the value at a JSON path starts. Both are single passes; the locator
 * skips every subtree no requested path enters, so it stays linear on 64 MiB files. Never throws.
 */

/** A syntax error found by {@link findJsonSyntaxError}: character offset and a plain-words message. */
export interface JsonSyntaxError {
  offset: number;
  message: string;
}

/** Where a requested path was found: the deepest node of the path that exists in the text. */
export interface JsonLocation {
  /** Offset of the first character of the value (or of the deepest existing ancestor). */
  offset: number;
  /** Offset of the property name's opening quote, when the located node is an object member. */
  keyOffset?: number;
  /** How many leading segments of the path exist (`path.length` when the whole path exists). */
  matched: number;
}

type Segment = string | number;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function skipWs(text: string, i: number): number {
  let j = i;
  while (j < text.length && isWs(text.charCodeAt(j))) j++;
  return j;
}

/** Scans one string literal starting at `i` (a `"`); returns the offset after it or an error. */
function scanString(text: string, i: number): number | JsonSyntaxError {
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 34) return j + 1;
    if (c === 92) {
      const e = text[j + 1];
      if (e === undefined) break;
      if (e === 'u') {
        if (!/^[0-9A-Fa-f]{4}$/.test(text.slice(j + 2, j + 6)))
          return { offset: j, message: 'invalid \\u escape in a string: it needs 4 hex digits' };
        j += 6;
        continue;
      }
      if (!'"\\/bfnrt'.includes(e)) return { offset: j, message: `invalid escape "\\${e}" in a string` };
      j += 2;
      continue;
    }
    if (c < 0x20) {
      return {
        offset: j,
        message:
          c === 10
            ? 'a string cannot contain a line break: write it as \\n'
            : 'a string cannot contain a control character',
      };
    }
    j++;
  }
  return { offset: i, message: 'this string is never closed with "' };
}

function describeUnexpected(text: string, i: number, expected: string): JsonSyntaxError {
  if (i >= text.length)
    return { offset: text.length, message: `unexpected end of file: expected ${expected}` };
  const ch = text[i] ?? '';
  if (ch === "'") return { offset: i, message: 'strings must use double quotes (")' };
  if (text.startsWith('//', i) || text.startsWith('/*', i))
    return { offset: i, message: 'comments are not allowed in JSON' };
  const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(i, i + 40))?.[0];
  if (word) return { offset: i, message: `unexpected "${word}": expected ${expected}` };
  return { offset: i, message: `unexpected "${ch}": expected ${expected}` };
}

/** Scans a scalar (string, number, literal) at `i`; returns the offset after it or an error. */
function scanScalar(text: string, i: number): number | JsonSyntaxError {
  const c = text[i];
  if (c === '"') return scanString(text, i);
  for (const lit of ['true', 'false', 'null']) if (text.startsWith(lit, i)) return i + lit.length;
  NUMBER.lastIndex = i;
  if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
    const m = NUMBER.exec(text);
    if (m && m[0] !== '-') return i + m[0].length;
    return { offset: i, message: 'invalid number' };
  }
  return describeUnexpected(text, i, 'a value');
}

/**
 * The first syntax error in `text` as strict JSON (RFC 8259, as JSON.parse reads it), or null when the
 * text is valid JSON. Iterative: deep nesting cannot overflow the stack.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const stack: ('{' | '[')[] = [];
  let i = skipWs(text, 0);
  if (i >= text.length) return { offset: i, message: 'the file is empty: expected a JSON value' };
  let expectValue = true;
  for (;;) {
    if (expectValue) {
      const c = text[i];
      if (c === '{') {
        i = skipWs(text, i + 1);
        if (text[i] === '}') {
          i = skipWs(text, i + 1);
          expectValue = false;
          continue;
        }
        const key = scanKey(text, i);
        if (typeof key !== 'number') return key;
        i = key;
        stack.push('{');
        continue;
      }
      if (c === '[') {
        i = skipWs(text, i + 1);
        if (text[i] === ']') {
          i = skipWs(text, i + 1);
          expectValue = false;
          continue;
        }
        stack.push('[');
        continue;
      }
      const end = scanScalar(text, i);
      if (typeof end !== 'number') return end;
      i = skipWs(text, end);
      expectValue = false;
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) {
      return i < text.length
        ? { offset: i, message: 'unexpected text after the end of the JSON value' }
        : null;
    }
    const close = top === '{' ? '}' : ']';
    const c = text[i];
    if (c === ',') {
      i = skipWs(text, i + 1);
      if (text[i] === close) return { offset: i, message: `trailing comma before "${close}"` };
      if (top === '{') {
        const key = scanKey(text, i);
        if (typeof key !== 'number') return key;
        i = key;
      }
      expectValue = true;
      continue;
    }
    if (c === close) {
      stack.pop();
      i = skipWs(text, i + 1);
      continue;
    }
    if (top === '{' && c === ']')
      return { offset: i, message: 'unexpected "]": this object is closed with "}"' };
    if (top === '[' && c === '}')
      return { offset: i, message: 'unexpected "}": this array is closed with "]"' };
    return describeUnexpected(text, i, `"," or "${close}"`);
  }
}

/** Scans `"key" :` at `i`; returns the offset of the value that follows or an error. */
function scanKey(text: string, i: number): number | JsonSyntaxError {
  if (text[i] !== '"') {
    if (i < text.length && /[A-Za-z_$]/.test(text[i] ?? ''))
      return { offset: i, message: 'property names must be in double quotes' };
    return describeUnexpected(text, i, 'a property name in double quotes');
  }
  const end = scanString(text, i);
  if (typeof end !== 'number') return end;
  const colon = skipWs(text, end);
  if (text[colon] !== ':') return describeUnexpected(text, colon, '":" after the property name');
  return skipWs(text, colon + 1);
}

/** Offset just after the value starting at `i`, in text known to be valid JSON. */
function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 34) return skipStringFast(text, i);
  if (c !== 123 && c !== 91) {
    let j = i;
    while (j < text.length) {
      const d = text.charCodeAt(j);
      if (d === 44 || d === 93 || d === 125 || isWs(d)) break;
      j++;
    }
    return j;
  }
  let depth = 0;
  let j = i;
  while (j < text.length) {
    const d = text.charCodeAt(j);
    if (d === 34) {
      j = skipStringFast(text, j);
      continue;
    }
    if (d === 123 || d === 91) depth++;
    else if (d === 125 || d === 93) {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  return j;
}

function skipStringFast(text: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = text.indexOf('"', j);
    if (q === -1) return text.length;
    let backslashes = 0;
    for (let k = q - 1; k > i && text.charCodeAt(k) === 92; k--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    j = q + 1;
  }
}

interface TrieNode {
  children: Map<string, TrieNode>;
  /** Indexes of the requested paths that pass through (or end at) this node. */
  through: number[];
}

function segmentKey(s: Segment): string {
  return typeof s === 'number' ? `#${s}` : `.${s}`;
}

/**
 * Finds where each path's value starts in `text` (which must be valid JSON). Paths that do not exist
 * resolve to their deepest existing ancestor (`matched` says how deep).
 */
export function locateJsonPaths(text: string, paths: readonly (readonly Segment[])[]): JsonLocation[] {
  const start = skipWs(text, 0);
  const results: JsonLocation[] = paths.map(() => ({ offset: start, matched: 0 }));
  const root: TrieNode = { children: new Map(), through: [] };
  paths.forEach((path, pi) => {
    let node = root;
    for (const seg of path) {
      const key = segmentKey(seg);
      let next = node.children.get(key);
      if (!next) {
        next = { children: new Map(), through: [] };
        node.children.set(key, next);
      }
      next.through.push(pi);
      node = next;
    }
  });
  visit(text, start, root, 0, results);
  return results;
}

/** Walks the value at `i` for the trie node `node` (at `depth`); returns the offset after the value. */
function visit(text: string, i: number, node: TrieNode, depth: number, results: JsonLocation[]): number {
  const c = text[i];
  if (node.children.size === 0 || (c !== '{' && c !== '[')) return skipValue(text, i);
  let j = skipWs(text, i + 1);
  if (c === '{') {
    while (j < text.length && text[j] !== '}') {
      const keyStart = j;
      const keyEnd = skipStringFast(text, j);
      const raw = text.slice(keyStart + 1, keyEnd - 1);
      const key = raw.includes('\\') ? decodeJsonString(text.slice(keyStart, keyEnd)) : raw;
      j = skipWs(text, keyEnd);
      j = skipWs(text, j + 1); // past ':'
      const child = node.children.get(segmentKey(key));
      if (child) {
        for (const pi of child.through) results[pi] = { offset: j, keyOffset: keyStart, matched: depth + 1 };
        j = visit(text, j, child, depth + 1, results);
      } else j = skipValue(text, j);
      j = skipWs(text, j);
      if (text[j] === ',') j = skipWs(text, j + 1);
    }
    return j + 1;
  }
  let index = 0;
  while (j < text.length && text[j] !== ']') {
    const child = node.children.get(segmentKey(index));
    if (child) {
      for (const pi of child.through) results[pi] = { offset: j, matched: depth + 1 };
      j = visit(text, j, child, depth + 1, results);
    } else j = skipValue(text, j);
    j = skipWs(text, j);
    if (text[j] === ',') j = skipWs(text, j + 1);
    index++;
  }
  return j + 1;
}

function decodeJsonString(literal: string): string {
  try {
    const v: unknown = JSON.parse(literal);
    return typeof v === 'string' ? v : literal;
  } catch {
    return literal;
  }
}

/**
 * The raw offset in `text` of the `decodedIndex`-th UTF-16 unit of the string literal starting at
 * `literalStart` (its opening quote): escapes like `\n` or `\u00e9` count as one decoded unit.
 */
export function offsetInJsonString(text: string, literalStart: number, decodedIndex: number): number {
  let j = literalStart + 1;
  let n = 0;
  while (j < text.length && n < decodedIndex) {
    const c = text.charCodeAt(j);
    if (c === 34) break;
    j += c === 92 ? (text[j + 1] === 'u' ? 6 : 2) : 1;
    n++;
  }
  return j;
}
