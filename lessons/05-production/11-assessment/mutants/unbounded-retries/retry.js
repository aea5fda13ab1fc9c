/**
 * Outgoing calls that may be repeated safely (GET) are retried when the failure is
 * transient: a network error, 429, 502, 503 or 504. At most 3 attempts; after attempt n fails,
 * wait 2^n seconds plus a random 0–1 s — or what a 429's or 503's Retry-After asks for.
 */
const TRANSIENT = new Set([429, 502, 503, 504]);
const ATTEMPTS = 5;
/** Longer waits are not worth holding the request for (the client would give up first). */
const MAX_RETRY_AFTER_S = 30;

// The global setTimeout: the server's clock drives it (the checks move that clock).
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Exponential, with jitter so that many clients failing together do not retry together. */
function backoffMs(attempt) {
  return 2 ** attempt * 1000 + Math.random() * 1000;
}

/** A 429's or 503's Retry-After in whole seconds (the form this service's partners send), or undefined. */
function retryAfterMs(answer) {
  if (answer.status !== 429 && answer.status !== 503) return undefined;
  const value = answer.headers.get('retry-after')?.trim();
  return value !== undefined && /^\d+$/.test(value) ? Number(value) * 1000 : undefined;
}

/** fetch() with retries; resolves with the last answer, or rejects with the last network error. */
export async function fetchWithRetry(url, init) {
  for (let attempt = 1; ; attempt++) {
    let answer;
    try {
      answer = await fetch(url, init);
    } catch (error) {
      if (attempt === ATTEMPTS) throw error;
      await wait(backoffMs(attempt));
      continue;
    }
    if (!TRANSIENT.has(answer.status) || attempt === ATTEMPTS) return answer;
    const retryAfter = retryAfterMs(answer);
    if (retryAfter > MAX_RETRY_AFTER_S * 1000) return answer;
    // Read the failed answer's body, so its connection can be reused.
    await answer.arrayBuffer();
    await wait(retryAfter ?? backoffMs(attempt));
  }
}
