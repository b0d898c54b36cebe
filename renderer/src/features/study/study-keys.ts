/**
 * The study screen's keyboard map, pure so it can be tested: which key does what in which phase,
 * and which keys must be left alone because of where focus is (typing in a field, a button that
 * Space and Enter already press).
 */
import type { QuestionType } from '../../core/pack/schema';
import type { Rating } from '../../core/scheduler';
import type { StudyPhase } from '../../store/session-slice';
import { findBinding, normalizeKey, type StudyAction } from '../questions/answer-keys';

/** Where a key was pressed, as far as shortcuts care. */
export type KeyTarget = 'text' | 'toggle' | 'button' | 'other';

export type { StudyAction } from '../questions/answer-keys';

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

/**
 * The action of `key` in `phase` for a `type` question, from the one key map
 * (`questions/answer-keys.ts`). Answer keys (choices, T/F) are applied to the draft before this
 * and are no action; 1–4 on a shown flashcard rate it.
 */
export function mapStudyKey(key: string, phase: StudyPhase, type: QuestionType): StudyAction | null {
  const b = findBinding(key, phase, type);
  if (!b) return null;
  if (b.name === 'rate') {
    const k = normalizeKey(key);
    return { kind: 'rate', rating: (k === ' ' || k === 'Enter' ? 3 : Number(k)) as Rating };
  }
  if (b.name === 'choose' || b.name === 'true' || b.name === 'false') return null;
  return { kind: b.name } as StudyAction;
}
