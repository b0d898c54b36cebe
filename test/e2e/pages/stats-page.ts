import type { Locator, Page } from '@playwright/test';

/** The Statistics screen. */
export class StatsPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Statistics' });
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Statistics' })
      .click();
    await this.heading().waitFor();
  }

  section(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  /** The heatmap image (its accessible name summarises the year). */
  heatmap(): Locator {
    return this.section('Activity').getByRole('img', { name: /^Reviews per day/ });
  }

  /** The heatmap cell of a `YYYY-MM-DD` day. */
  heatmapCell(date: string): Locator {
    return this.page.locator(`.heatmap__cell[data-date="${date}"]`);
  }

  /** A figure (chart) by its caption, e.g. /^Due in the next/. */
  chart(name: string | RegExp): Locator {
    return this.page.getByRole('figure', { name });
  }

  /** Opens a chart's "Show as a table" and returns the table. */
  async chartTable(name: string | RegExp): Promise<Locator> {
    const figure = this.chart(name);
    const details = figure.locator('details');
    if ((await details.getAttribute('open')) === null) await figure.getByText('Show as a table').click();
    return figure.getByRole('table');
  }

  figure(term: string): Locator {
    return this.page
      .locator('.summary-figure')
      .filter({ has: this.page.getByText(term, { exact: true }) })
      .locator('dd');
  }
}
