import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Markdown } from '@/ui/Markdown';
import { renderWithUser } from '../../support/render';

const invoke = vi.hoisted(() => vi.fn(async () => ({ ok: true, value: undefined })));
vi.mock('@/platform/bridge', () => ({ invoke }));

beforeEach(() => invoke.mockClear());

describe('Markdown', () => {
  it('headings sit below the section title by default, and the offset shifts them', () => {
    const { unmount } = renderWithUser(<Markdown source={'# Top\n\n## Sub'} />);
    expect(screen.getByRole('heading', { name: 'Top' }).tagName).toBe('H3');
    expect(screen.getByRole('heading', { name: 'Sub' }).tagName).toBe('H4');
    unmount();
    renderWithUser(<Markdown source="# Top" headingOffset={0} />);
    expect(screen.getByRole('heading', { name: 'Top' }).tagName).toBe('H1');
  });

  it('raw HTML stays text', () => {
    const { container } = renderWithUser(<Markdown source={'<script>alert(1)</script> and <b>bold</b>'} />);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('<b>bold</b>');
  });

  it('a web link opens in the browser only on a click, through the bridge', async () => {
    const { user } = renderWithUser(<Markdown source="See [the guide](https://example.org/guide)." />);
    const link = screen.getByRole('link', { name: /the guide.*opens in your browser/ });
    expect(invoke).not.toHaveBeenCalled();
    await user.click(link);
    expect(invoke).toHaveBeenCalledWith('shell:open-external', { url: 'https://example.org/guide' });
  });

  it('a link that is not http(s) is no link', () => {
    renderWithUser(<Markdown source="[run](javascript:alert(1))" />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('run')).toBeTruthy();
  });

  it('a remote image is not loaded; its alt text is shown instead', () => {
    const { container } = renderWithUser(<Markdown source="![a chart](https://example.org/c.png)" />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('a chart');
  });

  it('lists and tables keep their structure', () => {
    renderWithUser(<Markdown source={'1. one\n2. two\n\n| A | B |\n|---|---|\n| 1 |  |'} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['A', 'B']);
    expect(screen.getByRole('cell', { name: /empty/ })).toBeTruthy();
  });
});
