/**
 * Compares one HTTP response with a step's expectations and reads its captures. Every
 * mismatch throws a CheckFailure whose message is the precise difference ("expected status
 * 201, got 200") and whose expected/actual are rendered the same way for the UI's diff.
 */
import type { CaptureSource, HttpExpectation, HttpResponse, JsonExpectation, JsonType } from './define.ts';
import { CheckFailure } from './check-failure.ts';
import { deepEqual } from './deep-equal.ts';
import { describePath, lookupPath } from './json-path.ts';

/** Throws a CheckFailure for the first expectation the response does not meet. */
export function expectResponse(response: HttpResponse, expectation: HttpExpectation): void {
  expectStatus(response, expectation.status);
  for (const [name, wanted] of Object.entries(expectation.headers ?? {})) expectHeader(response, name, wanted);
  if (expectation.json?.length) {
    if (response.json === undefined) {
      throw new CheckFailure(`expected a JSON body, got ${describeBody(response)}`, { expected: 'a JSON body', actual: response.text });
    }
    for (const json of expectation.json) expectJson(response.json, json);
  }
  for (const text of expectation.bodyContains ?? []) {
    if (!response.text.includes(text)) {
      throw new CheckFailure(`expected the body to contain ${JSON.stringify(text)}`, { expected: `a body containing ${JSON.stringify(text)}`, actual: response.text });
    }
  }
  for (const text of expectation.bodyNotContains ?? []) {
    if (response.text.includes(text)) {
      throw new CheckFailure(`expected the body not to contain ${JSON.stringify(text)}`, { expected: `a body without ${JSON.stringify(text)}`, actual: response.text });
    }
  }
  if (expectation.bodyEquals !== undefined && response.text !== expectation.bodyEquals) {
    throw new CheckFailure(`expected the body to be exactly ${JSON.stringify(shorten(expectation.bodyEquals))}, got ${describeBody(response)}`, { expected: expectation.bodyEquals, actual: response.text });
  }
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function expectStatus(response: HttpResponse, status: number | number[] | undefined): void {
  if (status === undefined) return;
  const allowed = Array.isArray(status) ? status : [status];
  if (allowed.includes(response.status)) return;
  const wanted = allowed.length === 1 ? String(allowed[0]) : `one of ${allowed.join(', ')}`;
  throw new CheckFailure(`expected status ${wanted}, got ${response.status}`, { expected: `status ${wanted}`, actual: `status ${response.status}\n\n${response.text}` });
}

function expectHeader(response: HttpResponse, name: string, wanted: string | RegExp | null): void {
  const actual = response.headers[name.toLowerCase()];
  if (wanted === null) {
    if (actual !== undefined) throw new CheckFailure(`expected no "${name}" header, got "${actual}"`, { expected: `no ${name} header`, actual: `${name}: ${actual}` });
    return;
  }
  if (actual === undefined) {
    throw new CheckFailure(`expected a "${name}" header, got none`, { expected: `${name}: ${String(wanted)}`, actual: `no ${name} header` });
  }
  const ok = typeof wanted === 'string' ? actual === wanted : wanted.test(actual);
  if (!ok) {
    const description = typeof wanted === 'string' ? `"${wanted}"` : `a value matching ${String(wanted)}`;
    throw new CheckFailure(`expected header "${name}" to be ${description}, got "${actual}"`, { expected: `${name}: ${String(wanted)}`, actual: `${name}: ${actual}` });
  }
}

/** Throws a CheckFailure unless `body` meets the JSON expectation. */
export function expectJson(body: unknown, expectation: JsonExpectation): void {
  const where = describePath(expectation.path);
  const lookup = lookupPath(body, expectation.path);
  if (expectation.exists === false) {
    if (lookup.found) throw new CheckFailure(`expected ${where} to be absent`, { expected: '(absent)', actual: lookup.value });
    return;
  }
  if (!lookup.found) {
    throw new CheckFailure(`expected ${where} to exist, but it is missing`, { expected: describeWanted(expectation), actual: body });
  }
  const value = lookup.value;
  if (expectation.type !== undefined && jsonTypeOf(value) !== expectation.type) {
    throw new CheckFailure(`expected ${where} to be ${article(expectation.type)}, got ${article(jsonTypeOf(value))}`, { expected: `${article(expectation.type)}`, actual: value });
  }
  if ('equals' in expectation && !deepEqual(value, expectation.equals)) {
    throw new CheckFailure(`${where} is not what was expected`, { expected: expectation.equals, actual: value });
  }
  if ('contains' in expectation && !contains(value, expectation.contains)) {
    throw new CheckFailure(`expected ${where} to contain ${JSON.stringify(expectation.contains)}`, { expected: expectation.contains, actual: value });
  }
  if (expectation.matches !== undefined) {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    // A global or sticky RegExp keeps state between test() calls; reset it so reruns agree.
    expectation.matches.lastIndex = 0;
    if (!expectation.matches.test(text)) {
      throw new CheckFailure(`expected ${where} to match ${String(expectation.matches)}, got ${JSON.stringify(value)}`, { expected: expectation.matches, actual: value });
    }
  }
  if (expectation.length !== undefined) {
    const length = Array.isArray(value) ? value.length : undefined;
    if (length !== expectation.length) {
      const got = length === undefined ? `${article(jsonTypeOf(value))}, not an array` : `${length} item${length === 1 ? '' : 's'}`;
      throw new CheckFailure(`expected ${where} to have ${expectation.length} item${expectation.length === 1 ? '' : 's'}, got ${got}`, { expected: `${expectation.length} items`, actual: value });
    }
  }
}

function describeWanted(expectation: JsonExpectation): unknown {
  if ('equals' in expectation) return expectation.equals;
  if ('contains' in expectation) return expectation.contains;
  return expectation.type ? article(expectation.type) : '(present)';
}

function jsonTypeOf(value: unknown): JsonType | 'undefined' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' || type === 'object' ? type : 'undefined';
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function contains(value: unknown, wanted: unknown): boolean {
  if (typeof value === 'string') return typeof wanted === 'string' && value.includes(wanted);
  if (Array.isArray(value)) return value.some((item) => deepEqual(item, wanted) || (isRecord(item) && isRecord(wanted) && hasEntries(item, wanted)));
  if (isRecord(value) && isRecord(wanted)) return hasEntries(value, wanted);
  return false;
}

function hasEntries(value: Record<string, unknown>, wanted: Record<string, unknown>): boolean {
  return Object.entries(wanted).every(([key, item]) => Object.hasOwn(value, key) && deepEqual(value[key], item));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describeBody(response: HttpResponse): string {
  if (response.text === '') return 'an empty body';
  const type = response.headers['content-type'];
  return `${type ? `"${type}" ` : ''}text: ${JSON.stringify(shorten(response.text))}`;
}

/** Reads one captured value from a response; a missing value is the learner's bug. */
export function captureValue(response: HttpResponse, name: string, source: CaptureSource): unknown {
  if ('json' in source) {
    const lookup = lookupPath(response.json, source.json);
    if (!lookup.found) {
      throw new CheckFailure(`expected ${describePath(source.json)} (needed as "${name}" by the next steps), but it is missing`, { expected: `${describePath(source.json)}`, actual: response.json ?? response.text });
    }
    return lookup.value;
  }
  if ('status' in source) return response.status;
  if ('body' in source) return response.text;
  if ('header' in source) {
    const value = response.headers[source.header.toLowerCase()];
    if (value === undefined) throw new CheckFailure(`expected a "${source.header}" header (needed as "${name}" by the next steps), got none`);
    return value;
  }
  const value = cookieValue(response.headers['set-cookie'], source.cookie);
  if (value === undefined) {
    throw new CheckFailure(`expected the response to set the cookie "${source.cookie}" (needed as "${name}" by the next steps)`, { expected: `Set-Cookie: ${source.cookie}=…`, actual: response.headers['set-cookie'] ?? 'no Set-Cookie header' });
  }
  return value;
}

/** The value of cookie `name` in `set-cookie` lines joined with `\n`. */
export function cookieValue(setCookie: string | undefined, name: string): string | undefined {
  for (const line of (setCookie ?? '').split('\n')) {
    const pair = line.split(';')[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
  }
  return undefined;
}
