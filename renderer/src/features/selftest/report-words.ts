/** Sentences of the report: what "Send missed to study" did, and the trend of a pack's scores. */
import type { SelfTestHistoryEntry, SendMissedResult } from '../../ops/selftest';
import { formatScore } from './time-words';

/** The sentence confirming what "Send missed to study" did. */
export function describeSent(result: SendMissedResult): string {
  const parts: string[] = [];
  if (result.due.length > 0)
    parts.push(
      `${result.due.length} question${result.due.length === 1 ? ' is' : 's are'} due now in today's study queue`,
    );
  if (result.newCards.length > 0)
    parts.push(
      `${result.newCards.length} never studied ${result.newCards.length === 1 ? 'stays a new question' : 'stay new questions'} and come${result.newCards.length === 1 ? 's' : ''} in with today's new questions (once the chapter has been opened)`,
    );
  if (result.skipped.length > 0)
    parts.push(
      `${result.skipped.length} suspended or removed ${result.skipped.length === 1 ? 'was' : 'were'} left alone`,
    );
  return parts.length > 0 ? `Sent to study: ${parts.join('; ')}.` : 'Nothing to send.';
}

/** One sentence on the trend: the latest score against the one before and the best. */
export function describeTrend(entries: readonly SelfTestHistoryEntry[]): string {
  const last = entries[entries.length - 1];
  if (!last) return 'No finished tests yet.';
  const count = `${entries.length} finished test${entries.length === 1 ? '' : 's'}`;
  const prev = entries[entries.length - 2];
  if (!prev) return `${count}; the score was ${formatScore(last.score)}.`;
  const diff = Math.round(last.score * 100) - Math.round(prev.score * 100);
  const change =
    diff === 0 ? 'the same as' : diff > 0 ? `up ${diff} points from` : `down ${-diff} points from`;
  const best = Math.max(...entries.map((e) => e.score));
  return `${count}; the latest score, ${formatScore(last.score)}, is ${change} the test before; best ${formatScore(best)}.`;
}
