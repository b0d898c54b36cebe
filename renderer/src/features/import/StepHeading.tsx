/** The heading of an import step; it takes focus when the step appears so keyboard and screen-reader users land on it. */
import { type ReactNode, useEffect, useRef } from 'react';

export function StepHeading({ id, children }: { id: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <h2 ref={ref} id={id} tabIndex={-1} className="import-step__title">
      {children}
    </h2>
  );
}
