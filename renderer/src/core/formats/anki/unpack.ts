/**
 * Opens an Anki package (`.apkg` deck export or `.colpkg` collection backup): a zip holding the
 * collection database, a media map and the media files. Three generations exist:
 * - legacy 1: `collection.anki2` (schema 11), a JSON media map `{"0": "name.jpg"}`;
 * - legacy 2: `collection.anki21` beside a one-note `collection.anki2` stub that says "please update";
 * - latest (Anki 2.1.50+): a protobuf `meta` naming the version, `collection.anki21b` (zstd-compressed
 *   SQLite), a zstd-compressed protobuf media map, and each media file zstd-compressed.
 * The newest database present is read, never the stub.
 */
import { unzipSync } from 'fflate';
import { decompress as zstdDecompress } from 'fzstd';
import { protoMessages, protoNumber, protoString, readProtoFields } from './protobuf';

/** Which storage generation a package is. */
export type AnkiPackageVersion = 'legacy1' | 'legacy2' | 'latest';

/** A package's parts: the collection database's bytes and its media files by their Anki name. */
export interface AnkiPackage {
  version: AnkiPackageVersion;
  /** The zip entry the collection was read from. */
  collectionEntry: string;
  /** SQLite bytes of the collection (decompressed). */
  collection: Uint8Array;
  /** Media by the name notes refer to. */
  media: Map<string, Uint8Array>;
  /** Media map entries whose file is missing from the zip or could not be read. */
  missingMedia: string[];
}

/** A problem that makes the whole file unreadable, in words for the student. */
export class AnkiPackageError extends Error {}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** True when the bytes start like a zip archive (every Anki package is one). */
export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, ZIP_EMPTY_MAGIC);
}

function unzstd(bytes: Uint8Array, what: string): Uint8Array {
  if (!startsWith(bytes, ZSTD_MAGIC)) return bytes;
  try {
    return zstdDecompress(bytes);
  } catch (err) {
    throw new AnkiPackageError(
      `${what} could not be decompressed (zstd: ${err instanceof Error ? err.message : String(err)})`,
    );
  }
}

/** The media map as zip entry name → media name. */
function readMediaMap(raw: Uint8Array | undefined, latest: boolean): Map<string, string> {
  const map = new Map<string, string>();
  if (!raw || raw.length === 0) return map;
  if (latest || startsWith(raw, ZSTD_MAGIC)) {
    const entries = protoMessages(readProtoFields(unzstd(raw, 'the media map')), 1);
    entries.forEach((entry, index) => {
      const fields = readProtoFields(entry);
      const name = protoString(fields, 1);
      const legacyIndex = protoNumber(fields, 255, -1);
      if (name) map.set(String(legacyIndex >= 0 ? legacyIndex : index), name);
    });
    return map;
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8').decode(raw));
  } catch {
    throw new AnkiPackageError('the media map ("media") is not valid JSON');
  }
  if (json && typeof json === 'object' && !Array.isArray(json))
    for (const [entry, name] of Object.entries(json)) if (typeof name === 'string') map.set(entry, name);
  return map;
}

/**
 * Unzips a package and picks its collection: `meta` says which generation it is; without it, the
 * newest of `collection.anki21b`, `collection.anki21`, `collection.anki2` present is read.
 * Throws {@link AnkiPackageError} with a readable message when the file is not a usable package.
 */
export function unpackAnki(bytes: Uint8Array): AnkiPackage {
  if (!isZip(bytes)) throw new AnkiPackageError('this is not an Anki package (not a zip archive)');
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (err) {
    throw new AnkiPackageError(
      `the package could not be unzipped (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  const meta = files.meta;
  const metaVersion = meta ? protoNumber(readProtoFields(meta), 1) : 0;
  if (metaVersion > 3)
    throw new AnkiPackageError(
      `this package was written by a newer Anki (package version ${metaVersion}); Lectern reads versions 1–3`,
    );
  const pick = (
    [
      ['collection.anki21b', 'latest'],
      ['collection.anki21', 'legacy2'],
      ['collection.anki2', 'legacy1'],
    ] as const
  ).find(([name]) => files[name] !== undefined);
  if (!pick)
    throw new AnkiPackageError(
      'this zip holds no Anki collection (collection.anki21b, collection.anki21 or collection.anki2)',
    );
  const [collectionEntry, found] = pick;
  const version: AnkiPackageVersion = metaVersion === 3 ? 'latest' : found;
  const collection = unzstd(files[collectionEntry] as Uint8Array, `the collection (${collectionEntry})`);
  const mediaMap = readMediaMap(files.media, version === 'latest');
  const media = new Map<string, Uint8Array>();
  const missingMedia: string[] = [];
  for (const [entry, name] of mediaMap) {
    const raw = files[entry];
    if (!raw) {
      missingMedia.push(name);
      continue;
    }
    try {
      media.set(name, version === 'latest' ? unzstd(raw, `media file ${name}`) : raw);
    } catch {
      missingMedia.push(name);
    }
  }
  return { version, collectionEntry, collection, media, missingMedia };
}
