import { defineChecks, type CheckContext, type HttpRequestSpec } from '../../../src/checks/define.ts';
import { body, describe, send, uniqueName } from '../../_support/checks.ts';
import { reusedUser } from '../_support/reused-user.ts';

const PASSWORD = 'correct horse battery staple';
/** Checks that sign up or log in: milliseconds at the lesson's SCRYPT_LOG_N=12, but a passwords.js that hashes at OWASP's cost anyway (and the seeded admin's hash, made at it) takes seconds per scrypt in a busy browser tab. */
const SCRYPT_HEAVY_MS = 60_000;

/** Tokens already issued in this Check run, by username: each log-in costs a full scrypt. */
const tokens = new Map<string, string>();

async function tokenFor(t: CheckContext, username: string, password: string): Promise<string> {
  const known = tokens.get(username);
  if (known !== undefined) return known;
  const res = await send(t, { method: 'POST', path: '/login', json: { username, password } });
  const token = body(res).token;
  if (res.status !== 200 || typeof token !== 'string') return t.fail(`POST /login as "${username}" must answer 200 with {"token": …}.`, { actual: describe(res) });
  tokens.set(username, token);
  return token;
}

/** The token of this run's user `prefix` (alice, bob…), signed up by the first check that needs them. */
const userToken = async (t: CheckContext, prefix: string): Promise<string> => tokenFor(t, await reusedUser(t, prefix, PASSWORD), PASSWORD);

const as = (token: string, spec: HttpRequestSpec): HttpRequestSpec => ({ ...spec, headers: { authorization: `Bearer ${token}` } });

/** Alice's token, Bob's token, and the id of a new note Alice wrote. */
async function aliceNote(t: CheckContext): Promise<{ alice: string; bob: string; noteId: number }> {
  const alice = await userToken(t, 'alice');
  const bob = await userToken(t, 'bob');
  const created = await send(t, as(alice, { method: 'POST', path: '/notes', json: { text: 'my diary' } }));
  t.expectTrue(created.status === 201 && typeof body(created).id === 'number', 'POST /notes (logged in) must answer 201 with the new note\'s id.', { actual: describe(created) });
  return { alice, bob, noteId: Number(body(created).id) };
}

export default defineChecks({
  checks: [
    {
      id: 'anonymous-401',
      title: 'Requests without a token get 401',
      hint: '401 Unauthorized really means "unauthenticated": we do not know who you are. Fix the status in requireUser.',
      steps: [
        {
          name: 'GET /notes/1 without a token',
          request: { path: '/notes/1' },
          expect: { status: 401 },
          message: 'Without a token we do not know who is calling: answer 401 (log in and try again), not 403, in requireUser.',
        },
        {
          name: 'GET /notes/1 with a garbage token',
          request: { path: '/notes/1', headers: { authorization: 'Bearer nonsense' } },
          expect: { status: 401 },
          message: 'An invalid token is also "we do not know who you are": answer 401 in requireUser.',
        },
      ],
    },
    {
      id: 'challenge-on-401',
      title: 'Every 401 says how to authenticate: WWW-Authenticate: Bearer',
      hint: "res.set('WWW-Authenticate', 'Bearer realm=\"notes\"') before every 401 — one helper for all of them.",
      steps: [
        {
          name: 'GET /notes/1 without a token',
          request: { path: '/notes/1' },
          expect: { status: 401, headers: { 'www-authenticate': /^\s*Bearer\b/i } },
          message: 'A 401 must carry a WWW-Authenticate header naming the scheme to use (RFC 9110 section 15.5.2): res.set("WWW-Authenticate", \'Bearer realm="notes"\').',
        },
        {
          name: 'GET /notes/1 with a garbage token',
          request: { path: '/notes/1', headers: { authorization: 'Bearer nonsense' } },
          expect: { status: 401, headers: { 'www-authenticate': /^\s*Bearer\b/i } },
          message: 'The 401 for an invalid token needs WWW-Authenticate too (RFC 6750 adds error="invalid_token"): set it wherever requireUser answers 401.',
        },
      ],
    },
    {
      id: 'owner-reads-note',
      title: 'The owner can read their note',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const { alice, noteId } = await aliceNote(t);
        const res = await send(t, as(alice, { path: `/notes/${noteId}` }));
        t.expectTrue(res.status === 200 && body(res).text === 'my diary', 'GET /notes/:id by the note\'s owner must answer 200 with the note. Compare note.owner_id with req.user.id, not with anything from the request.', {
          actual: describe(res),
        });
      },
    },
    {
      id: 'others-cannot-read',
      title: "Another user cannot read someone's note",
      hint: 'After loading the note, compare note.owner_id with req.user.id; if they differ answer 403 (or 404 to hide that it exists).',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const { bob, noteId } = await aliceNote(t);
        const res = await send(t, as(bob, { path: `/notes/${noteId}` }));
        t.expectTrue(res.status === 403 || res.status === 404, "Bob read Alice's note just by changing the id in the URL (an IDOR). In GET /notes/:id answer 403 when note.owner_id !== req.user.id.", {
          expected: '403 (or 404)',
          actual: describe(res),
        });
      },
    },
    {
      id: 'others-cannot-delete',
      title: "Another user cannot delete someone's note",
      hint: 'Put the owner check in one helper and use it in both GET and DELETE, so the next route cannot forget it.',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const { alice, bob, noteId } = await aliceNote(t);
        const res = await send(t, as(bob, { method: 'DELETE', path: `/notes/${noteId}` }));
        t.expectTrue(res.status === 403 || res.status === 404, "Bob could delete Alice's note. DELETE /notes/:id must check ownership too and answer 403.", {
          expected: '403 (or 404)',
          actual: describe(res),
        });
        const still = await send(t, as(alice, { path: `/notes/${noteId}` }));
        t.expectEqual(still.status, 200, "After Bob's refused DELETE, Alice's note must still exist.");
      },
    },
    {
      id: 'users-not-admin',
      title: 'A logged-in non-admin gets 403 from /admin/users',
      hint: 'Add a requireAdmin middleware after requireUser: if req.user.role !== "admin" answer 403.',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const alice = await userToken(t, 'alice');
        const res = await send(t, as(alice, { path: '/admin/users' }));
        t.expectTrue(res.status === 403, 'A normal user listed every account. Guard GET /admin/users with a requireAdmin middleware answering 403 — she is logged in (so not 401) but not allowed.', {
          expected: '403',
          actual: describe(res),
        });
      },
    },
    {
      id: 'admin-lists-users',
      title: 'The admin can list users',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const root = await tokenFor(t, 'root', 'playground-admin');
        const res = await send(t, as(root, { path: '/admin/users' }));
        t.expectTrue(res.status === 200 && Array.isArray(res.json), 'GET /admin/users as root (role admin) must answer 200 with the list of users. Read the role from the users table (req.user.role).', {
          actual: describe(res),
        });
      },
    },
    {
      id: 'role-not-from-signup',
      title: 'Signing up with "role": "admin" does not make you an admin',
      hint: 'Only take username and password from req.body in POST /signup; the role column defaults to "user".',
      timeoutMs: SCRYPT_HEAVY_MS,
      run: async (t) => {
        const username = uniqueName('mallory');
        const signup = await send(t, { method: 'POST', path: '/signup', json: { username, password: PASSWORD, role: 'admin' } });
        t.expectTrue(signup.status === 201, 'POST /signup must answer 201 for a new user (a role in the body is ignored, not an error).', { actual: describe(signup) });
        const mallory = await tokenFor(t, username, PASSWORD);
        const res = await send(t, as(mallory, { path: '/admin/users' }));
        t.expectTrue(res.status === 403, 'A user who signed up with {"role": "admin"} in the body became an admin. In POST /signup ignore any role from the request (mass assignment): insert only username and password_hash.', {
          expected: '403',
          actual: describe(res),
        });
      },
    },
  ],
});
