/** A `file` check: the learner's source text contains (or avoids) given text or patterns. */
import type { CheckContext, FileCheck } from './define.ts';
import { CheckFailure } from './check-failure.ts';

export async function runFileCheck({ file }: FileCheck, t: CheckContext): Promise<void> {
  const text = await t.readFile(file.path);
  if (text === undefined) throw new CheckFailure(`${file.message} (${file.path} does not exist)`);
  for (const wanted of file.contains ?? []) {
    if (!matches(text, wanted)) {
      throw new CheckFailure(`${file.message} (${file.path} does not contain ${describe(wanted)})`, { expected: `${file.path} containing ${describe(wanted)}`, actual: text });
    }
  }
  for (const unwanted of file.notContains ?? []) {
    if (matches(text, unwanted)) {
      throw new CheckFailure(`${file.message} (${file.path} still contains ${describe(unwanted)})`, { expected: `${file.path} without ${describe(unwanted)}`, actual: text });
    }
  }
}

function matches(text: string, pattern: string | RegExp): boolean {
  if (typeof pattern === 'string') return text.includes(pattern);
  pattern.lastIndex = 0;
  return pattern.test(text);
}

function describe(pattern: string | RegExp): string {
  return typeof pattern === 'string' ? JSON.stringify(pattern) : String(pattern);
}
