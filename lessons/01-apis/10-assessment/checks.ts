import { defineChecks, type CheckContext, type HttpResponse } from '../../../src/checks/define.ts';

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

export default defineChecks({
  checks: [
    {
      id: 'list-events',
      title: 'GET /events answers the first page, sorted by startsAt then id',
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
      title: '?limit= and ?offset= page through the events; bad values answer 400',
      run: async (t) => {
        const res = await t.request({ path: '/events?limit=3&offset=4' });
        t.expectEqual((res.json as { items?: Event[] } | undefined)?.items?.map((e) => e.id), [1, 5, 7], 'GET /events?limit=3&offset=4 must answer events 1, 5 and 7.');
        for (const query of ['limit=0', 'limit=21', 'offset=-1', 'limit=ten']) {
          const bad = await t.request({ path: `/events?${query}` });
          t.expectTrue(bad.status === 400, `GET /events?${query} must answer 400 with { error }.`, { expected: 400, actual: describe(bad) });
        }
      },
    },
    {
      id: 'one-event',
      title: 'GET /events/:id answers 200, 404 or 400',
      run: async (t) => {
        const res = await t.request({ path: '/events/5' });
        t.expectTrue(res.status === 200 && (res.json as Event | undefined)?.title === 'Caching, the hard parts', 'GET /events/5 must answer 200 with event 5.', { actual: describe(res) });
        const missing = await t.request({ path: '/events/99' });
        t.expectTrue(missing.status === 404 && typeof (missing.json as { error?: unknown } | undefined)?.error === 'string', 'GET /events/99 must answer 404 { error }.', { actual: describe(missing) });
        const bad = await t.request({ path: '/events/abc' });
        t.expectTrue(bad.status === 400, 'GET /events/abc must answer 400: "abc" is not an id.', { actual: describe(bad) });
      },
    },
    {
      id: 'register',
      title: 'POST /events/:id/registrations answers 201 with Location, and seatsLeft goes down',
      run: async (t) => {
        const before = await seatsLeft(t, 1);
        const email = freshEmail();
        const res = await register(t, 1, email);
        const body = res.json as { id?: unknown; eventId?: unknown; email?: unknown } | undefined;
        t.expectTrue(res.status === 201 && typeof body?.id === 'number' && body.eventId === 1 && body.email === email, 'POST /events/1/registrations with a new email must answer 201 { id, eventId: 1, email }.', { actual: describe(res) });
        t.expectEqual(res.headers.location, `/events/1/registrations/${String(body?.id)}`, 'The 201 must carry Location: /events/1/registrations/<new id>.');
        t.expectEqual(await seatsLeft(t, 1), before - 1, 'After one registration, seatsLeft of event 1 must be one less.');
      },
    },
    {
      id: 'register-errors',
      title: 'Registrations answer 400 for a bad email, 404 for an unknown event, 409 for a duplicate',
      run: async (t) => {
        const bad = await register(t, 1, 'not-an-email');
        t.expectTrue(bad.status === 400, 'A registration with email "not-an-email" must answer 400 { error }.', { actual: describe(bad) });
        const unknown = await register(t, 99, freshEmail());
        t.expectTrue(unknown.status === 404, 'A registration for event 99 must answer 404: there is no such event.', { actual: describe(unknown) });
        const email = freshEmail();
        await register(t, 2, email);
        const twice = await register(t, 2, email);
        t.expectTrue(twice.status === 409, 'Registering the same email twice for event 2 must answer 409 Conflict the second time.', { actual: describe(twice) });
      },
    },
    {
      id: 'full-event',
      title: 'A full event answers 409 and takes no more registrations',
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
      db: {
        path: 'data.sqlite',
        before: [
          { request: { method: 'POST', path: '/events/6/registrations', json: { email: 'persisted.check@example.test' } }, expect: { status: [201, 409] }, message: 'POST /events/6/registrations must answer 201 (or 409 when an earlier check run already registered this email).' },
        ],
        assert: (db, t) => {
          const rows = db.exec("SELECT event_id FROM registrations WHERE email = 'persisted.check@example.test'")[0]?.rows ?? [];
          t.expectEqual(rows, [[6]], 'The registration for event 6 is not in data.sqlite: INSERT it into registrations and call save().');
        },
      },
    },
    {
      id: 'errors-json',
      title: 'Unknown paths and broken JSON answer JSON errors without stack traces',
      run: async (t) => {
        const missing = await t.request({ path: '/nope' });
        t.expectTrue(missing.status === 404 && /application\/json/.test(missing.headers['content-type'] ?? ''), 'GET /nope must answer 404 JSON { error }.', { actual: describe(missing) });
        const broken = await t.request({ method: 'POST', path: '/events/1/registrations', headers: { 'content-type': 'application/json' }, body: '{"email": ' });
        t.expectTrue(broken.status === 400 && /application\/json/.test(broken.headers['content-type'] ?? '') && !/\.m?js:\d+/.test(broken.text), 'A body that is not JSON must answer 400 JSON { error } — no HTML, no stack trace.', { actual: describe(broken) });
      },
    },
  ],
});
