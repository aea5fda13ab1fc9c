/**
 * The editor's colour themes: Monaco's own light (`vs`) and dark (`vs-dark`) themes, with every
 * token colour that falls below WCAG AA contrast against the editor background (4.5:1 for
 * normal text) replaced by a darker (light theme) or lighter (dark theme) shade of the same hue.
 * Monaco's defaults put comments in the dark theme at 4.21:1 and `attribute.name` in the light
 * one at 4.0:1, among others; learners read code all day, so it has to be legible.
 * `editor-themes.test.ts` recomputes every inherited and overridden colour.
 */
import type { editor } from 'monaco-editor';

export const LIGHT_EDITOR_THEME = 'playground-light';
export const DARK_EDITOR_THEME = 'playground-dark';

export const EDITOR_THEMES: Record<typeof LIGHT_EDITOR_THEME | typeof DARK_EDITOR_THEME, editor.IStandaloneThemeData> = {
  [LIGHT_EDITOR_THEME]: {
    base: 'vs',
    inherit: true,
    rules: [
      { token: 'annotation', foreground: '6A6A6A' },
      { token: 'metatag.html', foreground: '6A6A6A' },
      { token: 'metatag.xml', foreground: '6A6A6A' },
      { token: 'metatag.content.html', foreground: 'C50000' },
      { token: 'attribute.name', foreground: 'C50000' },
      { token: 'string.sql', foreground: 'C50000' },
      { token: 'operator.sql', foreground: '5C6B7A' },
    ],
    colors: {},
  },
  [DARK_EDITOR_THEME]: {
    base: 'vs-dark',
    inherit: true,
    rules: [
      { token: 'variable.predefined', foreground: '7F9FD6' },
      { token: 'comment', foreground: '7CA668' },
      { token: 'regexp', foreground: 'D68A8A' },
      { token: 'annotation', foreground: 'D68A8A' },
      { token: 'delimiter.html', foreground: '9A9A9A' },
      { token: 'delimiter.xml', foreground: '9A9A9A' },
      { token: 'tag.id.pug', foreground: '7F9FD6' },
      { token: 'tag.class.pug', foreground: '7F9FD6' },
      { token: 'string.sql', foreground: 'F48771' },
    ],
    colors: {},
  },
};

/** Registers both themes; call before creating an editor that names one of them. */
export function defineEditorThemes(editorApi: Pick<typeof editor, 'defineTheme'>): void {
  for (const [name, data] of Object.entries(EDITOR_THEMES)) editorApi.defineTheme(name, data);
}

/** The theme for the learner's colour scheme. */
export function editorThemeFor(dark: boolean): string {
  return dark ? DARK_EDITOR_THEME : LIGHT_EDITOR_THEME;
}
