/**
 * What a page does once with its one WebContainer, shared by every WebContainerRuntime session:
 * boot it (a pending boot is shared, a late one kept), download the template's dependency
 * snapshot while it boots, mount the template and the snapshot into it, and prove it answers.
 */
import { errorText } from '../shared/error-text.ts';
import { toFileSystemTree } from './file-tree.ts';
import type { FileTree } from './runtime.ts';
import { rememberBootOutcome, type BootMemoryStorage } from './webcontainer-boot-memory.ts';
import type { LoadDependencies } from './webcontainer-deps.ts';
import type { StartProgress, WebContainerApi, WebContainerInstance } from './webcontainer-runtime.ts';

/**
 * Must match the Cross-Origin-Embedder-Policy the app is served with
 * (src/node/isolation-headers.ts; a unit test keeps them equal).
 */
export const WEBCONTAINER_COEP = 'require-corp';

/** Why WebContainers could not be used, as a phrase the chooser puts into a sentence. */
export class WebContainerStartError extends Error {
  override name = 'WebContainerStartError';
}

const PROBE_FILE = '.playground-probe';

const boots = new WeakMap<WebContainerApi['WebContainer'], Promise<WebContainerInstance>>();
const downloads = new WeakMap<LoadDependencies, Promise<Uint8Array>>();
const preparations = new WeakMap<WebContainerInstance, Promise<void>>();
/** Snapshots already mounted: the page has one container, so they are not downloaded again. */
const mounted = new WeakSet<LoadDependencies>();

export function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

export function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

export function withTimeout<T>(promise: Promise<T>, ms: number, reason: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new WebContainerStartError(reason)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The page's one boot: shared while pending, kept when it succeeds (even after our deadline). */
export function bootOnce(api: WebContainerApi, memory: BootMemoryStorage | undefined): Promise<WebContainerInstance> {
  let booting = boots.get(api.WebContainer);
  if (!booting) {
    booting = api.WebContainer.boot({ coep: WEBCONTAINER_COEP, workdirName: 'playground' });
    boots.set(api.WebContainer, booting);
    booting.then(
      () => rememberBootOutcome(memory, { booted: true, at: Date.now() }),
      // A failed boot may be retried (the real API lets the next boot try again).
      () => boots.delete(api.WebContainer),
    );
  }
  return booting;
}

/** Starts (or joins) the snapshot download; undefined once the snapshot is in the page's container. */
export function downloadOnce(load: LoadDependencies, progress: (received: number, total: number) => void): Promise<Uint8Array> | undefined {
  if (mounted.has(load)) return undefined;
  let downloading = downloads.get(load);
  if (!downloading) {
    downloading = load(progress);
    downloads.set(load, downloading);
    downloading.catch(() => downloads.delete(load));
  }
  return downloading;
}

/** Mounts the template and the dependency snapshot into a fresh container, once. */
export function prepareOnce(
  container: WebContainerInstance,
  template: FileTree,
  load: LoadDependencies | undefined,
  downloadProgress: (received: number, total: number) => void,
  report: (progress: StartProgress) => void,
): Promise<void> {
  let preparing = preparations.get(container);
  if (!preparing) {
    preparing = (async () => {
      if (Object.keys(template).length > 0) await container.mount(toFileSystemTree(template));
      // Joins the download started with the boot, or starts it again after a failure.
      const download = load && downloadOnce(load, downloadProgress);
      if (download && load) {
        let snapshot: Uint8Array;
        try {
          snapshot = await download;
        } catch (error) {
          throw new Error(`The lesson libraries could not be set up: ${errorText(error)}.`);
        }
        report({ step: 'mounting', text: `Unpacking the lesson libraries (${megabytes(snapshot.byteLength)} MB)…` });
        // mount() transfers the bytes to the container (they are detached here afterwards).
        await container.mount(snapshot);
        downloads.delete(load);
        mounted.add(load);
      }
      report({ step: 'ready', text: 'WebContainers are ready.' });
    })();
    preparations.set(container, preparing);
    // Let the next session try again rather than keep a failure for the whole page.
    preparing.catch(() => preparations.delete(container));
  }
  return preparing;
}

export async function probe(container: WebContainerInstance, deadline: number, timeoutMs: number): Promise<void> {
  // A booted container can still be broken; `error` events are how it says so.
  let stopWatching: () => void = () => {};
  const broken = new Promise<never>((_, reject) => {
    stopWatching = container.on('error', ({ message }) => reject(new WebContainerStartError(`it reported an error: ${message}`)));
  });
  try {
    const roundTrip = (async () => {
      await container.fs.writeFile(PROBE_FILE, 'ok');
      await container.fs.readFile(PROBE_FILE);
      await container.fs.rm(PROBE_FILE, { force: true });
    })();
    await withTimeout(Promise.race([roundTrip, broken]), Math.max(0, deadline - Date.now()), `its file system did not answer within ${seconds(timeoutMs)}`);
  } finally {
    stopWatching();
  }
}
