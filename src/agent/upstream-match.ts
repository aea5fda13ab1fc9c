/**
 * Which scripted upstream response answers a call: keys are `METHOD absolute-url`, a trailing
 * `*` matches any suffix, the most specific (longest) key wins; a sequence answers call n
 * with element n and then repeats its last element. Pure, shared by the MSW preload and tests.
 */
import type { UpstreamResponse, UpstreamScript } from '../checks/define.ts';

export interface UpstreamMatch {
  key: string;
  response: UpstreamResponse;
}

/** `callIndex` counts earlier calls that matched the same key (0 for the first). */
export function matchUpstream(script: UpstreamScript, method: string, url: string, callIndex: (key: string) => number): UpstreamMatch | undefined {
  const key = bestKey(script, method.toUpperCase(), url);
  if (key === undefined) return undefined;
  const value = script[key];
  if (value === undefined) return undefined;
  const sequence = Array.isArray(value) ? value : [value];
  const response = sequence[Math.min(callIndex(key), sequence.length - 1)];
  return response && { key, response };
}

function bestKey(script: UpstreamScript, method: string, url: string): string | undefined {
  let best: string | undefined;
  for (const key of Object.keys(script)) {
    const space = key.indexOf(' ');
    if (space < 0 || key.slice(0, space).toUpperCase() !== method) continue;
    const pattern = key.slice(space + 1).trim();
    const hit = pattern.endsWith('*') ? url.startsWith(pattern.slice(0, -1)) : url === pattern || url === `${pattern}/`;
    if (hit && (best === undefined || key.length > best.length)) best = key;
  }
  return best;
}

export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || hostname.startsWith('127.');
}

/**
 * The content of `.agent/upstream.json`. Every `setUpstream` bumps `generation`, and the
 * preload starts every sequence over when it changes — even when a check sets the same
 * script as the previous one, so `[500, 200]` means "first call of this check fails".
 */
export interface ActiveUpstream {
  generation: number;
  script: UpstreamScript;
}
