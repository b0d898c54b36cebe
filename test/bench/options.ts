/** Command-line options of `npm run bench`. */

/** What a bench run does. */
export interface BenchOptions {
  /** Question counts to measure, e.g. [1000, 10000, 100000]. */
  sizes: number[];
  /** Measured runs of each phase per size (after a warm-up); the table shows their median. */
  runs: number;
  /** Runs of the write-heavy phases (floor, imports) and the statistics at 100k and above. */
  bigRuns: number;
  /** Answers timed per size at 10k and above (smaller sizes time a tenth as many). */
  answers: number;
  /** Review-log rows per card for the statistics (10 → 1M rows at 100k cards). */
  reviewsPerCard: number;
  /** Run `../shared/peer/mnemosyne_bench.py` when Mnemosyne is installed. */
  peer: boolean;
  /** Build the app first (`electron-vite build`). */
  build: boolean;
  /** Reuse a cached seeded database for the big review logs (see seed-cache.ts). */
  cache: boolean;
  /** Where to write JSON: '-' for stdout, a path, or null for none. */
  json: string | null;
  /** Where to write the results as a Markdown report (machine, table, profile), or null. */
  markdown: string | null;
  /** Measure nothing: print the table (and --md/--json) again from a saved --json file. */
  reportFrom: string | null;
  /** Print progress lines. */
  verbose: boolean;
  /** Run only the `import.linearity` phase (core readers in Node: no build, no browser). */
  onlyLinearity: boolean;
  /** Per size: only the studied history and the first launch of the day with its daily backup. */
  onlyBackup: boolean;
  /** Run only the `import.apkg20k` phase (with the build, unless --no-build). */
  onlyApkg: boolean;
  /** Run only the `sync.merge100kMs` phase (with the build, unless --no-build). */
  onlySync: boolean;
  onlyFsrs: boolean;
  /** Only the per-size phases (and Mnemosyne): no import.linearity, fsrs, course-only start or apkg20k. */
  onlySizes: boolean;
}

export const DEFAULT_OPTIONS: BenchOptions = {
  sizes: [1000, 10_000, 100_000],
  runs: 3,
  bigRuns: 1,
  answers: 1000,
  reviewsPerCard: 10,
  peer: true,
  build: true,
  cache: true,
  json: null,
  markdown: null,
  reportFrom: null,
  verbose: true,
  onlyLinearity: false,
  onlyBackup: false,
  onlyApkg: false,
  onlySync: false,
  onlyFsrs: false,
  onlySizes: false,
};

export const USAGE = `npm run bench -- [options]
  --sizes 1k,10k,100k   question counts (k = thousand)
  --runs N              measured runs per phase after a warm-up (default 3)
  --big-runs N          runs of the floor, imports and statistics at 100k and above (default 1)
  --quick               1k and 10k, 1 run, 200 answers, no peer
  --answers N           answers timed at 10k and above (default 1000)
  --reviews-per-card N  review-log rows per card for the statistics (default 10: 1M at 100k)
  --no-peer             skip Mnemosyne
  --no-build            use the existing out/ build
  --no-cache            seed the big review logs afresh instead of copying a cached seeded database
  --json [file]         also write the results as JSON (stdout when no file is given)
  --md file             also write the results as a Markdown report (machine, table, profile)
  --report file.json    measure nothing: print the table of a saved --json run again
  --only-linearity      only the import.linearity phase (time per question, 1k to 64k)
  --only-backup         per size, only the daily automatic backup (backup.dailyMs, backup.bytesPerReview)
  --only-apkg           only the import.apkg20k phase (a 20k-note .apkg vs the same notes as a pack)
  --only-sync           only the sync.merge100kMs phase (a second device's 100k reviews merged in)
  --only-fsrs           only the fsrs phase (the optimizer: fit quality, fsrs.optimizeMs; no browser)
  --only-sizes          only the per-size phases and Mnemosyne (issue 16's rows at 100k in one run)
  --quiet               no progress lines`;

/** Parses "1k", "10000", "0.5k" into a count; throws on anything else. */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!m) throw new Error(`not a size: "${text}" (use e.g. 1k, 10k, 100k)`);
  const unit = m[2]?.toLowerCase() === 'k' ? 1000 : m[2]?.toLowerCase() === 'm' ? 1_000_000 : 1;
  const n = Math.round(Number(m[1]) * unit);
  if (n < 1) throw new Error(`size must be at least 1: "${text}"`);
  return n;
}

function positiveInt(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a whole number ≥ 1`);
  return n;
}

/** Parses the command line (without `node script`). Throws with a message on a bad option. */
export function parseOptions(argv: readonly string[]): BenchOptions | 'help' {
  const o: BenchOptions = { ...DEFAULT_OPTIONS, sizes: [...DEFAULT_OPTIONS.sizes] };
  let sizes: number[] | null = null;
  let quickSizes: number[] | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    switch (a) {
      case '--help':
      case '-h':
        return 'help';
      case '--sizes':
        sizes = next().split(',').map(parseSize);
        break;
      case '--runs':
        o.runs = positiveInt(a, next());
        break;
      case '--big-runs':
        o.bigRuns = positiveInt(a, next());
        break;
      case '--answers':
        o.answers = positiveInt(a, next());
        break;
      case '--reviews-per-card':
        o.reviewsPerCard = positiveInt(a, next());
        break;
      case '--quick':
        quickSizes = [1000, 10_000];
        o.runs = 1;
        o.answers = 200;
        o.peer = false;
        break;
      case '--no-peer':
        o.peer = false;
        break;
      case '--no-build':
        o.build = false;
        break;
      case '--no-cache':
        o.cache = false;
        break;
      case '--quiet':
        o.verbose = false;
        break;
      case '--only-linearity':
        o.onlyLinearity = true;
        break;
      case '--only-backup':
        o.onlyBackup = true;
        break;
      case '--only-apkg':
        o.onlyApkg = true;
        break;
      case '--only-sync':
        o.onlySync = true;
        break;
      case '--only-fsrs':
        o.onlyFsrs = true;
        break;
      case '--only-sizes':
        o.onlySizes = true;
        break;
      case '--md':
        o.markdown = next();
        break;
      case '--report':
        o.reportFrom = next();
        break;
      case '--json': {
        const v = argv[i + 1];
        if (v !== undefined && !v.startsWith('--')) {
          o.json = v;
          i++;
        } else o.json = '-';
        break;
      }
      default:
        throw new Error(`unknown option ${a}\n${USAGE}`);
    }
  }
  // --sizes wins over --quick's sizes, whichever comes first.
  o.sizes = [...new Set(sizes ?? quickSizes ?? o.sizes)].sort((x, y) => x - y);
  return o;
}
