import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { answerQuestion } from '@/core/selftest';
import { QuestionNavigator } from '@/features/selftest/QuestionNavigator';
import { renderWithUser } from '../../../support/render';
import { buildSelfTest } from '../../../support/selftest';

function answered() {
  const start = buildSelfTest({ count: 4 });
  const move = answerQuestion(
    start,
    1,
    { response: null, grade: { score: 1, correct: true } },
    start.createdAt + 1,
  );
  if (!move.ok) throw new Error(move.reason);
  return move.state;
}

describe('QuestionNavigator', () => {
  it('one button per question, each saying whether it is answered', () => {
    renderWithUser(<QuestionNavigator state={answered()} current={0} onGo={() => {}} />);
    const nav = screen.getByRole('navigation', { name: /questions/i });
    const buttons = within(nav).getAllByRole('button');
    expect(buttons).toHaveLength(4);
    expect(screen.getByRole('button', { name: /Question 2, answered/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Question 1, not answered/ })).toBeTruthy();
  });

  it('marks only the current question as the current step', () => {
    renderWithUser(<QuestionNavigator state={answered()} current={2} onGo={() => {}} />);
    const current = screen.getAllByRole('button').filter((b) => b.getAttribute('aria-current') === 'step');
    expect(current.map((b) => b.textContent)).toEqual(['3']);
  });

  it('a click or Enter jumps to that question by its index', async () => {
    const onGo = vi.fn();
    const { user } = renderWithUser(<QuestionNavigator state={answered()} current={0} onGo={onGo} />);
    await user.click(screen.getByRole('button', { name: /Question 4/ }));
    expect(onGo).toHaveBeenLastCalledWith(3);
    screen.getByRole('button', { name: /Question 2/ }).focus();
    await user.keyboard('{Enter}');
    expect(onGo).toHaveBeenLastCalledWith(1);
  });
});
