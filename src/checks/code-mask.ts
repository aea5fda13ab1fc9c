/**
 * Masks parts of a learner's source that are not code — comments and, when asked, string
 * contents — so checks read what the program does, not what a comment quotes ("the old bug was
 * `' + id + '`"). Every masked character becomes a space and line breaks stay, so an index in
 * the masked text is the same line and column in the learner's file.
 *
 * JavaScript/TypeScript: `//` and `/* *\/` comments, outside strings, template literals (code
 * inside `${…}` stays code) and regular expression literals (told apart from division by the
 * token before the slash, as tokenizers do). SQL: `--` and `/* *\/` comments, '…' strings,
 * and optionally quoted names ("…", `…`, […]).
 */

export type CodeLanguage = 'javascript' | 'sql';

export interface MaskOptions {
  /** Also blank the contents of string literals (the quotes stay). */
  strings?: boolean;
}

/** The language of a file by its extension, or `undefined` for files masking does not apply to. */
export function codeLanguage(path: string): CodeLanguage | undefined {
  if (/\.(?:[cm]?[jt]s|[jt]sx)$/i.test(path)) return 'javascript';
  if (/\.sql$/i.test(path)) return 'sql';
  return undefined;
}

export function maskCode(text: string, language: CodeLanguage, options: MaskOptions = {}): string {
  return language === 'sql' ? maskSql(text, options) : maskJavaScript(text, options);
}

const blank = (text: string): string => text.replace(/[^\r\n]/g, ' ');

/** SQL with comments masked, and string literals (and, with `names`, quoted names) when asked. */
export function maskSql(sql: string, options: MaskOptions & { names?: boolean } = {}): string {
  return sql.replace(/--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|'(?:[^']|'')*'?|"(?:[^"]|"")*"?|`[^`]*`?|\[[^\]]*\]?/g, (match) => {
    if (match.startsWith('--') || match.startsWith('/*')) return blank(match);
    const quote = match.charAt(0);
    const wanted = quote === "'" ? options.strings : options.names;
    if (!wanted) return match;
    const closed = match.length > 1 && match.endsWith(quote === '[' ? ']' : quote);
    return quote + blank(match.slice(1, closed ? -1 : undefined)) + (closed ? match.slice(-1) : '');
  });
}

/** Keywords after which a `/` starts a regular expression, not a division. */
const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

export function maskJavaScript(code: string, options: MaskOptions = {}): string {
  const out = code.split('');
  const maskRange = (from: number, to: number): void => {
    for (let k = from; k < to; k += 1) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  /** Open template literals: the `{` depth of the `${…}` each one is waiting to close. */
  const templates: number[] = [];
  let depth = 0;
  /** The last significant character or word before the current position, to tell regex from division. */
  let previous = '';
  let i = 0;
  while (i < code.length) {
    const char = code[i] ?? '';
    const next = code[i + 1] ?? '';
    if (char === '/' && next === '/') {
      const end = code.indexOf('\n', i);
      const stop = end < 0 ? code.length : end;
      maskRange(i, stop);
      i = stop;
    } else if (char === '/' && next === '*') {
      const end = code.indexOf('*/', i + 2);
      const stop = end < 0 ? code.length : end + 2;
      maskRange(i, stop);
      i = stop;
    } else if (char === '"' || char === "'") {
      const stop = endOfQuoted(code, i + 1, char);
      if (options.strings) maskRange(i + 1, Math.min(stop, code.length) - (code[stop - 1] === char ? 1 : 0));
      i = stop;
      previous = 'a';
    } else if (char === '`' || (char === '}' && templates.at(-1) === depth)) {
      // Template text runs from here to the closing backtick or the next `${`.
      if (char === '}') templates.pop();
      const start = i + 1;
      let k = start;
      while (k < code.length && code[k] !== '`' && !(code[k] === '$' && code[k + 1] === '{')) k += code[k] === '\\' ? 2 : 1;
      if (options.strings) maskRange(start, Math.min(k, code.length));
      if (code[k] === '$') {
        templates.push(depth);
        i = k + 2;
        previous = '(';
      } else {
        i = k + 1;
        previous = 'a';
      }
    } else if (char === '/' && startsRegex(previous)) {
      i = endOfRegex(code, i + 1);
      previous = 'a';
    } else {
      if (char === '{') depth += 1;
      if (char === '}') depth -= 1;
      if (/[\w$]/.test(char)) {
        let k = i;
        while (k < code.length && /[\w$]/.test(code[k] ?? '')) k += 1;
        previous = code.slice(i, k);
        i = k;
        continue;
      }
      if (!/\s/.test(char)) previous = char;
      i += 1;
    }
  }
  return out.join('');
}

/** Index just past the closing quote (or the end of the line for an unterminated string). */
function endOfQuoted(code: string, from: number, quote: string): number {
  let k = from;
  while (k < code.length && code[k] !== quote && code[k] !== '\n') k += code[k] === '\\' ? 2 : 1;
  return code[k] === quote ? k + 1 : k;
}

function startsRegex(previous: string): boolean {
  if (previous === '') return true;
  if (/^[\w$]+$/.test(previous)) return REGEX_AFTER_WORD.has(previous);
  return !/[)\]}]/.test(previous);
}

/** Index just past a regular expression literal's flags; `[…]` classes may hold a `/`. */
function endOfRegex(code: string, from: number): number {
  let k = from;
  let inClass = false;
  while (k < code.length && code[k] !== '\n') {
    const char = code[k];
    if (char === '\\') k += 1;
    else if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    else if (char === '/' && !inClass) break;
    k += 1;
  }
  k += 1;
  while (k < code.length && /[a-z]/i.test(code[k] ?? '')) k += 1;
  return k;
}
