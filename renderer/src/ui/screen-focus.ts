/**
 * When a screen's heading may take focus. A screen's h1 takes focus when the screen opens, so keyboard
 * and screen-reader users land on it — but a screen can appear a while after it was asked for (the
 * first screen once start-up has read the database, a lazy screen once its code has loaded). If the
 * student has meanwhile moved focus to a control outside the screen area (the navigation, a notice),
 * taking it away would swallow their next key: a Tab to "Browse" and Enter during "Opening your
 * library…" would press Enter on the Library's heading instead (issue #14's start-up flake).
 */
import { useAppStore } from '../store';

/** What had focus when the shown screen was asked for; null: the page's start (nothing had focus). */
let focusAtRequest: Element | null = null;

// A navigation is the request: store listeners run inside `navigate`, before any later focus change.
useAppStore.subscribe((state, previous) => {
  if (state.route === previous.route || typeof document === 'undefined') return;
  focusAtRequest = document.activeElement;
});

/**
 * True unless the student has moved focus, since the screen was asked for, to a control outside the
 * screen area (`main`, where `heading` is). Focus on the page itself, inside the screen area, or still
 * where it was at the request (the navigation item that asked) may be taken.
 */
export function headingMayTakeFocus(heading: HTMLElement): boolean {
  const focused = document.activeElement;
  if (focused === null || focused === document.body || focused === focusAtRequest) return true;
  const area = heading.closest('main');
  return area === null || area.contains(focused);
}
