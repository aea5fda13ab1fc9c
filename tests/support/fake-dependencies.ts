/**
 * A small dependency snapshot for tests, in the real binary format (src/node/webcontainer-snapshot.ts),
 * served the way the app loads it: a LoadDependencies that reports its download in two steps.
 */
import { encodeSnapshot } from '../../src/node/webcontainer-snapshot.ts';
import type { LoadDependencies } from '../../src/runtime/webcontainer-deps.ts';

export function fakeDependencies(files: Record<string, string> = { 'node_modules/express/package.json': '{"name":"express"}' }): LoadDependencies & { calls: number } {
  const load = Object.assign(
    async (onProgress: (received: number, total: number) => void) => {
      load.calls++;
      // A fresh copy per call: mount() transfers (detaches) what it is given.
      const bytes = encodeSnapshot(Object.entries(files).map(([path, text]) => ({ path, data: new TextEncoder().encode(text) })));
      onProgress(bytes.length / 2, bytes.length);
      onProgress(bytes.length, bytes.length);
      return bytes;
    },
    { calls: 0 },
  );
  return load;
}
