/**
 * A small, total Markdown parser for the safe subset used in packs: ATX headings, paragraphs, flat
 * lists, block quotes, GFM tables, fenced code, rules; inline strong/em/code/links/images.
 * HTML is never interpreted: it stays literal text. Never throws.
 */
import type { Block, Inline } from './ast';

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const ORDERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const FENCE = /^\s{0,3}(```|~~~)/;
const TABLE_SEP = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;

/** Parses Markdown into blocks. */
export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  return parseBlocks(lines);
}

function parseBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] ?? '').trim().startsWith(fence[1] ?? '```'))
        body.push(lines[i++] ?? '');
      i++;
      blocks.push({ type: 'code', value: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({
        type: 'heading',
        level: heading[1]?.length ?? 1,
        children: parseInline(heading[2] ?? ''),
      });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ type: 'rule' });
      i++;
      continue;
    }
    if (/^\s{0,3}>/.test(line)) {
      const inner: string[] = [];
      while (i < lines.length && /^\s{0,3}>/.test(lines[i] ?? ''))
        inner.push((lines[i++] ?? '').replace(/^\s{0,3}>\s?/, ''));
      blocks.push({ type: 'quote', children: parseBlocks(inner) });
      continue;
    }
    if (line.includes('|') && TABLE_SEP.test(lines[i + 1] ?? '') && (lines[i + 1] ?? '').includes('-')) {
      const header = splitRow(line);
      const align = splitRow(lines[i + 1] ?? '').map((c) => {
        const t = c.trim();
        if (t.startsWith(':') && t.endsWith(':')) return 'center' as const;
        if (t.endsWith(':')) return 'right' as const;
        if (t.startsWith(':')) return 'left' as const;
        return null;
      });
      i += 2;
      const rows: Inline[][][] = [];
      while (i < lines.length && (lines[i] ?? '').trim() !== '' && (lines[i] ?? '').includes('|')) {
        const cells = splitRow(lines[i++] ?? '');
        while (cells.length < header.length) cells.push('');
        rows.push(cells.map(parseInline));
      }
      blocks.push({ type: 'table', header: header.map(parseInline), align, rows });
      continue;
    }
    const bullet = BULLET.exec(line);
    const ordered = ORDERED.exec(line);
    if (bullet || ordered) {
      const isOrdered = !bullet;
      const pattern = isOrdered ? ORDERED : BULLET;
      const items: Inline[][] = [];
      let current: string[] = [];
      while (i < lines.length) {
        const l = lines[i] ?? '';
        const m = pattern.exec(l);
        if (m) {
          if (current.length) items.push(parseInline(current.join(' ')));
          current = [(isOrdered ? m[2] : m[1]) ?? ''];
          i++;
        } else if (l.trim() !== '' && /^\s+/.test(l) && current.length) {
          current.push(l.trim());
          i++;
        } else break;
      }
      if (current.length) items.push(parseInline(current.join(' ')));
      blocks.push({ type: 'list', ordered: isOrdered, start: ordered ? Number(ordered[1]) : 1, items });
      continue;
    }
    const para: string[] = [];
    while (i < lines.length) {
      const l = lines[i] ?? '';
      if (
        l.trim() === '' ||
        HEADING.test(l) ||
        FENCE.test(l) ||
        /^\s{0,3}>/.test(l) ||
        BULLET.test(l) ||
        RULE.test(l)
      )
        break;
      if (para.length && ORDERED.test(l)) break;
      para.push(l.trim());
      i++;
    }
    blocks.push({ type: 'paragraph', children: parseInline(para.join(' ')) });
  }
  return blocks;
}

function splitRow(line: string): string[] {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (ch === '\\' && t[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (ch === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

/** Parses inline Markdown: `code`, **strong**, *em* / _em_, [link](href), ![image](src), backslash escapes. */
export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let buf = '';
  const flush = () => {
    if (buf) out.push({ type: 'text', value: buf });
    buf = '';
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i] ?? '';
    if (ch === '\\' && i + 1 < source.length && /[\\`*_[\]()#+\-.!|{}<>~]/.test(source[i + 1] ?? '')) {
      buf += source[i + 1];
      i += 2;
      continue;
    }
    if (ch === '`') {
      const end = source.indexOf('`', i + 1);
      if (end > i) {
        flush();
        out.push({ type: 'code', value: source.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if ((ch === '*' || ch === '_') && source[i + 1] === ch) {
      const end = source.indexOf(ch + ch, i + 2);
      if (end > i + 2) {
        flush();
        out.push({ type: 'strong', children: parseInline(source.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    if ((ch === '*' || ch === '_') && source[i + 1] !== ' ' && source[i + 1] !== undefined) {
      const prev = source[i - 1];
      const wordInside = ch === '_' && prev !== undefined && /\w/.test(prev);
      const end = findSingle(source, ch, i + 1);
      if (!wordInside && end > i + 1) {
        flush();
        out.push({ type: 'em', children: parseInline(source.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    if (ch === '!' && source[i + 1] === '[') {
      const link = readLink(source, i + 1);
      if (link) {
        flush();
        out.push({ type: 'image', src: link.href, alt: link.label });
        i = link.end;
        continue;
      }
    }
    if (ch === '[') {
      const link = readLink(source, i);
      if (link) {
        flush();
        out.push({ type: 'link', href: link.href, children: parseInline(link.label) });
        i = link.end;
        continue;
      }
    }
    buf += ch;
    i++;
  }
  flush();
  return out;
}

function findSingle(s: string, ch: string, from: number): number {
  for (let j = from; j < s.length; j++) {
    if (s[j] === '\\') {
      j++;
      continue;
    }
    if (s[j] === ch && s[j + 1] !== ch && s[j - 1] !== ' ') return j;
  }
  return -1;
}

function readLink(s: string, open: number): { label: string; href: string; end: number } | null {
  let depth = 0;
  let close = -1;
  for (let j = open; j < s.length; j++) {
    if (s[j] === '\\') {
      j++;
      continue;
    }
    if (s[j] === '[') depth++;
    else if (s[j] === ']') {
      depth--;
      if (depth === 0) {
        close = j;
        break;
      }
    }
  }
  if (close < 0 || s[close + 1] !== '(') return null;
  const end = s.indexOf(')', close + 2);
  if (end < 0) return null;
  const href =
    s
      .slice(close + 2, end)
      .trim()
      .split(/\s+/)[0] ?? '';
  return { label: s.slice(open + 1, close), href, end: end + 1 };
}

/**
 * The plain text of inline nodes (for search, evidence checks and accessible names). With `keepMedia`,
 * an image of the pack stays its reference `![alt](media:NAME)` (for text the media widgets show).
 */
export function inlineText(nodes: readonly Inline[], keepMedia = false): string {
  return nodes
    .map((n) => {
      switch (n.type) {
        case 'text':
        case 'code':
          return n.value;
        case 'image':
          return keepMedia && n.src.startsWith('media:')
            ? `![${n.alt.replace(/[[\]]/g, '')}](${n.src})`
            : n.alt;
        default:
          return inlineText(n.children, keepMedia);
      }
    })
    .join('');
}

/**
 * The plain text of a Markdown document: blocks separated by newlines, markup removed. With
 * `keepMedia`, pack images stay `![alt](media:NAME)` references (see {@link inlineText}).
 */
export function markdownToText(source: string, opts: { keepMedia?: boolean } = {}): string {
  return blocksText(parseMarkdown(source), opts.keepMedia === true);
}

function blocksText(blocks: readonly Block[], keepMedia: boolean): string {
  const text = (nodes: readonly Inline[]) => inlineText(nodes, keepMedia);
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'heading':
        case 'paragraph':
          return text(b.children);
        case 'list':
          return b.items.map(text).join('\n');
        case 'quote':
          return blocksText(b.children, keepMedia);
        case 'table':
          return [b.header, ...b.rows].map((r) => r.map(text).join(' | ')).join('\n');
        case 'code':
          return b.value;
        default:
          return '';
      }
    })
    .join('\n');
}
