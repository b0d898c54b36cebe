/**
 * Keys collided: F on a true/false card answered False instead of flagging. The key map is one
 * table; this walks every question type and phase and proves that no key does two things, and that
 * no action takes a key any answer uses.
 */
import { describe, expect, it } from 'vitest';
import type { QuestionType } from '../../../../renderer/src/core/pack/schema';
import {
  ACTION_LETTERS,
  CHOICE_KEYS,
  findBinding,
  KEY_MAP,
} from '../../../../renderer/src/features/questions';
import { mapStudyKey } from '../../../../renderer/src/features/study';
import type { StudyPhase } from '../../../../renderer/src/store/session-slice';

const TYPES: QuestionType[] = [
  'flashcard',
  'multiple-choice',
  'true-false',
  'typed',
  'cloze',
  'matching',
  'ordering',
];
const PHASES: StudyPhase[] = ['question', 'revealed', 'answered'];
const KEYS = [...'abcdefghijklmnopqrstuvwxyz0123456789', ' ', 'Enter', 'Escape', 'Tab'];

describe('the key map (keys collide: F on a true/false card answered False instead of flagging)', () => {
  it('gives no key two meanings for any question type in any phase', () => {
    for (const type of TYPES)
      for (const phase of PHASES)
        for (const key of KEYS) {
          const uses = KEY_MAP.filter(
            (b) => b.phases.includes(phase) && (!b.types || b.types.includes(type)) && b.keys.includes(key),
          );
          const where = `${JSON.stringify(key)} on ${type} in ${phase}`;
          expect(uses.map((b) => `${b.role}:${b.name}`).length, where).toBeLessThanOrEqual(1);
        }
  });

  it('puts no action on a key that any answer uses, in any phase', () => {
    const answerKeys = new Set(KEY_MAP.filter((b) => b.role === 'answer').flatMap((b) => b.keys));
    const clashes = KEY_MAP.filter((b) => b.role === 'action').flatMap((b) =>
      b.keys.filter((k) => answerKeys.has(k)).map((k) => `${b.name}: ${k}`),
    );
    expect(clashes).toEqual([]);
  });

  it('has 26 choice keys (the schema allows 26 choices), none a letter of an action or of T/F', () => {
    expect(CHOICE_KEYS).toHaveLength(26);
    for (const l of [...Object.values(ACTION_LETTERS), 't', 'f']) expect(CHOICE_KEYS).not.toContain(l);
  });

  it('flags with M on every type, and F on a true/false card is the answer False, not the flag', () => {
    for (const type of TYPES) expect(mapStudyKey('m', 'question', type)).toEqual({ kind: 'flag' });
    expect(findBinding('f', 'question', 'true-false')?.name).toBe('false');
    expect(mapStudyKey('f', 'question', 'true-false')).toBeNull();
    for (const type of TYPES)
      for (const phase of PHASES) expect(mapStudyKey('f', phase, type)?.kind).not.toBe('flag');
  });
});
