/**
 * Translates between the engine's HTTP types and the fetch API: an `HttpRequestSpec` becomes
 * fetch's URL and RequestInit, a fetch Response becomes an `HttpResponse`. It sends nothing:
 * the agent makes the call (agent/agent-environment.ts) and the HTTP panel shows it as curl.
 * Uses only the fetch API (FormData and Blob for multipart bodies), so the agent (Node) and a
 * page can share it.
 */
import { base64ToBytes } from '../shared/base64.ts';
import type { HttpRequestSpec, HttpResponse, MultipartPart } from './define.ts';

export function requestUrl(origin: string, spec: HttpRequestSpec): string {
  const url = new URL(spec.path.startsWith('/') ? spec.path : `/${spec.path}`, origin);
  for (const [key, value] of Object.entries(spec.query ?? {})) url.searchParams.set(key, String(value));
  return url.href;
}

export function requestInit(spec: HttpRequestSpec): RequestInit {
  const headers: Record<string, string> = {};
  let body: string | FormData | undefined;
  if (spec.multipart !== undefined) {
    // No content-type here: fetch writes `multipart/form-data; boundary=…` itself.
    body = multipartBody(spec.multipart);
  } else if (spec.json !== undefined) {
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

/** A FormData body for Node's fetch and a browser's alike: text fields as strings, files as Blobs. */
function multipartBody(fields: Record<string, MultipartPart | MultipartPart[]>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const part of Array.isArray(value) ? value : [value]) {
      if (typeof part === 'string') {
        form.append(name, part);
      } else {
        const bytes = part.base64 !== undefined ? base64ToBytes(part.base64) : new TextEncoder().encode(part.text ?? '');
        form.append(name, new Blob([bytes], { type: part.contentType ?? 'application/octet-stream' }), part.filename);
      }
    }
  }
  return form;
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
