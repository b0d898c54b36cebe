/**
 * The one zustand store, built from slices. It holds session and UI state only: cards, packs and logs
 * live in Dexie and are read with `useLiveQuery` in feature hooks.
 * Tests reset it with `useAppStore.setState(useAppStore.getInitialState(), true)`.
 */
import { create } from 'zustand';
import { createUiSlice, type UiSlice } from './ui-slice';

export type AppState = UiSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createUiSlice(...a),
}));

export type { Notice, Route, RouteName } from './ui-slice';
