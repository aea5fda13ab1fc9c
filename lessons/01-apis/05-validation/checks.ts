import { defineChecks, type CheckContext } from '../../../src/checks/define.ts';

const valid = { name: 'Ada Lovelace', email: 'ada@example.test', tickets: 2 };

interface Problem { field?: unknown; message?: unknown }

/** Posts `body`, requires a 400 in the agreed shape, and returns the fields it names. */
async function rejectedFields(t: CheckContext, body: unknown, what: string): Promise<string[]> {
  const res = await t.request({ method: 'POST', path: '/registrations', json: body });
  t.expectTrue(res.status === 400, `POST /registrations with ${what} answered ${res.status}. Reject it: answer 400 with { error: 'Validation failed', details: [...] } and store nothing.`, { expected: 400, actual: `${res.status} ${res.text}` });
  const json = res.json as { error?: unknown; details?: unknown } | undefined;
  t.expectTrue(json?.error === 'Validation failed' && Array.isArray(json.details), 'A 400 must be JSON shaped { "error": "Validation failed", "details": [{ "field": …, "message": … }] } so clients can show each problem next to its field.', { expected: '{ "error": "Validation failed", "details": [ … ] }', actual: res.text });
  const details = (json?.details ?? []) as Problem[];
  for (const problem of details) {
    t.expectTrue(typeof problem.field === 'string' && typeof problem.message === 'string' && problem.message !== '', 'Each item of "details" needs a "field" (which input) and a non-empty "message" (what is wrong with it).', { expected: '{ "field": "email", "message": "…" }', actual: problem });
  }
  return details.map((problem) => String(problem.field));
}

export default defineChecks({
  checks: [
    {
      id: 'valid-201',
      title: 'A valid registration answers 201 with the stored registration',
      steps: [
        {
          request: { method: 'POST', path: '/registrations', json: { ...valid, name: '  Ada Lovelace  ' } },
          expect: { status: 201, json: [{ path: 'id', type: 'number' }, { path: 'name', equals: 'Ada Lovelace' }, { path: 'tickets', equals: 2 }] },
          message: 'A valid registration must still answer 201 with { id, name, email, tickets } — with the name trimmed (name.trim()).',
        },
      ],
    },
    {
      id: 'limits-accepted',
      title: 'Values at the limits are accepted: a 1- or 80-character name (after trimming), 1 or 4 tickets',
      hint: 'Compare with < 1 and > 80 (or > 4): the limits themselves are valid. Trim before measuring.',
      run: async (t) => {
        const cases: [Record<string, unknown>, string, string][] = [
          [{ ...valid, name: 'x'.repeat(80), tickets: 4 }, 'an 80-character name and 4 tickets', 'x'.repeat(80)],
          [{ ...valid, name: `  ${'y'.repeat(80)}  `, tickets: 1 }, 'an 80-character name with spaces around it, and 1 ticket', 'y'.repeat(80)],
          [{ ...valid, name: 'Q', tickets: 3 }, 'a 1-character name', 'Q'],
        ];
        for (const [json, what, storedName] of cases) {
          const res = await t.request({ method: 'POST', path: '/registrations', json });
          t.expectTrue(res.status === 201, `A registration with ${what} answered ${res.status}, but it is valid: the limits themselves are allowed (name 1–80 characters after trimming, tickets 1–4).`, { expected: 201, actual: `${res.status} ${res.text.slice(0, 300)}` });
          t.expectEqual((res.json as { name?: unknown } | undefined)?.name, storedName, `A registration with ${what} must store the name trimmed.`);
        }
      },
    },
    {
      id: 'name-rules',
      title: 'name must be a string of 1–80 characters',
      hint: 'typeof name === \'string\' first, then measure name.trim().length.',
      run: async (t) => {
        for (const [name, what] of [[undefined, 'no name'], ['   ', 'a name of only spaces'], ['x'.repeat(81), 'an 81-character name'], [42, 'a numeric name']] as const) {
          const fields = await rejectedFields(t, { ...valid, name }, what);
          t.expectTrue(fields.includes('name'), `The 400 for ${what} must list { field: 'name', … } in details.`, { expected: 'a detail for "name"', actual: fields });
        }
      },
    },
    {
      id: 'email-rules',
      title: 'email must look like name@example.com',
      hint: 'A small regular expression is enough here: /^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/.',
      run: async (t) => {
        for (const email of ['ada', 'ada@example', 'ada lovelace@example.test', '']) {
          const fields = await rejectedFields(t, { ...valid, email }, `email "${email}"`);
          t.expectTrue(fields.includes('email'), `The 400 for email "${email}" must list { field: 'email', … } in details.`, { expected: 'a detail for "email"', actual: fields });
        }
      },
    },
    {
      id: 'tickets-rules',
      title: 'tickets must be a whole number from 1 to 4 — "2" (a string), 2.5, 0, 5 and -1 are wrong',
      hint: 'Number.isInteger("2") and Number.isInteger(2.5) are both false, so it rules out strings and fractions in one go.',
      run: async (t) => {
        for (const tickets of ['2', 2.5, 0, 5, -1, null]) {
          const fields = await rejectedFields(t, { ...valid, tickets }, `tickets ${JSON.stringify(tickets)}`);
          t.expectTrue(fields.includes('tickets'), `The 400 for tickets ${JSON.stringify(tickets)} must list { field: 'tickets', … } in details. JSON has real numbers: "2" is a string and must be rejected.`, { expected: 'a detail for "tickets"', actual: fields });
        }
      },
    },
    {
      id: 'all-problems-at-once',
      title: 'Every problem is reported at once, each field once',
      hint: 'Do not return after the first problem: push every problem into the array, then answer once.',
      run: async (t) => {
        const fields = await rejectedFields(t, { name: '', email: 'ada', tickets: '2' }, 'three wrong fields');
        t.expectEqual([...fields].sort(), ['email', 'name', 'tickets'], 'With name, email and tickets all wrong, details must hold exactly one problem for each of the three — not just the first one found.');
        const empty = await rejectedFields(t, {}, 'an empty object');
        t.expectEqual([...empty].sort(), ['email', 'name', 'tickets'], 'An empty body {} is missing all three fields: details must name all three.');
      },
    },
    {
      id: 'nothing-stored',
      title: 'A rejected registration is not stored',
      run: async (t) => {
        const before = await t.request({ path: '/registrations' });
        await t.request({ method: 'POST', path: '/registrations', json: { name: 'Mallory', email: 'not-an-email', tickets: 99 } });
        const after = await t.request({ path: '/registrations' });
        t.expectEqual(after.json, before.json, 'An invalid registration was added to the list. Answer the 400 with return before registrations.push(…).');
      },
    },
  ],
});
