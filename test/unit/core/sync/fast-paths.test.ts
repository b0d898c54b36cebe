/**
 * The merge's fast paths agree with the slow ones they stand for: a review event read by hand is
 * exactly what the schema accepts, and a replay's scheduler built once gives `answerCard`'s states.
 */
import fc from 'fast-check';
import { default_w, FSRS, generatorParameters } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import {
  answerCard,
  createAnswerer,
  newCard,
  type Rating,
  type SchedulerSettings,
} from '../../../../renderer/src/core/scheduler';
import { OnceSeededFsrs } from '../../../../renderer/src/core/scheduler/seeded-fuzz';
import { DEFAULT_SETTINGS, resolveSchedulingSettings } from '../../../../renderer/src/core/settings';
import { readReviewEvent, reviewEventSchema } from '../../../../renderer/src/core/sync';

const good = {
  k: 'review',
  id: '0mh3k2x9aabc123000',
  at: 1_764_000_000_000,
  card: 'p:q1',
  pack: 'p',
  chapter: 'c1',
  rating: 3,
  score: 1,
  correct: 1,
  ms: 2500,
};

const oddValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(Number.NaN),
  fc.constant(Number.POSITIVE_INFINITY),
  fc.constant(-1),
  fc.constant(0.5),
  fc.constant(5),
  fc.constant(''),
  fc.constant('x'.repeat(401)),
  fc.constant('0mh3k2x9-laptop01-1'),
  fc.constant('0mh3k2x9_0000000a'),
  fc.constant([]),
  fc.integer(),
  fc.double(),
  fc.string(),
);

describe('fast paths of the merge (issue 20)', () => {
  it('reads a review event by hand exactly when the schema accepts it', () => {
    const fields = Object.keys(good);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...fields, 'extra', '__proto__'), oddValue), { maxLength: 3 }),
        (changes) => {
          const value: Record<string, unknown> = { ...good };
          for (const [f, v] of changes) {
            if (v === undefined) delete value[f];
            else
              Object.defineProperty(value, f, {
                value: v,
                enumerable: true,
                writable: true,
                configurable: true,
              });
          }
          const byHand = readReviewEvent(JSON.parse(JSON.stringify(value)));
          const bySchema = reviewEventSchema.safeParse(JSON.parse(JSON.stringify(value)));
          if (byHand) {
            expect(bySchema.success).toBe(true);
            expect(byHand).toEqual(bySchema.data);
          }
          // The schema may accept what the hand refuses only when the hand would then ask it: never the
          // other way round. Plain valid events are taken by the hand.
          if (changes.length === 0) expect(byHand).not.toBeNull();
        },
      ),
    );
  });

  /** Each of `steps` (rating, ms since the last) answered by hand and by `answer`: the same card each time. */
  function expectReplayedAsAnswered(
    settings: SchedulerSettings,
    answer: ReturnType<typeof createAnswerer>,
    steps: readonly (readonly [Rating, number])[],
    key: string,
  ): void {
    let at = 1_764_000_000_000;
    let a = newCard(at);
    let b = newCard(at);
    for (const [rating, gap] of steps) {
      at += gap;
      a = answerCard(a, rating, at, settings, key).card;
      b = answer(b, rating, at, key);
      expect(b).toEqual(a);
    }
  }

  it('replays with one scheduler exactly as answering card by card does', () => {
    const settings = resolveSchedulingSettings(DEFAULT_SETTINGS, 'p');
    const answer = createAnswerer(settings);
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.constantFrom<Rating>(1, 2, 3, 4), fc.integer({ min: 1, max: 20 * 86_400_000 })),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        fc.constantFrom('p:q1', 'p:q2', 'p:another'),
        (steps, key) => expectReplayedAsAnswered(settings, answer, steps, key),
      ),
    );
  });

  // The replay's scheduler works out only the rating given, on numbers (`replay-step.ts`), and draws
  // each answer's fuzz once (`seeded-fuzz.ts`) where ts-fsrs draws it for Hard, Good and Easy apart:
  // every state must still be ts-fsrs's own, whatever the settings.
  const step = fc
    .tuple(fc.integer({ min: 1, max: 2000 }), fc.constantFrom('m', 'h', 'd'))
    .map(([n, u]) => `${n}${u}`);
  const settingsArb: fc.Arbitrary<SchedulerSettings> = fc.record({
    desiredRetention: fc.double({ min: 0.7, max: 0.97, noNaN: true }),
    learningSteps: fc.array(step, { maxLength: 4 }),
    relearningSteps: fc.array(step, { maxLength: 3 }),
    maximumIntervalDays: fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 60, max: 36_500 })),
    newPerDay: fc.constant(20),
    reviewsPerDay: fc.constant(200),
    parameters: fc.oneof(
      fc.constant([]),
      // ts-fsrs's defaults scaled each (a fitted set, or a wild one ts-fsrs clamps as it reads it).
      fc
        .array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 21, maxLength: 21 })
        .map((f) => default_w.map((w, i) => w * (f[i] ?? 1))),
    ),
  });

  it('replays with one scheduler exactly as answering card by card does, whatever the settings', () => {
    fc.assert(
      fc.property(
        settingsArb,
        fc.array(
          fc.tuple(
            fc.constantFrom<Rating>(1, 2, 3, 4),
            fc.oneof(fc.integer({ min: 0, max: 3_600_000 }), fc.integer({ min: 1, max: 1000 * 86_400_000 })),
          ),
          { minLength: 1, maxLength: 30 },
        ),
        fc.string({ minLength: 1, maxLength: 40 }).map((id) => `p:${id}`),
        (settings, steps, key) => expectReplayedAsAnswered(settings, createAnswerer(settings), steps, key),
      ),
      { numRuns: 300 },
    );
  });

  it('fuzzes each interval as ts-fsrs does, drawing a seed once', () => {
    const params = generatorParameters({ enable_fuzz: true, maximum_interval: 36_500 });
    const plain = new FSRS(params);
    const once = new OnceSeededFsrs(params);
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.string({ maxLength: 60 }),
            fc.array(fc.tuple(fc.integer({ min: 0, max: 36_500 }), fc.integer({ min: 0, max: 40_000 })), {
              minLength: 1,
              maxLength: 4,
            }),
          ),
          { minLength: 1, maxLength: 5 },
        ),
        (draws) => {
          for (const [seed, fuzzed] of draws) {
            plain.seed = seed;
            once.seed = seed;
            // 36 500 days fuzzed spans 1 828 days: the day picked pins the draw closely.
            for (const [ivl, elapsed] of [[36_500, 0], ...fuzzed] as [number, number][])
              expect(once.apply_fuzz(ivl, elapsed)).toBe(plain.apply_fuzz(ivl, elapsed));
          }
        },
      ),
    );
  });
});
