/**
 * A segment: one file of one device's journal, written once (temp file + rename) and never rewritten,
 * so a file-sync engine never sees two writers of a file. Text: a header line, then one event per
 * line.
 *
 * ```
 * {"format":"lectern-sync","version":1,"device":"k3j9…","name":"Laptop","seq":12,"createdAt":…,"count":2,"checksum":"…"}
 * {"k":"review","id":"…",…}
 * {"k":"setting","id":"…",…}
 * ```
 *
 * The header gives the count and checksum of the lines after it, so a file still arriving (a
 * half-synced copy) is told apart from a damaged one: fewer lines than `count` is *incomplete* (read
 * again later), a wrong checksum or a bad event is *damaged*, anything that is not a Lectern segment
 * is *foreign*. None of them is ever half-applied.
 */
import { z } from 'zod';
import { checksumText } from '../backup/checksum';
import { deviceIdSchema, readReviewEvent, type SyncEvent, syncEventSchema } from './events';

export const SEGMENT_FORMAT = 'lectern-sync';
export const SEGMENT_VERSION = 1;
/** The folder inside the chosen sync folder that Lectern owns. */
export const SYNC_ROOT = 'lectern-sync';

export const segmentHeaderSchema = z.strictObject({
  format: z.literal(SEGMENT_FORMAT),
  version: z.literal(SEGMENT_VERSION),
  device: deviceIdSchema,
  /** The device's name as its student calls it ("Laptop"). */
  name: z.string().max(100),
  seq: z.number().int().min(0),
  createdAt: z.number().int().min(0),
  count: z.number().int().min(0),
  checksum: z.string().regex(/^[0-9a-f]{16}$/),
  /** A snapshot holds the device's whole journal up to and including segment `upTo`. */
  snapshotUpTo: z.number().int().min(0).optional(),
  /**
   * The highest segment of each other device its writer had read when it wrote this one: what lets
   * a device compact its journal once every known device has read it.
   */
  seen: z.record(deviceIdSchema, z.number().int().min(0)).optional(),
});
export type SegmentHeader = z.infer<typeof segmentHeaderSchema>;

/** A segment read whole, or why it was not. */
export type SegmentRead =
  | { ok: true; header: SegmentHeader; events: SyncEvent[] }
  | { ok: false; problem: 'incomplete' | 'damaged' | 'foreign'; message: string };

/** The text of a segment. */
export function encodeSegment(
  header: Omit<SegmentHeader, 'format' | 'version' | 'count' | 'checksum'>,
  events: readonly SyncEvent[],
): string {
  const body = events.map((e) => `${JSON.stringify(e)}\n`).join('');
  const full: SegmentHeader = {
    format: SEGMENT_FORMAT,
    version: SEGMENT_VERSION,
    ...header,
    count: events.length,
    checksum: checksumText(body),
  };
  return `${JSON.stringify(full)}\n${body}`;
}

/** Reads a segment's text; never throws. */
export function decodeSegment(text: string): SegmentRead {
  const firstEnd = text.indexOf('\n');
  const firstLine = firstEnd === -1 ? text : text.slice(0, firstEnd);
  let raw: unknown;
  try {
    raw = JSON.parse(firstLine);
  } catch {
    const marker = `{"format":"${SEGMENT_FORMAT}"`;
    if (firstEnd === -1 && (firstLine.startsWith(marker) || marker.startsWith(firstLine)))
      return {
        ok: false,
        problem: 'incomplete',
        message: 'the file ends inside its header: it is still arriving',
      };
    return {
      ok: false,
      problem: 'foreign',
      message: 'it is not a Lectern sync segment (its first line is not a header)',
    };
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== SEGMENT_FORMAT)
    return { ok: false, problem: 'foreign', message: 'it is not a Lectern sync segment' };
  const parsed = segmentHeaderSchema.safeParse(raw);
  if (!parsed.success) {
    const version = (raw as { version?: unknown }).version;
    if (typeof version === 'number' && version > SEGMENT_VERSION)
      return {
        ok: false,
        problem: 'foreign',
        message: `it was written by a newer Lectern (segment version ${version}): update this copy`,
      };
    return {
      ok: false,
      problem: 'damaged',
      message: `its header is not valid (${parsed.error.issues[0]?.message ?? 'unknown'})`,
    };
  }
  const header = parsed.data;
  const body = firstEnd === -1 ? '' : text.slice(firstEnd + 1);
  const lines = body === '' ? [] : body.split('\n');
  const complete = body === '' || body.endsWith('\n');
  if (complete) lines.pop();
  if (!complete || lines.length < header.count)
    return {
      ok: false,
      problem: 'incomplete',
      message: `it holds ${complete ? lines.length : Math.max(0, lines.length - 1)} of its ${header.count} events: it is still arriving`,
    };
  if (lines.length > header.count || checksumText(body) !== header.checksum)
    return { ok: false, problem: 'damaged', message: 'its events do not match the checksum in its header' };
  const events: SyncEvent[] = [];
  for (let i = 0; i < lines.length; i++) {
    let value: unknown;
    try {
      value = JSON.parse(lines[i] ?? '');
    } catch {
      return { ok: false, problem: 'damaged', message: `line ${i + 2} is not JSON` };
    }
    const review = readReviewEvent(value);
    if (review) {
      events.push(review);
      continue;
    }
    const e = syncEventSchema.safeParse(value);
    if (!e.success)
      return {
        ok: false,
        problem: 'damaged',
        message: `line ${i + 2}: ${e.error.issues[0]?.message ?? 'not an event'}`,
      };
    events.push(e.data);
  }
  return { ok: true, header, events };
}

/** The file name of a device's segment `seq`: `0000000012.jsonl`. */
export function segmentFileName(seq: number): string {
  return `${String(seq).padStart(10, '0')}.jsonl`;
}

/**
 * The segment number in a file name, accepting the copies sync engines make on a conflict
 * (`0000000012.sync-conflict-20261207-101010-ABCDEFG.jsonl`, `0000000012 (conflicted copy).jsonl`,
 * `0000000012 (1).jsonl`): they are read as extra segments. Null for anything else (temp files too).
 */
export function parseSegmentFileName(name: string): { seq: number; copy: boolean } | null {
  const m = /^(\d{10})(.*)\.jsonl$/.exec(name);
  if (!m?.[1]) return null;
  return { seq: Number(m[1]), copy: (m[2] ?? '') !== '' };
}
