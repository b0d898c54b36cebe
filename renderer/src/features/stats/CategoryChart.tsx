/**
 * A uPlot chart over categories (days or months) with bar and line series. The canvas is hidden from
 * assistive technology; the caller gives the same figures as a table, shown under "Show as a table".
 */
import { type ReactNode, useEffect, useId, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { type ChartColors, useThemeColors } from './use-theme-colors';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  kind: 'bars' | 'line';
  color: keyof Pick<ChartColors, 'accent' | 'good' | 'warn'>;
  /** Plotted against the right-hand axis (e.g. minutes beside reviews). */
  right?: boolean;
  format?: (v: number) => string;
}

export interface CategoryChartProps {
  title: string;
  /** One short label per category, for the x axis. */
  labels: string[];
  series: ChartSeries[];
  /** Fixed range of the left axis, e.g. [0, 100] for percentages. */
  leftRange?: [number, number];
  leftLabel?: string;
  rightLabel?: string;
  /** The text equivalent: a table of the same figures. */
  table: ReactNode;
  /** A one-sentence summary read before the table. */
  summary: string;
  height?: number;
}

function buildOptions(props: CategoryChartProps, colors: ChartColors, width: number): uPlot.Options {
  const { labels, series, leftRange, leftLabel, rightLabel, height = 220 } = props;
  const n = labels.length;
  const fontPx = Math.round(
    12 * (parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--font-scale')) || 1),
  );
  const axisFont = `${fontPx}px system-ui, sans-serif`;
  // Room for the longest category label (about 0.6 em a character) and a gap, so labels never touch.
  const labelSpace = Math.ceil(Math.max(1, ...labels.map((l) => l.length)) * fontPx * 0.62 + fontPx);
  const hasRight = series.some((s) => s.right);
  const bars = uPlot.paths.bars?.({ size: [0.7, 36], align: 0 });
  const axisBase = {
    stroke: colors.muted,
    font: axisFont,
    labelFont: axisFont,
    grid: { stroke: colors.border, width: 1 },
    ticks: { stroke: colors.border, width: 1 },
  };
  return {
    width,
    height,
    legend: { show: series.length > 1, live: false },
    cursor: { show: true, points: { show: false }, drag: { x: false, y: false } },
    scales: {
      x: { time: false, range: [-0.5, Math.max(0.5, n - 0.5)] },
      y: leftRange
        ? { range: leftRange }
        : { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] },
      ...(hasRight ? { y2: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] } } : {}),
    },
    axes: [
      {
        ...axisBase,
        grid: { show: false },
        space: labelSpace,
        incrs: [1, 2, 3, 5, 7, 10, 14, 30, 60],
        values: (_u, splits) =>
          splits.map((v) => (Number.isInteger(v) && v >= 0 && v < n ? (labels[v] ?? '') : '')),
      },
      {
        ...axisBase,
        ...(leftLabel ? { label: leftLabel } : {}),
        values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : '')),
      },
      ...(hasRight
        ? [
            {
              ...axisBase,
              scale: 'y2',
              side: 1 as const,
              grid: { show: false },
              ...(rightLabel ? { label: rightLabel } : {}),
              values: (_u: uPlot, splits: number[]) =>
                splits.map((v) => (Number.isInteger(v) ? String(v) : '')),
            },
          ]
        : []),
    ],
    series: [
      { label: 'Category', value: (_u, v) => (v === null ? '' : (labels[Math.round(v)] ?? '')) },
      ...series.map((s) => ({
        label: s.label,
        scale: s.right ? 'y2' : 'y',
        stroke: colors[s.color],
        width: s.kind === 'line' ? 2 : 0,
        ...(s.kind === 'bars' ? { fill: colors[s.color], paths: bars } : {}),
        points: { show: s.kind === 'line', size: 6, fill: colors[s.color], stroke: colors[s.color] },
        value: (_u: uPlot, v: number | null) => (v === null ? '—' : s.format ? s.format(v) : String(v)),
      })),
    ],
  };
}

export function CategoryChart(props: CategoryChartProps) {
  const colors = useThemeColors();
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const captionId = useId();
  const summaryId = useId();

  // biome-ignore lint/correctness/useExhaustiveDependencies: the chart is rebuilt when its figures or the theme change
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const width = Math.max(240, el.clientWidth);
    const data: uPlot.AlignedData = [props.labels.map((_, i) => i), ...props.series.map((s) => s.values)];
    const u = new uPlot(buildOptions(props, colors, width), data, el);
    plot.current = u;
    const observer = new ResizeObserver(() => {
      const w = Math.max(240, el.clientWidth);
      if (w !== u.width) u.setSize({ width: w, height: u.height });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [colors, props.labels, props.series, props.leftRange, props.height]);

  return (
    <figure className="chart" aria-labelledby={captionId} aria-describedby={summaryId}>
      <figcaption id={captionId} className="chart__title">
        {props.title}
      </figcaption>
      <p id={summaryId} className="chart__summary">
        {props.summary}
      </p>
      <div ref={host} className="chart__canvas" aria-hidden="true" />
      <details className="chart__table">
        <summary>Show as a table</summary>
        {props.table}
      </details>
    </figure>
  );
}
