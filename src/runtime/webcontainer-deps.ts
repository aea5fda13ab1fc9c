/**
 * Fetches the lesson template's dependencies for WebContainers: a trimmed `node_modules`
 * snapshot that the build serves from our own origin (src/node/vite-plugin-webcontainer-deps.ts),
 * gzip-compressed. The container mounts it instead of running `npm ci`, so no registry is
 * reached at lesson start. The download reports progress in bytes; the snapshot is gunzipped
 * here with DecompressionStream (unless the host already undid the gzip, as some hosts do for
 * `.gz` files by sending `Content-Encoding: gzip`).
 */
import { errorText } from '../shared/error-text.ts';

/** What the build tells the page about the snapshot (`virtual:webcontainer-deps`). */
export interface DependencySnapshotAsset {
  url: string;
  gzipBytes: number;
}

/** Loads the snapshot bytes, calling `onProgress(received, total)` as the download goes. */
export type LoadDependencies = (onProgress: (received: number, total: number) => void) => Promise<Uint8Array>;

const GZIP_MAGIC = [0x1f, 0x8b];

async function readWithProgress(body: ReadableStream<Uint8Array>, total: number, onProgress: (received: number, total: number) => void): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    chunks.push(chunk.value);
    received += chunk.value.length;
    onProgress(received, Math.max(total, received));
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== GZIP_MAGIC[0] || bytes[1] !== GZIP_MAGIC[1]) return bytes;
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function fetchDependencySnapshot(asset: DependencySnapshotAsset, fetchImpl: typeof fetch = fetch): LoadDependencies {
  return async (onProgress) => {
    let response: Response;
    try {
      response = await fetchImpl(asset.url);
    } catch (error) {
      throw new Error(`the lesson libraries could not be downloaded from ${asset.url} (${errorText(error)})`);
    }
    if (!response.ok || !response.body) throw new Error(`the lesson libraries could not be downloaded from ${asset.url} (HTTP ${response.status})`);
    return gunzip(await readWithProgress(response.body, asset.gzipBytes, onProgress));
  };
}
