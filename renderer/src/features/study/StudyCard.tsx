/**
 * The card on screen: the question and its answer widget, then the grade, explanation, Read in
 * context and the rating; plus hint, flag, suspend, undo and end-session controls, all by keyboard.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { markAfterPaint, markPhase } from '../../app/perf';
import type { Question } from '../../core/pack/schema';
import { previewCard, type Rating } from '../../core/scheduler';
import type { AppSettings } from '../../core/settings';
import { canOverride } from '../../core/study';
import {
  type CardRow,
  isStorageFull,
  NextCardError,
  type QuestionRow,
  resolveCardSettings,
  type StudyItem,
  type StudySession,
} from '../../ops/study';
import { useAppStore } from '../../store';
import type { ShownCard } from '../../store/session-slice';
import { Markdown } from '../../ui/Markdown';
import {
  ACTION_LETTERS,
  AnswerFeedback,
  applyAnswerKey,
  arrangeQuestion,
  createDraft,
  draftToResponse,
  type QuestionDraft,
  QuestionView,
} from '../questions';
import { CardTools } from './CardTools';
import { explainRating } from './format';
import { ConfirmBar, FlashcardRatingBar } from './RatingBars';
import type { StudyAction } from './study-keys';
import { mapStudyKey } from './study-keys';
import { useDueLoad } from './use-due-load';
import { useStudyKeys } from './use-study-keys';

const STATE_NAMES = ['New question', 'Learning', 'Review', 'Relearning'] as const;

export function StudyCard({
  session,
  shown,
  settings,
}: {
  session: StudySession;
  shown: ShownCard;
  settings: AppSettings | undefined;
}) {
  const notify = useAppStore((s) => s.notify);
  // The card and its question are in memory (queued and read ahead): no database read to show it.
  const inMemory = session.peekItem(shown.key);
  const [loaded, setLoaded] = useState<StudyItem | null | undefined>(undefined);
  const item = inMemory ?? loaded;

  useEffect(() => {
    if (inMemory) return;
    let live = true;
    session
      .loadShownItem(shown.key)
      .then((found) => {
        if (live) setLoaded(found);
      })
      .catch((err: unknown) => notify('error', `Could not load the question: ${String(err)}`));
    return () => {
      live = false;
    };
  }, [inMemory, session, shown.key, notify]);

  useEffect(() => {
    if (item !== null) return;
    session.say('That question is no longer stored; moving on.');
    session
      .showNext()
      .catch((err: unknown) => notify('error', `Could not load the next card: ${String(err)}`));
  }, [item, session, notify]);

  if (!item) return <p role="status">Loading the question…</p>;
  return (
    <CardBody session={session} shown={shown} settings={settings} card={item.card} row={item.question} />
  );
}

function CardBody({
  session,
  shown,
  settings,
  card,
  row,
}: {
  session: StudySession;
  shown: ShownCard;
  settings: AppSettings | undefined;
  card: CardRow;
  row: QuestionRow;
}) {
  const question: Question = row.question;
  const phase = useAppStore((s) => s.session.phase);
  const pending = useAppStore((s) => s.session.pending);
  const hintShown = useAppStore((s) => s.session.hintShown);
  const busy = useAppStore((s) => s.session.busy);
  const canUndo = useAppStore((s) => s.session.canUndo);
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);

  const arrangement = useMemo(() => arrangeQuestion(question, shown.seed), [question, shown.seed]);
  const [draftState, setDraft] = useState<QuestionDraft | null>(null);
  const draft = draftState ?? createDraft(question, arrangement);
  const rootRef = useRef<HTMLElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const goodRef = useRef<HTMLButtonElement>(null);

  // The bench: the next card is in the DOM (before the paint that `lectern:answer:end` waits for).
  useLayoutEffect(() => markPhase('lectern:answer:rendered'), []);

  // A new card: put the cursor where the answer goes (text fields) or on the prompt.
  useEffect(() => {
    const root = rootRef.current;
    // Not after suspend or undo: a key pressed for the message ("Press U to undo") must not type.
    const input = useAppStore.getState().session.focusAnswer
      ? root?.querySelector<HTMLElement>('[data-answer-input="true"]')
      : null;
    (input ?? root?.querySelector<HTMLElement>('[data-question-prompt="true"]'))?.focus();
    // The bench's "answer → next question painted" ends here (every showing mounts a new card).
    markAfterPaint('lectern:answer:end');
    // Once painted, read the next card's question ahead, so showing it needs no database read.
    const frame = requestAnimationFrame(() =>
      setTimeout(() => {
        session.prefetchUpcoming().catch(() => {
          // Only a read ahead: showing that card reads (and reports) again.
        });
      }, 0),
    );
    return () => cancelAnimationFrame(frame);
  }, [session]);

  useEffect(() => {
    if (phase === 'answered') confirmRef.current?.focus();
    else if (phase === 'revealed') goodRef.current?.focus();
  }, [phase]);
  // "I was right" leaves with its button: the focus goes on to Continue.
  const overridden = pending?.overridden === true;
  useEffect(() => {
    if (overridden) confirmRef.current?.focus();
  }, [overridden]);

  const cardSettings = settings ? resolveCardSettings(settings, shown.key) : null;
  const dueLoad = useDueLoad(shown.key, settings, card.rev);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the preview is taken when the rating is shown
  const preview = useMemo(
    () => (cardSettings ? previewCard(card, Date.now(), cardSettings, shown.key, dueLoad?.load) : null),
    [card.rev, phase, settings, dueLoad],
  );

  const fail = (what: string) => (err: unknown) =>
    notify(
      'error',
      err instanceof NextCardError
        ? err.message
        : isStorageFull(err)
          ? `${what}: the disk is full. Your earlier answers are kept — free some space and answer again.`
          : `${what}: ${err instanceof Error ? err.message : String(err)}`,
    );

  const submit = () => {
    const response = draftToResponse(draft);
    if (!response) {
      session.say('Choose an answer first.');
      return;
    }
    session.submitAnswer(question, response, Date.now());
  };

  const readInContext = () =>
    navigate({
      name: 'reader',
      packId: row.packId,
      chapterId: row.chapterId,
      sectionId: row.section,
      highlight: true,
      ...(question.evidence ? { evidence: question.evidence } : {}),
      from: 'study',
    });

  const run = (action: StudyAction) => {
    switch (action.kind) {
      case 'reveal':
        return session.revealAnswer();
      case 'submit':
        return submit();
      case 'rate':
        return void session.rateFlashcard(question, action.rating).catch(fail('Could not save the answer'));
      case 'confirm':
        return void session.confirmAnswer('suggested').catch(fail('Could not save the answer'));
      case 'guessed':
        return void session.confirmAnswer('guessed').catch(fail('Could not save the answer'));
      case 'override':
        return session.overrideAnswer();
      case 'undo':
        return void session
          .undoLast()
          .then((ok) => {
            if (!ok) notify('info', 'Nothing to undo.');
          })
          .catch(fail('Could not undo'));
      case 'suspend':
        return void session.suspendCurrent().catch(fail('Could not suspend'));
      case 'flag':
        return void session.setCurrentFlag(card.flagged !== 1).catch(fail('Could not flag'));
      case 'hint':
        return question.hint ? session.showHint() : undefined;
      case 'context':
        return readInContext();
      case 'end':
        return session.finish();
    }
  };

  useStudyKeys((key) => {
    if (session.isBusy()) return false;
    if (phase === 'question') {
      const next = applyAnswerKey(question, arrangement, draft, key);
      if (next) {
        setDraft(next);
        return true;
      }
    }
    const action = mapStudyKey(key, phase, question.type);
    if (!action) return false;
    if (action.kind === 'guessed' && question.type === 'flashcard') return false;
    if (action.kind === 'override' && !canOverride(pending)) return false;
    run(action);
    return true;
  });

  const answered = phase === 'answered' && pending !== null;
  return (
    <article
      ref={rootRef}
      className="study-card card"
      aria-labelledby="study-prompt"
      data-question-id={question.id}
      data-showing={`${shown.key}@${shown.shownAt}`}
      data-phase={phase}
    >
      <p className="study-card__meta">
        <span className="badge">{STATE_NAMES[card.state]}</span>
        {card.flagged ? <span className="badge badge--due">Flagged</span> : null}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <QuestionView
          question={question}
          arrangement={arrangement}
          draft={draft}
          onChange={setDraft}
          disabled={phase !== 'question'}
          revealed={phase === 'revealed'}
          idPrefix="study"
        />
        {hintShown && question.hint ? (
          <p className="study-hint">
            <strong>Hint:</strong> {question.hint}
          </p>
        ) : null}
        {phase === 'question' ? (
          <div className="study-actions">
            {question.type === 'flashcard' ? (
              <button type="button" onClick={() => session.revealAnswer()}>
                Show answer{' '}
                <span className="kbd" aria-hidden="true">
                  Space
                </span>
              </button>
            ) : (
              <button type="submit" disabled={busy}>
                Check answer{' '}
                <span className="kbd" aria-hidden="true">
                  Enter
                </span>
              </button>
            )}
            {question.hint && !hintShown ? (
              <button type="button" className="secondary" onClick={() => session.showHint()}>
                Show hint{' '}
                <span className="kbd" aria-hidden="true">
                  H
                </span>
              </button>
            ) : null}
          </div>
        ) : null}
      </form>

      {answered ? (
        <AnswerFeedback
          question={question}
          grade={pending.grade}
          arrangement={arrangement}
          headingId="study-verdict"
          overridden={pending.overridden === true}
        />
      ) : null}
      {answered && canOverride(pending) ? (
        <p>
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => session.overrideAnswer()}
          >
            I was right{' '}
            <span className="kbd" aria-hidden="true">
              {ACTION_LETTERS.override.toUpperCase()}
            </span>
          </button>
        </p>
      ) : null}
      {phase === 'revealed' && question.explanation ? (
        <section className="feedback" aria-labelledby="study-explanation">
          <h2 id="study-explanation" className="feedback__heading">
            Explanation
          </h2>
          <Markdown source={question.explanation} />
        </section>
      ) : null}
      {phase !== 'question' ? (
        <p>
          <button type="button" className="secondary" onClick={readInContext}>
            Read in context{' '}
            <span className="kbd" aria-hidden="true">
              R
            </span>
          </button>
        </p>
      ) : null}
      {phase === 'revealed' ? (
        <FlashcardRatingBar
          ref={goodRef}
          preview={preview}
          disabled={busy}
          onRate={(r: Rating) => run({ kind: 'rate', rating: r })}
        />
      ) : null}
      {answered ? (
        <ConfirmBar
          ref={confirmRef}
          preview={preview}
          suggested={pending.suggested}
          guessed={pending.guessed}
          reason={explainRating(pending.grade, { hintUsed: hintShown }, pending.suggested)}
          disabled={busy}
          onConfirm={(c) => run({ kind: c === 'guessed' ? 'guessed' : 'confirm' })}
        />
      ) : null}

      <CardTools
        flagged={card.flagged === 1}
        busy={busy}
        canUndo={canUndo}
        onAction={(kind) => run({ kind })}
      />
    </article>
  );
}
