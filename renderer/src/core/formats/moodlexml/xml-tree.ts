/**
 * A small XML reader for Moodle XML: elements with their attributes, text (CDATA and character
 * references resolved) and the offset in the source of every element, attribute and text run, so that
 * problems are placed at line:column. Pure TypeScript: the CLI and the tests run in Node, which has no
 * DOMParser. Malformed XML is refused as Moodle's XML parser refuses it (the first error, placed).
 */

/** One element. `text` is its own character data (not its children's), CDATA included. */
export interface XmlElement {
  name: string;
  attrs: Map<string, XmlAttr>;
  children: XmlElement[];
  text: string;
  /** Offset of the element's `<`. */
  at: number;
  /** Where `text` came from, run by run, to place an offset inside the text (see {@link textOffset}). */
  runs: TextRun[];
}

/** An attribute value and the offset of its name. */
export interface XmlAttr {
  value: string;
  at: number;
}

/** A run of `text`: from `from` in the text, copied from the source at `source` (`exact`: 1:1). */
export interface TextRun {
  from: number;
  source: number;
  exact: boolean;
}

/** The parsed document, or the first well-formedness error and its offset. */
export type XmlParseResult = { ok: true; root: XmlElement } | { ok: false; message: string; at: number };

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

class XmlError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

/** Resolves `&lt;`-style and numeric references in `raw` (which starts at `at` in the source). */
function decodeRefs(raw: string, at: number): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&([^;&\s<]*);?/g, (whole, ref: string, offset: number) => {
    if (!whole.endsWith(';')) throw new XmlError('"&" must start a reference such as &amp;', at + offset);
    if (ref.startsWith('#')) {
      const code = /^#x[0-9A-Fa-f]+$/.test(ref)
        ? Number.parseInt(ref.slice(2), 16)
        : /^#\d+$/.test(ref)
          ? Number(ref.slice(1))
          : Number.NaN;
      if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff))
        throw new XmlError(`"${whole}" is not a valid character reference`, at + offset);
      return String.fromCodePoint(code);
    }
    const value = PREDEFINED[ref];
    if (value === undefined)
      throw new XmlError(
        `the entity "${whole}" is not defined in XML (only &lt; &gt; &amp; &quot; &apos; and &#…;)`,
        at + offset,
      );
    return value;
  });
}

/** Parses `text` (newlines already normalised) into its root element. Never throws. */
export function parseXml(text: string): XmlParseResult {
  try {
    return { ok: true, root: parse(text) };
  } catch (err) {
    if (err instanceof XmlError) return { ok: false, message: err.message, at: err.at };
    throw err;
  }
}

function parse(src: string): XmlElement {
  let i = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const addText = (value: string, source: number, exact: boolean) => {
    const top = stack[stack.length - 1];
    if (!top) {
      const stray = /\S/.exec(value);
      if (stray) throw new XmlError('text outside the root element', source + (exact ? stray.index : 0));
      return;
    }
    top.runs.push({ from: top.text.length, source, exact });
    top.text += value;
  };
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    const end = lt === -1 ? src.length : lt;
    if (end > i) {
      const raw = src.slice(i, end);
      addText(decodeRefs(raw, i), i, !raw.includes('&'));
    }
    if (lt === -1) break;
    i = lt;
    if (src.startsWith('<!--', i)) {
      const close = src.indexOf('-->', i + 4);
      if (close === -1) throw new XmlError('this comment is never closed with -->', i);
      i = close + 3;
    } else if (src.startsWith('<![CDATA[', i)) {
      const close = src.indexOf(']]>', i + 9);
      if (close === -1) throw new XmlError('this CDATA section is never closed with ]]>', i);
      if (stack.length === 0) throw new XmlError('CDATA outside the root element', i);
      addText(src.slice(i + 9, close), i + 9, true);
      i = close + 3;
    } else if (src.startsWith('<?', i)) {
      const close = src.indexOf('?>', i + 2);
      if (close === -1) throw new XmlError('this processing instruction is never closed with ?>', i);
      i = close + 2;
    } else if (src.startsWith('<!DOCTYPE', i)) {
      if (root || stack.length > 0) throw new XmlError('a DOCTYPE must come before the root element', i);
      const bracket = src.indexOf('[', i);
      const close = src.indexOf('>', i);
      if (bracket !== -1 && bracket < close)
        throw new XmlError('a DOCTYPE with its own declarations is not read', bracket);
      if (close === -1) throw new XmlError('this DOCTYPE is never closed', i);
      i = close + 1;
    } else if (src[i + 1] === '/') {
      NAME.lastIndex = i + 2;
      const m = NAME.exec(src);
      const top = stack.pop();
      if (!m) throw new XmlError('a closing tag needs a name', i);
      if (!top) throw new XmlError(`</${m[0]}> closes no open element`, i);
      if (top.name !== m[0])
        throw new XmlError(`</${m[0]}> does not close <${top.name}> (opened ${describeAt(src, top.at)})`, i);
      const close = src.indexOf('>', NAME.lastIndex);
      if (close === -1 || src.slice(NAME.lastIndex, close).trim() !== '')
        throw new XmlError(`</${m[0]} must end with ">"`, NAME.lastIndex);
      i = close + 1;
      if (stack.length === 0) root = top;
    } else {
      if (root) throw new XmlError('content after the root element', i);
      const el = openTag(src, i, stack);
      i = el.next;
      if (el.closedRoot) root = el.closedRoot;
    }
  }
  const open = stack[stack.length - 1];
  if (open) throw new XmlError(`<${open.name}> is never closed`, open.at);
  if (!root) throw new XmlError('no XML element found', 0);
  return root;
}

function describeAt(src: string, at: number): string {
  let line = 1;
  for (let k = src.indexOf('\n'); k !== -1 && k < at; k = src.indexOf('\n', k + 1)) line++;
  return `at line ${line}`;
}

/**
 * Reads `<name attr="v" …>` or `<name …/>` at `i`; returns the offset after it, and the element when it
 * is a root that closed at once (`<quiz/>`).
 */
function openTag(src: string, i: number, stack: XmlElement[]): { next: number; closedRoot?: XmlElement } {
  NAME.lastIndex = i + 1;
  const m = NAME.exec(src);
  if (!m) throw new XmlError('"<" must start a tag (write &lt; for a literal "<")', i);
  const el: XmlElement = { name: m[0], attrs: new Map(), children: [], text: '', at: i, runs: [] };
  let p = NAME.lastIndex;
  for (;;) {
    const ws = p;
    while (p < src.length && /\s/.test(src[p] ?? '')) p++;
    if (src[p] === '>' || src.startsWith('/>', p)) break;
    if (p >= src.length) throw new XmlError(`<${el.name}> is never closed with ">"`, i);
    if (p === ws) throw new XmlError('attributes must be separated by white space', p);
    NAME.lastIndex = p;
    const a = NAME.exec(src);
    if (!a) throw new XmlError(`unexpected "${src[p]}" in the tag <${el.name}>`, p);
    const nameAt = p;
    p = NAME.lastIndex;
    while (/\s/.test(src[p] ?? '')) p++;
    if (src[p] !== '=') throw new XmlError(`the attribute ${a[0]} needs ="value"`, p);
    p++;
    while (/\s/.test(src[p] ?? '')) p++;
    const quote = src[p];
    if (quote !== '"' && quote !== "'") throw new XmlError(`the value of ${a[0]} must be quoted`, p);
    const close = src.indexOf(quote, p + 1);
    if (close === -1) throw new XmlError(`the value of ${a[0]} is never closed`, p);
    const raw = src.slice(p + 1, close);
    const lt = raw.indexOf('<');
    if (lt !== -1) throw new XmlError('"<" is not allowed in an attribute value', p + 1 + lt);
    if (el.attrs.has(a[0])) throw new XmlError(`the attribute ${a[0]} is given twice`, nameAt);
    el.attrs.set(a[0], { value: decodeRefs(raw, p + 1), at: nameAt });
    p = close + 1;
  }
  const parent = stack[stack.length - 1];
  if (parent) parent.children.push(el);
  if (src[p] === '>') {
    stack.push(el);
    return { next: p + 1 };
  }
  return parent ? { next: p + 2 } : { next: p + 2, closedRoot: el };
}

/** The first child element called `name`. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

/** Every child element called `name`. */
export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** The source offset of position `offset` inside `el.text` (exact inside CDATA and plain text). */
export function textOffset(el: XmlElement, offset: number): number {
  let run: TextRun | undefined;
  for (const r of el.runs) {
    if (r.from > offset) break;
    run = r;
  }
  if (!run) return el.at;
  return run.exact ? run.source + (offset - run.from) : run.source;
}
