/**
 * Preloaded into the learner's server (`node --require ./.agent/msw-preload.cjs`) when the
 * lesson's checks script upstream APIs: MSW plays
 * every third-party API the server calls. The active UpstreamScript is read from
 * `.agent/upstream.json` on each call, so the agent switches scenarios per check by rewriting
 * that file, without a restart. Loopback calls pass through; any other unscripted call fails
 * like a dropped connection, so nothing leaves the machine, and a log line says why.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { delay, http, HttpResponse, passthrough, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import type { UpstreamCall, UpstreamResponse, UpstreamScript } from '../checks/define.ts';
import { isLoopbackHost, matchUpstream, type ActiveUpstream } from './upstream-match.ts';
import { UPSTREAM_CALLS, UPSTREAM_SCRIPT } from './workspace-paths.ts';
import { errorText } from '../shared/error-text.ts';

// The server's working directory at start is the workspace root (the agent spawns it there).
const scriptFile = resolve(UPSTREAM_SCRIPT);
const callsFile = resolve(UPSTREAM_CALLS);

/** Calls per key under the current script generation; a new generation starts every sequence over. */
let counts = new Map<string, number>();
let generation = -1;

function readScript(): UpstreamScript {
  let active: ActiveUpstream;
  try {
    active = JSON.parse(readFileSync(scriptFile, 'utf8')) as ActiveUpstream;
  } catch {
    // Not written yet, or written half-way: treat every external call as unscripted.
    return {};
  }
  if (active.generation !== generation) {
    generation = active.generation;
    counts = new Map();
  }
  return active.script ?? {};
}

function record(call: UpstreamCall): void {
  try {
    appendFileSync(callsFile, `${JSON.stringify(call)}\n`);
  } catch (error) {
    process.stderr.write(`[playground] could not record an upstream call: ${errorText(error)}\n`);
  }
}

async function answer(response: UpstreamResponse): Promise<Response> {
  if ('hang' in response) {
    await delay('infinite');
    return HttpResponse.error();
  }
  if (response.delayMs) await delay(response.delayMs);
  if ('networkError' in response) return HttpResponse.error();
  const init = { status: response.status ?? 200, headers: response.headers ?? {} };
  return 'json' in response ? HttpResponse.json(response.json as JsonBodyType, init) : new HttpResponse(response.body, init);
}

const server = setupServer(
  http.all('*', async ({ request }) => {
    const atMs = performance.now();
    const url = new URL(request.url);
    if (isLoopbackHost(url.hostname)) return passthrough();
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.clone().text();
    record({ method: request.method, url: request.url, headers, ...(body ? { body } : {}), atMs });
    const match = matchUpstream(readScript(), request.method, request.url, (key) => counts.get(key) ?? 0);
    if (!match) {
      process.stderr.write(`[playground] Blocked ${request.method} ${request.url}: this lesson has no fake for it, and nothing may leave this machine. The request fails like a network error.\n`);
      return HttpResponse.error();
    }
    counts.set(match.key, (counts.get(match.key) ?? 0) + 1);
    return answer(match.response);
  }),
);
server.listen({ onUnhandledRequest: 'bypass' });
