/**
 * Where the value at a JSON path starts in the text, for placing schema problems at line:column. One
 * pass that skips every subtree no requested path enters, so it stays linear on 64 MiB files.
 */
import { isJsonWhitespace, skipJsonWhitespace } from './json-syntax';

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

/** Offset just after the value starting at `i`, in text known to be valid JSON. */
function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 34) return skipStringFast(text, i);
  if (c !== 123 && c !== 91) {
    let j = i;
    while (j < text.length) {
      const d = text.charCodeAt(j);
      if (d === 44 || d === 93 || d === 125 || isJsonWhitespace(d)) break;
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
  const start = skipJsonWhitespace(text, 0);
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
  let j = skipJsonWhitespace(text, i + 1);
  if (c === '{') {
    while (j < text.length && text[j] !== '}') {
      const keyStart = j;
      const keyEnd = skipStringFast(text, j);
      const raw = text.slice(keyStart + 1, keyEnd - 1);
      const key = raw.includes('\\') ? decodeJsonString(text.slice(keyStart, keyEnd)) : raw;
      j = skipJsonWhitespace(text, keyEnd);
      j = skipJsonWhitespace(text, j + 1); // past ':'
      const child = node.children.get(segmentKey(key));
      if (child) {
        for (const pi of child.through) results[pi] = { offset: j, keyOffset: keyStart, matched: depth + 1 };
        j = visit(text, j, child, depth + 1, results);
      } else j = skipValue(text, j);
      j = skipJsonWhitespace(text, j);
      if (text[j] === ',') j = skipJsonWhitespace(text, j + 1);
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
    j = skipJsonWhitespace(text, j);
    if (text[j] === ',') j = skipJsonWhitespace(text, j + 1);
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
