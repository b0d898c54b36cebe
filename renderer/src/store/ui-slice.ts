/** UI state: which screen is shown, and messages for the status region. */
import type { StateCreator } from 'zustand';

export type Route =
  | { name: 'library' }
  | {
      name: 'reader';
      packId: string;
      chapterId: string;
      sectionId?: string;
      highlight?: boolean;
      /** The question's evidence: the words of the section to mark (else the section is). */
      evidence?: string;
      /** Opened by Read in context from Study: "Back to the question" (and Esc) return to the card. */
      from?: 'study';
    }
  | { name: 'study'; packId?: string; chapterId?: string }
  | { name: 'import' }
  | { name: 'selftest'; packId?: string; testId?: number }
  | { name: 'stats'; packId?: string }
  | { name: 'settings' }
  | { name: 'browse' }
  | { name: 'discussion'; packId: string; chapterIds?: string[]; testId?: number };

export type RouteName = Route['name'];

export interface Notice {
  id: number;
  kind: 'info' | 'success' | 'error';
  text: string;
}

export interface UiSlice {
  route: Route;
  notices: Notice[];
  navigate: (route: Route) => void;
  notify: (kind: Notice['kind'], text: string) => void;
  dismissNotice: (id: number) => void;
}

let nextNotice = 1;

/** Notices on screen at once. */
export const MAX_NOTICES = 3;

export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = (set) => ({
  route: { name: 'library' },
  notices: [],
  navigate: (route) => set({ route }),
  // At most three at once: the oldest goes first, an error only when no success or information is left.
  notify: (kind, text) =>
    set((s) => {
      let kept = [...s.notices, { id: nextNotice++, kind, text }];
      while (kept.length > MAX_NOTICES) {
        const drop = kept.findIndex((n) => n.kind !== 'error');
        kept = kept.filter((_, i) => i !== Math.max(drop, 0));
      }
      return { notices: kept };
    }),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
