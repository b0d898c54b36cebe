import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

const root = import.meta.dirname;

/**
 * The Content-Security-Policy of the built page: nothing remote, no inline script, no eval.
 * Injected at build time only, so `electron-vite dev` (which needs inline scripts) keeps working.
 * `blob:` for images and sounds only: packs' media are shown through object URLs the page makes
 * itself from IndexedDB (`renderer/src/ops/media.ts`); a blob: URL is always of the page's own origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  'media-src blob:',
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'self'",
].join('; ');

const cspPlugin: Plugin = {
  name: 'lectern-csp',
  apply: 'build',
  transformIndexHtml: (html) =>
    html.replace(
      '<meta charset="UTF-8" />',
      `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
    ),
};

/**
 * `import x from './file.wasm?base64'` gives the file's bytes as a base64 string in the importing chunk:
 * the Anki reader's SQLite WebAssembly then needs no fetch (Electron's file:// pages cannot fetch a
 * file URL) and loads only with that chunk. Vite 8 inlines no .wasm with `?inline`.
 */
const wasmBase64Plugin: Plugin = {
  name: 'lectern-wasm-base64',
  enforce: 'pre',
  async resolveId(source, importer) {
    if (!source.endsWith('.wasm?base64')) return null;
    const resolved = await this.resolve(source.slice(0, -'?base64'.length), importer, { skipSelf: true });
    return resolved ? `\0wasm-base64:${resolved.id}` : null;
  },
  load(id) {
    if (!id.startsWith('\0wasm-base64:')) return null;
    const file = id.slice('\0wasm-base64:'.length);
    this.addWatchFile(file);
    return `export default ${JSON.stringify(readFileSync(file).toString('base64'))};`;
  },
};

/**
 * Builds each `new Worker(new URL('./x.worker.ts', import.meta.url), …)` as a chunk of the page's own
 * build rather than as Vite's separate worker bundle (Vite's `worker` options only shape that separate
 * bundle; it never shares chunks with the page), so the workers and the page share chunks: the import
 * and backup workers need zod, the pack core and Dexie, which the page loads anyway, and would
 * otherwise carry a copy each (80 and 66 KB gzip). A worker stays a same-origin file under assets/ (CSP:
 * worker-src 'self', no blob:), started as an ES module worker. Build only: `electron-vite dev` keeps
 * Vite's own worker handling. The build fails if a worker would load the page's entry chunk or Vite's
 * preload helper (both need a document): code a worker reaches must not use dynamic import().
 */
const WORKER_URL =
  /new Worker\(\s*new URL\(\s*(['"])(\.{1,2}\/[^'"]+\.worker\.ts)\1\s*,\s*import\.meta\.url\s*\)/g;

const workerRefs: string[] = [];

const sharedWorkerChunksPlugin: Plugin = {
  name: 'lectern-shared-worker-chunks',
  apply: 'build',
  buildStart() {
    workerRefs.length = 0;
  },
  async transform(code, id) {
    if (!code.includes('new Worker(') || id.includes('/node_modules/')) return null;
    let out = '';
    let last = 0;
    for (const m of code.matchAll(WORKER_URL)) {
      const resolved = await this.resolve(m[2] as string, id);
      if (!resolved) this.error(`cannot resolve the worker ${m[2]} imported by ${id}`);
      const name = (m[2] as string).replace(/^.*\//, '').replace(/\.ts$/, '');
      const ref = this.emitFile({ type: 'chunk', id: resolved.id, name });
      workerRefs.push(ref);
      out += `${code.slice(last, m.index)}new Worker(import.meta.ROLLUP_FILE_URL_${ref}`;
      last = m.index + m[0].length;
    }
    return last === 0 ? null : { code: out + code.slice(last), map: null };
  },
  generateBundle(_options, bundle) {
    for (const ref of workerRefs) {
      const worker = this.getFileName(ref);
      const seen = new Set<string>();
      const visit = (file: string) => {
        const chunk = bundle[file];
        if (seen.has(file) || chunk?.type !== 'chunk') return;
        seen.add(file);
        const needsDocument =
          (chunk.isEntry && file !== worker) ||
          Object.keys(chunk.modules).some((m) => m.includes('vite/preload-helper'));
        if (needsDocument) this.error(`the worker ${worker} would load ${file}, which needs a document`);
        chunk.imports.forEach(visit);
      };
      visit(worker);
    }
  },
};

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: { main: resolve(root, 'electron/main.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // CommonJS so the preload runs with `sandbox: true` (a sandboxed preload cannot be an ES module).
      rolldownOptions: {
        input: { preload: resolve(root, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    // `@/core/...` is `renderer/src/core/...`, as in tsconfig.json and vitest.config.ts.
    resolve: { alias: { '@': resolve(root, 'renderer/src') } },
    plugins: [react(), cspPlugin, sharedWorkerChunksPlugin, wasmBase64Plugin],
    base: './',
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      rolldownOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
        // core/ is pure (no module runs code on import), so a module whose exports nobody uses is
        // dropped rather than only emptied: the page then does not reach the import worker's file
        // readers through core/formats/index.ts, and they stay in the worker's own chunk.
        treeshake: {
          moduleSideEffects: [{ test: /[\\/]renderer[\\/]src[\\/]core[\\/]/, sideEffects: false }],
        },
      },
      modulePreload: { polyfill: false },
      minify: true,
      sourcemap: false,
    },
  },
});
