/**
 * The HTTP client's form as data, and its conversions: form → the `HttpRequestSpec` the
 * agent sends (the same type checks use), a spec or a lesson's example → form, and a spec →
 * a `curl` command line. Pure, so every rule here is unit-tested.
 */
import type { HttpMethod, HttpRequestSpec } from '../../checks/define.ts';
import { requestInit, requestUrl } from '../../checks/fetch-translation.ts';
import type { ExampleRequest } from '../../lessons/types.ts';
import { errorText } from '../../shared/error-text.ts';

export const HTTP_METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

export interface KeyValue {
  name: string;
  value: string;
  enabled: boolean;
}

export type BodyMode = 'none' | 'json' | 'form' | 'raw';

export interface HttpRequestDraft {
  method: HttpMethod;
  path: string;
  headers: KeyValue[];
  query: KeyValue[];
  bodyMode: BodyMode;
  /** The JSON or raw body text. */
  body: string;
  form: KeyValue[];
}

export function emptyDraft(): HttpRequestDraft {
  return { method: 'GET', path: '/', headers: [], query: [], bodyMode: 'none', body: '', form: [] };
}

export type DraftResult = { ok: true; spec: HttpRequestSpec } | { ok: false; message: string };

export function draftToSpec(draft: HttpRequestDraft): DraftResult {
  const path = draft.path.trim();
  if (!path.startsWith('/')) return { ok: false, message: `The path must start with "/", like "/users" (got "${path}").` };
  const spec: HttpRequestSpec = { method: draft.method, path };
  const headers = pairs(draft.headers);
  const query = pairs(draft.query);
  if (Object.keys(headers).length > 0) spec.headers = headers;
  if (Object.keys(query).length > 0) spec.query = query;
  if (draft.bodyMode === 'json' && draft.body.trim() !== '') {
    try {
      spec.json = JSON.parse(draft.body) as unknown;
    } catch (error) {
      return { ok: false, message: `The JSON body is not valid JSON: ${errorText(error)}. Fix it, or pick "Raw" to send it as is.` };
    }
  } else if (draft.bodyMode === 'form') {
    spec.form = pairs(draft.form);
  } else if (draft.bodyMode === 'raw' && draft.body !== '') {
    spec.body = draft.body;
  }
  return { ok: true, spec };
}

export function specToDraft(spec: HttpRequestSpec): HttpRequestDraft {
  const draft: HttpRequestDraft = {
    ...emptyDraft(),
    method: spec.method ?? 'GET',
    path: spec.path,
    headers: rows(spec.headers ?? {}),
    query: rows(Object.fromEntries(Object.entries(spec.query ?? {}).map(([name, value]) => [name, String(value)]))),
  };
  if (spec.json !== undefined) return { ...draft, bodyMode: 'json', body: JSON.stringify(spec.json, null, 2) };
  if (spec.form !== undefined) return { ...draft, bodyMode: 'form', form: rows(spec.form) };
  if (spec.body !== undefined) return { ...draft, bodyMode: 'raw', body: spec.body };
  return draft;
}

/** A lesson's example: a body that parses as JSON is edited as JSON (and pretty-printed). */
export function exampleToDraft(example: ExampleRequest): HttpRequestDraft {
  const draft = specToDraft({ method: example.method, path: example.path, ...(example.headers ? { headers: example.headers } : {}) });
  if (example.body === undefined) return draft;
  try {
    return { ...draft, bodyMode: 'json', body: JSON.stringify(JSON.parse(example.body), null, 2) };
  } catch {
    return { ...draft, bodyMode: 'raw', body: example.body };
  }
}

/** The same request as a `curl` command for a terminal (POSIX shell quoting). */
export function specToCurl(spec: HttpRequestSpec, origin: string): string {
  const init = requestInit(spec);
  const parts = ['curl'];
  if (init.method && init.method !== 'GET') parts.push('-X', init.method);
  parts.push(shellQuote(requestUrl(origin, spec)));
  for (const [name, value] of Object.entries(init.headers as Record<string, string>)) parts.push('-H', shellQuote(`${name}: ${value}`));
  if (typeof init.body === 'string') parts.push('--data-raw', shellQuote(init.body));
  return parts.join(' ');
}

function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

/** "1.2 kB" style sizes for the response line. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function pairs(list: KeyValue[]): Record<string, string> {
  return Object.fromEntries(list.filter((row) => row.enabled && row.name.trim() !== '').map((row) => [row.name.trim(), row.value]));
}

function rows(record: Record<string, string>): KeyValue[] {
  return Object.entries(record).map(([name, value]) => ({ name, value, enabled: true }));
}
