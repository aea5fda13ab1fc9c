/** Retries for idempotent calls, written recursively: transient failures only, three attempts. */
const RETRYABLE = [429, 502, 503, 504];

/** Milliseconds to wait before `nextAttempt`, or Infinity when the service asks for too long. */
function delayBefore(nextAttempt, retryAfter) {
  if (retryAfter && /^\d+$/.test(retryAfter)) return Number(retryAfter) <= 30 ? Number(retryAfter) * 1000 : Infinity;
  const jitter = Math.random() * 1000;
  return 1000 * 2 ** (nextAttempt - 1) + jitter;
}

function pause(ms) {
  return new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
}

export async function fetchWithRetry(url, init, attempt = 1) {
  const last = attempt >= 3;
  let response;
  try {
    response = await fetch(url, init);
  } catch (networkError) {
    if (last) throw networkError;
    await pause(delayBefore(attempt + 1));
    return fetchWithRetry(url, init, attempt + 1);
  }
  if (last || !RETRYABLE.includes(response.status)) return response;
  const retryAfter = [429, 503].includes(response.status) ? response.headers.get('Retry-After') : null;
  const delay = delayBefore(attempt + 1, retryAfter);
  if (delay === Infinity) return response;
  await response.arrayBuffer();
  await pause(delay);
  return fetchWithRetry(url, init, attempt + 1);
}
