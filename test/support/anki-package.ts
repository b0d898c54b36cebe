/**
 * Builds Anki packages in tests: a collection written with sql.js (schema 11 with JSON note types, or
 * schema 18 with `notetypes`/`fields`/`templates`/`decks` tables and protobuf configs), zipped with
 * fflate. The latest format's zstd frames are written with raw (stored) blocks — a valid zstd frame
 * every decoder reads — since no kept zstd encoder runs in Node 20.
 */
import { zipSync } from 'fflate';
import initSqlJs, { type SqlJsStatic } from 'sql.js';

let sqlPromise: Promise<SqlJsStatic> | undefined;
/** sql.js, loaded once per test file. */
export function loadSql(): Promise<SqlJsStatic> {
  sqlPromise ??= initSqlJs();
  return sqlPromise;
}

/** A zstd frame holding `data` in raw blocks (no compression). */
export function zstdStored(data: Uint8Array): Uint8Array {
  const BLOCK = 128 * 1024;
  const parts: number[] = [0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38];
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < data.length || (at === 0 && chunks.length === 0); at += BLOCK) {
    chunks.push(data.subarray(at, at + BLOCK));
    if (data.length === 0) break;
  }
  const out: number[] = [...parts];
  chunks.forEach((chunk, i) => {
    const header = (chunk.length << 3) | (i === chunks.length - 1 ? 1 : 0);
    out.push(header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff);
    for (const b of chunk) out.push(b);
  });
  return new Uint8Array(out);
}

/** Protobuf writing for the few messages the tests need. */
function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v % 128) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}
export function pbVarint(field: number, value: number): number[] {
  return [...varint(field * 8), ...varint(value)];
}
export function pbBytes(field: number, value: Uint8Array | string | number[]): number[] {
  const bytes = typeof value === 'string' ? [...new TextEncoder().encode(value)] : [...value];
  return [...varint(field * 8 + 2), ...varint(bytes.length), ...bytes];
}

export interface TestNotetype {
  id: number;
  name: string;
  cloze?: boolean;
  fields: string[];
  templates: { name: string; qfmt: string; afmt: string }[];
}
export interface TestNote {
  id: number;
  guid: string;
  mid: number;
  fields: string[];
  tags?: string[];
  /** One card per entry: template ord, deck id and optional scheduling. */
  cards: {
    id: number;
    ord: number;
    did: number;
    type?: number;
    queue?: number;
    due?: number;
    ivl?: number;
    data?: string;
  }[];
}
export interface TestReview {
  id: number;
  cid: number;
  ease: number;
  type?: number;
  time?: number;
}
export interface TestCollection {
  notetypes: TestNotetype[];
  decks: { id: number; name: string }[];
  notes: TestNote[];
  reviews?: TestReview[];
  crt?: number;
}

export const BASIC: TestNotetype = {
  id: 1001,
  name: 'Basic (and reversed card)',
  fields: ['Front', 'Back'],
  templates: [
    { name: 'Card 1', qfmt: '{{Front}}', afmt: '{{FrontSide}}<hr id=answer>{{Back}}' },
    { name: 'Card 2', qfmt: '{{Back}}', afmt: '{{FrontSide}}<hr id=answer>{{Front}}' },
  ],
};
export const CLOZE: TestNotetype = {
  id: 1002,
  name: 'Cloze',
  cloze: true,
  fields: ['Text', 'Back Extra'],
  templates: [{ name: 'Cloze', qfmt: '{{cloze:Text}}', afmt: '{{cloze:Text}}<br>{{Back Extra}}' }],
};
export const TYPING: TestNotetype = {
  id: 1003,
  name: 'Basic (type in the answer)',
  fields: ['Front', 'Back'],
  templates: [
    { name: 'Card 1', qfmt: '{{Front}}\n\n{{type:Back}}', afmt: '{{Front}}<hr id=answer>{{type:Back}}' },
  ],
};

const SCHEMA_COMMON = `
CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL);
CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL, ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL);
CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL, ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL, models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL);
`;

/** Writes `c` as an SQLite collection: schema 11 (`legacy`) or 18 (`modern`, with unicase names as Anki declares them). */
export async function buildCollection(c: TestCollection, layout: 'legacy' | 'modern'): Promise<Uint8Array> {
  const SQL = await loadSql();
  const db = new SQL.Database();
  db.exec(SCHEMA_COMMON);
  const crt = c.crt ?? 1_700_000_000;
  if (layout === 'legacy') {
    const models: Record<string, unknown> = {};
    for (const nt of c.notetypes)
      models[nt.id] = {
        id: nt.id,
        name: nt.name,
        type: nt.cloze ? 1 : 0,
        flds: nt.fields.map((name, ord) => ({ name, ord })),
        tmpls: nt.templates.map((t, ord) => ({ ...t, ord })),
      };
    const decks: Record<string, unknown> = {};
    for (const d of c.decks) decks[d.id] = { id: d.id, name: d.name, dyn: 0 };
    db.run('INSERT INTO col VALUES (1, ?, 0, 0, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
      crt,
      '{}',
      JSON.stringify(models),
      JSON.stringify(decks),
      '{}',
      '{}',
    ]);
  } else {
    // Declared NOCASE here, then renamed to Anki's own `unicase` (which SQLite outside Anki lacks).
    db.exec(`
CREATE TABLE notetypes (id integer NOT NULL PRIMARY KEY, name text NOT NULL COLLATE nocase, mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL);
CREATE UNIQUE INDEX idx_notetypes_name ON notetypes (name);
CREATE TABLE fields (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE nocase, config blob NOT NULL, PRIMARY KEY (ntid, ord)) without rowid;
CREATE UNIQUE INDEX idx_fields_name_ntid ON fields (name, ntid);
CREATE TABLE templates (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL COLLATE nocase, mtime_secs integer NOT NULL, usn integer NOT NULL, config blob NOT NULL, PRIMARY KEY (ntid, ord)) without rowid;
CREATE UNIQUE INDEX idx_templates_name_ntid ON templates (name, ntid);
CREATE TABLE decks (id integer PRIMARY KEY NOT NULL, name text NOT NULL COLLATE nocase, mtime_secs integer NOT NULL, usn integer NOT NULL, common blob NOT NULL, kind blob NOT NULL);
CREATE UNIQUE INDEX idx_decks_name ON decks (name);`);
    db.run("INSERT INTO col VALUES (1, ?, 0, 0, 18, 0, 0, 0, '', '', '', '', '')", [crt]);
    for (const nt of c.notetypes) {
      db.run('INSERT INTO notetypes VALUES (?, ?, 0, 0, ?)', [
        nt.id,
        nt.name,
        new Uint8Array(pbVarint(1, nt.cloze ? 1 : 0)),
      ]);
      nt.fields.forEach((name, ord) => {
        db.run('INSERT INTO fields VALUES (?, ?, ?, ?)', [nt.id, ord, name, new Uint8Array()]);
      });
      nt.templates.forEach((t, ord) => {
        const config = new Uint8Array([...pbBytes(1, t.qfmt), ...pbBytes(2, t.afmt)]);
        db.run('INSERT INTO templates VALUES (?, ?, ?, 0, 0, ?)', [nt.id, ord, t.name, config]);
      });
    }
    for (const d of c.decks)
      db.run('INSERT INTO decks VALUES (?, ?, 0, 0, ?, ?)', [
        d.id,
        d.name.split('::').join('\x1f'),
        new Uint8Array(),
        new Uint8Array(pbBytes(1, [])),
      ]);
  }
  for (const n of c.notes) {
    db.run('INSERT INTO notes VALUES (?, ?, ?, 0, 0, ?, ?, 0, 0, 0, ?)', [
      n.id,
      n.guid,
      n.mid,
      n.tags?.length ? ` ${n.tags.join(' ')} ` : '',
      n.fields.join('\x1f'),
      '',
    ]);
    for (const card of n.cards)
      db.run('INSERT INTO cards VALUES (?, ?, ?, ?, 0, 0, ?, ?, ?, ?, 2500, 0, 0, 0, 0, 0, 0, ?)', [
        card.id,
        n.id,
        card.did,
        card.ord,
        card.type ?? 0,
        card.queue ?? 0,
        card.due ?? 0,
        card.ivl ?? 0,
        card.data ?? '',
      ]);
  }
  for (const r of c.reviews ?? [])
    db.run('INSERT INTO revlog VALUES (?, ?, 0, ?, 1, 0, 2500, ?, ?)', [
      r.id,
      r.cid,
      r.ease,
      r.time ?? 5000,
      r.type ?? 1,
    ]);
  if (layout === 'modern')
    db.exec(
      "PRAGMA writable_schema=ON; UPDATE sqlite_master SET sql = replace(sql, 'COLLATE nocase', 'COLLATE unicase'); PRAGMA writable_schema=OFF;",
    );
  const bytes = db.export();
  db.close();
  return bytes;
}

/** A whole package of the given generation, with media files by name. */
export async function buildPackage(
  c: TestCollection,
  version: 'legacy1' | 'legacy2' | 'latest',
  media: Record<string, Uint8Array> = {},
): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const names = Object.keys(media);
  names.forEach((name, i) => {
    files[String(i)] =
      version === 'latest' ? zstdStored(media[name] as Uint8Array) : (media[name] as Uint8Array);
  });
  const stub: TestCollection = {
    notetypes: [BASIC],
    decks: [{ id: 1, name: 'Default' }],
    notes: [
      {
        id: 1,
        guid: 'stub',
        mid: BASIC.id,
        fields: ['Please update to the latest Anki version, then import the .colpkg/.apkg file again.', ''],
        cards: [{ id: 1, ord: 0, did: 1 }],
      },
    ],
  };
  if (version === 'legacy1') {
    files['collection.anki2'] = await buildCollection(c, 'legacy');
    files.media = new TextEncoder().encode(
      JSON.stringify(Object.fromEntries(names.map((n, i) => [String(i), n]))),
    );
  } else if (version === 'legacy2') {
    files['collection.anki2'] = await buildCollection(stub, 'legacy');
    files['collection.anki21'] = await buildCollection(c, 'legacy');
    files.media = new TextEncoder().encode(
      JSON.stringify(Object.fromEntries(names.map((n, i) => [String(i), n]))),
    );
  } else {
    files.meta = new Uint8Array(pbVarint(1, 3));
    files['collection.anki2'] = await buildCollection(stub, 'legacy');
    files['collection.anki21b'] = zstdStored(await buildCollection(c, 'modern'));
    const entries = names.map((n) =>
      pbBytes(1, [...pbBytes(1, n), ...pbVarint(2, (media[n] as Uint8Array).length)]),
    );
    files.media = zstdStored(new Uint8Array(entries.flat()));
  }
  return zipSync(files);
}

/** The smallest valid PNG (1×1). */
export const TINY_PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
  0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00,
  0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d,
  0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
]);
