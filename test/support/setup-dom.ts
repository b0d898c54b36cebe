// Setup of the component tier (happy-dom): each test starts from an empty document.
// Testing Library cleans up by itself only when vitest's globals are on; they are off here.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});
