/**
 * The study screen between cards: waiting for a learning card to fall due, and the end-of-session
 * summary (answered, correct %, time spent, what comes due next). U undoes from both.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import type { AppSettings } from '../../core/settings';
import { db } from '../../db/db';
import { loadUpcoming } from '../../db/study-session-repo';
import { useAppStore } from '../../store';
import type { StudySession } from '../../store/session-slice';
import { undoLast } from './card-actions';
import { computePercent, describeWhen, formatCountdown, formatDuration } from './format';
import { computeStudyDayStart } from './load-queue';
import { finishSession, type StudyDeps, showNext, startStudy } from './session-controller';
import { useNow } from './use-now';
import { useStudyKeys } from './use-study-keys';

const DAY_MS = 86_400_000;

function useUndoKey(deps: StudyDeps, extra?: (key: string) => boolean): void {
  const notify = useAppStore((s) => s.notify);
  useStudyKeys((key) => {
    if (key.toLowerCase() === 'u') {
      undoLast(deps)
        .then((ok) => {
          if (!ok) notify('info', 'Nothing to undo.');
        })
        .catch((err: unknown) => notify('error', `Could not undo: ${String(err)}`));
      return true;
    }
    return extra ? extra(key) : false;
  });
}

export function WaitingPanel({ deps, session }: { deps: StudyDeps; session: StudySession }) {
  const now = useNow(1000);
  const notify = useAppStore((s) => s.notify);
  const until = session.waitUntil ?? now;
  const { id } = session;
  useEffect(() => {
    const timer = setTimeout(
      () => {
        showNext(deps, id).catch((err: unknown) =>
          notify('error', `Could not load the next card: ${String(err)}`),
        );
      },
      Math.max(0, until - Date.now()) + 50,
    );
    return () => clearTimeout(timer);
  }, [deps, id, until, notify]);
  useUndoKey(deps, (key) => {
    if (key !== 'Escape') return false;
    finishSession();
    return true;
  });
  return (
    <section className="card study-panel" aria-labelledby="study-waiting">
      <h2 id="study-waiting">Nothing else is due yet</h2>
      <p>
        A question you are learning comes back in <strong>{formatCountdown(until - now)}</strong> (at{' '}
        {new Date(until).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}). Keep this screen
        open and it appears by itself.
      </p>
      <p className="study-actions">
        <button type="button" onClick={finishSession}>
          End session{' '}
          <span className="kbd" aria-hidden="true">
            Esc
          </span>
        </button>
      </p>
    </section>
  );
}

export function SessionSummary({
  deps,
  session,
  settings,
}: {
  deps: StudyDeps;
  session: StudySession;
  settings: AppSettings | undefined;
}) {
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { scope } = session;
  const now = useNow(30_000);
  const upcoming = useLiveQuery(async () => {
    if (!settings) return undefined;
    const t = Date.now();
    const tomorrowEnd = computeStudyDayStart(t, settings) + 2 * DAY_MS;
    return loadUpcoming(db, scope.packId ? [scope.packId] : 'all', t, tomorrowEnd, scope.chapterId);
  }, [settings, scope.packId, scope.chapterId, now]);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  useUndoKey(deps);

  const again = () =>
    startStudy(deps, scope).catch((err: unknown) => notify('error', `Could not start: ${String(err)}`));
  const empty = session.answered === 0;
  const stillQueued = session.left.reviews + session.left.learning + session.left.newCards;
  return (
    <section className="card study-panel" aria-labelledby="study-summary">
      <h2 id="study-summary" ref={headingRef} tabIndex={-1}>
        {empty && stillQueued === 0
          ? 'Nothing to study right now'
          : stillQueued > 0
            ? 'Session ended'
            : 'Session complete'}
      </h2>
      {empty && stillQueued === 0 ? (
        settings?.requireReading ? (
          <p>
            New questions join the queue once you open their chapter in the Library (you can turn this off in
            Settings: “New questions only after reading”).
          </p>
        ) : null
      ) : (
        <dl className="summary-stats">
          <div>
            <dt>Answered</dt>
            <dd>{session.answered}</dd>
          </div>
          <div>
            <dt>Correct</dt>
            <dd>
              {computePercent(session.correct, session.answered)}% ({session.correct} of {session.answered})
            </dd>
          </div>
          <div>
            <dt>Time spent</dt>
            <dd>{formatDuration(session.timeMs)}</dd>
          </div>
        </dl>
      )}
      <h3>What comes next</h3>
      {upcoming === undefined ? (
        <p role="status">Looking ahead…</p>
      ) : (
        <ul className="summary-next">
          {stillQueued > 0 ? (
            <li>
              {stillQueued} {stillQueued === 1 ? 'question is' : 'questions are'} still in today’s queue:
              Study again to go on.
            </li>
          ) : null}
          {stillQueued === 0 && upcoming.dueNow > 0 ? (
            <li>{upcoming.dueNow} due now: Study again to go on.</li>
          ) : null}
          <li>
            {upcoming.nextDue === null
              ? 'Nothing you have studied is scheduled yet.'
              : `Next review ${describeWhen(upcoming.nextDue, Date.now())} (${new Date(upcoming.nextDue).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })}).`}
          </li>
          <li>
            {upcoming.dueBy} {upcoming.dueBy === 1 ? 'question comes' : 'questions come'} due by the end of
            tomorrow.
          </li>
        </ul>
      )}
      <p className="study-actions">
        <button type="button" onClick={again}>
          Study again
        </button>
        <button type="button" className="secondary" onClick={() => navigate({ name: 'library' })}>
          Back to the Library
        </button>
        {session.undo.length > 0 ? (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              undoLast(deps).catch((err: unknown) => notify('error', `Could not undo: ${String(err)}`));
            }}
          >
            Undo last answer{' '}
            <span className="kbd" aria-hidden="true">
              U
            </span>
          </button>
        ) : null}
      </p>
    </section>
  );
}
