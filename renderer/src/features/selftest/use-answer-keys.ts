/**
 * Keys that answer the question on screen (1–9/A–Q pick a choice, T/F answer true/false, as in the
 * widgets) while the focus is not in a text field, a select or on a button that wants the key itself.
 */
import { useEffect, useRef } from 'react';

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['radio', 'checkbox', 'button', 'submit'].includes(target.type);
  return false;
}

/** Calls `onKey(key)` for plain key presses outside text fields; `onKey` returns true when it used the key. */
export function useAnswerKeys(onKey: (key: string) => boolean, enabled = true): void {
  const handler = useRef(onKey);
  handler.current = onKey;
  useEffect(() => {
    if (!enabled) return;
    const listener = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.repeat) return;
      if (isTypingTarget(e.target)) return;
      if (e.key.length !== 1) return;
      if (handler.current(e.key)) e.preventDefault();
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [enabled]);
}
