/**
 * app/: the shell around the screens. The root component (`App.tsx`: notices, navigation bar, the
 * current screen), start-up (`bootstrap.ts`: open the database, load the bundled course), the screen
 * table and lazy loading, menu and main-process events, theme, global styles and performance marks.
 * Nothing a single screen owns belongs here: screens live in features/, their operations in ops/.
 */
export { App } from './App';
