/**
 * Which screen renders each route, and which routes appear in the main navigation.
 * A feature adds its screen here (one line each) — nothing else in the shell needs to change.
 */
import type { ReactNode } from 'react';
import { LibraryScreen } from '../features/library/LibraryScreen';
import type { Route, RouteName } from '../store';
import { lazyScreen, ScreenLoader } from './lazy-screen';

// Not needed at start-up: their code loads when first opened (the Library stays instant; the Reader
// and Study, the Library's next steps, load once the window is idle after start-up).
const ReaderScreen = lazyScreen(() => import('../features/reader/ReaderScreen').then((m) => m.ReaderScreen));
const SelfTestScreen = lazyScreen(() =>
  import('../features/selftest/SelfTestScreen').then((m) => m.SelfTestScreen),
);
const DiscussionScreen = lazyScreen(() =>
  import('../features/discussion/DiscussionScreen').then((m) => m.DiscussionScreen),
);
const ImportScreen = lazyScreen(() => import('../features/import/ImportScreen').then((m) => m.ImportScreen));
const StatsScreen = lazyScreen(() => import('../features/stats/StatsScreen').then((m) => m.StatsScreen));
const StudyScreen = lazyScreen(() => import('../features/study/StudyScreen').then((m) => m.StudyScreen));
const BrowseScreen = lazyScreen(() => import('../features/browse/BrowseScreen').then((m) => m.BrowseScreen));
const SettingsScreen = lazyScreen(() =>
  import('../features/settings/SettingsScreen').then((m) => m.SettingsScreen),
);

type ScreenOf<N extends RouteName> = (route: Extract<Route, { name: N }>) => ReactNode;

export const SCREENS: { [N in RouteName]?: ScreenOf<N> } = {
  library: () => <LibraryScreen />,
  reader: (r) => <ReaderScreen {...r} />,
  study: (r) => <StudyScreen packId={r.packId} chapterId={r.chapterId} />,
  selftest: (r) => <SelfTestScreen packId={r.packId} testId={r.testId} />,
  discussion: (r) => <DiscussionScreen packId={r.packId} chapterIds={r.chapterIds} testId={r.testId} />,
  import: () => <ImportScreen />,
  stats: (r) => <StatsScreen packId={r.packId} />,
  settings: () => <SettingsScreen />,
  browse: () => <BrowseScreen />,
};

/** Main navigation, in order. `also` lists routes that highlight the same item. */
export const NAV_ITEMS: { name: RouteName; label: string; also?: RouteName[] }[] = [
  { name: 'library', label: 'Library', also: ['reader'] },
  { name: 'study', label: 'Study' },
  { name: 'browse', label: 'Browse' },
  { name: 'selftest', label: 'Self-test', also: ['discussion'] },
  { name: 'import', label: 'Import' },
  { name: 'stats', label: 'Statistics' },
  { name: 'settings', label: 'Settings' },
];

/**
 * Loads the Study and Reader screens' code once the window is idle after start-up: reading and
 * studying are the Library's next steps, so they should open without a loading status. Returns a
 * function that cancels it.
 */
export function preloadNextScreens(): () => void {
  const id = requestIdleCallback(
    () => {
      ReaderScreen.preload();
      StudyScreen.preload();
    },
    { timeout: 5000 },
  );
  return () => cancelIdleCallback(id);
}

/** Names a screen in its loading status: its navigation label. */
function titleOf(name: RouteName): string {
  if (name === 'discussion') return 'Discussion';
  if (name === 'reader') return 'Reader';
  return NAV_ITEMS.find((i) => i.name === name)?.label ?? 'Library';
}

export function renderScreen(route: Route): ReactNode {
  const screen = SCREENS[route.name] as ((r: Route) => ReactNode) | undefined;
  return (
    <ScreenLoader key={route.name} title={titleOf(route.name)}>
      {screen ? screen(route) : <LibraryScreen />}
    </ScreenLoader>
  );
}
