/** `content:list`: the bundled packs as text; the renderer parses them inside the sandbox. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readPackFile } from '../files';
import { contentDir } from '../paths';
import type { HandlerRegistry } from './handle';

export function registerContentHandlers({ handle }: HandlerRegistry): void {
  handle('content:list', async () => {
    const dir = contentDir();
    const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
    return Promise.all(names.map((n) => readPackFile(join(dir, n), 'bundled')));
  });
}
