import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '@/core/pack/diagnostics';
import { ProblemList } from '@/features/import/ProblemList';

function renderList(problems: Diagnostic[]) {
  return render(
    <>
      <h3 id="problems">Problems</h3>
      <ProblemList fileName="bad.gift" problems={problems} labelledBy="problems" />
    </>,
  );
}

describe('ProblemList', () => {
  it('places each problem at FILE:LINE:COL, in the order given, in a list named by its heading', () => {
    renderList([
      { message: 'unclosed brace', line: 12, column: 5 },
      { message: 'empty answer', line: 30, column: 1 },
    ]);
    const list = screen.getByRole('list', { name: 'Problems' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain('bad.gift:12:5');
    expect(items[0]?.textContent).toContain('unclosed brace');
    expect(items[1]?.textContent).toContain('bad.gift:30:1');
  });

  it('names the JSON path when there is no line', () => {
    renderList([{ message: 'needs at least 2 choices', path: ['questions', 3, 'choices'] }]);
    expect(screen.getByRole('listitem').textContent).toContain('$.questions[3].choices');
  });

  it('marks warnings apart from errors', () => {
    renderList([
      { message: 'a duplicate id', line: 1, column: 1 },
      { message: 'an unknown field', line: 2, column: 1, severity: 'warning' },
    ]);
    const [error, warning] = screen.getAllByRole('listitem');
    expect(error?.textContent).not.toMatch(/warning/);
    expect(warning?.textContent).toMatch(/warning/);
  });

  it('a long list is a keyboard-reachable scroller sized for every problem', () => {
    const problems = Array.from({ length: 1_000 }, (_, i) => ({
      message: `problem ${i}`,
      line: i + 1,
      column: 2,
    }));
    renderList(problems);
    // Virtualized (happy-dom lays nothing out, so no row is in view here): the scroller takes focus,
    // is named by the heading, and its list reserves room for all 1,000 rows, so each can be scrolled to.
    const region = screen.getByRole('region', { name: 'Problems' });
    expect(region.tabIndex).toBe(0);
    const list = within(region).getByRole('list');
    expect(Number.parseInt(list.style.height, 10)).toBeGreaterThanOrEqual(1_000 * 20);
  });
});
