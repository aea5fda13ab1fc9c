/**
 * `fetch` to the learner's server over `node:http`, for runtimes whose global fetch cannot
 * reach loopback ports (the runtime probe decides). Same inputs and a real `Response` out, so
 * the rest of the agent does not know which path a request took.
 */
import { request } from 'node:http';

export async function fetchOverHttp(url: string, init: RequestInit & { signal: AbortSignal }): Promise<Response> {
  // Request serializes the body (JSON, form, multipart with its boundary) exactly as fetch would.
  const prepared = new Request(url, init);
  const body = prepared.body ? Buffer.from(await prepared.arrayBuffer()) : undefined;
  const headers: Record<string, string> = {};
  prepared.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (body) headers['content-length'] = String(body.length);
  return new Promise<Response>((resolve, reject) => {
    const outgoing = request(url, { method: prepared.method, headers, signal: init.signal }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.once('error', reject);
      incoming.once('end', () => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) {
          for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) responseHeaders.append(name, item);
        }
        const status = incoming.statusCode ?? 500;
        const nullBody = status === 204 || status === 304 || prepared.method === 'HEAD';
        resolve(new Response(nullBody ? null : Buffer.concat(chunks), { status, statusText: incoming.statusMessage ?? '', headers: responseHeaders }));
      });
    });
    outgoing.once('error', reject);
    outgoing.end(body);
  });
}
