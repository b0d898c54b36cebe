/**
 * Where JSON text stops being JSON. JSON.parse's messages differ between engines and often carry no
 * position, so this scanner finds the first syntax error itself and says what is wrong in plain words.
 * Iterative: deep nesting cannot overflow the stack. Never throws.
 */

/** A syntax error found by {@link findJsonSyntaxError}: character offset and a plain-words message. */
export interface JsonSyntaxError {
  offset: number;
  message: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** JSON whitespace: space, tab, LF, CR. */
export function isJsonWhitespace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** The offset of the first non-whitespace character at or after `i`. */
export function skipJsonWhitespace(text: string, i: number): number {
  let j = i;
  while (j < text.length && isJsonWhitespace(text.charCodeAt(j))) j++;
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
  let i = skipJsonWhitespace(text, 0);
  if (i >= text.length) return { offset: i, message: 'the file is empty: expected a JSON value' };
  let expectValue = true;
  for (;;) {
    if (expectValue) {
      const c = text[i];
      if (c === '{') {
        i = skipJsonWhitespace(text, i + 1);
        if (text[i] === '}') {
          i = skipJsonWhitespace(text, i + 1);
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
        i = skipJsonWhitespace(text, i + 1);
        if (text[i] === ']') {
          i = skipJsonWhitespace(text, i + 1);
          expectValue = false;
          continue;
        }
        stack.push('[');
        continue;
      }
      const end = scanScalar(text, i);
      if (typeof end !== 'number') return end;
      i = skipJsonWhitespace(text, end);
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
      i = skipJsonWhitespace(text, i + 1);
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
      i = skipJsonWhitespace(text, i + 1);
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
  const colon = skipJsonWhitespace(text, end);
  if (text[colon] !== ':') return describeUnexpected(text, colon, '":" after the property name');
  return skipJsonWhitespace(text, colon + 1);
}
