/** The renderer's JavaScript, gzipped as a server would send it (node:zlib, default level). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Gzipped sizes of the renderer's JS files (bytes). */
export interface JsSize {
  /** Every .js file in out/renderer/assets (entry, lazy chunks, workers). */
  total: number;
  /** The files index.html loads at start-up. */
  initial: number;
  files: { name: string; raw: number; gzip: number }[];
}

const rendererDir = fileURLToPath(new URL('../../../out/renderer', import.meta.url));

/** Measures out/renderer/assets/*.js; throws when there is no build. */
export function measureJsSize(dir = rendererDir): JsSize {
  const assets = join(dir, 'assets');
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(assets, name));
      return { name, raw: bytes.length, gzip: gzipSync(bytes).length };
    });
  if (files.length === 0) throw new Error(`no JS in ${assets}: build first (npx electron-vite build)`);
  const initial = files.filter((f) => html.includes(`assets/${f.name}`)).reduce((s, f) => s + f.gzip, 0);
  return { total: files.reduce((s, f) => s + f.gzip, 0), initial, files };
}
