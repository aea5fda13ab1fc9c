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
    if (error.name === 'TimeoutError') throw new UpstreamError(504, 'Weather service timed out');
    return undefined; // The connection failed: worth one retry.
  }
}

export async function getCurrentWeather(city) {
  const url = `${BASE_URL}/current?city=${encodeURIComponent(city)}`;
  let response = await fetchOnce(url);
  // A GET changes nothing, so repeating it is safe. Retry once for failures that may be
  // temporary (5xx, dropped connection) — not for a timeout, which already cost 2 s.
  if (response === undefined || response.status >= 500) {
    response = await fetchOnce(url);
  }
  if (response === undefined || response.status >= 500) {
    throw new UpstreamError(502, 'Weather service unavailable');
  }
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
