import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Question } from '@/core/pack/schema';
import { answerQuestion, finishTest, type SelfTestState } from '@/core/selftest';
import { cardKey, type PackRow, type QuestionRow } from '@/db/schema/rows';
import { Report } from '@/features/selftest/Report';
import { useAppStore } from '@/store';
import { buildMultipleChoice, buildTrueFalse } from '../../../support/questions';
import { renderWithUser } from '../../../support/render';
import { buildSelfTest } from '../../../support/selftest';
import { resetAppStore } from '../../../support/store';

beforeEach(resetAppStore);

const questions: Question[] = [
  buildMultipleChoice({ id: 'q1', explanation: 'A loan is **owed**.' }),
  buildTrueFalse({ id: 'q2' }),
  buildTrueFalse({ id: 'q3', prompt: 'Cash is a liability.', answer: false }),
];

function rowOf(q: Question, order: number): QuestionRow {
  return {
    key: cardKey('test-pack', q.id),
    packId: 'test-pack',
    id: q.id,
    chapterId: 'c1',
    section: 's1',
    type: q.type,
    order,
    question: q,
    removed: 0,
  };
}

/** q1 answered wrong, q2 right, q3 left unanswered; finished. */
function finished(): SelfTestState {
  let state = buildSelfTest({ count: 3 });
  const t = state.createdAt;
  const answer = (i: number, response: unknown, correct: boolean) => {
    const move = answerQuestion(
      state,
      i,
      { response, grade: { score: correct ? 1 : 0, correct } },
      t + 1_000,
    );
    if (!move.ok) throw new Error(move.reason);
    state = move.state;
  };
  answer(0, { type: 'multiple-choice', selected: [0] }, false);
  answer(1, { type: 'true-false', value: true }, true);
  return finishTest(state, t + 90_000);
}

function renderReport() {
  const packs = new Map<string, PackRow>([
    [
      'test-pack',
      {
        id: 'test-pack',
        title: 'Test pack',
        chapters: [{ id: 'c1', title: 'Basics', sections: [] }],
      } as unknown as PackRow,
    ],
  ]);
  // No pack ids: the history (a chart over the database) is left out of this test.
  return renderWithUser(
    <Report test={{ id: 7, packIds: [], state: finished() }} rows={questions.map(rowOf)} packs={packs} />,
  );
}

describe('Report', () => {
  it('gives the score as right out of all questions, and the chapter breakdown', () => {
    renderReport();
    const result = screen.getByRole('region', { name: 'Your result' });
    expect(result.textContent).toMatch(/1 of 3 right/);
    const chapters = screen.getByRole('table', { name: /by chapter/i });
    const row = within(chapters)
      .getByRole('rowheader', { name: /Basics/ })
      .closest('tr') as HTMLElement;
    expect(row.textContent).toMatch(/1 of 3/);
  });

  it('lists every missed question, the unanswered one too, with the answer given and the right one', () => {
    renderReport();
    const missed = screen.getByRole('region', { name: /missed/i });
    const items = within(missed).getAllByRole('article');
    expect(items).toHaveLength(2);
    const first = items[0] as HTMLElement;
    expect(within(first).getByRole('heading').textContent).toMatch(/liability/);
    expect(within(first).getByTestId('given').textContent).toMatch(/Cash/);
    expect(within(first).getByTestId('expected').textContent).toMatch(/A bank loan/);
    expect(within(items[1] as HTMLElement).getByTestId('given').textContent).toMatch(/not answered/i);
  });

  it('Read in context goes to the question’s section in the reader', async () => {
    const { user } = renderReport();
    const buttons = screen.getAllByRole('button', { name: /read in context/i });
    expect(buttons).toHaveLength(2);
    await user.click(buttons[0] as HTMLElement);
    expect(useAppStore.getState().route).toMatchObject({
      name: 'reader',
      packId: 'test-pack',
      sectionId: 's1',
    });
  });

  it('focuses the result heading when it opens', () => {
    renderReport();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Your result' }));
  });
});
