/**
 * cli/: command-line tools run with Node (no Electron, no window): `lectern-pack` checks and converts
 * instructor packs (`lectern-pack.mjs` starts `lectern-pack.ts`), and `write-schema.ts` writes the
 * pack JSON Schema (`npm run schema`). They use core/ only; nothing here runs inside the app.
 */
export {};
