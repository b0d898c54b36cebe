/**
 * What the app's page showed when a test failed: a screen that "never opened" is then told apart from
 * one that could not load its code, one still loading, and one the keypress never reached.
 */
import { writeFileSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';

/** Collects the page's errors from now on: console errors, uncaught exceptions, failed requests. */
export function watchPageErrors(page: Page): string[] {
  const seen: string[] = [];
  const at = () => new Date().toISOString().slice(11, 23);
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') seen.push(`${at()} console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.push(`${at()} uncaught: ${e.message}`));
  page.on('requestfailed', (r) =>
    seen.push(`${at()} request failed: ${r.url()} (${r.failure()?.errorText})`),
  );
  return seen;
}

/** What the page shows, as text; never throws (the page may be gone). */
export async function describePageState(page: Page): Promise<string> {
  if (page.isClosed()) return 'the page is closed';
  try {
    return await page.evaluate(() => {
      // biome-ignore lint/performance/useDomNodeTextContent: what is rendered is the point, not hidden text
      const text = (el: Element | null) => (el as HTMLElement | null)?.innerText.trim().slice(0, 1500) ?? '';
      const nameOf = (el: Element | null) => {
        if (!el || el === document.body) return 'the page body (nothing focused)';
        // biome-ignore lint/performance/useDomNodeTextContent: as above
        const name = el.getAttribute('aria-label') ?? (el as HTMLElement).innerText.trim().slice(0, 60);
        return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> “${name}”`;
      };
      const marks = performance
        .getEntriesByType('mark')
        .filter((m) => m.name.startsWith('lectern:'))
        .map((m) => `${m.name} @${Math.round(m.startTime)} ms`);
      const roles = (role: string) =>
        [...document.querySelectorAll(`[role="${role}"]`)].map(text).filter(Boolean);
      return [
        `h1: ${[...document.querySelectorAll('h1')].map(text).join(' | ') || '(none)'}`,
        `focused: ${nameOf(document.activeElement)}`,
        `role=status: ${JSON.stringify(roles('status'))}`,
        `role=alert: ${JSON.stringify(roles('alert'))}`,
        `navigation current: ${text(document.querySelector('nav [aria-current="page"]')) || '(none)'}`,
        `page age: ${Math.round(performance.now())} ms; url: ${location.href}`,
        `marks: ${marks.join(', ') || '(none)'}`,
        `main shows:\n${text(document.querySelector('main')) || '(nothing)'}`,
      ].join('\n');
    });
  } catch (err) {
    return `could not read the page: ${err instanceof Error ? err.message : String(err)}`;
  }
}

/**
 * Attaches the page's state, its errors and a screenshot to a failed test's report (files in its
 * output folder), and prints the state: a CI log then says what the page showed.
 */
export async function recordFailedPage(page: Page, errors: string[], testInfo: TestInfo): Promise<void> {
  const state = await describePageState(page);
  const body = `${state}\n\npage errors (${errors.length}):\n${errors.join('\n') || '(none)'}\n`;
  console.log(`[page-state] ${testInfo.title}\n${body}`);
  const statePath = testInfo.outputPath('page-state.txt');
  writeFileSync(statePath, body);
  await testInfo.attach('page-state', { path: statePath, contentType: 'text/plain' });
  if (page.isClosed()) return;
  const shotPath = testInfo.outputPath('page.png');
  if (await page.screenshot({ path: shotPath, timeout: 5000 }).catch(() => null)) {
    await testInfo.attach('screenshot', { path: shotPath, contentType: 'image/png' });
  }
}
