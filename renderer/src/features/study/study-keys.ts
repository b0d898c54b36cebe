/**
 * The study screen's keyboard map, pure so it can be tested: which key does what in which phase,
 * and which keys must be left alone because of where focus is (typing in a field, a button that
 * Space and Enter already press).
 */
import type { QuestionType } from '../../core/pack/schema';
import type { Rating } from '../../core/scheduler';
import type { StudyPhase } from '../../store/session-slice';

/** Where a key was pressed, as far as shortcuts care. */
export type KeyTarget = 'text' | 'toggle' | 'button' | 'other';

/** What a shortcut does. */
export type StudyAction =
  | { kind: 'reveal' }
  | { kind: 'submit' }
  | { kind: 'rate'; rating: Rating }
  | { kind: 'confirm' }
  | { kind: 'guessed' }
  | { kind: 'undo' }
  | { kind: 'suspend' }
  | { kind: 'flag' }
  | { kind: 'hint' }
  | { kind: 'context' }
  | { kind: 'end' };

const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
]);

/** Classifies an event target by duck typing (works on DOM elements and on plain test objects). */
export function classifyKeyTarget(target: unknown): KeyTarget {
  if (typeof target !== 'object' || target === null) return 'other';
  const el = target as {
    tagName?: unknown;
    type?: unknown;
    isContentEditable?: unknown;
    getAttribute?: unknown;
  };
  const tag = typeof el.tagName === 'string' ? el.tagName.toUpperCase() : '';
  const role =
    typeof el.getAttribute === 'function'
      ? (el.getAttribute as (n: string) => string | null).call(el, 'role')
      : null;
  if (el.isContentEditable === true || tag === 'TEXTAREA' || tag === 'SELECT') return 'text';
  if (tag === 'INPUT') {
    const type = typeof el.type === 'string' ? el.type.toLowerCase() : 'text';
    if (type === 'radio' || type === 'checkbox') return 'toggle';
    if (type === 'button' || type === 'submit' || type === 'reset') return 'button';
    return TEXT_INPUT_TYPES.has(type) || type === '' ? 'text' : 'other';
  }
  if (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || role === 'button' || role === 'link')
    return 'button';
  return 'other';
}

/**
 * Tells whether a shortcut may act on `key` pressed in `target`: never while typing in a field
 * (Enter there submits the form by itself), and not Space/Enter on a button or Space on a
 * checkbox or radio, which the browser already handles.
 */
export function isShortcutAllowed(key: string, target: KeyTarget): boolean {
  if (target === 'text') return false;
  if (target === 'button') return key !== ' ' && key !== 'Enter';
  if (target === 'toggle') return key !== ' ';
  return true;
}

const RATING_KEYS: Record<string, Rating> = { '1': 1, '2': 2, '3': 3, '4': 4 };

/**
 * The action of `key` in `phase` (answer keys — choices, T/F — are handled before this, so they
 * take precedence while answering). Space/Enter: reveal a flashcard, submit an answer, or continue
 * with the suggested rating (Good for a revealed flashcard); 1–4 rate a flashcard; G "I guessed";
 * H hint; R read in context; U undo; S suspend; F flag; Escape ends the session.
 */
export function mapStudyKey(key: string, phase: StudyPhase, type: QuestionType): StudyAction | null {
  const k = key.length === 1 ? key.toLowerCase() : key;
  const go = k === ' ' || k === 'Enter';
  if (phase === 'question') {
    if (go) return type === 'flashcard' ? { kind: 'reveal' } : { kind: 'submit' };
    if (k === 'h') return { kind: 'hint' };
  } else if (phase === 'revealed') {
    const rating = RATING_KEYS[k];
    if (rating) return { kind: 'rate', rating };
    if (go) return { kind: 'rate', rating: 3 };
    if (k === 'r') return { kind: 'context' };
  } else {
    if (go) return { kind: 'confirm' };
    if (k === 'g') return { kind: 'guessed' };
    if (k === 'r') return { kind: 'context' };
  }
  if (k === 'u') return { kind: 'undo' };
  if (k === 's') return { kind: 'suspend' };
  if (k === 'f') return { kind: 'flag' };
  if (k === 'Escape') return { kind: 'end' };
  return null;
}
