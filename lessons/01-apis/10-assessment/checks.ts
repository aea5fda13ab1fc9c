import { defineChecks, type CheckContext, type HttpResponse, type UpstreamResponse } from '../../../src/checks/define.ts';

interface Event { id?: unknown; title?: unknown; startsAt?: unknown; capacity?: unknown; seatsLeft?: unknown }

/** An address no earlier check run used: registrations are stored for good. */
function freshEmail(): string {
  return `check.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.test`;
}

function describe(res: HttpResponse): string {
  return `${res.status} ${res.text.slice(0, 300)}`;
}

async function register(t: CheckContext, eventId: number, email: string) {
  return t.request({ method: 'POST', path: `/events/${eventId}/registrations`, json: { email } });
}

async function seatsLeft(t: CheckContext, eventId: number): Promise<number> {
  const res = await t.request({ path: `/events/${eventId}` });
  const seats = (res.json as Event | undefined)?.seatsLeft;
  t.expectTrue(res.status === 200 && typeof seats === 'number', `GET /events/${eventId} must answer 200 with the event, including seatsLeft as a number.`, { expected: '{ id, title, startsAt, capacity, seatsLeft }', actual: describe(res) });
  return seats as number;
}

const FORECAST = 'GET https://api.weather.test/v1/forecast*';
const clearSkies: UpstreamResponse = { json: { date: '2030-01-15', summary: 'Clear skies' } };

/** The ids of every event in the learner's own order (one page of 20): paging is judged against it, not against the sort. */
async function allIds(t: CheckContext): Promise<unknown[]> {
  const res = await t.request({ path: '/events?limit=20' });
  const items = (res.json as { items?: Event[] } | undefined)?.items;
  t.expectTrue(res.status === 200 && Array.isArray(items) && items.length === 7, 'GET /events?limit=20 must answer 200 { items } with all 7 events.', { actual: describe(res) });
  return (items ?? []).map((e) => e.id);
}

/** Requests `path`, failing with `message` if no answer comes within `limitMs`. */
async function within(t: CheckContext, path: string, limitMs: number, message: string): Promise<HttpResponse> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), limitMs);
  });
  const res = await Promise.race([t.request({ path }), late]);
  clearTimeout(timer);
  if (res === 'late') return t.fail(message, { expected: `an answer within ${limitMs / 1000} s`, actual: 'no answer' });
  return res;
}

const errorOf = (res: HttpResponse): unknown => (res.json as { error?: unknown } | undefined)?.error;

export default defineChecks({
  upstream: { [FORECAST]: clearSkies },
  checks: [
    {
      id: 'events-json',
      title: 'GET /events answers 200 with JSON',
      skill: 'apis/first-route',
      weight: 1,
      freshServer: true,
      steps: [
        {
          request: { path: '/events' },
          expect: { status: 200, headers: { 'content-type': /application\/json/ } },
          message: 'GET /events must answer 200 with a JSON body (res.json).',
        },
      ],
    },
    {
      id: 'list-events',
      title: 'GET /events answers the first page, sorted by startsAt then id',
      skill: 'apis/pagination',
      weight: 2,
      run: async (t) => {
        const res = await t.request({ path: '/events' });
        const page = res.json as { items?: Event[]; total?: unknown; limit?: unknown; offset?: unknown } | undefined;
        t.expectTrue(res.status === 200 && Array.isArray(page?.items), 'GET /events must answer 200 { items, total, limit, offset }.', { actual: describe(res) });
        t.expectEqual({ total: page?.total, limit: page?.limit, offset: page?.offset }, { total: 7, limit: 5, offset: 0 }, 'GET /events must answer total 7, limit 5 and offset 0 next to the items.');
        t.expectEqual(page?.items?.map((e) => e.id), [2, 4, 6, 3, 1], 'GET /events must list events by startsAt, then by id for equal times: 2, 4, 6, 3, 1 on the first page of 5.');
        const first = page?.items?.[0];
        t.expectEqual(first && { id: first.id, title: first.title, startsAt: first.startsAt, capacity: first.capacity }, { id: 2, title: 'SQL for humans', startsAt: '2030-01-15 18:30', capacity: 1000 }, 'Each event must be { id, title, startsAt, capacity, seatsLeft } — startsAt from the starts_at column.');
      },
    },
    {
      id: 'paging',
      title: '?limit= and ?offset= page through the events, at the limits too',
      skill: 'apis/pagination',
      weight: 1,
      run: async (t) => {
        const order = await allIds(t);
        const cases: [string, number, number][] = [['limit=3&offset=4', 3, 4], ['limit=1', 1, 0], ['limit=20&offset=6', 20, 6], ['offset=7', 5, 7]];
        for (const [query, limit, offset] of cases) {
          const res = await t.request({ path: `/events?${query}` });
          const page = res.json as { items?: Event[]; limit?: unknown; offset?: unknown } | undefined;
          t.expectEqual({ status: res.status, ids: page?.items?.map((e) => e.id), limit: page?.limit, offset: page?.offset }, { status: 200, ids: order.slice(offset, offset + limit), limit, offset }, `GET /events?${query} must skip ${offset} events and answer the next ${limit} (limit 1–20 and any offset ≥ 0 are valid; past the end the page is empty).`);
        }
      },
    },
    {
      id: 'paging-400',
      title: 'A bad limit or offset answers 400',
      skill: 'apis/pagination',
      weight: 1,
      run: async (t) => {
        for (const query of ['limit=0', 'limit=21', 'limit=ten', 'limit=2.5', 'offset=-1', 'offset=1.5']) {
          const bad = await t.request({ path: `/events?${query}` });
          t.expectTrue(bad.status === 400 && typeof errorOf(bad) === 'string', `GET /events?${query} must answer 400 with { error }: limit is a whole number 1–20, offset a whole number ≥ 0.`, { expected: 400, actual: describe(bad) });
        }
      },
    },
    {
      id: 'one-event',
      title: 'GET /events/:id answers 200, 404 or 400',
      skill: 'apis/params-and-query',
      weight: 2,
      run: async (t) => {
        const res = await t.request({ path: '/events/5' });
        t.expectTrue(res.status === 200 && (res.json as Event | undefined)?.title === 'Caching, the hard parts', 'GET /events/5 must answer 200 with event 5.', { actual: describe(res) });
        const missing = await t.request({ path: '/events/99' });
        t.expectTrue(missing.status === 404 && typeof errorOf(missing) === 'string', 'GET /events/99 must answer 404 { error }.', { actual: describe(missing) });
        for (const bad of ['abc', '0', '2.5', '3abc']) {
          const res400 = await t.request({ path: `/events/${bad}` });
          t.expectTrue(res400.status === 400 && typeof errorOf(res400) === 'string', `GET /events/${bad} must answer 400 { error }: "${bad}" is not a positive integer id.`, { actual: describe(res400) });
        }
      },
    },
    {
      id: 'register',
      title: 'POST /events/:id/registrations answers 201 with Location',
      skill: 'apis/status-codes',
      weight: 2,
      freshServer: true,
      run: async (t) => {
        const email = freshEmail();
        const res = await register(t, 1, email);
        const body = res.json as { id?: unknown; eventId?: unknown; email?: unknown } | undefined;
        t.expectTrue(res.status === 201 && typeof body?.id === 'number' && body.eventId === 1 && body.email === email, 'POST /events/1/registrations with a new email must answer 201 { id, eventId: 1, email }.', { actual: describe(res) });
        t.expectEqual(res.headers.location, `/events/1/registrations/${String(body?.id)}`, 'The 201 must carry Location: /events/1/registrations/<new id>.');
      },
    },
    {
      id: 'seats-left',
      title: 'seatsLeft is capacity minus registrations, for events with and without registrations',
      skill: 'apis/crud-sqlite',
      weight: 1,
      run: async (t) => {
        const before = await seatsLeft(t, 7);
        const created = await register(t, 7, freshEmail());
        t.expectTrue(created.status === 201, 'POST /events/7/registrations with a new email must answer 201.', { actual: describe(created) });
        t.expectEqual(await seatsLeft(t, 7), before - 1, 'After one registration, seatsLeft of event 7 must be one less: count the registrations (LEFT JOIN … COUNT(r.id)).');
      },
    },
    {
      id: 'register-bad-email-400',
      title: 'A registration with a bad email answers 400 and changes nothing',
      skill: 'apis/validation',
      weight: 1,
      run: async (t) => {
        const before = await seatsLeft(t, 1);
        for (const email of ['not-an-email', 'ada@example', 'ada lovelace@example.test', '']) {
          const bad = await register(t, 1, email);
          t.expectTrue(bad.status === 400 && typeof errorOf(bad) === 'string', `A registration with email "${email}" must answer 400 { error }.`, { actual: describe(bad) });
        }
        const noEmail = await t.request({ method: 'POST', path: '/events/1/registrations', json: {} });
        t.expectTrue(noEmail.status === 400, 'A registration without an email must answer 400 { error }.', { actual: describe(noEmail) });
        t.expectEqual(await seatsLeft(t, 1), before, 'A rejected registration took a seat: validate before the INSERT — a rejected request changes nothing.');
      },
    },
    {
      id: 'register-unknown-event-404',
      title: 'A registration for an unknown event answers 404',
      skill: 'apis/params-and-query',
      weight: 1,
      steps: [
        {
          request: { method: 'POST', path: '/events/99/registrations', json: { email: 'nobody@example.test' } },
          expect: { status: 404, json: [{ path: 'error', type: 'string' }] },
          message: 'There is no event 99: POST /events/99/registrations must answer 404 { error }.',
        },
      ],
    },
    {
      id: 'register-duplicate-409',
      title: 'Registering the same email twice for an event answers 409',
      skill: 'apis/status-codes',
      weight: 1,
      run: async (t) => {
        const email = freshEmail();
        const first = await register(t, 2, email);
        t.expectTrue(first.status === 201, 'POST /events/2/registrations with a new email must answer 201.', { actual: describe(first) });
        const twice = await register(t, 2, email);
        t.expectTrue(twice.status === 409 && typeof errorOf(twice) === 'string', 'Registering the same email twice for event 2 must answer 409 Conflict { error } the second time.', { actual: describe(twice) });
        const other = await register(t, 4, email);
        t.expectTrue(other.status === 201, 'The same email may register for another event (4): only the pair (event, email) must be unique.', { actual: describe(other) });
      },
    },
    {
      id: 'full-event',
      title: 'A full event answers 409 and takes no more registrations',
      skill: 'apis/status-codes',
      weight: 1,
      run: async (t) => {
        const seats = await seatsLeft(t, 3);
        for (let i = 0; i < seats; i++) {
          const res = await register(t, 3, freshEmail());
          t.expectTrue(res.status === 201, `Event 3 still had ${seats - i} seat(s) left, so a registration must answer 201.`, { actual: describe(res) });
        }
        const full = await register(t, 3, freshEmail());
        t.expectTrue(full.status === 409, 'Event 3 is full (capacity 3): another registration must answer 409 { error }.', { actual: describe(full) });
        t.expectEqual(await seatsLeft(t, 3), 0, 'A full event must show seatsLeft 0 — never below.');
      },
    },
    {
      id: 'cancel',
      title: 'DELETE a registration answers 204, then 404',
      skill: 'apis/crud-sqlite',
      weight: 2,
      run: async (t) => {
        const created = await register(t, 4, freshEmail());
        const id = (created.json as { id?: unknown } | undefined)?.id;
        t.expectTrue(typeof id === 'number', 'POST /events/4/registrations must answer 201 with the new id first.', { actual: describe(created) });
        const wrongEvent = await t.request({ method: 'DELETE', path: `/events/5/registrations/${String(id)}` });
        t.expectTrue(wrongEvent.status === 404, `Registration ${String(id)} belongs to event 4: DELETE /events/5/registrations/${String(id)} must answer 404 and delete nothing.`, { actual: describe(wrongEvent) });
        const res = await t.request({ method: 'DELETE', path: `/events/4/registrations/${String(id)}` });
        t.expectTrue(res.status === 204 && res.text === '', `DELETE /events/4/registrations/${String(id)} must answer 204 with no body.`, { actual: describe(res) });
        const again = await t.request({ method: 'DELETE', path: `/events/4/registrations/${String(id)}` });
        t.expectTrue(again.status === 404, 'Deleting the same registration again must answer 404.', { actual: describe(again) });
      },
    },
    {
      id: 'persisted',
      title: 'Registrations are saved in data.sqlite',
      skill: 'apis/crud-sqlite',
      weight: 1,
      run: async (t) => {
        const email = freshEmail();
        const created = await register(t, 6, email);
        t.expectTrue(created.status === 201, 'POST /events/6/registrations with a new email must answer 201.', { actual: describe(created) });
        const db = await t.openDatabase('data.sqlite');
        try {
          const rows = db.exec('SELECT event_id FROM registrations WHERE email = ?', [email])[0]?.rows ?? [];
          t.expectEqual(rows, [[6]], 'The registration for event 6 is not in data.sqlite: INSERT it into registrations and call save().');
        } finally {
          db.close();
        }
      },
    },
    {
      id: 'unknown-path-404',
      title: 'An unknown path answers 404 JSON',
      skill: 'apis/routes-and-handlers',
      weight: 1,
      freshServer: true,
      steps: [
        {
          request: { path: '/nope' },
          expect: { status: 404, headers: { 'content-type': /application\/json/ }, json: [{ path: 'error', type: 'string' }] },
          message: 'GET /nope must answer 404 JSON { error }: a last app.use((req, res) => …) after the routes.',
        },
        {
          request: { method: 'PUT', path: '/events' },
          expect: { status: 404, headers: { 'content-type': /application\/json/ }, json: [{ path: 'error', type: 'string' }] },
          message: 'PUT /events has no route (only GET does): it must reach your JSON 404 too.',
        },
      ],
    },
    {
      id: 'broken-json-400',
      title: 'A body that is not JSON answers 400 JSON without a stack trace',
      skill: 'apis/error-handling',
      weight: 1,
      freshServer: true,
      run: async (t) => {
        const broken = await t.request({ method: 'POST', path: '/events/1/registrations', headers: { 'content-type': 'application/json' }, body: '{"email": ' });
        t.expectTrue(broken.status === 400 && /application\/json/.test(broken.headers['content-type'] ?? '') && !/\.m?js:\d+/.test(broken.text), 'A body that is not JSON must answer 400 JSON { error } — no HTML, no stack trace: an error handler with four parameters (err, req, res, next).', { actual: describe(broken) });
      },
    },
    {
      id: 'forecast',
      title: 'GET /events/:id/forecast answers the weather service\'s summary for the event\'s date',
      skill: 'apis/third-party-api',
      weight: 1,
      upstream: { [FORECAST]: clearSkies },
      run: async (t) => {
        const res = await within(t, '/events/2/forecast', 4000, 'GET /events/2/forecast did not answer within 4 s although the weather service answered at once.');
        t.expectEqual({ status: res.status, body: res.json }, { status: 200, body: { eventId: 2, summary: 'Clear skies' } }, 'GET /events/2/forecast must answer 200 { eventId: 2, summary } with the summary the weather service gave.');
        const calls = await t.upstreamCalls();
        t.expectTrue(calls.length === 1 && /[?&]date=2030-01-15(&|$)/.test(calls[0]?.url ?? ''), 'Call https://api.weather.test/v1/forecast?date=<the date of startsAt> once: event 2 starts on 2030-01-15.', { expected: 'GET https://api.weather.test/v1/forecast?date=2030-01-15', actual: calls.map((call) => call.url) });
      },
    },
    {
      id: 'forecast-retry',
      title: 'One 5xx from the weather service is retried once; a service that keeps failing gives 502',
      skill: 'apis/third-party-api',
      weight: 1,
      timeoutMs: 10000,
      upstream: { [FORECAST]: [{ status: 503, body: 'busy' }, clearSkies] },
      run: async (t) => {
        const res = await within(t, '/events/2/forecast', 4000, 'GET /events/2/forecast did not answer within 4 s.');
        t.expectTrue(res.status === 200 && (await t.upstreamCalls()).length === 2, 'The weather service answered 503 once: wait a moment, retry once, and answer 200 with the second answer.', { actual: describe(res) });
        await t.setUpstream({ [FORECAST]: { status: 500, body: 'down' } });
        const down = await within(t, '/events/2/forecast', 4000, 'GET /events/2/forecast did not answer within 4 s while the service failed at once.');
        t.expectTrue(down.status === 502 && typeof errorOf(down) === 'string', 'A weather service that keeps failing must give 502 { error } after one retry.', { actual: describe(down) });
      },
    },
    {
      id: 'forecast-timeout-504',
      title: 'A weather service that never answers gives 504 within about 2 seconds',
      skill: 'apis/third-party-api',
      weight: 1,
      timeoutMs: 10000,
      upstream: { [FORECAST]: { hang: true } },
      run: async (t) => {
        const res = await within(t, '/events/2/forecast', 4500, 'The weather service never answered, and neither did your server: give fetch a deadline (signal: AbortSignal.timeout(2000)) and answer 504.');
        t.expectTrue(res.status === 504 && typeof errorOf(res) === 'string', `After the timeout you answered ${res.status}: "did not answer in time" is 504 { error }.`, { expected: 504, actual: describe(res) });
      },
    },
  ],
});
