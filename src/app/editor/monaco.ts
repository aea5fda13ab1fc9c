/**
 * Monaco, configured for the playground. Only ever imported dynamically (EditorPanel), so the
 * editor, its workers and the type definitions stay out of the first load. Workers are built
 * by Vite from monaco-editor (`?worker`) and served by the app: no CDN.
 */
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import TsWorker from 'monaco-editor/esm/vs/language/typescript/ts.worker.js?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker.js?worker';
import CssWorker from 'monaco-editor/esm/vs/language/css/css.worker.js?worker';
import HtmlWorker from 'monaco-editor/esm/vs/language/html/html.worker.js?worker';
import typeLibs from 'virtual:monaco-types';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    switch (label) {
      case 'typescript':
      case 'javascript':
        return new TsWorker();
      case 'json':
        return new JsonWorker();
      case 'css':
      case 'scss':
      case 'less':
        return new CssWorker();
      case 'html':
      case 'handlebars':
      case 'razor':
        return new HtmlWorker();
      default:
        return new EditorWorker();
    }
  },
};

// Learner code is modern ESM JavaScript running on Node: resolve `express` from the shipped
// @types under file:///node_modules, without the DOM library (no `window` in a server).
const compilerOptions: monaco.typescript.CompilerOptions = {
  target: monaco.typescript.ScriptTarget.ESNext,
  module: monaco.typescript.ModuleKind.ESNext,
  moduleResolution: monaco.typescript.ModuleResolutionKind.NodeJs,
  allowJs: true,
  checkJs: false,
  allowNonTsExtensions: true,
  esModuleInterop: true,
  lib: ['es2022'],
  types: [],
};
for (const defaults of [monaco.typescript.javascriptDefaults, monaco.typescript.typescriptDefaults]) {
  defaults.setCompilerOptions(compilerOptions);
  defaults.setEagerModelSync(true);
  for (const lib of typeLibs) defaults.addExtraLib(lib.content, lib.path);
}

export { monaco };

/** The Monaco language for a workspace path. */
export function languageFor(path: string): string {
  const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  const byExtension: Record<string, string> = {
    js: 'javascript', mjs: 'javascript', cjs: 'javascript', ts: 'typescript', json: 'json', sql: 'sql',
    md: 'markdown', html: 'html', css: 'css', yml: 'yaml', yaml: 'yaml', sh: 'shell', env: 'ini',
  };
  return byExtension[extension] ?? 'plaintext';
}
