/**
 * The HTTP client's cookie jar, kept per lesson as a browser would: `Set-Cookie` answers store
 * or update a cookie (or delete it: `Max-Age=0`, an `Expires` in the past), and every request
 * the learner sends carries the jar's enabled cookies in a `Cookie` header — unless the learner
 * typed a Cookie header themselves. Rows are the same name/value/enabled rows as headers, so the
 * panel shows them in the same editor. Domain and Path are ignored: there is one server.
 */
import type { HttpRequestSpec } from '../../checks/define.ts';
import type { KeyValue } from './http-request-draft.ts';

/** Applies a response's `set-cookie` header (values joined with `\n`, as HttpResponse has them). */
export function storeSetCookies(jar: readonly KeyValue[], setCookie: string | undefined, now: Date = new Date()): KeyValue[] {
  let next = [...jar];
  for (const line of (setCookie ?? '').split('\n')) {
    const [pair = '', ...attributes] = line.split(';');
    const equals = pair.indexOf('=');
    if (equals <= 0) continue;
    const name = pair.slice(0, equals).trim();
    const value = pair.slice(equals + 1).trim();
    next = next.filter((cookie) => cookie.name !== name);
    if (!expired(attributes, now)) next.push({ name, value, enabled: true });
  }
  return next;
}

function expired(attributes: string[], now: Date): boolean {
  for (const attribute of attributes) {
    const [key = '', ...rest] = attribute.split('=');
    const value = rest.join('=').trim();
    if (/^\s*max-age\s*$/i.test(key) && Number(value) <= 0) return true;
    if (/^\s*expires\s*$/i.test(key) && Date.parse(value) <= now.getTime()) return true;
  }
  return false;
}

/** The request with the jar's enabled cookies in a `Cookie` header, unless it already has one. */
export function withCookies(request: HttpRequestSpec, jar: readonly KeyValue[]): HttpRequestSpec {
  const cookies = jar.filter((cookie) => cookie.enabled && cookie.name.trim() !== '');
  const headers = request.headers ?? {};
  if (cookies.length === 0 || Object.keys(headers).some((name) => name.toLowerCase() === 'cookie')) return request;
  return { ...request, headers: { ...headers, Cookie: cookies.map((cookie) => `${cookie.name.trim()}=${cookie.value}`).join('; ') } };
}
