/** Browse: every question of every pack as one list — rows, filters, sorting, selection, history. */
export * from './filter';
export * from './history';
export * from './rows';
export * from './selection';
