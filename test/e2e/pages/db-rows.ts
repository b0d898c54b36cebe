import type { Page } from '@playwright/test';
import { decodeReviewDay, type ReviewDayRow } from '../../../renderer/src/core/revlog/day-blocks';

/** Every row of one IndexedDB store of the app's database (committed data only), read from the page. */
export async function readRows<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('lectern');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => {
            resolve(req.result as T[]);
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

/**
 * Every review of the app's log, in id order: its rows (`revlog`) and its older days' records
 * (`revlogDays`, decoded here with the app's own codec), read in one go from the page.
 */
export async function readReviews<T = { id: string }>(page: Page): Promise<T[]> {
  const [rows, days] = await Promise.all([
    readRows<{ id: string }>(page, 'revlog'),
    readRows<ReviewDayRow>(page, 'revlogDays'),
  ]);
  const all = [...rows, ...days.flatMap((d) => decodeReviewDay(d) as { id: string }[])];
  return all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) as T[];
}
