/**
 * Saving the discussion sheet through main: Markdown as text (`files:save`), PDF from the sheet's
 * self-contained HTML (`files:save-pdf`, rendered by main). Each returns the saved path, or null when
 * the student cancelled the dialog; failures throw with main's message.
 */
import { type DiscussionSheet, discussionSheetHtml, discussionSheetMarkdown } from '../../core/selftest';
import { invokeOrThrow } from '../../platform/bridge';

/** Today's date as YYYY-MM-DD in local time (printed under the sheet's title). */
export function formatToday(now: number): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A file name for the sheet: `discussion-<pack id>-<date>.<ext>`, safe on every OS. */
export function buildSheetFileName(packId: string, date: string, ext: 'md' | 'pdf'): string {
  const safe = packId.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'pack';
  return `discussion-${safe}-${date}.${ext}`;
}

export async function saveSheetMarkdown(
  sheet: DiscussionSheet,
  now: number,
  language?: string,
): Promise<string | null> {
  const date = formatToday(now);
  return invokeOrThrow('files:save', {
    defaultName: buildSheetFileName(sheet.packId, date, 'md'),
    text: discussionSheetMarkdown(sheet, { date, ...(language ? { language } : {}) }),
    filter: { name: 'Markdown', extensions: ['md'] },
  });
}

export async function saveSheetPdf(
  sheet: DiscussionSheet,
  now: number,
  language?: string,
): Promise<string | null> {
  const date = formatToday(now);
  return invokeOrThrow('files:save-pdf', {
    defaultName: buildSheetFileName(sheet.packId, date, 'pdf'),
    html: discussionSheetHtml(sheet, { date, ...(language ? { language } : {}) }),
  });
}
