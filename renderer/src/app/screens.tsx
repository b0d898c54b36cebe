/**
 * Which screen renders each route, and which routes appear in the main navigation.
 * A feature adds its screen here (one line each) — nothing else in the shell needs to change.
 */
import type { ReactNode } from 'react';
import { DiscussionScreen } from '../features/discussion/DiscussionScreen';
import { ImportScreen } from '../features/import/ImportScreen';
import { LibraryScreen } from '../features/library/LibraryScreen';
import { ReaderScreen } from '../features/reader/ReaderScreen';
import { SelfTestScreen } from '../features/selftest/SelfTestScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { StatsScreen } from '../features/stats/StatsScreen';
import { StudyScreen } from '../features/study/StudyScreen';
import type { Route, RouteName } from '../store';

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
};

/** Main navigation, in order. `also` lists routes that highlight the same item. */
export const NAV_ITEMS: { name: RouteName; label: string; also?: RouteName[] }[] = [
  { name: 'library', label: 'Library', also: ['reader'] },
  { name: 'study', label: 'Study' },
  { name: 'selftest', label: 'Self-test', also: ['discussion'] },
  { name: 'import', label: 'Import' },
  { name: 'stats', label: 'Statistics' },
  { name: 'settings', label: 'Settings' },
];

export function renderScreen(route: Route): ReactNode {
  const screen = SCREENS[route.name] as ((r: Route) => ReactNode) | undefined;
  return screen ? screen(route) : <LibraryScreen />;
}
