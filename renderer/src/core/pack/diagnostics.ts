/** One problem found in untrusted input, placed as exactly as the format allows. */
export interface Diagnostic {
  message: string;
  /** JSON path of the offending value, e.g. `["questions", 3, "choices"]`. */
  path?: (string | number)[];
  /** 1-based line and column in the source text, where known. */
  line?: number;
  column?: number;
  /** Warnings are shown but do not block an import. */
  severity?: 'error' | 'warning';
  /** The source line around the place, for a caret excerpt (see {@link excerptLines}). */
  excerpt?: SourceExcerpt;
  /** The Anki note id the problem is in (packages have no lines: a note is their place). */
  note?: string;
}

/** A source line, cut to at most {@link EXCERPT_WIDTH} characters around the column. */
export interface SourceExcerpt {
  text: string;
  /** 1-based column of the place within `text`. */
  column: number;
}

/** The widest excerpt shown; longer lines are cut around the column, the cuts marked with `…`. */
export const EXCERPT_WIDTH = 80;

/**
 * Cuts `line` around 1-based `column` to at most `width` characters (tabs shown as one space, so the
 * caret lines up).
 */
export function excerptOf(line: string, column: number, width = EXCERPT_WIDTH): SourceExcerpt {
  const flat = line.replace(/[\t\r]/g, ' ');
  const col = Math.max(1, Math.min(column, flat.length + 1));
  if (flat.length <= width) return { text: flat, column: col };
  const half = Math.floor(width / 2);
  const start = Math.max(0, Math.min(col - 1 - half, flat.length - width));
  const end = start + width;
  const head = start > 0 ? '…' : '';
  const tail = end < flat.length ? '…' : '';
  const body = flat.slice(start + (head ? 1 : 0), end - (tail ? 1 : 0));
  return { text: `${head}${body}${tail}`, column: col - start };
}

/** The caret under an excerpt: `^` at the column, `~` under the rest of the word there. */
export function caretLine(excerpt: SourceExcerpt): string {
  const rest = excerpt.text.slice(excerpt.column - 1);
  const word = /^\S*/.exec(rest)?.[0].length ?? 0;
  return `${' '.repeat(excerpt.column - 1)}^${'~'.repeat(Math.max(0, Math.min(word, 24) - 1))}`;
}

/** The excerpt and caret lines of a diagnostic (cut to `width`), or none when it has no excerpt. */
export function excerptLines(d: Diagnostic, width = EXCERPT_WIDTH): [string, string] | [] {
  if (!d.excerpt) return [];
  const e = width < d.excerpt.text.length ? excerptOf(d.excerpt.text, d.excerpt.column, width) : d.excerpt;
  return [e.text, caretLine(e)];
}

/** Adds the source excerpt to every diagnostic placed on a line of `text`. */
export function withExcerpts(text: string, diagnostics: Diagnostic[]): Diagnostic[] {
  if (!diagnostics.some((d) => d.line !== undefined)) return diagnostics;
  const starts: number[] = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return diagnostics.map((d) => {
    if (d.line === undefined || d.excerpt) return d;
    const from = starts[d.line - 1];
    if (from === undefined) return d;
    const next = starts[d.line];
    const line = text.slice(from, next === undefined ? text.length : next - 1);
    return { ...d, excerpt: excerptOf(line, d.column ?? 1) };
  });
}

/** The outcome of reading a pack from any source format. */
export type PackResult<T> =
  | { ok: true; pack: T; warnings: Diagnostic[] }
  | { ok: false; issues: Diagnostic[] };

/** Renders a JSON path as `$.questions[3].choices`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '$';
  for (const part of path) {
    out +=
      typeof part === 'number'
        ? `[${part}]`
        : /^[A-Za-z_$][\w$]*$/.test(part)
          ? `.${part}`
          : `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** Formats a diagnostic the way compilers do: `FILE:LINE:COL: message` (or `FILE: $.path: message`). */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  const where =
    d.line !== undefined
      ? `${file}:${d.line}:${d.column ?? 1}`
      : d.note !== undefined
        ? `${file}: note ${d.note}`
        : file;
  const path = d.path && d.path.length > 0 ? ` ${formatPath(d.path)}:` : '';
  const level = d.severity === 'warning' ? ' warning:' : '';
  return `${where}:${level}${path} ${d.message}`;
}

/**
 * A diagnostic as compilers print it: the `FILE:LINE:COL: message` line, then (when known) the source
 * line and a caret under the column, each indented by four spaces.
 */
export function formatDiagnosticWithSource(file: string, d: Diagnostic): string {
  return [formatDiagnostic(file, d), ...excerptLines(d).map((l) => `    ${l}`)].join('\n');
}

/** 1-based line and column of a character offset in `text`. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
