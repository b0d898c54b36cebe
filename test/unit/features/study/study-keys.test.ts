import { describe, expect, it } from 'vitest';
import type { Grade } from '../../../../renderer/src/core/grading';
import {
  classifyKeyTarget,
  computePercent,
  describeWhen,
  explainRating,
  formatCountdown,
  formatDuration,
  isShortcutAllowed,
  mapStudyKey,
} from '../../../../renderer/src/features/study';

const el = (tagName: string, extra: Record<string, unknown> = {}) => ({
  tagName,
  getAttribute: () => null,
  ...extra,
});

describe('where a key was pressed', () => {
  it('classifies fields, toggles, buttons and everything else', () => {
    expect(classifyKeyTarget(el('INPUT', { type: 'text' }))).toBe('text');
    expect(classifyKeyTarget(el('input', { type: 'number' }))).toBe('text');
    expect(classifyKeyTarget(el('TEXTAREA'))).toBe('text');
    expect(classifyKeyTarget(el('SELECT'))).toBe('text');
    expect(classifyKeyTarget(el('DIV', { isContentEditable: true }))).toBe('text');
    expect(classifyKeyTarget(el('INPUT', { type: 'radio' }))).toBe('toggle');
    expect(classifyKeyTarget(el('INPUT', { type: 'checkbox' }))).toBe('toggle');
    expect(classifyKeyTarget(el('BUTTON'))).toBe('button');
    expect(classifyKeyTarget(el('SUMMARY'))).toBe('button');
    expect(classifyKeyTarget(el('DIV', { getAttribute: () => 'button' }))).toBe('button');
    expect(classifyKeyTarget(el('H2'))).toBe('other');
    expect(classifyKeyTarget(null)).toBe('other');
  });

  it('never fires while typing; leaves Space/Enter to buttons and Space to checkboxes', () => {
    for (const key of ['Enter', ' ', 'u', '1', 'Escape']) expect(isShortcutAllowed(key, 'text')).toBe(false);
    expect(isShortcutAllowed('Enter', 'button')).toBe(false);
    expect(isShortcutAllowed(' ', 'button')).toBe(false);
    expect(isShortcutAllowed('u', 'button')).toBe(true);
    expect(isShortcutAllowed(' ', 'toggle')).toBe(false);
    expect(isShortcutAllowed('Enter', 'toggle')).toBe(true);
    expect(isShortcutAllowed(' ', 'other')).toBe(true);
  });
});

describe('the study key map', () => {
  it.each([
    [' ', 'question', 'flashcard', { kind: 'reveal' }],
    ['Enter', 'question', 'typed', { kind: 'submit' }],
    ['h', 'question', 'typed', { kind: 'hint' }],
    ['3', 'revealed', 'flashcard', { kind: 'rate', rating: 3 }],
    ['1', 'revealed', 'flashcard', { kind: 'rate', rating: 1 }],
    [' ', 'revealed', 'flashcard', { kind: 'rate', rating: 3 }],
    ['Enter', 'answered', 'matching', { kind: 'confirm' }],
    ['G', 'answered', 'typed', { kind: 'guessed' }],
    ['r', 'answered', 'typed', { kind: 'context' }],
    ['r', 'revealed', 'flashcard', { kind: 'context' }],
    ['u', 'question', 'typed', { kind: 'undo' }],
    ['S', 'answered', 'typed', { kind: 'suspend' }],
    ['m', 'question', 'typed', { kind: 'flag' }],
    ['f', 'question', 'true-false', null],
    ['o', 'answered', 'typed', { kind: 'override' }],
    ['o', 'answered', 'multiple-choice', null],
    ['Escape', 'answered', 'typed', { kind: 'end' }],
    ['1', 'answered', 'typed', null],
    ['g', 'question', 'typed', null],
    ['r', 'question', 'typed', null],
    ['x', 'question', 'typed', null],
  ] as const)('%j in %s (%s) → %j', (key, phase, type, action) => {
    expect(mapStudyKey(key, phase, type)).toEqual(action);
  });
});

describe('study words', () => {
  const grade = (over: Partial<Grade>): Grade => ({
    questionType: 'typed',
    correct: true,
    score: 1,
    partial: false,
    typo: false,
    parts: [],
    expectedText: '',
    givenText: '',
    fastMs: 5000,
    ...over,
  });

  it('says why a rating is suggested', () => {
    expect(explainRating(grade({ correct: false, score: 0 }), {}, 1)).toMatch(/Again/);
    expect(explainRating(grade({ correct: false, partial: true, score: 0.5 }), {}, 2)).toMatch(
      /Partly.*Hard/,
    );
    expect(explainRating(grade({}), { hintUsed: true }, 2)).toMatch(/hint.*Hard/);
    expect(explainRating(grade({}), {}, 4)).toMatch(/quick.*Easy/);
    expect(explainRating(grade({ typo: true }), {}, 3)).toMatch(/typo.*Good/);
  });

  it('formats durations, countdowns, distances in time and percents', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(45_400)).toBe('45 s');
    expect(formatDuration(185_000)).toBe('3 min 05 s');
    expect(formatDuration(3_720_000)).toBe('1 h 02 min');
    expect(formatCountdown(65_000)).toBe('1:05');
    expect(formatCountdown(3_661_000)).toBe('1:01:01');
    expect(formatCountdown(-5)).toBe('0:00');
    expect(describeWhen(1000, 1000)).toBe('now');
    expect(describeWhen(600_000, 0)).toBe('in 10 minutes');
    expect(describeWhen(60_000, 0)).toBe('in 1 minute');
    expect(describeWhen(3 * 3_600_000, 0)).toBe('in 3 hours');
    expect(describeWhen(4 * 86_400_000, 0)).toBe('in 4 days');
    expect(computePercent(2, 3)).toBe(67);
    expect(computePercent(0, 0)).toBe(0);
  });
});
