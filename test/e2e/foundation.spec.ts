import { expect, expectAccessible, test } from './fixtures';
import { launchApp } from './launch';
import { COURSE_TITLE, LibraryPage } from './pages/library-page';
import { ReaderPage } from './pages/reader-page';

test('the Library lists the bundled course and its chapters, and a chapter opens', async ({ page }) => {
  const library = new LibraryPage(page);
  await expect(library.heading()).toBeVisible();
  await expect(library.pack(COURSE_TITLE)).toBeVisible();
  const chapters = library.chapterButtons(COURSE_TITLE);
  expect(await chapters.count()).toBeGreaterThanOrEqual(7);
  await expectAccessible(page, 'on the Library');

  const first = (await chapters.first().textContent()) ?? '';
  await chapters.first().click();
  const reader = new ReaderPage(page);
  await expect(reader.title()).toHaveText(first);
  await expect(reader.contents()).toBeVisible();
  await expectAccessible(page, 'in the reader');
});

test('a chapter marked read survives closing and relaunching', async () => {
  const first = await launchApp();
  const library = new LibraryPage(first.page);
  const chapter = library.chapterButtons(COURSE_TITLE).nth(1);
  const name = (await chapter.textContent()) ?? '';
  await chapter.click();
  await expect(new ReaderPage(first.page).title()).toHaveText(name);
  await library.open();
  const row = library.pack(COURSE_TITLE).getByRole('listitem').filter({ hasText: name });
  await expect(row).toContainText('Read');
  await first.close();

  const second = await launchApp({ userDataDir: first.userDataDir });
  try {
    const again = new LibraryPage(second.page);
    await expect(again.pack(COURSE_TITLE).getByRole('listitem').filter({ hasText: name })).toContainText(
      'Read',
    );
    await expect(again.pack(COURSE_TITLE).getByRole('listitem').first()).toContainText('Not opened');
    // The page's first script opened the stored database while the app's code loaded, and that
    // connection was closed once the app's own was open.
    const early = await second.page.evaluate(() => ({
      opened: performance.getEntriesByName('lectern:db:early:end').length,
      open: 'lecternEarlyDb' in globalThis || '__lecternEarlyDb' in globalThis,
    }));
    expect(early).toEqual({ opened: 1, open: false });
  } finally {
    await second.close();
  }
});

test('the page reaches only the contract: no require, process or ipcRenderer', async ({ page, app }) => {
  const reach = await page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    ipcRenderer: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
    bridge: Object.keys(window.lectern ?? {}).sort(),
    frozen: Object.isFrozen(window.lectern),
  }));
  expect(reach).toEqual({
    require: 'undefined',
    process: 'undefined',
    ipcRenderer: 'undefined',
    bridge: ['invoke', 'on'],
    frozen: true,
  });
  const refused = await page.evaluate(() => {
    const invoke = window.lectern?.invoke as unknown as (c: string) => Promise<unknown>;
    return invoke('fs:read');
  });
  expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  const info = await page.evaluate(() => window.lectern?.invoke('app:info'));
  expect(info).toMatchObject({ ok: true, value: { name: 'Lectern' } });
  expect(['electron', 'standin']).toContain(app.mode);
});

test('navigating the page to an outside URL is refused', async ({ page }) => {
  const before = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
  await expect(new LibraryPage(page).heading()).toBeVisible();
  const pagesBefore = page.context().pages().length;
  await page.evaluate(() => {
    window.open('https://example.com/');
  });
  await page.waitForTimeout(500);
  expect(page.context().pages()).toHaveLength(pagesBefore);
});

test('the Content-Security-Policy blocks inline script, eval and remote loads', async ({ page }) => {
  const result = await page.evaluate(async () => {
    const w = window as unknown as { __inlineRan?: boolean };
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
    // Code run by the test harness itself is exempt from CSP, so provoke eval from a timer string instead
    // and listen for the violation the page reports.
    const evalBlocked = await new Promise<boolean>((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => {
        if (e.blockedURI === 'eval') resolve(true);
      });
      const win = window as unknown as {
        __evalRan?: boolean;
        setTimeout: (code: string, ms: number) => number;
      };
      win.setTimeout('window.__evalRan = true', 0);
      setTimeout(() => resolve(win.__evalRan !== true && false), 500);
    });
    const img = await new Promise<string>((resolve) => {
      const i = new Image();
      i.onload = () => resolve('loaded');
      i.onerror = () => resolve('blocked');
      i.src = 'https://example.com/pixel.png';
    });
    const fetched = await fetch('https://example.com/').then(
      () => 'fetched',
      () => 'blocked',
    );
    return { inline: w.__inlineRan === true, evalBlocked, img, fetched };
  });
  expect(result).toEqual({ inline: false, evalBlocked: true, img: 'blocked', fetched: 'blocked' });
});

test('every chapter opens in the reader with its contents, and the landscape table is shown as written', async ({
  page,
}) => {
  const library = new LibraryPage(page);
  const reader = new ReaderPage(page);
  const count = await library.chapterButtons(COURSE_TITLE).count();
  for (let i = 0; i < count; i++) {
    const button = library.chapterButtons(COURSE_TITLE).nth(i);
    const name = (await button.textContent()) ?? '';
    await button.click();
    await expect(reader.title()).toHaveText(name);
    await expect(reader.contents().getByRole('link').first()).toBeVisible();
    if (/competitive/i.test(name)) {
      const table = page.getByRole('table');
      await expect(table.getByRole('columnheader', { name: 'Competitor' })).toBeVisible();
      await expect(table.getByRole('row').nth(1)).toContainText('Gemini, DeepMind');
      await expect(page.getByText(/Editor.s note/).first()).toBeVisible();
      await expectAccessible(page, 'on the table chapter');
    }
    await library.open();
  }
});

test('Help ▸ About shows the version in an accessible dialog', async ({ page, app }) => {
  await app.clickMenu(['Help', 'About Lectern']);
  const dialog = page.getByRole('dialog', { name: 'About Lectern' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('0.1.0');
  await expectAccessible(page, 'with the About dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
