/**
 * What one device tells the others through the sync folder: events that never change once written.
 * Reviews are a grow-only set keyed by their globally unique id (a review seen twice counts once);
 * everything else — a card's suspension or flag, a setting, reading progress, a pack's presence — is
 * a last-writer-wins register whose winner is the event with the highest stamp (time, then device,
 * then event id), so every device picks the same winner whatever order it reads them in.
 */
import { z } from 'zod';
import { isReviewId } from '../revlog/review-id';

/** A device's id: lower-case letters and digits, 8–32 of them (made once per profile). */
export const deviceIdSchema = z
  .string()
  .regex(/^[a-z0-9]{8,32}$/, 'must be 8–32 lower-case letters or digits');

/** A globally unique, time-ordered event id: `<ms time base36, 9 digits>-<device id>-<counter base36>`. */
export const eventIdSchema = z
  .string()
  .regex(/^[0-9a-z]{9}-[a-z0-9]{8,32}-[0-9a-z]{1,8}$/, 'is not an event id');

/**
 * A review's id: the review log's own (`core/revlog/review-id.ts`, new or upgraded form), so a review
 * has one id in every database and every folder; an event id is accepted too.
 */
export const reviewIdSchema = z
  .string()
  .refine((id) => isReviewId(id) || eventIdSchema.safeParse(id).success, 'is not a review id');

const ms = z.number().int().min(0);
const key = z.string().min(1).max(400);

/** One answer: the facts a replay needs (the card state after it is derived, never trusted). */
export const reviewEventSchema = z.strictObject({
  k: z.literal('review'),
  id: reviewIdSchema,
  at: ms,
  card: key,
  pack: key,
  chapter: z.string().max(400),
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  score: z.number().min(0).max(1),
  correct: z.union([z.literal(0), z.literal(1)]),
  ms: z.number().min(0),
  /**
   * The due the answer set on its device (the load balancer and easy days move a review's due
   * within the fuzz range, which a replay cannot repeat): a replay takes it for a review-state step
   * when it is a whole number of days after the answer, within the maximum interval.
   */
  due: ms.optional(),
});

/** A card suspended/unsuspended or flagged/unflagged. Register: `mark:<card>:<field>`. */
export const markEventSchema = z.strictObject({
  k: z.literal('mark'),
  id: eventIdSchema,
  at: ms,
  card: key,
  pack: key,
  chapter: z.string().max(400),
  field: z.enum(['suspended', 'flagged']),
  value: z.union([z.literal(0), z.literal(1)]),
});

/** A setting changed (any JSON value). Register: `setting:<key>`. */
export const settingEventSchema = z.strictObject({
  k: z.literal('setting'),
  id: eventIdSchema,
  at: ms,
  key,
  value: z.json(),
});

/** A chapter opened (and where the student was). Register: `reading:<key>`; the first opening is the least `first`. */
export const readingEventSchema = z.strictObject({
  k: z.literal('reading'),
  id: eventIdSchema,
  at: ms,
  key,
  pack: key,
  chapter: z.string().max(400),
  first: ms,
  section: z.string().max(400).optional(),
});

/** A pack installed, updated (the file is in the folder's `packs/` by its content hash) or removed. Register: `pack:<id>`. */
export const packEventSchema = z.strictObject({
  k: z.literal('pack'),
  id: eventIdSchema,
  at: ms,
  pack: key,
  action: z.enum(['put', 'remove']),
  hash: z
    .string()
    .regex(/^[0-9a-f]{16,64}$/)
    .optional(),
  name: z.string().max(300).optional(),
});

/**
 * An answer taken back (undo) after it was sent: every device drops the review and replays its
 * card. Register: `retract:<review id>` (a review once retracted stays retracted, whoever sends it
 * again).
 */
export const retractEventSchema = z.strictObject({
  k: z.literal('retract'),
  id: eventIdSchema,
  at: ms,
  review: reviewIdSchema,
  card: key,
});

export const syncEventSchema = z.discriminatedUnion('k', [
  reviewEventSchema,
  markEventSchema,
  settingEventSchema,
  readingEventSchema,
  packEventSchema,
  retractEventSchema,
]);

export type ReviewEvent = z.infer<typeof reviewEventSchema>;
export type MarkEvent = z.infer<typeof markEventSchema>;
export type SettingEvent = z.infer<typeof settingEventSchema>;
export type ReadingEvent = z.infer<typeof readingEventSchema>;
export type PackEvent = z.infer<typeof packEventSchema>;
export type RetractEvent = z.infer<typeof retractEventSchema>;
export type SyncEvent = z.infer<typeof syncEventSchema>;
/** Every event that is a last-writer-wins register (all but reviews). */
export type RegisterEvent = Exclude<SyncEvent, ReviewEvent>;

/** The register an event writes. */
export function registerOf(e: RegisterEvent): string {
  switch (e.k) {
    case 'mark':
      return `mark:${e.card}:${e.field}`;
    case 'setting':
      return `setting:${e.key}`;
    case 'reading':
      return `reading:${e.key}`;
    case 'pack':
      return `pack:${e.pack}`;
    case 'retract':
      return `retract:${e.review}`;
  }
}

/** The device part of an event id. */
export function deviceOfEventId(id: string): string {
  return id.split('-')[1] ?? '';
}

/**
 * Orders two register events: later time wins; at the same time the greater device id, then the
 * greater event id (ids are unique, so this is a total order and every device picks the same winner).
 */
export function compareStamps(a: RegisterEvent, b: RegisterEvent): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  const da = deviceOfEventId(a.id);
  const db = deviceOfEventId(b.id);
  if (da !== db) return da < db ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Makes event ids for one device: time-ordered, unique even within one millisecond. */
export function eventIdMaker(device: string): (now: number) => string {
  deviceIdSchema.parse(device);
  let last = -1;
  let counter = 0;
  return (now: number) => {
    const t = Math.max(0, Math.floor(now));
    counter = t === last ? counter + 1 : 0;
    last = t;
    return `${t.toString(36).padStart(9, '0')}-${device}-${counter.toString(36)}`;
  };
}

const REVIEW_KEYS = new Set([
  'k',
  'id',
  'at',
  'card',
  'pack',
  'chapter',
  'rating',
  'score',
  'correct',
  'ms',
  'due',
]);
const EVENT_ID = /^[0-9a-z]{9}-[a-z0-9]{8,32}-[0-9a-z]{1,8}$/;
const isKey = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= 400;
const isMs = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/**
 * A review event checked by hand: the same rules as {@link reviewEventSchema}, at a fraction of its
 * cost (a merge reads 100k of them). Null for anything it does not accept: the schema then decides,
 * and says why.
 */
export function readReviewEvent(value: unknown): ReviewEvent | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const o = value as Record<string, unknown>;
  if (o.k !== 'review') return null;
  let fields = 0;
  for (const name in o) {
    if (!Object.hasOwn(o, name) || !REVIEW_KEYS.has(name)) return null;
    fields++;
  }
  const { id, at, card, pack, chapter, rating, score, correct, ms: took, due } = o;
  if (fields !== REVIEW_KEYS.size - (due === undefined ? 1 : 0)) return null;
  if (due !== undefined && !isMs(due)) return null;
  if (typeof id !== 'string' || !(isReviewId(id) || EVENT_ID.test(id))) return null;
  if (!isMs(at) || !isKey(card) || !isKey(pack)) return null;
  if (typeof chapter !== 'string' || chapter.length > 400) return null;
  if (rating !== 1 && rating !== 2 && rating !== 3 && rating !== 4) return null;
  if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 1) return null;
  if (correct !== 0 && correct !== 1) return null;
  if (typeof took !== 'number' || !Number.isFinite(took) || took < 0) return null;
  return o as ReviewEvent;
}
