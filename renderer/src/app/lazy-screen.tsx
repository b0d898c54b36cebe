/**
 * Screens that are not needed at start-up load their code when first opened (a local file, so it
 * works offline): start-up parses only the Library's and the Reader's code. While a screen's code
 * loads, a labelled status says so; the screen's h1 takes focus once it renders (ScreenHeading).
 */
import { Component, type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { describeError } from '../core/describe-error';

/** A screen component whose module is imported on first render, or earlier by `preload()`. */
export type LazyScreen<P> = ComponentType<P> & { preload: () => void };

/** Wraps a screen's dynamic import as a component that loads its code when first rendered. */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  const screen = lazy(async () => ({ default: await load() }));
  // A failed preload is reported when the screen is opened (the boundary below), not here.
  return Object.assign(screen, { preload: () => void load().catch(() => undefined) });
}

/** Shows `Opening <title>…` while a lazy screen's code loads, and a message if it cannot load. */
export function ScreenLoader({ title, children }: { title: string; children: ReactNode }) {
  return (
    <ScreenLoadBoundary title={title}>
      <Suspense
        fallback={
          <p role="status" className="loading">
            Opening {title}…
          </p>
        }
      >
        {children}
      </Suspense>
    </ScreenLoadBoundary>
  );
}

class ScreenLoadBoundary extends Component<{ title: string; children: ReactNode }, { error: string | null }> {
  override state: { error: string | null } = { error: null };

  static getDerivedStateFromError(err: unknown) {
    return { error: describeError(err) };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <p role="alert" className="loading">
        {this.props.title} could not be opened: {this.state.error}. Restart Lectern to try again.
      </p>
    );
  }
}
