import { describe, expect, it } from 'vitest';
import type { SelfTestHistoryEntry } from '../../../../renderer/src/db/repos/selftest-repo';
import { describeSent, describeTrend } from '../../../../renderer/src/features/selftest';

function entry(id: number, score: number): SelfTestHistoryEntry {
  return {
    id,
    startedAt: id * 1000,
    finishedAt: id * 1000 + 500,
    mode: 'exam',
    questions: 10,
    correct: Math.round(score * 10),
    score,
    timeUsedMs: 500,
    expired: false,
  };
}

describe('report sentences', () => {
  it('says what "Send missed to study" did, with counts', () => {
    expect(describeSent({ due: ['a', 'b'], newCards: [], skipped: [] })).toBe(
      "Sent to study: 2 questions are due now in today's study queue.",
    );
    expect(describeSent({ due: ['a'], newCards: ['b'], skipped: ['c', 'd'] })).toBe(
      "Sent to study: 1 question is due now in today's study queue; 1 never studied stays a new question and comes in with today's new questions (once the chapter has been opened); 2 suspended or removed were left alone.",
    );
    expect(describeSent({ due: [], newCards: [], skipped: [] })).toBe('Nothing to send.');
  });

  it('describes the trend of scores against the test before and the best', () => {
    expect(describeTrend([])).toBe('No finished tests yet.');
    expect(describeTrend([entry(1, 0.4)])).toBe('1 finished test; the score was 40%.');
    expect(describeTrend([entry(1, 0.4), entry(2, 0.9), entry(3, 0.6)])).toBe(
      '3 finished tests; the latest score, 60%, is down 30 points from the test before; best 90%.',
    );
    expect(describeTrend([entry(1, 0.5), entry(2, 0.5)])).toContain('the same as the test before');
    expect(describeTrend([entry(1, 0.5), entry(2, 0.7)])).toContain('up 20 points from');
  });
});
