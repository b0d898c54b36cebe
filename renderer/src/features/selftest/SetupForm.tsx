/**
 * Setting up a self-test: packs and chapters, how many questions, which types, an optional time
 * limit, weakest-first or random, exam or practice, and whether it counts for the study schedule.
 */
import { type FormEvent, useId, useMemo, useState } from 'react';
import { describeError } from '../../core/describe-error';
import { QUESTION_TYPES, type QuestionType } from '../../core/pack/schema';
import { MAX_TEST_QUESTIONS, MIN_TEST_QUESTIONS } from '../../core/selftest';
import { startTest } from '../../ops/selftest';
import { useAppStore } from '../../store';
import { PackChapters, type RadioChoice, RadioOptions } from './SetupFields';
import {
  createDefaultSetup,
  findSetupProblems,
  MAX_LIMIT_MINUTES,
  MIN_LIMIT_MINUTES,
  type SetupChoices,
  type SetupProblem,
  toggleType,
  toStartInput,
} from './setup-model';
import { useFlaggedCount } from './use-flagged-count';
import { countMatching, countOfType, type SetupData } from './use-setup-data';

/** Names of the question types on the form, as the student knows them. */
export const TYPE_LABELS: Record<QuestionType, string> = {
  flashcard: 'Flashcards (you say whether you knew the answer)',
  'multiple-choice': 'Multiple choice',
  'true-false': 'True or false',
  typed: 'Typed answers',
  cloze: 'Fill in the blanks',
  matching: 'Matching',
  ordering: 'Ordering',
};

const ORDER_OPTIONS: readonly RadioChoice<SetupChoices['order']>[] = [
  {
    value: 'weakest',
    label: 'Weakest first',
    hint: 'The questions you are least likely to remember; ones you never studied come first.',
  },
  { value: 'random', label: 'Random', hint: 'A random draw from the chosen chapters.' },
];

const MODE_OPTIONS: readonly RadioChoice<SetupChoices['mode']>[] = [
  {
    value: 'exam',
    label: 'Exam',
    hint: 'No feedback until the end; you can go back and change answers. When the time runs out, unanswered questions count as wrong.',
  },
  {
    value: 'practice',
    label: 'Practice',
    hint: 'See right or wrong and the explanation after each question.',
  },
];

function parseWhole(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

export function SetupForm({ data, packId }: { data: SetupData; packId?: string }) {
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const [choices, setChoices] = useState<SetupChoices>(() => createDefaultSetup(data.packs, packId));
  const [countText, setCountText] = useState(String(choices.count));
  const [limitText, setLimitText] = useState(String(choices.limitMinutes));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const current: SetupChoices = {
    ...choices,
    count: parseWhole(countText),
    limitMinutes: parseWhole(limitText),
  };
  const allMatching = useMemo(
    () => countMatching(data.counts, choices.chapters, choices.types),
    [data.counts, choices.chapters, choices.types],
  );
  const flaggedMatching = useFlaggedCount(
    choices.flaggedOnly === true,
    useMemo(() => data.packs.map((p) => p.id), [data.packs]),
    choices.chapters,
    choices.types,
  );
  // null while the flagged questions are read: no "none match" until they are counted.
  const matching = choices.flaggedOnly ? flaggedMatching : allMatching;
  const problems = findSetupProblems(current, matching);
  const problemOf = (field: SetupProblem['field']) =>
    tried ? problems.find((p) => p.field === field) : undefined;
  const patch = (p: Partial<SetupChoices>) => setChoices((c) => ({ ...c, ...p }));

  const start = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problems.length > 0 || busy) return;
    setBusy(true);
    try {
      const now = Date.now();
      const input = toStartInput(
        current,
        data.packs.map((p) => p.id),
        `selftest-${now}`,
        now,
      );
      const res = await startTest(input);
      if (!res.ok) {
        notify('error', 'No question matches these choices.');
        return;
      }
      navigate({ name: 'selftest', testId: res.test.id });
    } catch (err) {
      notify('error', `Could not start the test: ${describeError(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const counted = matching ?? 0;
  const willAsk = Number.isInteger(current.count) ? Math.min(counted, current.count) : counted;
  const some = choices.flaggedOnly ? 'flagged question' : 'question';
  const describedBy = (field: SetupProblem['field'], hint?: string) => {
    const ids = [hint, problemOf(field) ? `${id}-${field}-error` : undefined].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : undefined;
  };
  const errorText = (field: SetupProblem['field']) => {
    const p = problemOf(field);
    return p ? (
      <p id={`${id}-${field}-error`} className="field-error">
        {p.message}
      </p>
    ) : null;
  };

  return (
    <form className="card setup-form" aria-labelledby={`${id}-title`} onSubmit={start} noValidate>
      <h2 id={`${id}-title`}>New self-test</h2>

      <fieldset className="setup-group" aria-describedby={describedBy('chapters')}>
        <legend>Packs and chapters</legend>
        {data.packs.map((pack) => (
          <PackChapters key={pack.id} pack={pack} data={data} choices={choices} onChange={patch} />
        ))}
        {describeError('chapters')}
      </fieldset>

      <div className="setup-group">
        <label htmlFor={`${id}-count`} className="setup-field">
          <span>
            Number of questions ({MIN_TEST_QUESTIONS}–{MAX_TEST_QUESTIONS})
          </span>
          <input
            id={`${id}-count`}
            type="number"
            inputMode="numeric"
            min={MIN_TEST_QUESTIONS}
            max={MAX_TEST_QUESTIONS}
            step={1}
            value={countText}
            aria-invalid={problemOf('count') ? true : undefined}
            aria-describedby={describedBy('count')}
            onChange={(e) => setCountText(e.target.value)}
          />
        </label>
        {describeError('count')}
      </div>

      <fieldset className="setup-group" aria-describedby={describedBy('types')}>
        <legend>Question types</legend>
        <ul className="setup-options">
          {QUESTION_TYPES.map((t) => (
            <li key={t}>
              <label>
                <input
                  type="checkbox"
                  checked={choices.types.includes(t)}
                  onChange={(e) => patch({ types: toggleType(choices.types, t, e.target.checked) })}
                />
                {TYPE_LABELS[t]}{' '}
                <span className="muted">
                  ({countOfType(data.counts, choices.chapters, t)} in the chosen chapters)
                </span>
              </label>
            </li>
          ))}
        </ul>
        {describeError('types')}
      </fieldset>

      <fieldset className="setup-group" aria-describedby={describedBy('limit')}>
        <legend>Time limit</legend>
        <label>
          <input
            type="checkbox"
            checked={choices.timed}
            onChange={(e) => patch({ timed: e.target.checked })}
          />
          Set a time limit
        </label>{' '}
        <label htmlFor={`${id}-minutes`} className="setup-field setup-field--inline">
          <span>Minutes</span>
          <input
            id={`${id}-minutes`}
            type="number"
            inputMode="numeric"
            min={MIN_LIMIT_MINUTES}
            max={MAX_LIMIT_MINUTES}
            step={1}
            value={limitText}
            disabled={!choices.timed}
            aria-invalid={problemOf('limit') ? true : undefined}
            onChange={(e) => setLimitText(e.target.value)}
          />
        </label>
        {describeError('limit')}
      </fieldset>

      <fieldset className="setup-group">
        <legend>Which questions</legend>
        <RadioOptions
          name={`${id}-order`}
          value={choices.order}
          options={ORDER_OPTIONS}
          onSelect={(order) => patch({ order })}
        />
        <label className="setup-flagged">
          <input
            type="checkbox"
            checked={choices.flaggedOnly === true}
            aria-describedby={`${id}-flagged-hint`}
            onChange={(e) => patch({ flaggedOnly: e.target.checked })}
          />
          Flagged only
        </label>
        <p id={`${id}-flagged-hint`} className="muted setup-hint">
          Only the questions you flagged (in Study or Browse).
        </p>
      </fieldset>

      <fieldset className="setup-group">
        <legend>Mode</legend>
        <RadioOptions
          name={`${id}-mode`}
          value={choices.mode}
          options={MODE_OPTIONS}
          onSelect={(mode) => patch({ mode })}
        />
      </fieldset>

      <div className="setup-group">
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            aria-checked={choices.countsForSchedule}
            checked={choices.countsForSchedule}
            aria-describedby={`${id}-schedule-hint`}
            onChange={(e) => patch({ countsForSchedule: e.target.checked })}
          />
          Count toward my study schedule
        </label>
        <p id={`${id}-schedule-hint`} className="muted setup-hint">
          {choices.countsForSchedule
            ? 'On: each answer is also recorded as a review, so the questions are rescheduled as in Study.'
            : 'Off: this test leaves your study schedule and review history exactly as they are.'}
        </p>
      </div>

      <p className="setup-summary" aria-live="polite">
        {matching === null
          ? 'Counting the flagged questions…'
          : matching === 0
            ? `No ${some} matches these chapters and types.`
            : `${matching} ${some}${matching === 1 ? '' : 's'} match; the test will ask ${willAsk}.`}
      </p>
      {describeError('pool')}
      <button type="submit" disabled={busy}>
        Start the test
      </button>
    </form>
  );
}
