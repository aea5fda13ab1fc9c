/**
 * Lesson Markdown → HTML, at build time (the browser never gets a Markdown parser). Code
 * blocks are highlighted by Shiki with two themes: the light colours inline, the dark ones as
 * `--shiki-dark` CSS variables the app switches to in dark mode.
 */
import { Marked } from 'marked';
import { createHighlighter, type Highlighter } from 'shiki';

/** The only languages lessons use; loading fewer keeps the build fast. Aliases (js, ts, sh, bash) come with them. */
const LANGUAGES = ['javascript', 'typescript', 'json', 'sql', 'shellscript', 'http'];
const THEMES = { light: 'github-light', dark: 'github-dark' } as const;

let highlighter: Promise<Highlighter> | undefined;

function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: Object.values(THEMES), langs: LANGUAGES });
  return highlighter;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export async function renderMarkdown(markdown: string): Promise<string> {
  const shiki = await getHighlighter();
  const known = new Set(shiki.getLoadedLanguages());
  const marked = new Marked({
    async: false,
    gfm: true,
    renderer: {
      code({ text, lang }) {
        const language = (lang ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
        if (!known.has(language)) {
          // Unknown or no language: still a code block, just not coloured.
          const cls = language ? ` class="language-${escapeHtml(language)}"` : '';
          return `<pre class="shiki"><code${cls}>${escapeHtml(text)}</code></pre>\n`;
        }
        return `${shiki.codeToHtml(text, { lang: language, themes: THEMES })}\n`;
      },
    },
  });
  return marked.parse(markdown, { async: false });
}
