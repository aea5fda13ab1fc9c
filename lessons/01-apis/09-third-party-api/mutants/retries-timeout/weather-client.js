/**
 * Talks to the weather service. Its documentation says:
 *
 *   GET https://api.weather.test/v1/current?city=<name>
 *   200 { "city": "Oslo", "temp_c": -3.5, "condition": "Snow" }
 *   404 when it does not know the city
 *
 * It does not say what happens when it is having a bad day. (It has bad days.)
 */
const BASE_URL = 'https://api.weather.test/v1';
const TIMEOUT_MS = 2000;
/** The longest we make our own client wait before the one retry (a Retry-After above it: no retry). */
const MAX_RETRY_DELAY_MS = 1000;

/** A failure of the weather service, with the status our own API should answer. */
export class UpstreamError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** One attempt. Resolves to the Response, or throws UpstreamError(504) on timeout. */
async function fetchOnce(url) {
  try {
    return await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    if (error.name === 'TimeoutError') return { status: 504, timedOut: true, headers: new Headers() };
    return undefined; // The connection failed: worth one retry.
  }
}

/** How long to wait before retrying: the service's Retry-After if it sent one, else a short backoff with jitter. */
function retryDelayMs(response) {
  const retryAfter = response?.headers.get('retry-after');
  if (retryAfter === null || retryAfter === undefined) return 100 + Math.random() * 200;
  const seconds = Number(retryAfter);
  // Retry-After is a number of seconds or an HTTP date.
  return Number.isNaN(seconds) ? Date.parse(retryAfter) - Date.now() : seconds * 1000;
}

const failed = (response) => response === undefined || response.status >= 500;

export async function getCurrentWeather(city) {
  const url = `${BASE_URL}/current?city=${encodeURIComponent(city)}`;
  let response = await fetchOnce(url);
  // A GET changes nothing, so repeating it is safe. Retry once for failures that may be
  // temporary (5xx, dropped connection) — not for a timeout, which already cost 2 s, and not
  // when the service asks us to wait longer than our own client will.
  if (failed(response)) {
    const delay = retryDelayMs(response);
    if (delay <= MAX_RETRY_DELAY_MS) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, delay)));
      response = await fetchOnce(url);
    }
  }
  if (response?.timedOut) throw new UpstreamError(504, 'Weather service timed out');
  if (failed(response)) throw new UpstreamError(502, 'Weather service unavailable');
  if (response.status === 404) throw new UpstreamError(404, 'Unknown city');
  if (!response.ok) throw new UpstreamError(502, `Weather service answered ${response.status}`);

  let data;
  try {
    data = await response.json();
  } catch {
    throw new UpstreamError(502, 'Weather service sent an invalid answer');
  }
  if (typeof data?.city !== 'string' || typeof data.temp_c !== 'number' || typeof data.condition !== 'string') {
    throw new UpstreamError(502, 'Weather service sent an invalid answer');
  }
  return { city: data.city, temperatureC: data.temp_c, condition: data.condition };
}
