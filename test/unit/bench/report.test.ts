import { describe, expect, it } from 'vitest';
import { parseOptions, parseSize } from '../../bench/options';
import { parsePeerMedian } from '../../bench/peer';
import {
  apkgRows,
  type BenchResults,
  buildRows,
  formatSize,
  formatTable,
  judgeMax,
  summarizeTargets,
} from '../../bench/report';
import {
  median,
  pairAnswerMarks,
  percentile,
  splitAnswerPhases,
  summarizeLatencies,
} from '../../bench/summary';

describe('bench summaries', () => {
  it('takes medians and nearest-rank percentiles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(summarizeLatencies(hundred)).toEqual({ count: 100, p50: 50, p95: 95, max: 100 });
  });

  it('pairs each answer with the first card painted after it, never an earlier one', () => {
    // the first painted card (5) was shown before any answer; the last answer (50) got no card
    expect(pairAnswerMarks([10, 30, 50], [5, 14, 37])).toEqual([4, 7]);
  });

  it('splits an answer into write, queue, render and paint by the next marks after it', () => {
    const phases = splitAnswerPhases({
      starts: [10, 40],
      queueStarts: [1, 12, 43],
      queueEnds: [2, 15, 50],
      rendered: [3, 20, 52],
      painted: [5, 30], // the second answer's card was never painted: left out
    });
    expect(phases).toEqual([{ write: 2, queue: 3, render: 5, paint: 10 }]);
  });
});

describe('bench options', () => {
  it('reads sizes with k and M suffixes and rejects others', () => {
    expect(parseSize('1k')).toBe(1000);
    expect(parseSize('100K')).toBe(100_000);
    expect(parseSize('2500')).toBe(2500);
    expect(() => parseSize('ten')).toThrow(/not a size/);
  });

  it('lets --sizes win over --quick in either order and takes --json with or without a file', () => {
    for (const argv of [
      ['--quick', '--sizes', '10k,1k'],
      ['--sizes', '1k,10k', '--quick'],
    ]) {
      const o = parseOptions(argv);
      expect(o !== 'help' && [o.sizes, o.runs, o.peer]).toEqual([[1000, 10_000], 1, false]);
    }
    const toFile = parseOptions(['--json', 'out.json', '--runs', '5']);
    expect(toFile !== 'help' && [toFile.json, toFile.runs]).toEqual(['out.json', 5]);
    const toStdout = parseOptions(['--json', '--no-peer']);
    expect(toStdout !== 'help' && [toStdout.json, toStdout.peer]).toEqual(['-', false]);
    expect(() => parseOptions(['--runs', '0'])).toThrow(/whole number/);
    expect(() => parseOptions(['--bogus'])).toThrow(/unknown option/);
  });
});

describe('bench peer', () => {
  it("reads Mnemosyne's MEDIAN line into milliseconds", () => {
    const line =
      'MEDIAN N=10000 mode=tsv reviews=1000 graded=1000 db=7.1MB  init=0.300  import=0.390  queue=0.020  review=0.500  stats=0.100  close=0.050  reopen=0.200  rep_p50_ms=0.160  rep_p95_ms=3.300  rep_max_ms=20.000  peak_rss_mb=80.000';
    const p = parsePeerMedian(line);
    expect(p).toMatchObject({
      n: 10_000,
      importMs: 390,
      queueMs: 20,
      reopenMs: 200,
      repP95: 3.3,
      peakRssMb: 80,
    });
    expect(parsePeerMedian('N=10000 mode=tsv run 1: {}')).toBeNull();
  });
});

describe('bench report', () => {
  it('says whether a target was met and by how much', () => {
    expect(judgeMax(6, 8, 'ms')).toEqual({ met: true, verdict: 'met (25 % under)' });
    expect(judgeMax(10, 8, 'ms')).toEqual({ met: false, verdict: 'MISSED by 2.0 ms (+25 %)' });
    expect(formatSize(100_000)).toBe('100k');
  });

  it('judges the 100k targets and the import ratios, with floors and the peer in the table', () => {
    const results: Omit<BenchResults, 'rows'> = {
      date: '2026-11-27T00:00:00.000Z',
      machine: { cpus: 2, cpuModel: 'x', memory: '1Gi', node: 'v20', chromium: 'c', mode: 'standin' },
      options: { sizes: [100_000], runs: 1, bigRuns: 1, answers: 1000, reviewsPerCard: 10 },
      jsSize: { total: 250_000, initial: 200_000, files: [] },
      rowCost: null,
      courseStart: { runs: [700], floor: [500] },
      sizes: [
        {
          n: 100_000,
          packBytes: 44e6,
          tsvBytes: 5e6,
          floor: [4000],
          import: [{ total: 5000, read: 2000, store: 3000, longestTask: 40 }],
          importTsv: [{ total: 1000, read: 300, store: 700, longestTask: 20 }],
          core: { read: 1500, store: 3000 },
          seed: { cards: 100_000, reviews: 1_000_000, due: 5000, ms: 1 },
          queue: [30],
          answer: {
            count: 1000,
            p50: 3,
            p95: 7,
            max: 20,
            inDom: { count: 1000, p50: 2, p95: 5, max: 15 },
            phases: { write: 1, queue: 1, render: 1, paint: 1 },
          },
          stats: [900],
          browse: { rows: [120], all: [2400] },
          start: { runs: [800], floor: [500], heap: { library: 50e6, study: 60e6 } },
          firstLaunch: null,
          runs: { heavy: 1, other: 1 },
        },
      ],
      peer: [
        {
          n: 100_000,
          importMs: 4500,
          queueMs: 100,
          reviewMs: 1,
          statsMs: 1,
          reopenMs: 600,
          initMs: 1,
          repP50: 0.16,
          repP95: 41.6,
          repMax: 90,
          peakRssMb: 300,
        },
      ],
      peerNote: '',
      durationMs: 1,
    };
    const rows = buildRows(results);
    const find = (prefix: string) => rows.find((r) => r.measure.startsWith(prefix));
    const imp = find('import (pack');
    expect(imp?.met).toBe(false); // 1.25× floor met, 1.11× Mnemosyne missed
    expect(imp?.verdict).toBe('floor met (1.25×); Mnemosyne MISSED: 1.11×, 2.2 times the 0.5× allowed');
    expect(find("import (Mnemosyne's")?.met).toBe(true);
    expect(find('queue')?.verdict).toMatch(/MISSED by 10\.0 ms/);
    expect(find('answer → next question painted, p95')?.met).toBe(true);
    expect(find('start → Library interactive')?.met).toBe(true);
    expect(find('renderer JS heap')?.met).toBe(true);
    // 200 KB at start-up: over the 163 KB start-up budget, whatever the total.
    expect(find('renderer JS at start-up')).toMatchObject({
      name: 'size.startupJsGzipKB',
      value: 200,
      met: false,
    });
    expect(find('Browse opened → first rows shown')?.value).toBe(120);
    expect(find('Browse opened → every question listed (100k)')?.value).toBe(2400);
    const table = formatTable(rows);
    expect(table).toContain(
      '| import (pack, 44.0 MB) | 100k | 5000 ms | 4000 ms | 1.25× | 4500 ms | 1.11× |',
    );
    expect(summarizeTargets(rows)).toMatch(/^Targets: 6 of 10 met\./);
    expect(summarizeTargets(rows)).toContain('stats.laterOpenMs');
  });

  it('judges import.apkg20k against 2× the same notes as a Lectern pack', () => {
    const row = (apkgMs: number, packMs: number) =>
      apkgRows({
        notes: 20_000,
        images: 2000,
        apkgMs: [apkgMs],
        packMs: [packMs],
        ratio: apkgMs / packMs,
      })[0];
    expect(row(7000, 4000)).toMatchObject({ size: '20k', value: 7000, met: true, target: '≤ 2× the pack' });
    expect(row(9000, 4000)?.met).toBe(false);
  });
});
