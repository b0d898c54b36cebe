/**
 * This copy of zod is evaluated through CDP, where eval works, so it would compile its schemas with
 * `new Function`; its parsers then also run from the app's Dexie callbacks, where the page's CSP
 * forbids eval. The app's own copy finds eval refused and never compiles: do the same here. Imported
 * first by `bench-page.ts`, since a schema decides whether to compile when it is built.
 */
import { z } from 'zod';

z.config({ jitless: true });
