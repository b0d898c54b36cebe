/**
 * platform/: the only module that touches the preload bridge (`window.lectern`): typed calls to main
 * (`invoke`, `invokeOrThrow`) and main's events (`onMainEvent`).
 */
export { invoke, invokeOrThrow, onMainEvent } from './bridge';
