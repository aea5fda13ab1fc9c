/**
 * A `file` check: the learner's source contains (or avoids) given text or patterns. JavaScript,
 * TypeScript and SQL files are read with comments masked (and string contents, when the author
 * sets `maskStrings`), so a comment quoting the old bug neither fails nor passes the check;
 * masking keeps every position, so the message points at the learner's own line.
 */
import type { CheckContext, FileCheck } from './define.ts';
import { CheckFailure } from './check-failure.ts';
import { codeLanguage, maskCode } from './code-mask.ts';

export async function runFileCheck({ file }: FileCheck, t: CheckContext): Promise<void> {
  const text = await t.readFile(file.path);
  if (text === undefined) throw new CheckFailure(`${file.message} (${file.path} does not exist)`);
  const language = codeLanguage(file.path);
  const code = language ? maskCode(text, language, { strings: file.maskStrings ?? false }) : text;
  for (const wanted of file.contains ?? []) {
    if (findMatch(code, wanted) === undefined) {
      // The author's message says what is missing in words; the pattern itself goes to `expected` for the curious.
      throw new CheckFailure(file.message, { expected: `${file.path} containing ${describe(wanted)}${language ? ' (outside comments)' : ''}`, actual: text });
    }
  }
  for (const unwanted of file.notContains ?? []) {
    const index = findMatch(code, unwanted);
    if (index !== undefined) {
      // Learners read code, not regular expressions: point at the line that still has it, as they wrote it.
      const line = code.slice(0, index).split('\n').length;
      const source = (text.split('\n')[line - 1] ?? '').trim();
      throw new CheckFailure(`${file.message} (${file.path}:${line}: ${source})`, { expected: `${file.path} without ${describe(unwanted)}`, actual: text });
    }
  }
}

/** Index of the first match, or undefined. */
function findMatch(text: string, pattern: string | RegExp): number | undefined {
  if (typeof pattern === 'string') {
    const index = text.indexOf(pattern);
    return index < 0 ? undefined : index;
  }
  const flags = pattern.flags.replace(/[gy]/g, '');
  const match = new RegExp(pattern.source, flags).exec(text);
  return match ? match.index : undefined;
}

function describe(pattern: string | RegExp): string {
  return typeof pattern === 'string' ? JSON.stringify(pattern) : String(pattern);
}
