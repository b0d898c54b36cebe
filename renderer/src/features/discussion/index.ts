/** The discussion sheet's export helpers (the screen is imported by file). */
export * from './export-sheet';
