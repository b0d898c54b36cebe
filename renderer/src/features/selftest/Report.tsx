/**
 * The report of a finished self-test: score and time, a bar per chapter, every missed question with
 * the answer given, the right answer, the explanation and Read in context; sending the misses to
 * today's study; the discussion sheet; and the pack's history of scores.
 */
import { useEffect, useMemo, useState } from 'react';
import { describeError } from '../../core/describe-error';
import { markdownToText } from '../../core/markdown';
import { describeAnswer, describePrompt, type SelfTestScore, scoreSelfTest } from '../../core/selftest';
import { mediaSourceOf } from '../../ops/media';
import { type PackRow, type QuestionRow, type StoredSelfTest, sendMissed } from '../../ops/selftest';
import { useAppStore } from '../../store';
import { formatDateTime } from '../../ui/format';
import { Markdown } from '../../ui/Markdown';
import { MediaText } from '../../ui/media/MediaText';
import { MediaScope } from '../../ui/media/media-scope';
import { ReadInContextButton } from '../../ui/ReadInContext';
import { HistorySection } from './HistorySection';
import { describeSent } from './report-words';
import { describeGiven } from './response-words';
import { formatElapsed, formatScore } from './time-words';

export interface ReportProps {
  test: StoredSelfTest;
  rows: (QuestionRow | undefined)[];
  packs: Map<string, PackRow>;
}

export function Report({ test, rows, packs }: ReportProps) {
  const score = useMemo(() => scoreSelfTest(test.state), [test.state]);
  const { state } = test;
  const right = score.correct;
  // Landing on the result (also when the time ran out and the question vanished under the focus).
  useEffect(() => {
    document.getElementById('report-result')?.focus({ preventScroll: false });
  }, []);
  return (
    <div className="report" data-testid="selftest-report">
      <section className="card report-summary" aria-labelledby="report-result">
        <h2 id="report-result" tabIndex={-1}>
          Your result
        </h2>
        <p className="report-score">
          <strong>{formatScore(score.score)}</strong> — {right} of {score.questions} right
          {score.points !== right ? ` (${formatPoints(score.points)} points with partial credit)` : ''}
        </p>
        <dl className="facts">
          <dt>Time</dt>
          <dd>
            {formatElapsed(state.elapsedMs)}
            {state.timeLimitMs !== null ? ` of ${formatElapsed(state.timeLimitMs)}` : ' (no time limit)'}
          </dd>
          <dt>Answered</dt>
          <dd>
            {score.answered} of {score.questions}
          </dd>
          <dt>Mode</dt>
          <dd>{state.mode === 'exam' ? 'Exam' : 'Practice'}</dd>
          <dt>Finished</dt>
          <dd>{state.finishedAt !== null ? formatDateTime(state.finishedAt) : '—'}</dd>
          <dt>Study schedule</dt>
          <dd>{state.countsForSchedule ? 'This test counted toward it' : 'Not changed by this test'}</dd>
        </dl>
        {state.expired ? (
          <p className="report-expired" role="note">
            The time ran out: questions left unanswered count as wrong.
          </p>
        ) : null}
      </section>

      <ChapterBreakdown score={score} packs={packs} />
      <MissedList test={test} score={score} rows={rows} />
      <ReportActions test={test} score={score} packs={packs} />
      {test.packIds[0] ? (
        <HistorySection
          packId={test.packIds[0]}
          packTitle={packs.get(test.packIds[0])?.title ?? test.packIds[0]}
          currentId={test.id}
        />
      ) : null}
    </div>
  );
}

function formatPoints(points: number): string {
  return String(Math.round(points * 10) / 10);
}

function chapterTitle(packs: Map<string, PackRow>, packId: string, chapterId: string): string {
  return packs.get(packId)?.chapters.find((c) => c.id === chapterId)?.title ?? chapterId;
}

function ChapterBreakdown({ score, packs }: { score: SelfTestScore; packs: Map<string, PackRow> }) {
  const several = new Set(score.byChapter.map((c) => c.packId)).size > 1;
  return (
    <section className="card" aria-labelledby="report-chapters">
      <h2 id="report-chapters">By chapter</h2>
      <table className="chapter-scores">
        <caption className="visually-hidden">Score by chapter</caption>
        <thead>
          <tr>
            <th scope="col">Chapter</th>
            <th scope="col">Right</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          {score.byChapter.map((c) => {
            const title = chapterTitle(packs, c.packId, c.chapterId);
            const pct = Math.round(c.score * 100);
            return (
              <tr key={`${c.packId}:${c.chapterId}`} data-testid="chapter-score">
                <th scope="row">
                  {title}
                  {several ? (
                    <span className="muted"> · {packs.get(c.packId)?.title ?? c.packId}</span>
                  ) : null}
                </th>
                <td>
                  {c.correct} of {c.questions}
                </td>
                <td className="chapter-scores__score">
                  <span className="score-bar" aria-hidden="true">
                    <span
                      className={pct >= 80 ? 'score-bar__fill score-bar__fill--good' : 'score-bar__fill'}
                      style={{ width: `${pct}%` }}
                    />
                  </span>
                  <span>{pct}%</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function MissedList({
  test,
  score,
  rows,
}: {
  test: StoredSelfTest;
  score: SelfTestScore;
  rows: (QuestionRow | undefined)[];
}) {
  return (
    <section className="card" aria-labelledby="report-missed">
      <h2 id="report-missed">
        {score.missed.length === 0 ? 'Nothing missed' : `Missed questions (${score.missed.length})`}
      </h2>
      {score.missed.length === 0 ? (
        <p>Every question was answered right.</p>
      ) : (
        <ol className="missed-list">
          {score.missed.map((m) => {
            const row = rows[m.index];
            const headingId = `missed-${m.index}`;
            if (!row) {
              return (
                <li key={m.key}>
                  <p>Question {m.index + 1} is no longer stored.</p>
                </li>
              );
            }
            const q = row.question;
            const answer = test.state.answers[m.index];
            return (
              <li key={m.key}>
                <MediaScope source={mediaSourceOf(row.packId)}>
                  <article className="missed" aria-labelledby={headingId} data-question-id={q.id}>
                    <h3 id={headingId} className="media-compact">
                      <span className="muted">Question {m.index + 1}: </span>
                      <MediaText text={markdownToText(describePrompt(q), { keepMedia: true })} />
                    </h3>
                    <dl className="facts">
                      <dt>Your answer</dt>
                      <dd data-testid="given">
                        {answer ? describeGiven(q, answer.response) : <em>Not answered</em>}
                        {answer && m.score > 0 ? ` (partly right: ${formatScore(m.score)})` : ''}
                      </dd>
                      <dt>Right answer</dt>
                      <dd data-testid="expected" className="media-compact">
                        <MediaText text={markdownToText(describeAnswer(q), { keepMedia: true })} />
                      </dd>
                    </dl>
                    {q.explanation ? (
                      <div className="missed__explanation">
                        <Markdown source={q.explanation} headingOffset={3} />
                      </div>
                    ) : null}
                    <ReadInContextButton place={row}>
                      <span className="visually-hidden"> (question {m.index + 1})</span>
                    </ReadInContextButton>
                  </article>
                </MediaScope>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function ReportActions({
  test,
  score,
  packs,
}: {
  test: StoredSelfTest;
  score: SelfTestScore;
  packs: Map<string, PackRow>;
}) {
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    try {
      const missed = score.missed.map((m) => ({
        key: m.key,
        order: test.state.questions[m.index]?.order ?? 0,
      }));
      const result = await sendMissed(missed, Date.now());
      setSent(describeSent(result));
    } catch (err) {
      notify('error', `Could not send the missed questions: ${describeError(err)}`);
    } finally {
      setBusy(false);
    }
  };
  const chosen = test.state.selection?.chapters ?? [];
  const testedPacks = test.packIds.filter((id) => test.state.questions.some((q) => q.packId === id));
  return (
    <section className="card" aria-labelledby="report-next">
      <h2 id="report-next">What next</h2>
      <div className="test-actions">
        <button type="button" disabled={score.missed.length === 0 || busy} onClick={() => void send()}>
          Send missed to study
        </button>
        {testedPacks.map((packId) => {
          const chapterIds = chosen.filter((c) => c.packId === packId).map((c) => c.chapterId);
          return (
            <button
              key={packId}
              type="button"
              className="secondary"
              onClick={() => navigate({ name: 'discussion', packId, chapterIds, testId: test.id })}
            >
              Discussion sheet
              {testedPacks.length > 1 ? `: ${packs.get(packId)?.title ?? packId}` : ''}
            </button>
          );
        })}
        <button
          type="button"
          className="secondary"
          onClick={() => navigate({ name: 'selftest', packId: test.packIds[0] })}
        >
          New test
        </button>
      </div>
      <p role="status" className="report-sent">
        {sent ?? ''}
      </p>
    </section>
  );
}
