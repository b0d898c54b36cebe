/**
 * store/: the one zustand store, built from slices. It holds session and UI state only: cards, packs
 * and logs live in Dexie and are read with `useLiveQuery` in feature hooks (through ops/).
 * Tests reset it with `useAppStore.setState(useAppStore.getInitialState(), true)`.
 */
import { create } from 'zustand';
import { createImportSlice, type ImportSlice } from './import-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

export type AppState = UiSlice & SessionSlice & ImportSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createUiSlice(...a),
  ...createSessionSlice(...a),
  ...createImportSlice(...a),
}));

export type { ImportJob } from './import-slice';
export type { SessionView, StudyScope } from './session-slice';
export type { Notice, Route, RouteName } from './ui-slice';
