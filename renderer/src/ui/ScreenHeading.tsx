/**
 * The screen's h1; it takes focus when the screen opens so keyboard and screen-reader users land on it,
 * unless the student has meanwhile moved focus elsewhere (see screen-focus.ts).
 */
import { type ReactNode, useEffect, useRef } from 'react';
import { headingMayTakeFocus } from './screen-focus';

export function ScreenHeading({ children, focusKey }: { children: ReactNode; focusKey?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refocus when the screen (focusKey) changes
  useEffect(() => {
    const heading = ref.current;
    if (heading && headingMayTakeFocus(heading)) heading.focus({ preventScroll: true });
  }, [focusKey]);
  return (
    <h1 ref={ref} tabIndex={-1} className="screen-heading">
      {children}
    </h1>
  );
}
