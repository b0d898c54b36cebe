/**
 * RFC 4180 splitting of delimited text (CSV, TSV, any one-character separator): quoted fields may hold
 * the separator, doubled quotes and line breaks. Linear in the input: the next separator and the next
 * line break are each searched for once per position, never again from the start.
 */

/** One field with the offset of its first character (the opening quote when quoted). */
export interface DelimitedField {
  value: string;
  offset: number;
}

/** One record. Empty lines produce no record. */
export interface DelimitedRow {
  offset: number;
  fields: DelimitedField[];
  /** Set when splitting this row found a problem (already reported). */
  broken?: boolean;
}

/** A problem found while splitting, at a character offset. */
export interface SplitProblem {
  message: string;
  offset: number;
}

/**
 * Splits `text` from `from` into rows of fields separated by `sep` (one character), rows by `\n`. With
 * `comments`, a line that starts with `#` where a row would start is skipped (Anki's reader does so).
 */
export function splitDelimited(
  text: string,
  sep: string,
  from: number,
  onProblem: (p: SplitProblem) => void,
  onProgress?: (done: number) => void,
  maxRows = Number.POSITIVE_INFINITY,
  comments = false,
): DelimitedRow[] {
  const rows: DelimitedRow[] = [];
  const n = text.length;
  let nextSep = -2;
  let nextNl = -2;
  const findSep = (i: number) => {
    if (nextSep !== -1 && nextSep < i) nextSep = text.indexOf(sep, i);
    return nextSep === -1 ? n : nextSep;
  };
  const findNl = (i: number) => {
    if (nextNl !== -1 && nextNl < i) nextNl = text.indexOf('\n', i);
    return nextNl === -1 ? n : nextNl;
  };
  let i = from;
  let lastReport = from;
  while (i < n && rows.length < maxRows) {
    if (onProgress && i - lastReport > 1 << 20) {
      onProgress(i / n);
      lastReport = i;
    }
    if (text[i] === '\n') {
      i++;
      continue;
    }
    if (comments && text[i] === '#') {
      i = findNl(i) + 1;
      continue;
    }
    const row: DelimitedRow = { offset: i, fields: [] };
    for (;;) {
      const start = i;
      let value: string;
      if (text[i] === '"') {
        const parts: string[] = [];
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q === -1) {
            onProblem({ message: 'this quoted field is never closed with "', offset: start });
            row.broken = true;
            parts.push(text.slice(j));
            i = n;
            break;
          }
          parts.push(text.slice(j, q));
          if (text[q + 1] === '"') {
            parts.push('"');
            j = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        value = parts.join('');
        if (i < n && text[i] !== sep && text[i] !== '\n') {
          const end = Math.min(findSep(i), findNl(i));
          onProblem({
            message: 'text after the closing quote of a field: put the whole field in quotes',
            offset: i,
          });
          row.broken = true;
          value += text.slice(i, end);
          i = end;
        }
      } else {
        const end = Math.min(findSep(i), findNl(i));
        value = text.slice(i, end);
        i = end;
      }
      row.fields.push({ value, offset: start });
      if (i < n && text[i] === sep) {
        i++;
        if (i >= n || text[i] === '\n') row.fields.push({ value: '', offset: i });
        else continue;
      }
      i++;
      break;
    }
    rows.push(row);
  }
  return rows;
}
