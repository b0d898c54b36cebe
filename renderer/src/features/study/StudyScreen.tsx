/**
 * The study screen: builds the queue (all packs, one pack, or one chapter), shows one card at a time
 * with a progress bar, waits for learning cards, and ends with a summary. A session survives leaving
 * the screen (e.g. to read in context): coming back to Study resumes it.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import { ScreenHeading } from '../../app/components/ScreenHeading';
import { getSettings } from '../../db/repos/settings-repo';
import { db } from '../../db/schema/database';
import { useAppStore } from '../../store';
import type { StudySession } from '../../store/session-slice';
import { describeVerdict } from '../questions';
import { RATING_NAMES } from './format';
import { KeyboardHelp } from './KeyboardHelp';
import { SessionSummary, WaitingPanel } from './SessionPanels';
import { StudyCard } from './StudyCard';
import { type StudyDeps, startStudy } from './session-controller';
import { invalidateStudyQueue } from './session-runtime';
import './study.css';

function isActive(s: StudySession): boolean {
  return s.status === 'loading' || s.status === 'studying' || s.status === 'waiting';
}

export function StudyScreen({ packId, chapterId }: { packId?: string; chapterId?: string }) {
  const session = useAppStore((s) => s.session);
  const notify = useAppStore((s) => s.notify);
  const settings = useLiveQuery(() => getSettings(db).then((p) => p.settings), []);
  const deps = useMemo<StudyDeps>(() => ({ db, now: () => Date.now() }), []);
  const scopePack = session.scope.packId;
  const pack = useLiveQuery(() => (scopePack ? db.packs.get(scopePack) : undefined), [scopePack]);

  useEffect(() => {
    const s = useAppStore.getState().session;
    const sameScope = s.scope.packId === packId && s.scope.chapterId === chapterId;
    const anyScope = packId === undefined && chapterId === undefined;
    if (isActive(s) && (sameScope || anyScope)) {
      // Back from another screen (reading, importing, settings…): what was written there joins the
      // queue at the next card.
      invalidateStudyQueue();
      return;
    }
    startStudy(deps, { packId, chapterId }).catch((err: unknown) =>
      notify('error', `Could not start studying: ${err instanceof Error ? err.message : String(err)}`),
    );
  }, [packId, chapterId, deps, notify]);

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
      {renderBody(session, deps, settings)}
      <KeyboardHelp />
    </section>
  );
}

function renderBody(
  session: StudySession,
  deps: StudyDeps,
  settings: Awaited<ReturnType<typeof getSettings>>['settings'] | undefined,
) {
  switch (session.status) {
    case 'idle':
    case 'loading':
      return <p role="status">Preparing your questions…</p>;
    case 'studying':
      return session.current ? (
        <StudyCard
          key={`${session.current.key}@${session.current.shownAt}`}
          deps={deps}
          shown={session.current}
          settings={settings}
        />
      ) : null;
    case 'waiting':
      return <WaitingPanel deps={deps} session={session} />;
    case 'done':
      return <SessionSummary deps={deps} session={session} settings={settings} />;
  }
}
