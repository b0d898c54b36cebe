/**
 * Reads what Lectern needs from an Anki collection database — note types, decks, notes, cards and the
 * review log — for both layouts: schema 11 (note types and decks as JSON in `col`) and schema 15+
 * (`notetypes`, `fields`, `templates`, `decks` tables with protobuf configs, deck names joined by 0x1f).
 */
import type { Database, SqlValue } from 'sql.js';
import { protoHas, protoNumber, protoString, readProtoFields } from './protobuf';

/** A card template: its name and the front (`qfmt`) and back (`afmt`) formats. */
export interface AnkiTemplate {
  ord: number;
  name: string;
  qfmt: string;
  afmt: string;
}

/** A note type. */
export interface AnkiNotetype {
  id: number;
  name: string;
  cloze: boolean;
  fields: string[];
  templates: AnkiTemplate[];
}

/** A deck; `filtered` decks hold cards borrowed from their home deck (`odid`). */
export interface AnkiDeck {
  id: number;
  name: string;
  filtered: boolean;
}

/** A note: its fields split on 0x1f, tags split on spaces. */
export interface AnkiNote {
  id: number;
  guid: string;
  notetypeId: number;
  tags: string[];
  fields: string[];
}

/** A card as stored (see Anki's `cards` table). */
export interface AnkiCard {
  id: number;
  noteId: number;
  deckId: number;
  /** The home deck when the card sits in a filtered deck, else 0. */
  originalDeckId: number;
  ord: number;
  type: number;
  queue: number;
  due: number;
  originalDue: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
  /** FSRS memory state kept by Anki (2.1.55+ with FSRS on), when present. */
  memory?: { stability: number; difficulty: number };
}

/** A review log row: `id` is its time in epoch ms; `ease` 1–4 (0 = manual reschedule). */
export interface AnkiReview {
  id: number;
  cardId: number;
  ease: number;
  ivl: number;
  time: number;
  type: number;
}

/** A collection's contents. */
export interface AnkiCollection {
  schema: number;
  /** Collection creation time, epoch seconds (review due days count from it). */
  crt: number;
  notetypes: Map<number, AnkiNotetype>;
  decks: Map<number, AnkiDeck>;
  notes: AnkiNote[];
  cards: AnkiCard[];
  reviews: AnkiReview[];
}

function rows(db: Database, sql: string, each: (row: SqlValue[]) => void): void {
  const stmt = db.prepare(sql);
  try {
    while (stmt.step()) each(stmt.get());
  } finally {
    stmt.free();
  }
}

function hasTable(db: Database, name: string): boolean {
  let found = false;
  rows(db, `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '${name}'`, () => {
    found = true;
  });
  return found;
}

const num = (v: SqlValue | undefined): number => (typeof v === 'number' ? v : Number(v ?? 0) || 0);
const str = (v: SqlValue | undefined): string =>
  typeof v === 'string'
    ? v
    : v instanceof Uint8Array
      ? new TextDecoder().decode(v)
      : v == null
        ? ''
        : String(v);
const bytes = (v: SqlValue | undefined): Uint8Array => (v instanceof Uint8Array ? v : new Uint8Array());

function parseJsonObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function legacyNotetypes(models: string): Map<number, AnkiNotetype> {
  const out = new Map<number, AnkiNotetype>();
  for (const value of Object.values(parseJsonObject(models))) {
    const m = value as Record<string, unknown>;
    const id = num(m.id as number);
    const fields = (Array.isArray(m.flds) ? m.flds : [])
      .map((f: Record<string, unknown>) => ({ ord: num(f.ord as number), name: str(f.name as string) }))
      .sort((a, b) => a.ord - b.ord)
      .map((f) => f.name);
    const templates = (Array.isArray(m.tmpls) ? m.tmpls : []).map((t: Record<string, unknown>) => ({
      ord: num(t.ord as number),
      name: str(t.name as string),
      qfmt: str(t.qfmt as string),
      afmt: str(t.afmt as string),
    }));
    out.set(id, { id, name: str(m.name as string), cloze: num(m.type as number) === 1, fields, templates });
  }
  return out;
}

function legacyDecks(decks: string): Map<number, AnkiDeck> {
  const out = new Map<number, AnkiDeck>();
  for (const value of Object.values(parseJsonObject(decks))) {
    const d = value as Record<string, unknown>;
    const id = num(d.id as number);
    out.set(id, { id, name: str(d.name as string), filtered: num(d.dyn as number) === 1 });
  }
  return out;
}

function tableNotetypes(db: Database): Map<number, AnkiNotetype> {
  const out = new Map<number, AnkiNotetype>();
  rows(db, 'SELECT id, name, config FROM notetypes', ([id, name, config]) => {
    const kind = protoNumber(readProtoFields(bytes(config)), 1);
    out.set(num(id), { id: num(id), name: str(name), cloze: kind === 1, fields: [], templates: [] });
  });
  const fields: { ntid: number; ord: number; name: string }[] = [];
  rows(db, 'SELECT ntid, ord, name FROM fields', ([ntid, ord, name]) => {
    fields.push({ ntid: num(ntid), ord: num(ord), name: str(name) });
  });
  fields.sort((a, b) => a.ntid - b.ntid || a.ord - b.ord);
  for (const f of fields) out.get(f.ntid)?.fields.push(f.name);
  rows(db, 'SELECT ntid, ord, name, config FROM templates', ([ntid, ord, name, config]) => {
    const fields = readProtoFields(bytes(config));
    out.get(num(ntid))?.templates.push({
      ord: num(ord),
      name: str(name),
      qfmt: protoString(fields, 1),
      afmt: protoString(fields, 2),
    });
  });
  for (const nt of out.values()) nt.templates.sort((a, b) => a.ord - b.ord);
  return out;
}

function tableDecks(db: Database): Map<number, AnkiDeck> {
  const out = new Map<number, AnkiDeck>();
  rows(db, 'SELECT id, name, kind FROM decks', ([id, name, kind]) => {
    const filtered = protoHas(readProtoFields(bytes(kind)), 2);
    out.set(num(id), { id: num(id), name: str(name).split('\x1f').join('::'), filtered });
  });
  return out;
}

function memoryOf(data: string): AnkiCard['memory'] {
  if (!data.startsWith('{')) return undefined;
  const d = parseJsonObject(data);
  const s = Number(d.s);
  const dd = Number(d.d);
  return Number.isFinite(s) && Number.isFinite(dd) && s > 0 ? { stability: s, difficulty: dd } : undefined;
}

/**
 * Schema 15+ declares names `COLLATE unicase`, a collation only Anki registers; SQLite refuses any
 * query that touches such a table without it. The copy in memory is only read, so the declarations
 * are dropped from its schema instead (the indexes on those names are then never used for lookups).
 */
function dropAnkiCollation(db: Database): void {
  let needed = false;
  rows(db, "SELECT 1 FROM sqlite_master WHERE sql LIKE '%COLLATE unicase%'", () => {
    needed = true;
  });
  if (!needed) return;
  db.exec(
    "PRAGMA writable_schema=ON; UPDATE sqlite_master SET sql = replace(sql, 'COLLATE unicase', '') WHERE sql LIKE '%COLLATE unicase%'; PRAGMA writable_schema=RESET;",
  );
}

/** Reads a collection opened with sql.js (the copy is changed: see dropAnkiCollation). Throws if the database lacks Anki's tables. */
export function readCollection(db: Database): AnkiCollection {
  dropAnkiCollation(db);
  let schema = 0;
  let crt = 0;
  let models = '';
  let decksJson = '';
  rows(db, 'SELECT ver, crt, models, decks FROM col', ([ver, c, m, d]) => {
    schema = num(ver);
    crt = num(c);
    models = str(m);
    decksJson = str(d);
  });
  const modern = hasTable(db, 'notetypes');
  const notetypes = modern ? tableNotetypes(db) : legacyNotetypes(models);
  const decks = modern && hasTable(db, 'decks') ? tableDecks(db) : legacyDecks(decksJson);
  const notes: AnkiNote[] = [];
  rows(db, 'SELECT id, guid, mid, tags, flds FROM notes ORDER BY id', ([id, guid, mid, tags, flds]) => {
    notes.push({
      id: num(id),
      guid: str(guid),
      notetypeId: num(mid),
      tags: str(tags).split(/\s+/).filter(Boolean),
      fields: str(flds).split('\x1f'),
    });
  });
  const cards: AnkiCard[] = [];
  rows(
    db,
    'SELECT id, nid, did, odid, ord, type, queue, due, odue, ivl, factor, reps, lapses, data FROM cards ORDER BY nid, ord',
    (r) => {
      const card: AnkiCard = {
        id: num(r[0]),
        noteId: num(r[1]),
        deckId: num(r[2]),
        originalDeckId: num(r[3]),
        ord: num(r[4]),
        type: num(r[5]),
        queue: num(r[6]),
        due: num(r[7]),
        originalDue: num(r[8]),
        ivl: num(r[9]),
        factor: num(r[10]),
        reps: num(r[11]),
        lapses: num(r[12]),
      };
      const memory = memoryOf(str(r[13]));
      if (memory) card.memory = memory;
      cards.push(card);
    },
  );
  const reviews: AnkiReview[] = [];
  if (hasTable(db, 'revlog'))
    rows(db, 'SELECT id, cid, ease, ivl, time, type FROM revlog ORDER BY id', (r) => {
      reviews.push({
        id: num(r[0]),
        cardId: num(r[1]),
        ease: num(r[2]),
        ivl: num(r[3]),
        time: num(r[4]),
        type: num(r[5]),
      });
    });
  return { schema, crt, notetypes, decks, notes, cards, reviews };
}
