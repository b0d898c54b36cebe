/**
 * db/: the Dexie database and its rows (schema, versions and upgrades, the middlewares that keep
 * derived data true) and the repositories that own each area's transactions. Only ops/ (and app
 * start-up) use it: screens never import db/. Import each module by its own path.
 */
export {};
