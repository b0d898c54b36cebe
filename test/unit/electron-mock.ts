// Stand-in for `electron` in unit tests: tests that need behaviour use vi.mock('electron', …) with their own fakes.
export const app = {};
export const ipcMain = {};
export default {};
