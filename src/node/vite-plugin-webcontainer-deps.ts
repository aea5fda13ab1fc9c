/**
 * `virtual:webcontainer-deps`: where the lesson template's dependency snapshot for WebContainers
 * is served from our own origin, and its size (src/runtime/webcontainer-virtual-deps.d.ts). The
 * build emits the file as a hashed asset; the dev server answers the same path from memory, with
 * the app's headers (cross-origin isolation applies to it like to every response). The snapshot
 * is built the first time the module is loaded, i.e. when a page first tries WebContainers.
 */
import type { Plugin } from 'vite';
import { APP_HEADERS } from './isolation-headers.ts';
import { webcontainerDependencyArchive } from './webcontainer-deps-archive.ts';

const VIRTUAL_ID = 'virtual:webcontainer-deps';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

export function webcontainerDepsPlugin(): Plugin {
  let base = '/';
  let building = false;
  return {
    name: 'playground-webcontainer-deps',
    configResolved(config) {
      base = config.base;
      building = config.command === 'build';
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const archive = await webcontainerDependencyArchive();
      if (building) this.emitFile({ type: 'asset', fileName: archive.fileName, source: archive.gzip });
      return `export const dependencySnapshot = ${JSON.stringify({ url: `${base}${archive.fileName}`, gzipBytes: archive.gzip.length })};`;
    },
    configureServer(server) {
      server.middlewares.use(async (request, response, next) => {
        const path = request.url?.split('?')[0] ?? '';
        if (!path.startsWith(`${base}assets/webcontainer-deps-`)) return next();
        const archive = await webcontainerDependencyArchive();
        if (path !== `${base}${archive.fileName}`) return next();
        for (const [name, value] of Object.entries(APP_HEADERS)) response.setHeader(name, value);
        response.setHeader('Content-Type', 'application/octet-stream');
        response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
        response.end(archive.gzip);
      });
    },
  };
}
