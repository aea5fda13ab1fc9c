/**
 * Talks to the weather service (GET https://api.weather.test/v1/current?city=<name>):
 * 200 { city, temp_c, condition }, 404 for an unknown city, and bad days.
 */
const BASE_URL = 'https://api.weather.test/v1';

export class UpstreamError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

class Retryable extends Error {
  constructor(waitMs) {
    super('temporary failure');
    this.waitMs = waitMs;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `attempt`; a Retryable failure is retried up to `retries` times, with exponential backoff and full jitter. */
async function withRetry(attempt, { retries, baseMs, maxWaitMs }) {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof Retryable) || n >= retries) throw error;
      const wait = error.waitMs ?? baseMs * 2 ** n * (0.5 + Math.random() / 2);
      if (wait > maxWaitMs) throw error;
      await sleep(wait);
    }
  }
}

async function fetchWithDeadline(url, ms) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    return await fetch(url, { signal: controller.signal });
  } catch (error) {
    if (controller.signal.aborted) throw new UpstreamError(504, 'The weather service did not answer in time');
    throw new Retryable(undefined);
  } finally {
    clearTimeout(timer);
  }
}

/** Retry-After in ms: seconds, or an HTTP date; undefined when absent. */
function retryAfterMs(headers) {
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = parseInt(value, 10);
  return String(seconds) === value.trim() ? seconds * 1000 : Date.parse(value) - Date.now();
}

export async function getCurrentWeather(city) {
  const url = `${BASE_URL}/current?city=${encodeURIComponent(city)}`;
  let response;
  try {
    response = await withRetry(
      async () => {
        const res = await fetchWithDeadline(url, 2000);
        if (res.status >= 500) throw new Retryable(retryAfterMs(res.headers));
        return res;
      },
      { retries: 1, baseMs: 200, maxWaitMs: 1000 },
    );
  } catch (error) {
    if (error instanceof Retryable) throw new UpstreamError(502, 'The weather service is unavailable');
    throw error;
  }
  if (response.status === 404) throw new UpstreamError(404, 'Unknown city');
  if (response.status !== 200) throw new UpstreamError(502, `The weather service answered ${response.status}`);
  const data = await response.json().catch(() => undefined);
  const { city: name, temp_c: temperatureC, condition } = data ?? {};
  if (typeof name !== 'string' || typeof temperatureC !== 'number' || typeof condition !== 'string') {
    throw new UpstreamError(502, 'The weather service sent an answer we cannot read');
  }
  return { condition, temperatureC, city: name };
}
