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
  const where = d.line !== undefined ? `${file}:${d.line}:${d.column ?? 1}` : file;
  const path = d.path && d.path.length > 0 ? ` ${formatPath(d.path)}:` : '';
  const level = d.severity === 'warning' ? ' warning:' : '';
  return `${where}:${level}${path} ${d.message}`;
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
