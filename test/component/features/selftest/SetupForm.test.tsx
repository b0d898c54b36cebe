import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SetupForm } from '@/features/selftest/SetupForm';
import { renderWithUser } from '../../../support/render';

const data = {
  packs: [{ id: 'p', title: 'Pack', chapters: [{ id: 'c', title: 'Chapter' }] }],
  counts: new Map([['p\nc', { 'multiple-choice': 40 }]]),
};

describe('SetupForm', () => {
  // Regression: a rename sweep once turned errorText('count') into describeError('count'), so the
  // form showed the field's name ("count") instead of what is wrong with it.
  it('shows what is wrong with a field, not the field name', async () => {
    const { user } = renderWithUser(<SetupForm data={data} />);
    const count = screen.getByRole('spinbutton', { name: /questions/i });
    await user.clear(count);
    await user.type(count, '3');
    await user.click(screen.getByRole('button', { name: /start/i }));
    expect(await screen.findByText(/Choose a whole number of questions from 5 to 50/)).toBeTruthy();
    expect(screen.queryByText(/^count$/)).toBeNull();
  });
});
