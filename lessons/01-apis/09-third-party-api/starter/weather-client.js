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

// TODO: make this function survive a weather service that fails:
//   - no answer within 2 seconds → give up (AbortSignal.timeout) → our answer: 504
//   - a 5xx answer or a failed connection → wait (Retry-After if the service sent one, else
//     100–300 ms), then try once more; still failing → 502. Retry-After above 1 s → no retry, 502.
//   - a 404 → our answer: 404 { error: 'Unknown city' } (do not retry: it will not change)
//   - a body that is not the JSON described above → 502
// Hint: throw errors that carry the status to answer, and catch them in server.js.
export async function getCurrentWeather(city) {
  const response = await fetch(`${BASE_URL}/current?city=${encodeURIComponent(city)}`);
  const data = await response.json();
  return { city: data.city, temperatureC: data.temp_c, condition: data.condition };
}
