import { defineChecks, type CheckContext, type HttpStep } from '../../../src/checks/define.ts';
import { describe, send } from '../../_support/checks.ts';

const INJECTION = "' OR '1'='1";

/** The usernames GET /staff lists for this query string, or the failed answer. */
async function staffOrder(t: CheckContext, query: string): Promise<{ status: number; names: unknown[] | undefined; shown: string }> {
  const res = await send(t, { path: `/staff${query}` });
  const names = Array.isArray(res.json) ? res.json.map((row) => (row as { username?: unknown }).username) : undefined;
  return { status: res.status, names, shown: describe(res) };
}

/** A sort or dir value that must be refused with 400: valid SQL, so only an allow-list stops it. */
function refusedParameter(name: string, query: string, message: string): HttpStep {
  return { name, request: { path: `/staff${query}` }, expect: { status: 400 }, message };
}

/** A log-in attempt that must be refused: 401 and no welcome page. */
function refused(name: string, username: string, password: string, message: string): HttpStep {
  return {
    name,
    request: { method: 'POST', path: '/login', form: { username, password } },
    expect: { status: 401, bodyNotContains: ['Welcome'] },
    message,
  };
}

export default defineChecks({
  checks: [
    {
      id: 'right-password',
      title: 'Staff log in with the right password',
      steps: [
        {
          name: 'alice / wonderland',
          request: { method: 'POST', path: '/login', form: { username: 'alice', password: 'wonderland' } },
          expect: { status: 200, bodyContains: ['Welcome, alice'] },
          message: 'alice with password "wonderland" must still log in (200, "Welcome, alice").',
        },
      ],
    },
    {
      id: 'wrong-password',
      title: 'A wrong password is refused',
      steps: [refused('alice / wrong', 'alice', 'not-it', 'A wrong password must answer 401 with the log-in page.')],
    },
    {
      id: 'injection-in-password',
      title: `The password ${INJECTION} does not log in`,
      hint: "With the value pasted into the SQL, the WHERE clause becomes … AND password = '' OR '1'='1' — true for every row. Use ? placeholders.",
      steps: [
        refused(
          `alice / ${INJECTION}`,
          'alice',
          INJECTION,
          `The password ${INJECTION} logged in: it is pasted into the SQL and rewrites the WHERE clause. Use placeholders: get('SELECT … WHERE username = ? AND password = ?', [username, password]).`,
        ),
      ],
    },
    {
      id: 'injection-everywhere',
      title: 'Injection in the username does not log in either',
      steps: [
        refused(
          `${INJECTION} / ${INJECTION}`,
          INJECTION,
          INJECTION,
          `The username and password ${INJECTION} logged in as the first staff member. Pass both values as parameters (?), never inside the SQL string.`,
        ),
        refused(
          "alice'-- / anything",
          "alice'--",
          'anything',
          "The username alice'-- logged in without her password: -- comments out the password test. Use ? placeholders for every value.",
        ),
      ],
    },
    {
      id: 'apostrophe-in-name',
      title: "A user called o'brien can log in",
      hint: "Escaping quotes by hand (replace ' with '') is how injection bugs come back. Placeholders handle any character.",
      steps: [
        {
          name: "o'brien / tea-at-four",
          request: { method: 'POST', path: '/login', form: { username: "o'brien", password: 'tea-at-four' } },
          expect: { status: 200, bodyContains: ['Welcome, o'] },
          message: "o'brien could not log in: the apostrophe in the name breaks the hand-built SQL (look at the error in the output panel). With ? placeholders quotes are just characters.",
        },
      ],
    },
    {
      id: 'staff-sorted',
      title: 'GET /staff sorts by username or id, ascending or descending',
      hint: 'Look the request words up in allow-lists (a Map from "username"/"id" to the column name, and "asc"/"desc" to ASC/DESC) and put only the looked-up text into ORDER BY.',
      run: async (t) => {
        const byName = await staffOrder(t, '');
        const names = byName.names?.filter((n): n is string => typeof n === 'string') ?? [];
        t.expectTrue(byName.status === 200 && names.length >= 3 && names.join() === [...names].sort().join(), 'GET /staff must answer 200 with the staff sorted by username (the default).', { actual: byName.shown });
        const desc = await staffOrder(t, '?sort=username&dir=desc');
        t.expectEqual(desc.names, [...names].reverse(), 'GET /staff?sort=username&dir=desc must list the staff by username, last first.');
        const byId = await send(t, { path: '/staff?sort=id&dir=asc' });
        const ids = Array.isArray(byId.json) ? byId.json.map((row) => Number((row as { id?: unknown }).id)) : [];
        t.expectTrue(byId.status === 200 && ids.length >= 3 && ids.every((id, i) => i === 0 || id > ids[i - 1]!), 'GET /staff?sort=id&dir=asc must list the staff by id, lowest first (bob was added before alice).', { actual: describe(byId) });
      },
    },
    {
      id: 'sort-expression-refused',
      title: 'A SQL expression in sort is refused with 400, not run',
      hint: 'Validating "looks like a word" or blocking SELECT is not enough: id*-1 is a valid ORDER BY expression. Accept only the names on your list.',
      steps: [
        refusedParameter('sort=id*-1', '?sort=id*-1', 'GET /staff?sort=id*-1 was run as SQL (it sorts by minus the id). Only names from an allow-list may reach ORDER BY; answer 400 for anything else.'),
        refusedParameter('sort=(SELECT 1)', '?sort=(SELECT%201)', 'GET /staff?sort=(SELECT 1) ran a subquery chosen by the client — the first step of reading any table. Look sort up in an allow-list and answer 400 when it is not there.'),
      ],
    },
    {
      id: 'sort-by-password-refused',
      title: 'sort=password is refused, although it is a real column',
      hint: 'A regex such as /^\\w+$/ lets every column name through. List the columns a client may sort by.',
      steps: [
        refusedParameter(
          'sort=password',
          '?sort=password',
          'GET /staff?sort=password was accepted: the order of the list then leaks how passwords compare, and an attacker who can set their own password learns the others one character at a time. Allow only username and id.',
        ),
      ],
    },
    {
      id: 'direction-allow-listed',
      title: 'dir accepts only asc or desc',
      hint: 'The direction is SQL text too: map "asc"/"desc" to ASC/DESC and refuse the rest.',
      steps: [
        refusedParameter('dir=desc, (SELECT 1)', '?sort=username&dir=desc%2C%20(SELECT%201)', 'GET /staff?dir=desc, (SELECT 1) was pasted into ORDER BY. Allow only asc and desc for dir, and answer 400 otherwise.'),
      ],
    },
  ],
});
