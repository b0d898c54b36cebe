/**
 * Reads the text of a PDF that Chromium (Skia) or Electron's printToPDF wrote, with Node alone: inflate
 * the FlateDecode streams, map each font's glyph codes to Unicode through its ToUnicode CMap, and
 * decode the strings shown by Tj/TJ in the page content. Enough to prove that a sheet's words are in
 * the PDF; not a general PDF parser (no encryption, object streams or non-Flate filters).
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  num: number;
  dict: string;
  stream: Buffer | null;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const re = /(\d+)\s+0\s+obj\b/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const s = body.indexOf('stream');
    let dict = body;
    let stream: Buffer | null = null;
    if (s >= 0 && body.lastIndexOf('endstream') > s) {
      dict = body.slice(0, s);
      let from = start + s + 'stream'.length;
      if (text[from] === '\r') from++;
      if (text[from] === '\n') from++;
      const to = text.indexOf('endstream', from);
      let raw = pdf.subarray(from, to);
      if (/\/FlateDecode/.test(dict)) {
        try {
          raw = inflateSync(raw);
        } catch {
          // A stream we cannot inflate holds no text we look for.
        }
      }
      stream = raw;
    }
    objects.set(Number(m[1]), { num: Number(m[1]), dict, stream });
    re.lastIndex = end;
  }
  return objects;
}

interface CMap {
  bytes: number;
  map: Map<number, string>;
}

function hexToString(hex: string): string {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4)
    out += String.fromCharCode(Number.parseInt(hex.slice(i, i + 4), 16));
  return out;
}

function parseCMap(text: string): CMap {
  const map = new Map<number, string>();
  const range = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(text);
  const bytes = range?.[1] ? range[1].length / 2 : 2;
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      map.set(Number.parseInt(m[1] ?? '0', 16), hexToString(m[2] ?? ''));
    }
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const body = block[1] ?? '';
    for (const m of body.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
      const lo = Number.parseInt(m[1] ?? '0', 16);
      const hi = Number.parseInt(m[2] ?? '0', 16);
      const dst = m[3] ?? '';
      if (dst.startsWith('[')) {
        const items = [...dst.matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => hexToString(x[1] ?? ''));
        items.forEach((s, i) => {
          map.set(lo + i, s);
        });
      } else {
        const base = dst.slice(1, -1);
        const head = base.slice(0, -4);
        const last = Number.parseInt(base.slice(-4), 16);
        for (let c = lo; c <= hi; c++)
          map.set(c, hexToString(head + (last + c - lo).toString(16).padStart(4, '0')));
      }
    }
  }
  return { bytes, map };
}

function decodeString(token: string, cmap: CMap | undefined): string {
  let bytes: number[];
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/\s+/g, '');
    bytes = [];
    for (let i = 0; i < hex.length; i += 2)
      bytes.push(Number.parseInt(hex.slice(i, i + 2).padEnd(2, '0'), 16));
  } else {
    // A literal string: (…) with backslash escapes.
    bytes = [];
    const body = token.slice(1, -1);
    for (let i = 0; i < body.length; i++) {
      const c = body[i] as string;
      if (c !== '\\') {
        bytes.push(c.charCodeAt(0));
        continue;
      }
      const n = body[++i] ?? '';
      const oct = /^[0-7]{1,3}/.exec(body.slice(i));
      if (oct) {
        bytes.push(Number.parseInt(oct[0], 8));
        i += oct[0].length - 1;
      } else
        bytes.push(({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[n] ?? n.charCodeAt(0));
    }
  }
  if (!cmap) return String.fromCharCode(...bytes);
  let out = '';
  for (let i = 0; i + cmap.bytes <= bytes.length; i += cmap.bytes) {
    let code = 0;
    for (let k = 0; k < cmap.bytes; k++) code = code * 256 + (bytes[i + k] ?? 0);
    out += cmap.map.get(code) ?? '';
  }
  return out;
}

/** The text of every page, in content-stream order (one line per text object). */
export function extractPdfText(pdf: Buffer): string {
  const objects = readObjects(pdf);
  const cmapOfFont = new Map<number, CMap>();
  for (const o of objects.values()) {
    const ref = /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(o.dict);
    const stream = ref ? objects.get(Number(ref[1]))?.stream : null;
    if (stream) cmapOfFont.set(o.num, parseCMap(stream.toString('latin1')));
  }
  // Font resource names (/F3 …) → the font object; Skia gives each font one name per document.
  const fontByName = new Map<string, number>();
  for (const o of objects.values()) {
    for (const block of o.dict.matchAll(/\/Font\s*<<([\s\S]*?)>>/g)) {
      for (const m of (block[1] ?? '').matchAll(/\/([^\s/<>[\]()]+)\s+(\d+)\s+0\s+R/g)) {
        fontByName.set(m[1] ?? '', Number(m[2]));
      }
    }
  }
  const lines: string[] = [];
  for (const o of objects.values()) {
    if (!o.stream || /\/(Length1|Subtype\s*\/(Image|Type1C|CIDFontType0C|OpenType))/.test(o.dict)) continue;
    const content = o.stream.toString('latin1');
    if (!/\b(Tj|TJ)\b/.test(content) || content.includes('begincmap')) continue;
    let cmap: CMap | undefined;
    let line = '';
    const token = /\/([^\s/<>[\]()]+)\s+[\d.]+\s+Tf|(<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\))|(\bT\*|\bET\b)/g;
    for (let m = token.exec(content); m !== null; m = token.exec(content)) {
      if (m[1] !== undefined) {
        const font = fontByName.get(m[1]);
        cmap = font === undefined ? undefined : cmapOfFont.get(font);
      } else if (m[2] !== undefined) line += decodeString(m[2], cmap);
      else if (line !== '') {
        lines.push(line);
        line = '';
      }
    }
    if (line !== '') lines.push(line);
  }
  return lines.join('\n');
}

/** Text with all whitespace removed, to compare words that the PDF places by position, not by spaces. */
export function squashSpace(text: string): string {
  return text.replace(/\s+/g, '');
}
