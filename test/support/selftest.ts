/** Builders of self-test state for tests: `count` questions of one pack, started at `now`. */
import { createSelfTest, type SelfTestMode, type SelfTestState } from '@/core/selftest';

export function buildSelfTest(
  o: { count?: number; mode?: SelfTestMode; timeLimitMs?: number | null; now?: number } = {},
): SelfTestState {
  const count = o.count ?? 3;
  return createSelfTest({
    mode: o.mode ?? 'exam',
    questions: Array.from({ length: count }, (_, i) => ({
      key: `test-pack/q${i + 1}`,
      packId: 'test-pack',
      chapterId: 'c1',
      type: 'multiple-choice' as const,
      order: i,
    })),
    timeLimitMs: o.timeLimitMs ?? null,
    now: o.now ?? 1_700_000_000_000,
  });
}
