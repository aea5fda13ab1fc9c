import { describe, expect, it } from 'vitest';
// Monaco's own theme data (the `vs` and `vs-dark` themes ours inherit from): plain objects.
import { vs, vs_dark } from 'monaco-editor/esm/vs/editor/standalone/common/themes.js';
import type { editor } from 'monaco-editor';
import { DARK_EDITOR_THEME, EDITOR_THEMES, LIGHT_EDITOR_THEME } from './editor-themes.ts';

function luminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two `RRGGBB` colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Every token colour the editor shows with a theme: the base theme's rules, ours on top. */
function effectiveRules(base: { rules: editor.ITokenThemeRule[] }, ours: { rules: editor.ITokenThemeRule[] }): Map<string, string> {
  const colours = new Map<string, string>();
  for (const rule of [...base.rules, ...ours.rules]) if (rule.foreground) colours.set(rule.token, rule.foreground.replace('#', '').slice(0, 6));
  return colours;
}

describe('editor themes', () => {
  for (const [name, base, background] of [
    [LIGHT_EDITOR_THEME, vs, 'FFFFFE'],
    [DARK_EDITOR_THEME, vs_dark, '1E1E1E'],
  ] as const) {
    it(`${name}: every token colour has at least 4.5:1 contrast with the editor background`, () => {
      const ours = EDITOR_THEMES[name];
      expect(ours.inherit).toBe(true);
      expect(ours.base).toBe(base.base);
      expect(base.colors['editor.background']?.replace('#', '').toUpperCase()).toBe(background);
      const lowContrast = [...effectiveRules(base, ours)]
        .map(([token, colour]) => ({ token, colour, ratio: Math.round(contrast(colour, background) * 100) / 100 }))
        .filter(({ ratio }) => ratio < 4.5);
      expect(lowContrast).toEqual([]);
    });
  }

  it('Monaco’s own themes do fall short (so the overrides are needed, and this test can fail)', () => {
    const light = effectiveRules(vs, { rules: [] });
    expect(contrast(light.get('attribute.name') ?? '', 'FFFFFE')).toBeLessThan(4.5);
    const dark = effectiveRules(vs_dark, { rules: [] });
    expect(contrast(dark.get('comment') ?? '', '1E1E1E')).toBeLessThan(4.5);
  });
});
