/** A localStorage stand-in for tests (Node has none): the three calls the boot memory uses. */
import type { BootMemoryStorage } from '../../src/runtime/webcontainer-boot-memory.ts';

export function memoryStorage(): BootMemoryStorage & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
  };
}
