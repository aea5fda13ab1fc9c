/**
 * The lesson template as the WebContainer installs it: package.json and the committed
 * lockfile, so `npm ci` resolves nothing at lesson start. (The local runner reads the same
 * package.json from disk; its dependencies are the root npm workspace's node_modules.)
 * Imported lazily with the WebContainer adapter, so the first-load bundle does not carry it.
 */
import packageJson from '../../lessons/_template/package.json?raw';
import packageLock from '../../lessons/_template/package-lock.json?raw';
import type { FileTree } from './runtime.ts';

export const TEMPLATE_FILES: FileTree = {
  'package.json': packageJson,
  'package-lock.json': packageLock,
};
