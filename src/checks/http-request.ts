/**
 * Turns an `HttpRequestSpec` into a fetch call to the learner's server and a fetch Response
 * into an `HttpResponse`. Uses only the fetch API, so the agent (Node) and a page can share it.
 */
import type { HttpRequestSpec, HttpResponse } from './define.ts';

export function requestUrl(origin: string, spec: HttpRequestSpec): string {
  const url = new URL(spec.path.startsWith('/') ? spec.path : `/${spec.path}`, origin);
  for (const [key, value] of Object.entries(spec.query ?? {})) url.searchParams.set(key, String(value));
  return url.href;
}

export function requestInit(spec: HttpRequestSpec): RequestInit {
  const headers: Record<string, string> = {};
  let body: string | undefined;
  if (spec.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(spec.json);
  } else if (spec.form !== undefined) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(spec.form).toString();
  } else if (spec.body !== undefined) {
    body = spec.body;
  }
  for (const [name, value] of Object.entries(spec.headers ?? {})) headers[name.toLowerCase()] = value;
  const method = spec.method ?? 'GET';
  return { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : body, redirect: 'manual' };
}

export async function readResponse(response: Response, startedAt: number): Promise<HttpResponse> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  // getSetCookie keeps several cookies apart; older runtimes (Node < 19.7) only join them with ", ".
  const cookies = typeof response.headers.getSetCookie === 'function' ? response.headers.getSetCookie() : [response.headers.get('set-cookie') ?? ''].filter(Boolean);
  if (cookies.length) headers['set-cookie'] = cookies.join('\n');
  const text = await response.text();
  return { status: response.status, headers, text, json: parseJson(text), durationMs: Math.round(performance.now() - startedAt) };
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
