/**
 * Rows as arrays (backup format 3): a table whose row schema is a plain object writes each row as
 * the array of its values in a fixed column order, named once in the file's header. The field names
 * are then not repeated a million times: the text is about half as long, and what is left compresses
 * better (numbers, not the same names between them). A field a row leaves out is written `null`,
 * which is unambiguous because only fields whose schema refuses `null` may be left out that way; a
 * row that does not fit its columns exactly (a field they do not name, a `null` where none is
 * allowed, a missing field that accepts `null`) is written as an object, as in format 2, so the
 * reader sees and judges exactly the row that was stored.
 */
import { z } from 'zod';

/** The columns of one table and, for each, whether `null` in it means "field left out". */
export interface TableColumns {
  names: readonly string[];
  /** `nullMeansAbsent[i]`: the schema of column i refuses null, so null stands for a missing field. */
  nullMeansAbsent: readonly boolean[];
}

/**
 * The columns of a table with row schema `schema`, or null when its rows stay objects: the schema is
 * not a plain object, or one of its fields accepts both a missing value and null (they could not be
 * told apart in an array).
 */
export function columnsOf(schema: z.ZodType): TableColumns | null {
  if (!(schema instanceof z.ZodObject)) return null;
  const shape = schema.shape as Record<string, z.ZodType>;
  const names = Object.keys(shape);
  const nullMeansAbsent: boolean[] = [];
  for (const name of names) {
    const field = shape[name] as z.ZodType;
    const acceptsNull = field.safeParse(null).success;
    if (acceptsNull && field.safeParse(undefined).success) return null;
    nullMeansAbsent.push(!acceptsNull);
  }
  return { names, nullMeansAbsent };
}

/** Columns named in a file: which of them mean "absent" by null follows this build's row schema. */
export function columnsFromNames(names: readonly string[], schema: z.ZodType): TableColumns {
  const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {};
  return {
    names,
    nullMeansAbsent: names.map((n) => {
      const field = shape[n];
      return field ? !field.safeParse(null).success : true;
    }),
  };
}

/** The row as an array in column order, or the row itself when it does not fit the columns exactly. */
export function encodeRow(columns: TableColumns, row: unknown): unknown {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return row;
  const r = row as Record<string, unknown>;
  const { names, nullMeansAbsent } = columns;
  const out = new Array<unknown>(names.length);
  let present = 0;
  for (let i = 0; i < names.length; i++) {
    const v = r[names[i] as string];
    if (v === undefined) {
      if (!nullMeansAbsent[i]) return row;
      out[i] = null;
    } else {
      if (v === null && nullMeansAbsent[i]) return row;
      out[i] = v;
      present++;
    }
  }
  // Every defined field must be one of the columns (JSON drops undefined ones anyway).
  let defined = 0;
  for (const k in r) if (r[k] !== undefined) defined++;
  return defined === present ? out : row;
}

/** The object a row array stands for; anything else (an object row, a wrong length) is returned as is. */
export function decodeRow(columns: TableColumns, value: unknown): unknown {
  if (!Array.isArray(value) || value.length !== columns.names.length) return value;
  const out: Record<string, unknown> = {};
  const { names, nullMeansAbsent } = columns;
  for (let i = 0; i < names.length; i++) {
    const v = value[i];
    if (v === null && nullMeansAbsent[i]) continue;
    out[names[i] as string] = v;
  }
  return out;
}
