import { defineChecks, type CheckContext, type UpstreamCall, type UpstreamResponse } from '../../../src/checks/define.ts';

const ENDPOINT = 'GET https://api.weather.test/v1/current*';

function weather(city: string, tempC: number, condition: string): UpstreamResponse {
  return { json: { city, temp_c: tempC, condition } };
}

/** Requests the learner's /weather/:city, failing with `message` if it takes longer than `limitMs`. */
async function askWeather(t: CheckContext, city: string, limitMs: number, message: string) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), limitMs);
  });
  const res = await Promise.race([t.request({ path: `/weather/${city}` }), late]);
  clearTimeout(timer);
  if (res === 'late') t.fail(message, { expected: `an answer within ${limitMs / 1000} s`, actual: 'no answer' });
  return res;
}

async function expectCalls(t: CheckContext, count: number, message: string): Promise<UpstreamCall[]> {
  const calls = await t.upstreamCalls();
  t.expectTrue(calls.length === count, message, { expected: `${count} call${count === 1 ? '' : 's'} to api.weather.test`, actual: calls.map((call) => `${call.method} ${call.url}`) });
  return calls;
}

/**
 * How long the server waited between its first call and its retry, on its own clock: the
 * check's request to the server and back is not in it, so a busy machine cannot make a retry at
 * once look like a backoff.
 */
const waitBeforeRetry = ([first, retry]: UpstreamCall[]): number => Math.round((retry?.atMs ?? 0) - (first?.atMs ?? 0));

export default defineChecks({
  upstream: { [ENDPOINT]: weather('Oslo', -3.5, 'Snow') },
  checks: [
    {
      id: 'happy-path',
      title: 'GET /weather/Oslo answers the reshaped weather',
      upstream: { [ENDPOINT]: weather('Oslo', -3.5, 'Snow') },
      run: async (t) => {
        const res = await askWeather(t, 'Oslo', 4000, 'GET /weather/Oslo did not answer within 4 s although the weather service answered at once.');
        t.expectEqual({ status: res.status, body: res.json }, { status: 200, body: { city: 'Oslo', temperatureC: -3.5, condition: 'Snow' } }, 'GET /weather/Oslo must answer 200 { city, temperatureC, condition } from the service\'s { city, temp_c, condition }.');
        const calls = await t.upstreamCalls();
        t.expectTrue(calls.length === 1 && /[?&]city=Oslo(&|$)/.test(calls[0]?.url ?? ''), 'Call the weather service exactly once, at https://api.weather.test/v1/current?city=<city>.', { expected: 'GET https://api.weather.test/v1/current?city=Oslo', actual: calls.map((call) => call.url) });
      },
    },
    {
      id: 'unknown-city-404',
      title: 'A city the service does not know answers 404, without a retry',
      upstream: { [ENDPOINT]: { status: 404, json: { error: 'city not found' } } },
      run: async (t) => {
        const res = await askWeather(t, 'Atlantis', 4000, 'GET /weather/Atlantis did not answer within 4 s.');
        t.expectEqual({ status: res.status, body: res.json }, { status: 404, body: { error: 'Unknown city' } }, `When the service answers 404, answer 404 { "error": "Unknown city" } (you answered ${res.status}). Check response.status before reading the body.`);
        await expectCalls(t, 1, 'A 404 will not change on a second try: call the service once, do not retry 4xx answers.');
      },
    },
    {
      id: 'retry-once',
      title: 'One 500 from the service is retried after a short backoff, and the retry\'s answer is used',
      hint: 'After the first fetch: if (response.status >= 500) wait 100 + Math.random() * 200 ms, then fetch once more.',
      upstream: { [ENDPOINT]: [{ status: 500, json: { error: 'hiccup' } }, weather('Lima', 19, 'Cloudy')] },
      run: async (t) => {
        const res = await askWeather(t, 'Lima', 6000, 'GET /weather/Lima did not answer within 6 s.');
        const calls = await expectCalls(t, 2, 'The service answered 500 once. A GET is safe to repeat and 5xx errors are often temporary: call it a second time.');
        t.expectEqual({ status: res.status, body: res.json }, { status: 200, body: { city: 'Lima', temperatureC: 19, condition: 'Cloudy' } }, 'The retry succeeded: answer 200 with the weather from the second call.');
        const waited = waitBeforeRetry(calls);
        t.expectTrue(waited >= 100, `Your server retried ${waited} ms after the first call, so at once. Back off first: wait 100–300 ms (a random delay, the jitter) before the retry — a service that just failed needs a moment.`, { expected: 'at least 100 ms between the two calls', actual: `${waited} ms` });
      },
    },
    {
      id: 'retry-after-honoured',
      title: 'A 503 with Retry-After: 1 is retried after that second, not sooner',
      hint: 'response.headers.get(\'retry-after\') is a number of seconds (or an HTTP date): wait that long instead of your own backoff.',
      timeoutMs: 10000,
      upstream: { [ENDPOINT]: [{ status: 503, body: 'busy', headers: { 'content-type': 'text/plain', 'retry-after': '1' } }, weather('Lima', 19, 'Cloudy')] },
      run: async (t) => {
        const res = await askWeather(t, 'Lima', 6000, 'GET /weather/Lima did not answer within 6 s.');
        const calls = await expectCalls(t, 2, 'The service answered 503 with Retry-After: 1 — one second is within your budget, so wait it out and call once more.');
        t.expectEqual({ status: res.status, body: res.json }, { status: 200, body: { city: 'Lima', temperatureC: 19, condition: 'Cloudy' } }, 'The retry succeeded: answer 200 with the weather from the second call.');
        const waited = waitBeforeRetry(calls);
        t.expectTrue(waited >= 950, `Your server retried ${waited} ms after the first call: before the second the service asked for. Read Retry-After (seconds) and wait that long before the retry.`, { expected: 'at least 1000 ms between the two calls', actual: `${waited} ms` });
      },
    },
    {
      id: 'retry-after-too-long-502',
      title: 'A 503 with Retry-After: 120 is not retried: 502 at once',
      hint: 'When Retry-After asks for more than 1 s, your user would wait too long: skip the retry and answer 502.',
      timeoutMs: 10000,
      upstream: { [ENDPOINT]: [{ status: 503, body: 'down for maintenance', headers: { 'content-type': 'text/plain', 'retry-after': '120' } }, weather('Lima', 19, 'Cloudy')] },
      run: async (t) => {
        const res = await askWeather(t, 'Lima', 4000, 'GET /weather/Lima did not answer within 4 s: the service asked for 2 minutes, which no user waits for. Skip the retry and answer 502.');
        await expectCalls(t, 1, 'The service asked you to come back in 120 s (Retry-After: 120). Retrying sooner ignores it and adds load to a service that said it is busy: call it once, then answer 502.');
        t.expectTrue(res.status === 502 && typeof (res.json as { error?: unknown } | undefined)?.error === 'string', `After a 503 with Retry-After: 120 you answered ${res.status}. Answer 502 { error: … } at once.`, { expected: '502 { "error": "…" }', actual: `${res.status} ${res.text.slice(0, 200)}` });
      },
    },
    {
      id: 'persistent-500-502',
      title: 'A service that keeps failing answers 502 after exactly one retry',
      hint: 'Retry once — the retry budget of this lesson — then throw an error that your error handler answers with 502.',
      upstream: { [ENDPOINT]: { status: 503, body: 'Service Unavailable', headers: { 'content-type': 'text/plain' } } },
      run: async (t) => {
        const res = await askWeather(t, 'Cairo', 6000, 'GET /weather/Cairo did not answer within 6 s while the service answered 503 at once: stop after one retry and answer 502.');
        t.expectTrue(res.status === 502, `The service answered 503 to every call and you answered ${res.status}. Answer 502 Bad Gateway with { error: '…' }: the service you depend on failed, not you and not the client.`, { expected: 502, actual: `${res.status} ${res.text.slice(0, 200)}` });
        t.expectTrue(typeof (res.json as { error?: unknown } | undefined)?.error === 'string', 'The 502 must be JSON: { "error": "Weather service unavailable" }.', { actual: res.text.slice(0, 200) });
        await expectCalls(t, 2, 'Call the failing service exactly twice: the first try and one retry. More retries make an outage worse.');
      },
    },
    {
      id: 'network-error-502',
      title: 'A connection that fails twice answers 502',
      hint: 'A failed connection makes fetch reject with a TypeError: catch it and treat it like a 5xx.',
      upstream: { [ENDPOINT]: { networkError: true } },
      run: async (t) => {
        const res = await askWeather(t, 'Quito', 6000, 'GET /weather/Quito did not answer within 6 s.');
        t.expectTrue(res.status === 502, `The connection to the service failed and you answered ${res.status}. fetch rejects with a TypeError: catch it, retry once, then answer 502 { error: … }.`, { expected: 502, actual: `${res.status} ${res.text.slice(0, 200)}` });
        await expectCalls(t, 2, 'A dropped connection is worth exactly one retry: call the service twice.');
      },
    },
    {
      id: 'bad-json-502',
      title: 'An answer that is not the documented JSON answers 502',
      hint: 'Wrap response.json() in try/catch, and check typeof data.temp_c === \'number\' and friends.',
      upstream: { [ENDPOINT]: { status: 200, body: '<html><h1>Proxy error</h1></html>', headers: { 'content-type': 'text/html' } } },
      run: async (t) => {
        const res = await askWeather(t, 'Accra', 6000, 'GET /weather/Accra did not answer within 6 s.');
        t.expectTrue(res.status === 502 && typeof (res.json as { error?: unknown } | undefined)?.error === 'string', `The service sent an HTML page instead of JSON and you answered ${res.status}. Catch the failing response.json() and answer 502 { error: … }.`, { expected: '502 { "error": "…" }', actual: `${res.status} ${res.text.slice(0, 200)}` });
      },
    },
    {
      id: 'wrong-shape-502',
      title: 'JSON without the documented fields answers 502, not made-up data',
      upstream: { [ENDPOINT]: { json: { city: 'Perth', temperature: '25C' } } },
      run: async (t) => {
        const res = await askWeather(t, 'Perth', 6000, 'GET /weather/Perth did not answer within 6 s.');
        t.expectTrue(res.status === 502, `The service answered { city, temperature: "25C" } — no temp_c, no condition — and you answered ${res.status} ${res.text.slice(0, 120)}. Check the fields you use (typeof data.temp_c === 'number', typeof data.condition === 'string') and answer 502 when they are wrong.`, { expected: 502, actual: `${res.status} ${res.text.slice(0, 200)}` });
      },
    },
    {
      id: 'timeout-504',
      title: 'A service that never answers gives 504 within about 2 seconds',
      hint: 'fetch(url, { signal: AbortSignal.timeout(2000) }) rejects with a TimeoutError after 2 s.',
      timeoutMs: 10000,
      upstream: { [ENDPOINT]: { hang: true } },
      run: async (t) => {
        const res = await askWeather(t, 'Reykjavik', 4500, 'The weather service never answered, and neither did your server (4.5 s and counting). Pass signal: AbortSignal.timeout(2000) to fetch and answer 504 when it fires.');
        t.expectTrue(res.status === 504, `After the timeout you answered ${res.status}. "The service did not answer in time" is 504 Gateway Timeout: answer 504 { error: '…' }.`, { expected: 504, actual: `${res.status} ${res.text.slice(0, 200)}` });
        await expectCalls(t, 1, 'Do not retry after a timeout: your user already waited 2 s, a retry doubles it. Call the service once.');
      },
    },
  ],
});
