/**
 * Bundles `bench-page.ts` (with the app's own Dexie schema, readers and repositories) into one
 * script, and calls into it from Node. The script is evaluated through CDP, which the page's CSP
 * does not govern, and is gone after a reload: `callBench` injects it again when it is missing.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { buildSync } from 'esbuild';
import type { BenchApi } from './bench-page';

let bundle: string | null = null;

/** The bench page script (built once per process). */
export function readBenchBundle(): string {
  if (bundle) return bundle;
  const out = buildSync({
    entryPoints: [fileURLToPath(new URL('./bench-page.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  bundle = out.outputFiles[0]?.text ?? '';
  if (!bundle) throw new Error('the bench page script did not build');
  return bundle;
}

/** Makes sure the bench API is in the page (after a launch or a reload). */
export async function injectBench(page: Page): Promise<void> {
  const present = await page.evaluate('typeof globalThis.__lecternBench === "object"');
  if (!present) await page.evaluate(readBenchBundle());
}

type Fn = keyof BenchApi;

/**
 * Calls `__lecternBench[fn](...args)` in the page. Functions passed to `page.evaluate` must not
 * declare named functions: tsx wraps those with a `__name` helper the page lacks.
 */
export async function callBench<F extends Fn>(
  page: Page,
  fn: F,
  ...args: Parameters<BenchApi[F]>
): Promise<Awaited<ReturnType<BenchApi[F]>>> {
  await injectBench(page);
  // An anonymous arrow written inline: tsx leaves it as it is (no `__name` wrapper).
  return page.evaluate(
    ([name, list]) =>
      (
        globalThis as unknown as { __lecternBench: Record<string, (...a: unknown[]) => unknown> }
      ).__lecternBench[name]?.(...list),
    [fn, args] as [string, unknown[]],
  ) as Promise<Awaited<ReturnType<BenchApi[F]>>>;
}
