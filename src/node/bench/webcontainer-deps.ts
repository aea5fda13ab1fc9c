/**
 * The WebContainer dependency snapshot (src/node/webcontainer-deps-archive.ts): how big the
 * download is, and how long the page takes to gunzip it and the container to mount it — the
 * mount under the faithful fake (tests/support/webcontainer-fake.ts), since no real container
 * runs here. The fake decodes the snapshot and writes every file into its in-memory file
 * system, which is the work the real container does too, but not at the real one's speed.
 */
import { performance } from 'node:perf_hooks';
import { createFakeWebContainerApi } from '../../../tests/support/webcontainer-fake.ts';
import { gunzip } from '../../runtime/webcontainer-deps.ts';
import { webcontainerDependencyArchive } from '../webcontainer-deps-archive.ts';
import type { BenchContext } from './context.ts';
import type { Outcome } from './results.ts';
import { round } from './stats.ts';

const RUNS = 5;

export async function measureWebContainerDeps(ctx: BenchContext): Promise<{ size: Outcome; mount: Outcome }> {
  const archive = await webcontainerDependencyArchive();
  const samples: number[] = [];
  const split: { gunzipMs: number; mountMs: number }[] = [];
  for (let run = 0; run < ctx.runs(RUNS); run++) {
    const container = await createFakeWebContainerApi().WebContainer.boot();
    const started = performance.now();
    const snapshot = await gunzip(archive.gzip);
    const unpacked = performance.now();
    await container.mount(snapshot);
    const done = performance.now();
    samples.push(round(done - started, 1));
    split.push({ gunzipMs: round(unpacked - started, 1), mountMs: round(done - unpacked, 1) });
    ctx.log(`  run ${run + 1}: gunzip ${split.at(-1)?.gunzipMs} ms + mount ${split.at(-1)?.mountMs} ms`);
  }
  const facts = { fileName: archive.fileName, files: archive.files, snapshotKb: round(archive.snapshotBytes / 1024, 1), gzipBytes: archive.gzip.length };
  return {
    size: { ok: true, samples: [round(archive.gzip.length / 1024, 1)], note: 'Computed from the lockfile and node_modules, so every run gives the same number.', details: facts },
    mount: { ok: true, samples, note: 'Under the faithful fake: the real container’s unpacking speed has not been measured.', details: { runs: split } },
  };
}
