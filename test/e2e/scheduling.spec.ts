/**
 * Settings ▸ Scheduling: load balancing, easy days and named presets a pack can use (the per-pack
 * overrides of earlier versions are presets now); the FSRS optimizer fitting a preset's parameters.
 */
import { callBench } from '../bench/page/page-bundle';
import { expect, expectAccessible, test } from './fixtures';
import { launchApp } from './launch';
import { readRows } from './pages/db-rows';
import { COURSE_TITLE, LibraryPage } from './pages/library-page';
import { SettingsPage } from './pages/settings-page';

const PACK_ID = 'openai-microsoft';

interface StoredSettings {
  key: string;
  value: {
    loadBalancing?: boolean;
    presets?: Record<string, { name: string; desiredRetention: number; easyDays: string[] }>;
    parameters?: number[];
    optimizedAt?: number;
    packPresets?: Record<string, string>;
  };
}

async function storedSettings(page: import('@playwright/test').Page): Promise<StoredSettings['value']> {
  const rows = await readRows<StoredSettings>(page, 'settings');
  return rows.find((r) => r.key === 'app')?.value ?? {};
}

test('a new preset with its own retention and easy days is assigned to a pack, and load balancing can be turned off', async ({
  page,
}) => {
  const settings = new SettingsPage(page);
  await settings.open();
  const scheduling = settings.section('Scheduling');
  await expect(scheduling.getByLabel('Load balancing')).toBeChecked();
  await scheduling.getByLabel('Load balancing').uncheck();

  await scheduling.getByRole('button', { name: 'New preset from this one' }).click();
  await expect(scheduling.getByLabel('Preset to edit')).toHaveValue('preset-1');
  await scheduling.getByLabel('Preset name').fill('Exam');
  await scheduling.getByLabel('Desired retention').fill('0.95');
  await scheduling.getByRole('group', { name: 'Easy days' }).getByLabel('Sunday').selectOption('minimum');
  await expectAccessible(page, 'on Settings with a preset being edited');

  const packs = settings.section('Packs');
  await packs.getByLabel('Scheduling preset').first().selectOption({ label: 'Exam' });

  await expect
    .poll(async () => {
      const s = await storedSettings(page);
      return {
        loadBalancing: s.loadBalancing,
        preset: s.presets?.['preset-1'] && {
          name: s.presets['preset-1'].name,
          retention: s.presets['preset-1'].desiredRetention,
          sunday: s.presets['preset-1'].easyDays[6],
        },
        pack: s.packPresets?.[PACK_ID],
      };
    })
    .toEqual({
      loadBalancing: false,
      preset: { name: 'Exam', retention: 0.95, sunday: 'minimum' },
      pack: 'preset-1',
    });
  await expect(scheduling.getByText('Used by 1 pack.')).toBeVisible();

  // Deleting the preset asks first, then puts the pack back on Default.
  await scheduling.getByRole('button', { name: 'Delete preset…' }).click();
  await settings.dialog().getByRole('button', { name: 'Delete preset' }).click();
  await expect(scheduling.getByLabel('Preset to edit')).toHaveValue('default');
  await expect(packs.getByLabel('Scheduling preset').first()).toHaveValue('default');
});

test('Optimize fits the Default preset to a seeded year of reviews, shows the evaluation, and applies the fitted parameters', async ({
  page,
}) => {
  // fsrs-rs runs as WebAssembly on one thread of main (two fits of a year): room on a busy machine.
  test.setTimeout(240_000);
  const library = new LibraryPage(page);
  await library.open();
  await library.pack(COURSE_TITLE).waitFor();
  // A simulated student whose memory follows known FSRS-6 parameters, far from the defaults.
  const seeded = await callBench(page, 'seedFsrsHistory', {
    packId: PACK_ID,
    now: Date.now(),
    days: 365,
    seed: 'e2e',
  });
  expect(seeded.reviews).toBeGreaterThan(300);

  const settings = new SettingsPage(page);
  await settings.open();
  const scheduling = settings.section('Scheduling');
  await expect(scheduling.getByTestId('preset-parameters')).toHaveText(/Default parameters/);
  await scheduling.getByRole('button', { name: 'Optimize', exact: true }).click();
  const status = scheduling.getByRole('status');
  await expect(status).toContainText('and applied', { timeout: 180_000 });
  const table = scheduling.getByRole('table', { name: /Evaluation on your later/ });
  await expect(table.getByRole('row', { name: /^Default/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /^Fitted/ })).toBeVisible();
  await expect(scheduling.getByTestId('preset-parameters')).toHaveText(/Fitted to your reviews/);
  await expectAccessible(page, 'on Settings after an optimization');

  const stored = await storedSettings(page);
  expect(stored.parameters).toHaveLength(21);
  expect(stored.optimizedAt).toBeGreaterThan(0);

  // New parameters: the existing cards are not moved unless the student agrees, after a preview.
  await expect(scheduling.getByText(/The parameters changed\./)).toBeVisible();
  const dueBefore = (await readRows<{ key: string; due: number }>(page, 'cards')).map((c) => c.due).sort();
  await scheduling.getByRole('button', { name: 'Reschedule cards…' }).click();
  const dialog = settings.dialog();
  const forecast = dialog.getByRole('table', { name: 'Forecast before and after' });
  await expect(forecast.getByRole('row', { name: /^All 30 days/ })).toBeVisible();
  await expectAccessible(page, 'on the reschedule preview');
  await dialog.getByRole('button', { name: /^Reschedule \d+ cards?$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /cards? rescheduled/ })).toBeVisible();
  const dueAfter = (await readRows<{ key: string; due: number }>(page, 'cards')).map((c) => c.due).sort();
  expect(dueAfter).not.toEqual(dueBefore);
});

// The native fsrs-rs build fits the seeded year in well under a second, before a click could land:
// this app runs the WebAssembly build (~5× slower), so Cancel meets a fit in progress. The native
// build's cancel is tested in test/unit/electron/fsrs-optimize.test.ts.
test('Cancel optimization during the fit keeps the default parameters', async () => {
  test.setTimeout(240_000);
  const app = await launchApp({ env: { LECTERN_FSRS_ENGINE: 'wasm' } });
  const { page } = app;
  try {
    const library = new LibraryPage(page);
    await library.open();
    await library.pack(COURSE_TITLE).waitFor();
    await callBench(page, 'seedFsrsHistory', { packId: PACK_ID, now: Date.now(), days: 365, seed: 'e2e' });

    const settings = new SettingsPage(page);
    await settings.open();
    const scheduling = settings.section('Scheduling');
    await scheduling.getByRole('button', { name: 'Optimize', exact: true }).click();
    // The fit has started in main's worker thread once its progress shows.
    await expect(scheduling.getByText('Fitting on your earlier reviews…')).toBeVisible({ timeout: 120_000 });
    await scheduling.getByRole('button', { name: 'Cancel optimization' }).click();
    await expect(scheduling.getByRole('status')).toHaveText(
      'Optimization cancelled: the parameters were not changed.',
    );
    await expect(scheduling.getByTestId('preset-parameters')).toHaveText(/Default parameters/);
    await expect(scheduling.getByRole('button', { name: 'Optimize', exact: true })).toBeEnabled();
    expect((await storedSettings(page)).parameters ?? []).toHaveLength(0);
    await expectAccessible(page, 'on Settings after a cancelled optimization');
  } finally {
    await app.close();
  }
});
