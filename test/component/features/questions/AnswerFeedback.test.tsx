import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { gradeAnswer } from '@/core/grading';
import type { Question } from '@/core/pack/schema';
import { AnswerFeedback } from '@/features/questions/AnswerFeedback';
import { buildMultipleChoice, buildOrdering, buildTrueFalse, buildTyped } from '../../../support/questions';
import { authorOrder } from '../../../support/render';

function showFeedback(question: Question, response: unknown) {
  const grade = gradeAnswer(question, response);
  render(
    <AnswerFeedback question={question} grade={grade} arrangement={authorOrder(question)} headingId="v" />,
  );
  return screen.getByRole('region');
}

describe('AnswerFeedback', () => {
  it('a right choice: the verdict heading names the region and says right', () => {
    const region = showFeedback(buildMultipleChoice(), { type: 'multiple-choice', selected: [1] });
    const heading = within(region).getByRole('heading', { level: 2 });
    expect(region.getAttribute('aria-labelledby')).toBe(heading.id);
    expect(heading.textContent).toMatch(/correct/i);
    expect(heading.className).toMatch(/right/);
  });

  it('a wrong choice: says wrong, marks the chosen one and the missed right one', () => {
    const region = showFeedback(buildMultipleChoice(), { type: 'multiple-choice', selected: [0] });
    const heading = within(region).getByRole('heading', { level: 2 });
    expect(heading.textContent).toMatch(/wrong/i);
    const items = within(region).getAllByRole('listitem');
    const cash = items.find((li) => li.textContent?.includes('Cash'));
    const loan = items.find((li) => li.textContent?.includes('A bank loan'));
    expect(cash?.textContent).toMatch(/you chose it/);
    expect(cash?.className).toBe('bad');
    expect(loan?.textContent).toMatch(/right answer.*missed/);
  });

  it('a typed answer: shows what was written beside what was expected', () => {
    const region = showFeedback(buildTyped(), { type: 'typed', text: 'ledger' });
    const table = within(region).getByRole('table');
    const [, row] = within(table).getAllByRole('row');
    const cells = within(row as HTMLElement)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells[0]).toBe('ledger');
    expect(cells[1]).toBe('journal');
    expect(cells[2]).toMatch(/wrong/);
  });

  it('an empty typed answer is shown as nothing given', () => {
    const region = showFeedback(buildTyped(), { type: 'typed', text: '' });
    expect(within(region).getByRole('table').textContent).toMatch(/nothing/);
  });

  it('true/false: says what was answered and what the statement is', () => {
    const region = showFeedback(buildTrueFalse({ answer: false }), { type: 'true-false', value: true });
    expect(within(region).getByRole('heading', { level: 2 }).textContent).toMatch(/wrong/i);
    expect(region.textContent).toMatch(/answered\s*True.*statement is\s*false/);
  });

  it('ordering: gives the right order', () => {
    const region = showFeedback(buildOrdering(), { type: 'ordering', order: [2, 1, 0] });
    expect(region.textContent).toMatch(/Open.*Record.*Close/);
  });

  it('shows the explanation, rendered from Markdown, under its own heading', () => {
    showFeedback(buildMultipleChoice({ explanation: 'A loan is **owed**.' }), {
      type: 'multiple-choice',
      selected: [1],
    });
    expect(screen.getByRole('heading', { name: 'Explanation' })).toBeTruthy();
    expect(screen.getByText('owed').tagName).toBe('STRONG');
  });
});
