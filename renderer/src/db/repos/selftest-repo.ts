/**
 * Self-tests in the `selftests` table: start, answer, pause/resume, finish, history per pack, and
 * sending missed questions to today's study queue. A self-test never touches cards or the review log
 * (unless its `countsForSchedule` switch is on, in which case the caller answers the cards through
 * the study repository as well); only `sendMissedToStudy` changes cards, and only their due time.
 * Questions are read from their chunks by pack and order (a test stores both for every question).
 */
import type { QuestionType } from '../../core/pack/schema';
import {
  answerQuestion,
  buildDiscussionSheet,
  type ChapterRef,
  createSelfTest,
  type DiscussionSheet,
  expireTest,
  finishTest,
  type Grade,
  isExpired,
  type PoolQuestion,
  parseSelfTestState,
  pauseTest,
  resumeTest,
  type SelfTestMode,
  type SelfTestMove,
  type SelfTestScore,
  type SelfTestState,
  scoreSelfTest,
  selectQuestions,
} from '../../core/selftest';
import type { LecternDb } from '../schema/database';
import type { CardKey, CardRow, EpochMs, PackRow, QuestionRow, SelfTestRow } from '../schema/rows';
import { type QuestionRef, readPackQuestions, readQuestionRange, readQuestions } from './question-chunks';

/** A stored test with its id. */
export interface StoredSelfTest {
  id: number;
  packIds: string[];
  state: SelfTestState;
}

/** What the student chose on the self-test screen. */
export interface StartSelfTestInput {
  /** Packs to draw from, in the order shown (the first files the test in its history). */
  packIds: string[];
  mode: SelfTestMode;
  /** 5–50 (clamped). */
  count: number;
  types?: QuestionType[];
  chapters?: ChapterRef[];
  /** Only flagged questions. */
  flaggedOnly?: boolean;
  order: 'weakest' | 'random';
  seed: string | number;
  /** ms; null/0/left out: no limit. */
  timeLimitMs?: number | null;
  countsForSchedule?: boolean;
  now: EpochMs;
}

/**
 * The questions a test may draw from, in course order (packs in the given order, questions by
 * `order`), removed questions left out, each with its card (null when it has no card row: new).
 * With `chapters`, only those chapters are read (their live orders are a contiguous range each), so
 * a test on one chapter of a 100k-question pack reads that chapter's chunks and started cards only.
 * With `flaggedOnly`, only the flagged cards' questions are read (a flagged question may be new: its
 * card is not started, so it is found among all the pack's cards).
 */
export async function buildSelfTestPool(
  db: LecternDb,
  packIds: readonly string[],
  chapters: readonly ChapterRef[] = [],
  flaggedOnly = false,
): Promise<PoolQuestion[]> {
  return db.transaction('r', [db.packs, db.questionChunks, db.cards], async () => {
    const pool: PoolQuestion[] = [];
    for (const packId of packIds) {
      const wanted = new Set(chapters.filter((c) => c.packId === packId).map((c) => c.chapterId));
      if (chapters.length > 0 && wanted.size === 0) continue;
      const pack = await db.packs.get(packId);
      const { questions, cards } = flaggedOnly
        ? await readFlagged(db, packId)
        : wanted.size > 0 && pack
          ? await readChapters(db, pack, wanted)
          : {
              questions: await readPackQuestions(db, packId),
              cards: await db.cards.where('packId').equals(packId).toArray(),
            };
      const cardOf = new Map(cards.map((c) => [c.key, c]));
      for (const q of questions) {
        if (q.removed !== 0) continue;
        if (wanted.size > 0 && !wanted.has(q.chapterId)) continue;
        const card = cardOf.get(q.key);
        if (flaggedOnly && card?.flagged !== 1) continue;
        pool.push({
          key: q.key,
          packId: q.packId,
          chapterId: q.chapterId,
          type: q.type,
          order: q.order,
          card: card ? { state: card.state, stability: card.stability, lastReview: card.lastReview } : null,
          flagged: card?.flagged === 1,
        });
      }
    }
    return pool;
  });
}

/** The flagged cards of a pack (new ones too: a flagged question may never have been studied) and their questions, in order. */
async function readFlagged(
  db: LecternDb,
  packId: string,
): Promise<{ questions: QuestionRow[]; cards: CardRow[] }> {
  const cards = (await db.cards.where('packId').equals(packId).toArray()).filter((c) => c.flagged === 1);
  const found = await readQuestions(
    db,
    cards.map((c) => ({ key: c.key, order: c.order })),
  );
  const questions = [...found.values()].sort((a, b) => a.order - b.order);
  return { questions, cards };
}

/**
 * The live questions of some chapters of a pack (each chapter's orders are a contiguous range: the
 * chapter counts added up in course order) and their started cards (a card that is not started is new,
 * and counts as never seen). Falls back to the whole pack when the counts do not add up.
 */
async function readChapters(
  db: LecternDb,
  pack: PackRow,
  wanted: ReadonlySet<string>,
): Promise<{ questions: QuestionRow[]; cards: CardRow[] }> {
  const ranges: [string, number, number][] = [];
  let start = 0;
  for (const c of pack.chapters) {
    const n = pack.chapterCounts[c.id] ?? 0;
    if (wanted.has(c.id) && n > 0) ranges.push([c.id, start, start + n - 1]);
    start += n;
  }
  if (start !== pack.questionCount) {
    const questions = (await readPackQuestions(db, pack.id)).filter((q) => wanted.has(q.chapterId));
    const cards = await db.cards.where('packId').equals(pack.id).toArray();
    return { questions, cards };
  }
  const questions: QuestionRow[] = [];
  const cards: CardRow[] = [];
  for (const [chapterId, from, to] of ranges) {
    const rows = await readQuestionRange(db, pack.id, from, to);
    questions.push(...rows.filter((q) => q.chapterId === chapterId));
    cards.push(
      ...(await db.cards
        .where('[packId+chapterId+startedOrder]')
        .between(
          [pack.id, chapterId, Number.NEGATIVE_INFINITY],
          [pack.id, chapterId, Number.POSITIVE_INFINITY],
          true,
          true,
        )
        .toArray()),
    );
  }
  return { questions, cards };
}

/** Draws the questions and stores a new running test. Refused when no question matches the choices. */
export async function startSelfTest(
  db: LecternDb,
  input: StartSelfTestInput,
): Promise<{ ok: true; test: StoredSelfTest } | { ok: false; reason: 'no-questions' }> {
  const pool = await buildSelfTestPool(db, input.packIds, input.chapters ?? [], input.flaggedOnly ?? false);
  const selected = selectQuestions(pool, input);
  if (selected.length === 0) return { ok: false, reason: 'no-questions' };
  const state = createSelfTest({
    mode: input.mode,
    questions: selected.map(({ key, packId, chapterId, type, order }) => ({
      key,
      packId,
      chapterId,
      type,
      order,
    })),
    timeLimitMs: input.timeLimitMs ?? null,
    countsForSchedule: input.countsForSchedule ?? false,
    selection: {
      order: input.order,
      seed: input.seed,
      count: input.count,
      types: [...(input.types ?? [])],
      chapters: (input.chapters ?? []).map((c) => ({ ...c })),
      ...(input.flaggedOnly ? { flaggedOnly: true } : {}),
    },
    now: input.now,
  });
  const id = await db.selftests.add(toRow(input.packIds, state));
  return { ok: true, test: { id: id as number, packIds: [...input.packIds], state } };
}

function toRow(packIds: string[], state: SelfTestState, id?: number): SelfTestRow {
  const row: SelfTestRow = { packIds: [...packIds], status: state.status, startedAt: state.createdAt, state };
  if (id !== undefined) row.id = id;
  if (state.finishedAt !== null) row.finishedAt = state.finishedAt;
  if (state.status === 'done') row.score = scoreSelfTest(state).score;
  return row;
}

function fromRow(row: SelfTestRow | undefined): StoredSelfTest | null {
  if (!row || row.id === undefined) return null;
  const parsed = parseSelfTestState(row.state);
  return parsed.ok ? { id: row.id, packIds: row.packIds, state: parsed.state } : null;
}

/** Stores a test's state (status, finish time and score follow the state). */
export async function saveSelfTest(db: LecternDb, test: StoredSelfTest): Promise<void> {
  await db.selftests.put(toRow(test.packIds, test.state, test.id));
}

/** Reads a test; null when missing or its stored state is malformed. */
export async function loadSelfTest(db: LecternDb, id: number): Promise<StoredSelfTest | null> {
  return fromRow(await db.selftests.get(id));
}

/** The most recently started test still running (to offer "resume"), or null. */
export async function findRunningSelfTest(db: LecternDb): Promise<StoredSelfTest | null> {
  const rows = await db.selftests.where('status').equals('running').toArray();
  rows.sort((a, b) => b.startedAt - a.startedAt);
  for (const row of rows) {
    const test = fromRow(row);
    if (test) return test;
  }
  return null;
}

/** Applies a pure move to a stored test in one transaction; null when the test is missing. */
async function updateTest<R>(
  db: LecternDb,
  id: number,
  move: (state: SelfTestState) => { state: SelfTestState; result: R },
): Promise<{ test: StoredSelfTest; result: R } | null> {
  return db.transaction('rw', db.selftests, async () => {
    const test = fromRow(await db.selftests.get(id));
    if (!test) return null;
    const { state, result } = move(test.state);
    const next = { ...test, state };
    if (state !== test.state) await db.selftests.put(toRow(next.packIds, state, id));
    return { test: next, result };
  });
}

/** Coming back to a running test: the clock runs again from `now`. */
export async function resumeSelfTest(
  db: LecternDb,
  id: number,
  now: EpochMs,
): Promise<StoredSelfTest | null> {
  return (await updateTest(db, id, (s) => ({ state: resumeTest(s, now), result: null })))?.test ?? null;
}

/** Leaving a running test: its clock stops. */
export async function pauseSelfTest(db: LecternDb, id: number, now: EpochMs): Promise<StoredSelfTest | null> {
  return (await updateTest(db, id, (s) => ({ state: pauseTest(s, now), result: null })))?.test ?? null;
}

/** Records an answer (graded by the caller) and stores the test; the move's refusal reason when refused. */
export async function answerSelfTest(
  db: LecternDb,
  id: number,
  index: number,
  answer: { response: unknown; grade: Grade },
  now: EpochMs,
): Promise<SelfTestMove | null> {
  const out = await updateTest(db, id, (s) => {
    const move = answerQuestion(s, index, answer, now);
    return { state: move.ok ? move.state : s, result: move };
  });
  return out?.result ?? null;
}

/**
 * Finishes a test at `now` — as expired (time used = the limit, unanswered questions wrong) when its
 * time has run out — stores it with its score and returns it scored. Finishing twice changes nothing.
 */
export async function finishSelfTest(
  db: LecternDb,
  id: number,
  now: EpochMs,
): Promise<{ test: StoredSelfTest; score: SelfTestScore } | null> {
  const out = await updateTest(db, id, (s) => {
    const done = s.status === 'done' ? s : isExpired(s, now) ? expireTest(s, now) : finishTest(s, now);
    return { state: done, result: null };
  });
  return out ? { test: out.test, score: scoreSelfTest(out.test.state) } : null;
}

/** One finished attempt in a pack's history. */
export interface SelfTestHistoryEntry {
  id: number;
  startedAt: EpochMs;
  finishedAt: EpochMs;
  mode: SelfTestMode;
  questions: number;
  correct: number;
  /** 0..1 */
  score: number;
  timeUsedMs: number;
  expired: boolean;
}

/** Finished tests filed under `packId` (their first pack), oldest first — the trend chart's points. */
export async function listSelfTestHistory(db: LecternDb, packId: string): Promise<SelfTestHistoryEntry[]> {
  const rows = await db.selftests.where('status').equals('done').toArray();
  const out: SelfTestHistoryEntry[] = [];
  for (const row of rows) {
    if (row.packIds[0] !== packId) continue;
    const test = fromRow(row);
    if (!test) continue;
    const s = scoreSelfTest(test.state);
    out.push({
      id: test.id,
      startedAt: test.state.createdAt,
      finishedAt: test.state.finishedAt ?? row.finishedAt ?? test.state.createdAt,
      mode: test.state.mode,
      questions: s.questions,
      correct: s.correct,
      score: s.score,
      timeUsedMs: test.state.elapsedMs,
      expired: test.state.expired,
    });
  }
  return out.sort((a, b) => a.startedAt - b.startedAt || a.id - b.id);
}

/** What `sendMissedToStudy` did, by key. */
export interface SendMissedResult {
  /** Made due now (their reviews or learning steps come up in today's queue). */
  due: string[];
  /** Never studied (no card row, or a New one): they stay new and enter as new questions. */
  newCards: string[];
  /** Suspended, or removed from their pack (or gone): left alone. */
  skipped: string[];
}

/** A missed question: its key and the course order it had in the test (to find its question). */
export interface MissedRef {
  key: string;
  order: number;
}

/**
 * Puts missed questions into today's study queue in one transaction: a card already studied becomes
 * due at `now` (never later than it already was); its stability, difficulty, history and review log
 * are kept, so FSRS schedules the next answer from the real time since its last review. A question
 * never studied (no card row, or a New one) stays new — the queue brings it in as a new question
 * (course order, new-per-day limit), and no row is written for it; suspended cards and questions
 * removed from their pack are left alone.
 */
export async function sendMissedToStudy(
  db: LecternDb,
  missed: readonly MissedRef[],
  now: EpochMs,
): Promise<SendMissedResult> {
  const refs = [...new Map(missed.map((m) => [m.key, { key: m.key as CardKey, order: m.order }])).values()];
  return db.transaction('rw', [db.cards, db.questionChunks], async () => {
    const cards = await db.cards.bulkGet(refs.map((r) => r.key));
    const unstudied = refs.filter((_, i) => cards[i] === undefined);
    const questions = await readQuestions(db, unstudied);
    const result: SendMissedResult = { due: [], newCards: [], skipped: [] };
    const changed: CardRow[] = [];
    refs.forEach(({ key }, i) => {
      const card = cards[i];
      if (!card) {
        const question = questions.get(key);
        (question && question.removed === 0 ? result.newCards : result.skipped).push(key);
      } else if (card.suspended || card.removed) result.skipped.push(key);
      else if (card.state === 0) result.newCards.push(key);
      else {
        result.due.push(key);
        if (card.due > now) changed.push({ ...card, due: now, rev: card.rev + 1 });
      }
    });
    if (changed.length > 0) await db.cards.bulkPut(changed);
    return result;
  });
}

/** The question rows of a test, aligned with `state.questions` (undefined where a question was deleted). */
export async function loadTestQuestions(
  db: LecternDb,
  state: SelfTestState,
): Promise<(QuestionRow | undefined)[]> {
  const refs: QuestionRef[] = state.questions.map((q) => ({ key: q.key as CardKey, order: q.order }));
  const found = await readQuestions(db, refs);
  return refs.map((r) => found.get(r.key));
}

/** A missed fact for the discussion sheet: the question (key and order) and the answer given, in words. */
export interface MissedFact extends MissedRef {
  given?: string | null;
}

/**
 * Builds a pack's discussion sheet for `chapterIds` (all when empty) with the given missed questions
 * (`given`: the student's answer as text, if any; questions of other packs are left out). Null when
 * the pack does not exist.
 */
export async function loadDiscussionSheet(
  db: LecternDb,
  packId: string,
  chapterIds: readonly string[],
  missed: readonly MissedFact[] = [],
): Promise<DiscussionSheet | null> {
  return db.transaction('r', db.packs, db.questionChunks, async () => {
    const pack = await db.packs.get(packId);
    if (!pack) return null;
    const own = missed.filter((m) => m.key.startsWith(`${packId}:`));
    const rows = await readQuestions(
      db,
      own.map((m) => ({ key: m.key as CardKey, order: m.order })),
    );
    const facts = own.flatMap((m) => {
      const row = rows.get(m.key as CardKey);
      return row && row.packId === packId ? [{ question: row.question, given: m.given ?? null }] : [];
    });
    return buildDiscussionSheet(pack, chapterIds, facts);
  });
}
