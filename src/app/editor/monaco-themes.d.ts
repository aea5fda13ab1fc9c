/** Monaco's built-in theme data, read by editor-themes.test.ts (Monaco ships no types for it). */
declare module 'monaco-editor/esm/vs/editor/standalone/common/themes.js' {
  import type { editor } from 'monaco-editor';
  export const vs: editor.IStandaloneThemeData;
  export const vs_dark: editor.IStandaloneThemeData;
}
