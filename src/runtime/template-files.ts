/**
 * The lesson template's own files as the WebContainer gets them: its package.json (so `node`
 * treats `.js` as ES modules, and `npm start` finds its scripts). Its dependencies arrive as a
 * snapshot of node_modules built from the committed lockfile (webcontainer-deps.ts), never from
 * a registry. (The local runner reads the same package.json from disk; its dependencies are the
 * root npm workspace's node_modules.) Imported lazily with the WebContainer adapter.
 */
import packageJson from '../../lessons/_template/package.json?raw';
import type { FileTree } from './runtime.ts';

export const TEMPLATE_FILES: FileTree = {
  'package.json': packageJson,
};
