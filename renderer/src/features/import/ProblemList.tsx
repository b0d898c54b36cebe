/**
 * Every problem of a file, each as `FILE:LINE:COL: message` (JSON path for JSON) with, under it, the
 * source line and a caret at the column. Long lists are
 * virtualized: a broken 100k-question file can have tens of thousands of problems, all reachable.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { type Diagnostic, excerptLines, formatDiagnostic } from '../../core/pack/diagnostics';

/** Source excerpts in the app are narrower than the CLI's, to fit a 900 px window at 150 % text. */
const APP_EXCERPT_WIDTH = 48;

/** One problem: `FILE:LINE:COL: message`, then the source line with a caret at the column. */
function ProblemText({ fileName, d }: { fileName: string; d: Diagnostic }) {
  const [source, caret] = excerptLines(d, APP_EXCERPT_WIDTH);
  return (
    <>
      <code>{formatDiagnostic(fileName, d)}</code>
      {source !== undefined ? (
        <pre className="problem-excerpt">
          {source}
          {'\n'}
          <span aria-hidden="true">{caret}</span>
        </pre>
      ) : null}
    </>
  );
}

/** Lists up to this many render every item; longer ones render only what is in view. */
const PLAIN_LIMIT = 300;

export function ProblemList({
  fileName,
  problems,
  labelledBy,
}: {
  fileName: string;
  problems: Diagnostic[];
  labelledBy: string;
}) {
  if (problems.length <= PLAIN_LIMIT) {
    return (
      <ol className="problem-list" aria-labelledby={labelledBy}>
        {problems.map((d, i) => (
          <li key={i} className={d.severity === 'warning' ? 'problem problem--warning' : 'problem'}>
            <ProblemText fileName={fileName} d={d} />
          </li>
        ))}
      </ol>
    );
  }
  return <LongProblemList fileName={fileName} problems={problems} labelledBy={labelledBy} />;
}

function LongProblemList({
  fileName,
  problems,
  labelledBy,
}: {
  fileName: string;
  problems: Diagnostic[];
  labelledBy: string;
}) {
  const scroller = useRef<HTMLElement>(null);
  const rows = useVirtualizer({
    count: problems.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 28,
    overscan: 12,
  });
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling list must be reachable by keyboard to scroll it
    <section ref={scroller} className="problem-scroller" tabIndex={0} aria-labelledby={labelledBy}>
      <ol className="problem-list" style={{ height: rows.getTotalSize(), position: 'relative' }}>
        {rows.getVirtualItems().map((row) => {
          const d = problems[row.index];
          if (!d) return null;
          return (
            <li
              key={row.key}
              data-index={row.index}
              ref={rows.measureElement}
              aria-setsize={problems.length}
              aria-posinset={row.index + 1}
              className={d.severity === 'warning' ? 'problem problem--warning' : 'problem'}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                transform: `translateY(${row.start}px)`,
              }}
            >
              <ProblemText fileName={fileName} d={d} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
