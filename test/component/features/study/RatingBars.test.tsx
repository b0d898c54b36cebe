import { screen } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { PreviewOutcome, Rating } from '@/core/scheduler';
import { ConfirmBar, FlashcardRatingBar } from '@/features/study/RatingBars';
import { renderWithUser } from '../../../support/render';

function preview(labels: Record<Rating, string>): PreviewOutcome[] {
  return ([1, 2, 3, 4] as Rating[]).map(
    (rating) => ({ rating, label: labels[rating], due: 0, intervalMs: 0 }) as unknown as PreviewOutcome,
  );
}

describe('FlashcardRatingBar', () => {
  it('four ratings in a named group, each showing when the card comes back; a click rates', async () => {
    const onRate = vi.fn();
    const { user } = renderWithUser(
      <FlashcardRatingBar
        preview={preview({ 1: '1m', 2: '6m', 3: '1d', 4: '4d' })}
        onRate={onRate}
        disabled={false}
      />,
    );
    expect(screen.getByRole('group', { name: /how well/i })).toBeTruthy();
    expect(screen.getAllByRole('button')).toHaveLength(4);
    await user.click(screen.getByRole('button', { name: /Easy.*4d/ }));
    await user.click(screen.getByRole('button', { name: /Again.*1m/ }));
    expect(onRate.mock.calls.map((c) => c[0])).toEqual([4, 1]);
  });

  it('hands its ref to Good, the default the screen focuses', () => {
    const ref = createRef<HTMLButtonElement>();
    renderWithUser(<FlashcardRatingBar ref={ref} preview={null} onRate={() => {}} disabled={false} />);
    expect(ref.current?.textContent).toMatch(/Good/);
  });

  it('while saving, no rating can be given twice', () => {
    renderWithUser(<FlashcardRatingBar preview={null} onRate={() => {}} disabled />);
    for (const b of screen.getAllByRole('button')) expect((b as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('ConfirmBar', () => {
  it('Continue takes the suggested rating, described by the reason; I guessed takes the other', async () => {
    const onConfirm = vi.fn();
    const { user } = renderWithUser(
      <ConfirmBar
        preview={preview({ 1: '1m', 2: '6m', 3: '1d', 4: '4d' })}
        suggested={3}
        guessed={1}
        reason="Right on the first try."
        onConfirm={onConfirm}
        disabled={false}
      />,
    );
    const go = screen.getByRole('button', { name: /Continue.*Good.*1d/ });
    expect(document.getElementById(go.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Right on the first try.',
    );
    await user.click(go);
    await user.click(screen.getByRole('button', { name: /guessed.*Again.*1m/ }));
    expect(onConfirm.mock.calls.map((c) => c[0])).toEqual(['suggested', 'guessed']);
  });
});
