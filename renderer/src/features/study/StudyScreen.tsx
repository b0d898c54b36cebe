/**
 * The study screen: builds the queue (all packs, one pack, or one chapter), shows one card at a time
 * with a progress bar, waits for learning cards, and ends with a summary. A session survives leaving
 * the screen (e.g. to read in context): coming back to Study resumes it.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import type { AppSettings } from '../../core/settings';
import { appStudy, type StudyOps, type StudySession } from '../../ops/study';
import { useAppStore } from '../../store';
import type { SessionView } from '../../store/session-slice';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { describeVerdict } from '../questions';
import { RATING_NAMES } from './format';
import { KeyboardHelp } from './KeyboardHelp';
import { SessionSummary, WaitingPanel } from './SessionPanels';
import { StudyCard } from './StudyCard';
import './study.css';

export function StudyScreen({
  packId,
  chapterId,
  study = appStudy,
}: {
  packId?: string;
  chapterId?: string;
  study?: StudyOps;
}) {
  const session = useAppStore((s) => s.session);
  const notify = useAppStore((s) => s.notify);
  const settings = useLiveQuery(() => study.readSettings(), [study]);
  // The session the store shows (null before the first one is begun).
  const running = study.sessionOf(session.id);
  const scopePack = session.scope.packId;
  const pack = useLiveQuery(() => (scopePack ? study.readPack(scopePack) : undefined), [study, scopePack]);

  useEffect(() => {
    const s = study.current;
    const sameScope = s?.scope.packId === packId && s?.scope.chapterId === chapterId;
    const anyScope = packId === undefined && chapterId === undefined;
    // Back from another screen (reading, importing, settings…): the session goes on; what was written
    // there marked its queue stale as it was written.
    if (s?.isActive && (sameScope || anyScope)) return;
    study
      .start({ packId, chapterId })
      .catch((err: unknown) =>
        notify('error', `Could not start studying: ${err instanceof Error ? err.message : String(err)}`),
      );
  }, [packId, chapterId, study, notify]);

  const leftTotal = session.left.reviews + session.left.learning + session.left.newCards;
  const total = session.answered + leftTotal;
  const position = session.status === 'studying' ? session.answered + 1 : session.answered;
  const chapterTitle = pack?.chapters.find((c) => c.id === session.scope.chapterId)?.title;
  const verdict = session.pending
    ? `${describeVerdict(session.pending.grade)}. Suggested rating: ${RATING_NAMES[session.pending.suggested]}.`
    : '';

  return (
    <section className="screen study" aria-labelledby="study-title">
      <div id="study-title">
        <ScreenHeading focusKey="study">Study</ScreenHeading>
      </div>
      <p className="muted study-scope">
        {pack ? pack.title : 'All packs'}
        {chapterTitle ? ` › ${chapterTitle}` : ''}
      </p>
      {session.status !== 'idle' && session.status !== 'loading' ? (
        <div className="study-progress">
          <span id="study-progress-label" className="study-progress__label">
            {position} of {total}
          </span>
          <progress
            aria-labelledby="study-progress-label"
            aria-valuetext={`Question ${position} of ${total}`}
            value={session.answered}
            max={Math.max(1, total)}
          />
          <span className="muted study-progress__left">
            Left: {session.left.reviews} to review · {session.left.learning} learning ·{' '}
            {session.left.newCards} new
          </span>
        </div>
      ) : null}
      <p role="status" className="study-message">
        {session.message}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {verdict}
      </p>
      {renderBody(session, running, study, settings)}
      <KeyboardHelp />
    </section>
  );
}

function renderBody(
  session: SessionView,
  running: StudySession | null,
  study: StudyOps,
  settings: AppSettings | undefined,
) {
  if (!running) return <p role="status">Preparing your questions…</p>;
  switch (session.status) {
    case 'idle':
    case 'loading':
      return <p role="status">Preparing your questions…</p>;
    case 'studying':
      return session.current ? (
        <StudyCard
          key={`${session.current.key}@${session.current.shownAt}`}
          session={running}
          shown={session.current}
          settings={settings}
        />
      ) : null;
    case 'waiting':
      return <WaitingPanel session={running} view={session} />;
    case 'done':
      return <SessionSummary study={study} session={running} view={session} settings={settings} />;
  }
}
