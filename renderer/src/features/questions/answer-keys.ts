/**
 * The key map, written down once: every key that answers a question (1–9 then letters pick a
 * choice, T/F answer true/false, 1–4 rate a flashcard) and every key of an action (reveal, check,
 * continue, I guessed, I was right, hint, read in context, undo, suspend, flag, play the sound, end), with the
 * phases and question types where it acts. No action uses a key that an answer uses (as Anki puts
 * flag and suspend on keys no choice takes), so F on a true/false card answers False and M flags.
 * Pure: the study screen and the self-test map keys through it, the Keyboard panel lists it, and a
 * unit test walks every question type and phase to prove that no key does two things.
 */
import type { Question, QuestionType } from '../../core/pack/schema';
import type { Rating } from '../../core/scheduler';
import type { StudyPhase } from '../../store/session-slice';
import type { Arrangement, QuestionDraft } from './draft';
import { toggleChoice } from './draft';

/** What a study shortcut does (answer keys are applied to the draft by {@link applyAnswerKey}). */
export type StudyAction =
  | { kind: 'reveal' }
  | { kind: 'submit' }
  | { kind: 'rate'; rating: Rating }
  | { kind: 'confirm' }
  | { kind: 'guessed' }
  | { kind: 'override' }
  | { kind: 'undo' }
  | { kind: 'suspend' }
  | { kind: 'flag' }
  | { kind: 'hint' }
  | { kind: 'context' }
  | { kind: 'play' }
  | { kind: 'end' };

/** One line of the key map. `keys` are `KeyboardEvent.key` values, letters in lower case. */
export interface KeyBinding {
  /** An answer (picks a choice, answers true/false, rates a flashcard) or an action. */
  role: 'answer' | 'action';
  name: 'choose' | 'true' | 'false' | StudyAction['kind'];
  keys: readonly string[];
  phases: readonly StudyPhase[];
  /** The question types it acts on (all when absent). */
  types?: readonly QuestionType[];
  /** As shown in the Keyboard panel. */
  label: string;
  what: string;
}

const ALL_PHASES: readonly StudyPhase[] = ['question', 'revealed', 'answered'];
const GRADED: readonly QuestionType[] = [
  'multiple-choice',
  'true-false',
  'typed',
  'cloze',
  'matching',
  'ordering',
];

/** Letters of actions and of true/false: never a choice's key. */
export const ACTION_LETTERS = {
  guessed: 'g',
  override: 'o',
  hint: 'h',
  context: 'r',
  undo: 'u',
  suspend: 's',
  flag: 'm',
} as const;
const TRUE_FALSE_LETTERS = ['t', 'f'] as const;
const RESERVED = new Set<string>([...Object.values(ACTION_LETTERS), ...TRUE_FALSE_LETTERS]);

/** The keys that pick choices, in display order: 1–9, then the letters no action or T/F uses. */
export const CHOICE_KEYS: readonly string[] = [
  ...'123456789',
  ...'abcdefghijklmnopqrstuvwxyz'.split('').filter((l) => !RESERVED.has(l)),
];

const RATING_KEYS = ['1', '2', '3', '4'] as const;

/** The key that plays a card's sound (`[sound:NAME]`). */
export const PLAY_KEY = '0';

/** Every key binding of the study screen (the Keyboard panel shows them in this order). */
export const KEY_MAP: readonly KeyBinding[] = [
  {
    role: 'action',
    name: 'reveal',
    keys: [' ', 'Enter'],
    phases: ['question'],
    types: ['flashcard'],
    label: 'Space / Enter',
    what: 'Show the answer of a flashcard',
  },
  {
    role: 'action',
    name: 'submit',
    keys: [' ', 'Enter'],
    phases: ['question'],
    types: GRADED,
    label: 'Space / Enter',
    what: 'Check the answer (Enter also in a text field)',
  },
  {
    role: 'action',
    name: 'confirm',
    keys: [' ', 'Enter'],
    phases: ['answered'],
    types: GRADED,
    label: 'Space / Enter',
    what: 'Continue with the suggested rating',
  },
  {
    role: 'action',
    name: 'rate',
    keys: [' ', 'Enter'],
    phases: ['revealed'],
    types: ['flashcard'],
    label: 'Space / Enter',
    what: 'Rate a shown flashcard Good and continue',
  },
  {
    role: 'answer',
    name: 'rate',
    keys: RATING_KEYS,
    phases: ['revealed'],
    types: ['flashcard'],
    label: '1 2 3 4',
    what: 'Rate a flashcard: Again, Hard, Good, Easy',
  },
  {
    role: 'answer',
    name: 'choose',
    keys: CHOICE_KEYS,
    phases: ['question'],
    types: ['multiple-choice'],
    label: `1–9, then ${CHOICE_KEYS.slice(9).join(' ').toUpperCase()}`,
    what: 'Pick the choice with that key',
  },
  {
    role: 'answer',
    name: 'true',
    keys: ['t'],
    phases: ['question'],
    types: ['true-false'],
    label: 'T',
    what: 'Answer true',
  },
  {
    role: 'answer',
    name: 'false',
    keys: ['f'],
    phases: ['question'],
    types: ['true-false'],
    label: 'F',
    what: 'Answer false',
  },
  {
    role: 'action',
    name: 'guessed',
    keys: [ACTION_LETTERS.guessed],
    phases: ['answered'],
    types: GRADED,
    label: 'G',
    what: 'I guessed (a right answer counts as Hard, a wrong one as Again)',
  },
  {
    role: 'action',
    name: 'override',
    keys: [ACTION_LETTERS.override],
    phases: ['answered'],
    types: ['typed', 'cloze'],
    label: 'O',
    what: 'I was right: count a typed answer marked wrong as right',
  },
  {
    role: 'action',
    name: 'hint',
    keys: [ACTION_LETTERS.hint],
    phases: ['question'],
    label: 'H',
    what: 'Show the hint (a right answer then counts as Hard)',
  },
  {
    role: 'action',
    name: 'context',
    keys: [ACTION_LETTERS.context],
    phases: ['revealed', 'answered'],
    label: 'R',
    what: 'Read the passage in context (Esc there comes back)',
  },
  {
    role: 'action',
    name: 'undo',
    keys: [ACTION_LETTERS.undo],
    phases: ALL_PHASES,
    label: 'U',
    what: 'Undo the last answer or suspension',
  },
  {
    role: 'action',
    name: 'suspend',
    keys: [ACTION_LETTERS.suspend],
    phases: ALL_PHASES,
    label: 'S',
    what: 'Suspend this question',
  },
  {
    role: 'action',
    name: 'flag',
    keys: [ACTION_LETTERS.flag],
    phases: ALL_PHASES,
    label: 'M',
    what: 'Flag (mark) this question, or remove its flag',
  },
  {
    role: 'action',
    name: 'play',
    // Every letter and 1–9 can pick a choice: 0 is the one key left that no answer uses.
    keys: [PLAY_KEY],
    phases: ALL_PHASES,
    label: PLAY_KEY,
    what: 'Play the sound on the card (the first, if there are several)',
  },
  {
    role: 'action',
    name: 'end',
    keys: ['Escape'],
    phases: ALL_PHASES,
    label: 'Esc',
    what: 'End the session',
  },
];

/** Keys the widgets handle themselves (listed in the Keyboard panel, not study shortcuts). */
export const WIDGET_KEYS: ReadonlyArray<readonly [string, string]> = [
  ['Alt+↑ / Alt+↓', 'Move an item in an ordering question'],
  ['Tab', 'Move between controls'],
];

/** Normalizes a `KeyboardEvent.key`: letters to lower case, named keys as they are. */
export function normalizeKey(key: string): string {
  return key.length === 1 ? key.toLowerCase() : key;
}

/** The binding of `key` for a `type` question in `phase`, or null. */
export function findBinding(key: string, phase: StudyPhase, type: QuestionType): KeyBinding | null {
  const k = normalizeKey(key);
  return (
    KEY_MAP.find(
      (b) => b.phases.includes(phase) && (!b.types || b.types.includes(type)) && b.keys.includes(k),
    ) ?? null
  );
}

/** The key shown beside the choice at `position` (0-based): "1"…"9", then "A", "B", … (skipping action letters). */
export function labelChoiceKey(position: number): string {
  return (CHOICE_KEYS[position] ?? '').toUpperCase();
}

/** The display position a key picks among `count` choices, or null. */
export function findChoicePosition(key: string, count: number): number | null {
  const position = CHOICE_KEYS.indexOf(normalizeKey(key));
  return position >= 0 && position < count ? position : null;
}

/**
 * The draft after pressing `key` on `question`, or null when the key does not answer it (so the
 * caller may use it for something else).
 */
export function applyAnswerKey(
  question: Question,
  arrangement: Arrangement,
  draft: QuestionDraft,
  key: string,
): QuestionDraft | null {
  if (question.type === 'multiple-choice' && draft.type === 'multiple-choice') {
    const position = findChoicePosition(key, arrangement.choiceOrder.length);
    const choice = position === null ? undefined : arrangement.choiceOrder[position];
    return choice === undefined ? null : toggleChoice(question, draft, choice);
  }
  if (question.type === 'true-false' && draft.type === 'true-false') {
    const k = normalizeKey(key);
    if (k === 't') return { type: 'true-false', value: true };
    if (k === 'f') return { type: 'true-false', value: false };
  }
  return null;
}
