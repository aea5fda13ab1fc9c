/**
 * The file the build ships for WebContainers: the template's trimmed dependencies
 * (template-dependency-files.ts) as a binary snapshot (webcontainer-snapshot.ts), gzipped at
 * the highest level, named after a hash of its bytes so hosts may cache it forever. Built once
 * per process; the Vite plugin serves and emits it, the bench measures it.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { templateDependencyFiles } from './template-dependency-files.ts';
import { encodeSnapshot } from './webcontainer-snapshot.ts';

export interface DependencyArchive {
  /** Path under the build's output folder (and the site's base URL). */
  fileName: string;
  gzip: Uint8Array;
  snapshotBytes: number;
  files: number;
}

let building: Promise<DependencyArchive> | undefined;

export function webcontainerDependencyArchive(): Promise<DependencyArchive> {
  building ??= (async () => {
    const files = await templateDependencyFiles();
    const snapshot = encodeSnapshot(files);
    const gzip = new Uint8Array(gzipSync(snapshot, { level: 9 }));
    const hash = createHash('sha256').update(gzip).digest('hex').slice(0, 10);
    return { fileName: `assets/webcontainer-deps-${hash}.bin.gz`, gzip, snapshotBytes: snapshot.length, files: files.length };
  })();
  building.catch(() => (building = undefined));
  return building;
}
