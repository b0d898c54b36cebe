/**
 * The self-test setup form as plain data: its defaults, what is wrong with it, and the start input it
 * becomes. Pure, so the rules (5–50 questions, 1–240 minutes, at least one chapter and type) are
 * tested without a screen.
 */
import { QUESTION_TYPES, type QuestionType } from '../../core/pack/schema';
import {
  type ChapterRef,
  MAX_TEST_QUESTIONS,
  MIN_TEST_QUESTIONS,
  type SelfTestMode,
} from '../../core/selftest';
import type { StartSelfTestInput } from '../../ops/selftest';

/** Shortest and longest time limit offered, in minutes. */
export const MIN_LIMIT_MINUTES = 1;
export const MAX_LIMIT_MINUTES = 240;

/** What the student chose on the setup form. */
export interface SetupChoices {
  /** Chosen chapters; a pack takes part when at least one of its chapters is chosen. */
  chapters: ChapterRef[];
  /** As typed (validated by `findSetupProblems`). */
  count: number;
  types: QuestionType[];
  /** Whether the test has a time limit. */
  timed: boolean;
  /** Minutes, used when `timed`. */
  limitMinutes: number;
  order: 'weakest' | 'random';
  mode: SelfTestMode;
  countsForSchedule: boolean;
  /** Draw only from flagged questions (left out: every question). */
  flaggedOnly?: boolean;
}

/** A pack as the form lists it. */
export interface SetupPack {
  id: string;
  chapters: readonly { id: string }[];
}

/** The form's starting values: every chapter of `preferredPackId` (or the first pack), 10 questions, all types, exam, weakest first, no limit, schedule untouched. */
export function createDefaultSetup(packs: readonly SetupPack[], preferredPackId?: string): SetupChoices {
  const pack = packs.find((p) => p.id === preferredPackId) ?? packs[0];
  return {
    chapters: pack ? pack.chapters.map((c) => ({ packId: pack.id, chapterId: c.id })) : [],
    count: 10,
    types: [...QUESTION_TYPES],
    timed: false,
    limitMinutes: 10,
    order: 'weakest',
    mode: 'exam',
    countsForSchedule: false,
  };
}

/** Whether a chapter is chosen. */
export function hasChapter(choices: Pick<SetupChoices, 'chapters'>, ref: ChapterRef): boolean {
  return choices.chapters.some((c) => c.packId === ref.packId && c.chapterId === ref.chapterId);
}

/** Chooses or drops one chapter (the list keeps no duplicates). */
export function toggleChapter(chapters: readonly ChapterRef[], ref: ChapterRef, on: boolean): ChapterRef[] {
  const rest = chapters.filter((c) => !(c.packId === ref.packId && c.chapterId === ref.chapterId));
  return on ? [...rest, { ...ref }] : rest;
}

/** Chooses or drops every chapter of a pack. */
export function togglePack(chapters: readonly ChapterRef[], pack: SetupPack, on: boolean): ChapterRef[] {
  const rest = chapters.filter((c) => c.packId !== pack.id);
  return on ? [...rest, ...pack.chapters.map((c) => ({ packId: pack.id, chapterId: c.id }))] : rest;
}

/** Adds or removes a question type, keeping the schema's order. */
export function toggleType(types: readonly QuestionType[], type: QuestionType, on: boolean): QuestionType[] {
  const set = new Set(types);
  if (on) set.add(type);
  else set.delete(type);
  return QUESTION_TYPES.filter((t) => set.has(t));
}

/** A problem with the form, keyed by the field it belongs to. */
export interface SetupProblem {
  field: 'chapters' | 'count' | 'types' | 'limit' | 'pool';
  message: string;
}

/**
 * What stops the test from starting, in the order the fields appear. `matching` is how many questions
 * fit the chosen chapters and types (null while still counting).
 */
export function findSetupProblems(choices: SetupChoices, matching: number | null): SetupProblem[] {
  const out: SetupProblem[] = [];
  if (choices.chapters.length === 0) out.push({ field: 'chapters', message: 'Choose at least one chapter.' });
  if (
    !Number.isInteger(choices.count) ||
    choices.count < MIN_TEST_QUESTIONS ||
    choices.count > MAX_TEST_QUESTIONS
  ) {
    out.push({
      field: 'count',
      message: `Choose a whole number of questions from ${MIN_TEST_QUESTIONS} to ${MAX_TEST_QUESTIONS}.`,
    });
  }
  if (choices.types.length === 0) out.push({ field: 'types', message: 'Choose at least one question type.' });
  if (
    choices.timed &&
    (!Number.isInteger(choices.limitMinutes) ||
      choices.limitMinutes < MIN_LIMIT_MINUTES ||
      choices.limitMinutes > MAX_LIMIT_MINUTES)
  ) {
    out.push({
      field: 'limit',
      message: `Choose a time limit from ${MIN_LIMIT_MINUTES} to ${MAX_LIMIT_MINUTES} whole minutes.`,
    });
  }
  if (matching === 0 && choices.chapters.length > 0 && choices.types.length > 0) {
    out.push({
      field: 'pool',
      message: choices.flaggedOnly
        ? 'No flagged question matches these chapters and types.'
        : 'No question matches these chapters and types.',
    });
  }
  return out;
}

/**
 * The repository's start input: packs in `packOrder` that have a chosen chapter, the time limit in
 * milliseconds (null when untimed).
 */
export function toStartInput(
  choices: SetupChoices,
  packOrder: readonly string[],
  seed: string | number,
  now: number,
): StartSelfTestInput {
  const chosenPacks = new Set(choices.chapters.map((c) => c.packId));
  return {
    packIds: packOrder.filter((id) => chosenPacks.has(id)),
    mode: choices.mode,
    count: choices.count,
    types: [...choices.types],
    chapters: choices.chapters.map((c) => ({ ...c })),
    order: choices.order,
    seed,
    timeLimitMs: choices.timed ? choices.limitMinutes * 60_000 : null,
    countsForSchedule: choices.countsForSchedule,
    ...(choices.flaggedOnly ? { flaggedOnly: true } : {}),
    now,
  };
}
