/** UI state: which screen is shown, and messages for the status region. */
import type { StateCreator } from 'zustand';

export type Route =
  | { name: 'library' }
  | { name: 'reader'; packId: string; chapterId: string; sectionId?: string; highlight?: boolean }
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

export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = (set) => ({
  route: { name: 'library' },
  notices: [],
  navigate: (route) => set({ route }),
  notify: (kind, text) =>
    set((s) => ({ notices: [...s.notices.slice(-4), { id: nextNotice++, kind, text }] })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
