/**
 * `{{name}}` placeholders in HTTP steps, filled with values captured by earlier steps of the
 * same check — in requests and in expectations. An unknown name is the check author's slip, so
 * it throws a plain Error (the runner reports it as a checker error, not as the learner's fault).
 */
import type { HttpExpectation, JsonExpectation } from './define.ts';

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

export function fillTemplate(text: string, captures: Record<string, unknown>): string {
  return text.replace(PLACEHOLDER, (_match, name: string) => {
    if (!Object.hasOwn(captures, name)) {
      const known = Object.keys(captures);
      throw new Error(`{{${name}}} was never captured (captured so far: ${known.length ? known.join(', ') : 'nothing'})`);
    }
    const value = captures[name];
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

/** Fills every string inside a JSON-like value. A string that is exactly one placeholder keeps the captured value's type. */
export function fillTemplates<T>(value: T, captures: Record<string, unknown>): T {
  if (typeof value === 'string') {
    const whole = /^\{\{\s*([\w.-]+)\s*\}\}$/.exec(value);
    if (whole?.[1] !== undefined && Object.hasOwn(captures, whole[1]) && typeof captures[whole[1]] !== 'string') {
      return captures[whole[1]] as T;
    }
    return fillTemplate(value, captures) as T;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => fillTemplates(item, captures)) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof RegExp)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillTemplates(item, captures)])) as T;
  }
  return value;
}

/**
 * Fills an expectation: text comparisons (headers, body text) get the captured value as text,
 * JSON `equals` / `contains` get it with its type (`equals: '{{id}}'` compares with the captured
 * number itself). Patterns and paths are left alone.
 */
export function fillExpectation(expectation: HttpExpectation, captures: Record<string, unknown>): HttpExpectation {
  const text = (value: string): string => fillTemplate(value, captures);
  const filled: HttpExpectation = { ...expectation };
  if (expectation.headers) {
    filled.headers = Object.fromEntries(Object.entries(expectation.headers).map(([name, wanted]) => [name, typeof wanted === 'string' ? text(wanted) : wanted]));
  }
  if (expectation.json) filled.json = expectation.json.map((json) => fillJsonExpectation(json, captures));
  if (expectation.bodyContains) filled.bodyContains = expectation.bodyContains.map(text);
  if (expectation.bodyNotContains) filled.bodyNotContains = expectation.bodyNotContains.map(text);
  if (expectation.bodyEquals !== undefined) filled.bodyEquals = text(expectation.bodyEquals);
  return filled;
}

function fillJsonExpectation(json: JsonExpectation, captures: Record<string, unknown>): JsonExpectation {
  const filled: JsonExpectation = { ...json };
  if ('equals' in json) filled.equals = fillTemplates(json.equals, captures);
  if ('contains' in json) filled.contains = fillTemplates(json.contains, captures);
  return filled;
}
