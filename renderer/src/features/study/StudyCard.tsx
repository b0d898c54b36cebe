/**
 * The card on screen: the question and its answer widget, then the grade, explanation, Read in
 * context and the rating; plus hint, flag, suspend, undo and end-session controls, all by keyboard.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { markAfterPaint, markPhase } from '../../app/perf';
import type { Question } from '../../core/pack/schema';
import { previewCard, type Rating } from '../../core/scheduler';
import type { AppSettings } from '../../core/settings';
import type { StudyItem } from '../../db/repos/study-repo';
import type { CardRow, QuestionRow } from '../../db/schema/rows';
import { isStorageFull } from '../../db/schema/storage-errors';
import { useAppStore } from '../../store';
import type { PendingAnswer, ShownCard } from '../../store/session-slice';
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
import { Markdown } from '../reader/Markdown';
import { CardTools } from './CardTools';
import { setCurrentFlag, suspendCurrent, undoLast } from './card-actions';
import { explainRating } from './format';
import { resolveCardSettings } from './load-queue';
import { ConfirmBar, FlashcardRatingBar } from './RatingBars';
import {
  confirmAnswer,
  finishSession,
  isStudyBusy,
  loadShownItem,
  NextCardError,
  overrideAnswer,
  prefetchUpcoming,
  rateFlashcard,
  revealAnswer,
  type StudyDeps,
  showHint,
  showNext,
  submitAnswer,
} from './session-controller';
import { peekStudyItem } from './session-runtime';
import type { StudyAction } from './study-keys';
import { mapStudyKey } from './study-keys';
import { useStudyKeys } from './use-study-keys';

const STATE_NAMES = ['New question', 'Learning', 'Review', 'Relearning'] as const;

/** "I was right" is offered for a typed or cloze answer marked wrong, once. */
function canOverride(pending: PendingAnswer | null): boolean {
  if (!pending || pending.overridden || pending.grade.correct) return false;
  return pending.grade.questionType === 'typed' || pending.grade.questionType === 'cloze';
}

export function StudyCard({
  deps,
  shown,
  settings,
}: {
  deps: StudyDeps;
  shown: ShownCard;
  settings: AppSettings | undefined;
}) {
  const notify = useAppStore((s) => s.notify);
  const sessionId = useAppStore((s) => s.session.id);
  // The card and its question are in memory (queued and read ahead): no database read to show it.
  const inMemory = peekStudyItem(sessionId, shown.key);
  const [loaded, setLoaded] = useState<StudyItem | null | undefined>(undefined);
  const item = inMemory ?? loaded;

  useEffect(() => {
    if (inMemory) return;
    let live = true;
    loadShownItem(deps, sessionId, shown.key)
      .then((found) => {
        if (live) setLoaded(found);
      })
      .catch((err: unknown) => notify('error', `Could not load the question: ${String(err)}`));
    return () => {
      live = false;
    };
  }, [inMemory, deps, sessionId, shown.key, notify]);

  useEffect(() => {
    if (item !== null) return;
    useAppStore
      .getState()
      .patchSession(sessionId, { message: 'That question is no longer stored; moving on.' });
    showNext(deps, sessionId).catch((err: unknown) =>
      notify('error', `Could not load the next card: ${String(err)}`),
    );
  }, [item, deps, sessionId, notify]);

  if (!item) return <p role="status">Loading the question…</p>;
  return <CardBody deps={deps} shown={shown} settings={settings} card={item.card} row={item.question} />;
}

function CardBody({
  deps,
  shown,
  settings,
  card,
  row,
}: {
  deps: StudyDeps;
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
  const canUndo = useAppStore((s) => s.session.undo.length > 0);
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
        prefetchUpcoming(deps).catch(() => {
          // Only a read ahead: showing that card reads (and reports) again.
        });
      }, 0),
    );
    return () => cancelAnimationFrame(frame);
  }, [deps]);

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
  // biome-ignore lint/correctness/useExhaustiveDependencies: the preview is taken when the rating is shown
  const preview = useMemo(
    () => (cardSettings ? previewCard(card, Date.now(), cardSettings, shown.key) : null),
    [card.rev, phase, settings],
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
      const s = useAppStore.getState().session;
      useAppStore.getState().patchSession(s.id, { message: 'Choose an answer first.' });
      return;
    }
    submitAnswer(question, response, Date.now());
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
        return revealAnswer();
      case 'submit':
        return submit();
      case 'rate':
        return void rateFlashcard(deps, question, action.rating).catch(fail('Could not save the answer'));
      case 'confirm':
        return void confirmAnswer(deps, 'suggested').catch(fail('Could not save the answer'));
      case 'guessed':
        return void confirmAnswer(deps, 'guessed').catch(fail('Could not save the answer'));
      case 'override':
        return overrideAnswer();
      case 'undo':
        return void undoLast(deps)
          .then((ok) => {
            if (!ok) notify('info', 'Nothing to undo.');
          })
          .catch(fail('Could not undo'));
      case 'suspend':
        return void suspendCurrent(deps).catch(fail('Could not suspend'));
      case 'flag':
        return void setCurrentFlag(deps, card.flagged !== 1).catch(fail('Could not flag'));
      case 'hint':
        return question.hint ? showHint() : undefined;
      case 'context':
        return readInContext();
      case 'end':
        return finishSession();
    }
  };

  useStudyKeys((key) => {
    if (isStudyBusy()) return false;
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
              <button type="button" onClick={revealAnswer}>
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
              <button type="button" className="secondary" onClick={showHint}>
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
          <button type="button" className="secondary" disabled={busy} onClick={overrideAnswer}>
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
