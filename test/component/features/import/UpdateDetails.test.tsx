import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { UpdateDetails } from '@/features/import/UpdateDetails';
import { buildUpdateSummary } from '../../../support/import';

function countOf(rowName: RegExp): string {
  const table = screen.getByRole('table', { name: /update changes/i });
  const row = within(table).getByRole('rowheader', { name: rowName }).closest('tr') as HTMLElement;
  return within(row).getAllByRole('cell')[0]?.textContent ?? '';
}

describe('UpdateDetails', () => {
  it('counts each kind of change in a table row of its own', () => {
    render(
      <UpdateDetails
        update={buildUpdateSummary({
          counts: { added: 1, changed: 2, answerChanged: 3, removed: 4, unchanged: 1_234 },
        })}
      />,
    );
    expect(countOf(/^Added/)).toBe('1');
    expect(countOf(/wording/i)).toBe('2');
    expect(countOf(/answer/i)).toBe('3');
    expect(countOf(/^Removed/)).toBe('4');
    expect(countOf(/^Unchanged/)).toBe('1,234');
  });

  it('lists the questions of each kind that changed, and says how many more were left out', () => {
    render(
      <UpdateDetails
        update={buildUpdateSummary({
          counts: { added: 0, changed: 0, answerChanged: 0, removed: 3, unchanged: 0 },
          added: [],
          removed: [{ id: 'q-gone', text: 'What is a journal?' }],
        })}
      />,
    );
    // Only kinds with changes get a list; the added list is absent.
    const groups = screen.getAllByRole('group');
    expect(groups).toHaveLength(1);
    const removed = groups[0] as HTMLElement;
    expect(within(removed).getByText('q-gone')).toBeTruthy();
    expect(removed.textContent).toContain('What is a journal?');
    expect(removed.textContent).toMatch(/2 more/);
  });
});
