/**
 * features/: the screens, one folder each (library, reader, study, selftest, discussion, import,
 * browse, stats, settings, backup, and the question widgets they share). React only: components,
 * hooks and the words they show. What a screen reads or writes it asks of ops/ by name; widgets that
 * serve several screens live in ui/. Screens are loaded by file (see app/screens.tsx).
 */
export {};
