import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Question } from '@/core/pack/schema';
import { insertPack } from '@/db/repos/packs-repo';
import { markChapterOpened } from '@/db/repos/reading-repo';
import { LecternDb } from '@/db/schema/database';
import { StudyCard } from '@/features/study/StudyCard';
import { StudyOps } from '@/ops/study';
import { useAppStore } from '@/store';
import { buildFlashcard, buildMultipleChoice, buildPack, buildTyped } from '../../../support/questions';
import { renderWithUser } from '../../../support/render';
import { resetAppStore } from '../../../support/store';

const T0 = Date.UTC(2025, 2, 10, 9, 0, 0);

let db: LecternDb;
let ops: StudyOps;

/** The card the session shows, remounted per showing as the study screen does. */
function Shown() {
  const current = useAppStore((s) => s.session.current);
  const status = useAppStore((s) => s.session.status);
  const session = useAppStore((s) => ops.sessionOf(s.session.id));
  if (!current || !session) return <p>Session {status}</p>;
  return (
    <StudyCard
      key={`${current.key}@${current.shownAt}`}
      session={session}
      shown={current}
      settings={undefined}
    />
  );
}

async function study(questions: Question[]) {
  const pack = buildPack({ id: 'p', questions });
  await insertPack(db, pack, { origin: 'bundled', format: 'lectern', contentHash: 'h' }, T0);
  await markChapterOpened(db, 'p', 'c1', T0);
  await ops.start({ packId: 'p' });
  return renderWithUser(<Shown />);
}

beforeEach(() => {
  resetAppStore();
  db = new LecternDb(`component-study-${Math.random()}`);
  ops = new StudyOps({ db, now: () => T0 }, useAppStore);
});
afterEach(async () => {
  ops.current?.close();
  await db.delete();
});

describe('StudyCard', () => {
  it('a choice question: choose by mouse, check, see the verdict, continue to the next card', async () => {
    const { user } = await study([
      buildMultipleChoice({ id: 'q1', fixedOrder: true }),
      buildTyped({ id: 'q2' }),
    ]);
    const card = await screen.findByRole('article');
    expect(within(card).getByRole('heading', { name: /liability/ })).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: /A bank loan/ }));
    await user.click(screen.getByRole('button', { name: /check answer/i }));
    expect((await screen.findByRole('region', { name: /correct/i })).textContent).toMatch(/bank loan/);
    await user.click(screen.getByRole('button', { name: /continue/i }));
    // The answer is stored and the next question is shown.
    expect(await screen.findByRole('heading', { name: /book of original entry/ })).toBeTruthy();
    expect(await db.revlog.count()).toBe(1);
  });

  it('by keyboard alone: a number key picks the choice shown there, Enter checks', async () => {
    const { user } = await study([buildMultipleChoice({ id: 'q1', fixedOrder: true })]);
    await screen.findByRole('article');
    await user.keyboard('1');
    expect((screen.getByRole('radio', { name: /Cash/ }) as HTMLInputElement).checked).toBe(true);
    await user.keyboard('{Enter}');
    const verdict = await screen.findByRole('region', { name: /wrong/i });
    // The expected answer is named beside the one chosen.
    expect(verdict.textContent).toMatch(/A bank loan.*right answer/);
  });

  it('checking with nothing chosen asks for an answer and grades nothing', async () => {
    const { user } = await study([buildMultipleChoice({ id: 'q1' })]);
    await screen.findByRole('article');
    await user.click(screen.getByRole('button', { name: /check answer/i }));
    expect(useAppStore.getState().session.phase).toBe('question');
    expect(useAppStore.getState().session.message).toBeTruthy();
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('a flashcard: Show answer reveals the back and offers the four ratings', async () => {
    const { user } = await study([buildFlashcard({ id: 'f1' })]);
    await screen.findByRole('article');
    expect(screen.queryByText('A book of accounts.')).toBeNull();
    await user.click(screen.getByRole('button', { name: /show answer/i }));
    expect(screen.getByText('A book of accounts.')).toBeTruthy();
    const ratings = screen.getByRole('group', { name: /how well/i });
    expect(within(ratings).getAllByRole('button')).toHaveLength(4);
  });

  it('a question name (GIFT ::name::) is shown above the prompt and describes it', async () => {
    await study([buildTyped({ id: 'q1', title: 'Journals 1' })]);
    const card = await screen.findByRole('article');
    const prompt = within(card).getByRole('heading', { name: /book of original entry/ });
    const title = within(card).getByText('Journals 1');
    expect(title.className).toMatch(/muted/);
    // Above the prompt, and read with it by a screen reader.
    expect(title.compareDocumentPosition(prompt) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(prompt.getAttribute('aria-describedby')).toBe(title.id);
    expect(title.id).not.toBe('');
  });

  it('a flashcard with an empty back stays usable: the back reads "(empty)" and the ratings are offered', async () => {
    const { user } = await study([buildFlashcard({ id: 'f1', back: '' })]);
    await screen.findByRole('article');
    await user.click(screen.getByRole('button', { name: /show answer/i }));
    expect(screen.getByText('(empty)').className).toMatch(/muted/);
    const ratings = screen.getByRole('group', { name: /how well/i });
    await user.click(within(ratings).getAllByRole('button')[2] as HTMLElement);
    expect(await screen.findByText(/Session/)).toBeTruthy();
    expect(await db.revlog.count()).toBe(1);
  });
});
