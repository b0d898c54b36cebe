import { expect, expectAccessible, test } from './fixtures';
import { launchApp } from './launch';
import { SettingsPage } from './pages/settings-page';

test('settings save at once, refuse invalid values beside the field, and reset asks first', async ({
  page,
}) => {
  const settings = new SettingsPage(page);
  await settings.open();
  await expectAccessible(page, 'on Settings');

  const retention = settings.field('Desired retention');
  await expect(retention).toHaveValue('0.90');
  await retention.fill('0.5');
  await expect(retention).toHaveAttribute('aria-invalid', 'true');
  const errorId = ((await retention.getAttribute('aria-describedby')) ?? '').split(' ').pop() ?? '';
  await expect(page.locator(`[id="${errorId}"]`)).toContainText('out of range');
  await retention.fill('0.85');
  await expect(retention).not.toHaveAttribute('aria-invalid', 'true');

  const steps = settings.field('Learning steps');
  await steps.fill('1m 10x');
  await expect(steps).toHaveAccessibleDescription(/“10x” is not a step/);
  await steps.fill('2m 15m');
  await expect(steps).not.toHaveAttribute('aria-invalid', 'true');

  // Saved: the values come back after leaving the screen.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
  await settings.open();
  await expect(settings.field('Desired retention')).toHaveValue('0.85');
  await expect(settings.field('Learning steps')).toHaveValue('2m 15m');

  // Reset progress: a modal dialog, cancelled by Escape, focus back on the button.
  const reset = settings
    .section('Packs')
    .getByRole('button', { name: /^Reset progress of/ })
    .first();
  await reset.click();
  const dialog = settings.dialog();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectAccessible(page, 'in the reset dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(reset).toBeFocused();
  await reset.click();
  await dialog.getByRole('button', { name: 'Reset progress' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status')).toContainText('progress reset');
});

test('the theme, text size and reduced motion apply at once and persist across a relaunch', async () => {
  const first = await launchApp();
  const settings = new SettingsPage(first.page);
  await settings.open();
  await settings.theme('Dark').check();
  await expect.poll(() => settings.appearance()).toMatchObject({ theme: 'dark' });
  await settings.section('Appearance').getByLabel('Text size').selectOption({ label: 'Large (115%)' });
  await settings.section('Appearance').getByLabel('Reduce motion').check();
  await expect
    .poll(() => settings.appearance())
    .toEqual({ theme: 'dark', reduceMotion: 'true', fontScale: '1.15' });
  await expectAccessible(first.page, 'on Settings in the dark theme');
  await first.close();

  const second = await launchApp({ userDataDir: first.userDataDir });
  try {
    const again = new SettingsPage(second.page);
    await expect
      .poll(() => again.appearance())
      .toEqual({ theme: 'dark', reduceMotion: 'true', fontScale: '1.15' });
    await again.open();
    await expect(again.theme('Dark')).toBeChecked();
    await again.theme('Follow the system').check();
    await expect.poll(() => again.appearance()).toMatchObject({ theme: null });
  } finally {
    await second.close();
  }
});
