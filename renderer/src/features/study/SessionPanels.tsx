/**
 * The study screen between cards: waiting for a learning card to fall due, and the end-of-session
 * summary (answered, correct %, time spent, what comes due next). U undoes from both.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import type { AppSettings } from '../../core/settings';
import type { StudyOps, StudySession } from '../../ops/study';
import { useAppStore } from '../../store';
import type { SessionView } from '../../store/session-slice';
import { computePercent, describeWhen, formatCountdown, formatDuration } from './format';
import { type EmptyReasons, useEmptyReasons } from './use-empty-reasons';
import { useNow } from './use-now';
import { useStudyKeys } from './use-study-keys';

function useUndoKey(session: StudySession, extra?: (key: string) => boolean): void {
  const notify = useAppStore((s) => s.notify);
  useStudyKeys((key) => {
    if (key.toLowerCase() === 'u') {
      session
        .undoLast()
        .then((ok) => {
          if (!ok) notify('info', 'Nothing to undo.');
        })
        .catch((err: unknown) => notify('error', `Could not undo: ${String(err)}`));
      return true;
    }
    return extra ? extra(key) : false;
  });
}

export function WaitingPanel({ session, view }: { session: StudySession; view: SessionView }) {
  const now = useNow(1000);
  const notify = useAppStore((s) => s.notify);
  const until = view.waitUntil ?? now;
  useEffect(() => {
    const timer = setTimeout(
      () => {
        session
          .showNext()
          .catch((err: unknown) => notify('error', `Could not load the next card: ${String(err)}`));
      },
      Math.max(0, until - Date.now()) + 50,
    );
    return () => clearTimeout(timer);
  }, [session, until, notify]);
  const finish = () => session.finish();
  useUndoKey(session, (key) => {
    if (key !== 'Escape') return false;
    finish();
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
        <button type="button" onClick={finish}>
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
  study,
  session,
  view,
  settings,
}: {
  study: StudyOps;
  session: StudySession;
  view: SessionView;
  settings: AppSettings | undefined;
}) {
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { scope } = session;
  const now = useNow(30_000);
  const upcoming = useLiveQuery(
    async () => (settings ? study.readUpcoming(scope, settings, Date.now()) : undefined),
    // `now` re-reads it as time passes.
    [study, settings, scope.packId, scope.chapterId, now],
  );
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  useUndoKey(session);

  const again = () =>
    study.start(scope).catch((err: unknown) => notify('error', `Could not start: ${String(err)}`));
  const empty = view.answered === 0;
  const stillQueued = view.left.reviews + view.left.learning + view.left.newCards;
  const nothing = empty && stillQueued === 0;
  const reasons = useEmptyReasons(study, scope, settings, nothing);
  return (
    <section className="card study-panel" aria-labelledby="study-summary">
      <h2 id="study-summary" ref={headingRef} tabIndex={-1}>
        {nothing ? 'Nothing to study right now' : stillQueued > 0 ? 'Session ended' : 'Session complete'}
      </h2>
      {nothing ? (
        <EmptyReasonsView
          reasons={reasons}
          nextDue={upcoming?.nextDue ?? null}
          onRaise={(packIds, by) => {
            if (!settings) return;
            study.raiseNewToday(settings, packIds, by);
            void again();
          }}
        />
      ) : (
        <dl className="summary-stats">
          <div>
            <dt>Answered</dt>
            <dd>{view.answered}</dd>
          </div>
          <div>
            <dt>Correct</dt>
            <dd>
              {computePercent(view.correct, view.answered)}% ({view.correct} of {view.answered})
            </dd>
          </div>
          <div>
            <dt>Time spent</dt>
            <dd>{formatDuration(view.timeMs)}</dd>
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
        {view.canUndo ? (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              session.undoLast().catch((err: unknown) => notify('error', `Could not undo: ${String(err)}`));
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

/** Why nothing is queued, each reason with its action: raise today's limit once, open a chapter. */
function EmptyReasonsView({
  reasons,
  nextDue,
  onRaise,
}: {
  reasons: EmptyReasons | undefined;
  nextDue: number | null;
  onRaise: (packIds: string[], by: number) => void;
}) {
  const navigate = useAppStore((s) => s.navigate);
  if (!reasons) return <p role="status">Finding out why…</p>;
  const firstUnread = reasons.unread[0];
  const unreadCount = reasons.unread.reduce((n, c) => n + c.newCount, 0);
  const waiting = reasons.limited.reduce((n, p) => n + p.waiting, 0);
  const by = Math.max(1, ...reasons.limited.map((p) => p.limit));
  const raiseBy = Math.min(by, waiting);
  return (
    <ul className="summary-reasons" data-testid="empty-reasons">
      {reasons.limited.length > 0 ? (
        <li>
          <p>
            Today’s limit of new questions is reached (
            {reasons.limited.map((p) => `${p.title}: ${p.limit} a day`).join('; ')}); {waiting} new{' '}
            {waiting === 1 ? 'question waits' : 'questions wait'}.
          </p>
          <button
            type="button"
            onClick={() =>
              onRaise(
                reasons.limited.map((p) => p.packId),
                raiseBy,
              )
            }
          >
            Study {raiseBy} more new today
          </button>
        </li>
      ) : null}
      {firstUnread ? (
        <li>
          <p>
            {unreadCount} new {unreadCount === 1 ? 'question waits' : 'questions wait'} in{' '}
            {reasons.unread.length === 1 ? 'a chapter' : `${reasons.unread.length} chapters`} you have not
            opened yet: they join once you read the chapter (Settings: “New questions only after reading”).
          </p>
          <button
            type="button"
            onClick={() =>
              navigate({ name: 'reader', packId: firstUnread.packId, chapterId: firstUnread.chapterId })
            }
          >
            Open “{firstUnread.title}”
          </button>
        </li>
      ) : null}
      {nextDue !== null ? (
        <li>
          <p>Nothing is due until {formatDueAt(nextDue, Date.now())}.</p>
        </li>
      ) : null}
      {reasons.limited.length === 0 && !firstUnread && nextDue === null ? (
        <li>
          <p>Every question here is studied or suspended: nothing is scheduled.</p>
        </li>
      ) : null}
    </ul>
  );
}

/** "14:05" today, else "Tue 8 Dec, 14:05". */
function formatDueAt(at: number, now: number): string {
  const time = new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return new Date(at).toDateString() === new Date(now).toDateString()
    ? time
    : `${new Date(at).toLocaleDateString([], { weekday: 'short', day: 'numeric', month: 'short' })}, ${time}`;
}
