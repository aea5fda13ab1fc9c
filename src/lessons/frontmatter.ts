/** Splits a Markdown file into its YAML frontmatter (parsed, not yet validated) and its body. */
import { parse as parseYaml, YAMLParseError } from 'yaml';

export type FrontmatterResult = { ok: true; data: unknown; body: string } | { ok: false; message: string };

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

export function splitFrontmatter(text: string): FrontmatterResult {
  const match = FRONTMATTER.exec(text.replace(/^\uFEFF/, ''));
  if (!match) {
    return { ok: false, message: 'must start with a frontmatter block: a line `---`, YAML fields, then a closing `---`' };
  }
  const yaml = match[1] ?? '';
  const body = text.replace(/^\uFEFF/, '').slice(match[0].length);
  try {
    const data: unknown = parseYaml(yaml);
    if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
      return { ok: false, message: 'frontmatter must be YAML fields (`name: value` lines)' };
    }
    return { ok: true, data: data ?? {}, body };
  } catch (error) {
    if (error instanceof YAMLParseError) {
      // The YAML starts on line 2 of the file (after the opening `---`).
      const line = error.linePos?.[0] ? ` (line ${error.linePos[0].line + 1})` : '';
      return { ok: false, message: `frontmatter is not valid YAML${line}: ${error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}` };
    }
    throw error;
  }
}
