/**
 * ops/: the named operations the screens call, one module per area (import/, backup/, selftest/,
 * export, library, settings, stats, reader, discussion, browse, database health, stored rows,
 * bundled course). They own transactions on db/, the workers (import and backup), and calls to main
 * through platform/; they export the types a screen needs. No React here.
 */
export {};
