/**
 * Reading a stored self-test state back (from the database or a restored backup): anything that is
 * not a well-formed state is refused instead of crashing the test screen.
 */
import { z } from 'zod';
import { QUESTION_TYPES } from '../pack/schema';
import type { SelfTestState } from './state';

const questionType = z.enum(QUESTION_TYPES as [string, ...string[]]);
const gradeSchema = z.object({ score: z.number(), correct: z.boolean() });

/** The schema of a stored `SelfTestState`. */
export const selfTestStateSchema = z
  .object({
    version: z.literal(1),
    mode: z.enum(['exam', 'practice']),
    countsForSchedule: z.boolean(),
    questions: z.array(
      z.object({
        key: z.string(),
        packId: z.string(),
        chapterId: z.string(),
        type: questionType,
        order: z.number(),
      }),
    ),
    answers: z.array(
      z.object({ response: z.unknown(), grade: gradeSchema, answeredAt: z.number() }).nullable(),
    ),
    current: z.number().int().min(0),
    timeLimitMs: z.number().positive().nullable(),
    elapsedMs: z.number().min(0),
    resumedAt: z.number().nullable(),
    createdAt: z.number(),
    finishedAt: z.number().nullable(),
    status: z.enum(['running', 'done']),
    expired: z.boolean(),
    selection: z
      .object({
        order: z.enum(['weakest', 'random']),
        seed: z.union([z.string(), z.number()]),
        count: z.number(),
        types: z.array(questionType),
        chapters: z.array(z.object({ packId: z.string(), chapterId: z.string() })),
        flaggedOnly: z.boolean().optional(),
      })
      .nullable(),
  })
  .refine((s) => s.answers.length === s.questions.length, 'answers and questions differ in length')
  .refine((s) => s.questions.length === 0 || s.current < s.questions.length, 'current question out of range');

/** Validates a stored state; never throws. */
export function parseSelfTestState(
  value: unknown,
): { ok: true; state: SelfTestState } | { ok: false; message: string } {
  const result = selfTestStateSchema.safeParse(value);
  if (result.success) return { ok: true, state: result.data as SelfTestState };
  const issue = result.error.issues[0];
  return {
    ok: false,
    message: `stored self-test is malformed at ${issue?.path.join('.') || 'top'}: ${issue?.message}`,
  };
}
