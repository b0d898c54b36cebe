/** The zustand store between tests: back to its initial state (zustand's testing guide). */
import { useAppStore } from '@/store';

export function resetAppStore(): void {
  useAppStore.setState(useAppStore.getInitialState(), true);
}
