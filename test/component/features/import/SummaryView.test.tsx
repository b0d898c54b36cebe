import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SummaryView } from '@/features/import/SummaryView';
import { buildImportSummary, buildUpdateSummary } from '../../../support/import';
import { renderWithUser } from '../../../support/render';

describe('SummaryView', () => {
  it('a new pack: its title in the heading, counts by type and chapter, and Import confirms', async () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    const { user } = renderWithUser(
      <SummaryView
        summary={buildImportSummary({
          questionCount: 1_500,
          byType: [
            { type: 'multiple-choice', count: 1_000 },
            { type: 'flashcard', count: 500 },
          ],
        })}
        onConfirm={onConfirm}
        onCancel={onCancel}
      />,
    );
    expect(screen.getByRole('heading', { name: /Ledger basics/ })).toBeTruthy();
    const byType = screen.getByRole('table', { name: /by type/i });
    expect(within(byType).getAllByRole('row')).toHaveLength(3);
    expect(within(byType).getByText('1,000')).toBeTruthy();
    const chapters = screen.getByRole('table', { name: /chapters/i });
    expect(within(chapters).getByRole('rowheader', { name: 'Double entry' })).toBeTruthy();
    // A new pack shows no update table.
    expect(screen.queryByRole('table', { name: /update changes/i })).toBeNull();
    await user.click(screen.getByRole('button', { name: /import/i }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onCancel).not.toHaveBeenCalled();
  });

  it('an update: names the stored pack, shows what changes, and the button applies it', async () => {
    const onConfirm = vi.fn();
    const { user } = renderWithUser(
      <SummaryView
        summary={buildImportSummary({ update: buildUpdateSummary() })}
        onConfirm={onConfirm}
        onCancel={() => {}}
      />,
    );
    expect(screen.getByRole('heading', { name: /Ledger basics \(old\)/ })).toBeTruthy();
    expect(screen.getByText(/1\.0\.0 → 2\.0\.0/)).toBeTruthy();
    expect(screen.getByRole('table', { name: /update changes/i })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^import/i })).toBeNull();
    await user.click(screen.getByRole('button', { name: /update/i }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('warnings are listed with their line and column, and the pack can still be imported', () => {
    renderWithUser(
      <SummaryView
        summary={buildImportSummary({
          fileName: 'ledger.gift',
          warnings: [{ message: 'an unknown field', line: 7, column: 3, severity: 'warning' }],
        })}
        onConfirm={() => {}}
        onCancel={() => {}}
      />,
    );
    const list = screen.getByRole('list', { name: /warning/i });
    expect(within(list).getByRole('listitem').textContent).toContain('ledger.gift:7:3');
    expect((screen.getByRole('button', { name: /import/i }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('Cancel calls onCancel only', async () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    const { user } = renderWithUser(
      <SummaryView summary={buildImportSummary()} onConfirm={onConfirm} onCancel={onCancel} />,
    );
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onConfirm).not.toHaveBeenCalled();
  });
});
