import { defineChecks, type CheckContext, type HttpResponse } from '../../../src/checks/define.ts';
import { CheckFailure } from '../../../src/checks/check-failure.ts';
import { describe, send, signUp, uniqueName } from '../../_support/checks.ts';
import { reusedUser } from '../_support/reused-user.ts';

const PASSWORD = 'correct horse battery staple';
/** Each failed log-in runs a scrypt (the dummy one too): milliseconds at the lesson's SCRYPT_LOG_N=12, seconds each at OWASP's cost in a busy browser tab. */
const MANY_SCRYPTS_MS = 120_000;
/** SHA-256 of login-limiter.test.js as the lesson ships it: the memory check runs it only unchanged. */
const LIMITER_TEST_SHA256 = 'b7e3f804bf183406da34822edf914a30494f0f85cbd6a4d43b8d34e4e3e870b2';

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const attempt = (t: CheckContext, username: string, password: string) =>
  send(t, { method: 'POST', path: '/login', json: { username, password } });

/** A fresh user who failed to log in `times` times; returns the user and the answers. */
async function failRepeatedly(t: CheckContext, prefix: string, times: number): Promise<{ username: string; answers: HttpResponse[] }> {
  const username = uniqueName(prefix);
  await signUp(t, username, PASSWORD);
  const answers: HttpResponse[] = [];
  for (let i = 0; i < times; i++) answers.push(await attempt(t, username, `guess number ${i}`));
  return { username, answers };
}

/** This run's locked-out user: the first check that needs one makes it (six attempts, five scrypts), the next ones reuse it. */
let lockout: Promise<{ username: string; blocked: HttpResponse; statuses: number[] }> | undefined;

/** A user locked out by five wrong passwords, and the answer to the sixth. */
async function lockedOut(t: CheckContext): Promise<{ username: string; blocked: HttpResponse; statuses: number[] }> {
  lockout ??= failRepeatedly(t, 'victim', 6).then(({ username, answers }) => ({ username, blocked: answers[5]!, statuses: answers.map((a) => a.status) }));
  return lockout;
}

/** The locked-out user, for checks grading something else about the lock-out: no lock-out is a setup failure for them. */
async function requireLockout(t: CheckContext): Promise<{ username: string; blocked: HttpResponse }> {
  const { username, blocked, statuses } = await lockedOut(t);
  if (blocked.status !== 429) {
    throw new CheckFailure('this check needs a lock-out: five wrong passwords in a row, then 429 for the sixth attempt.', { expected: '401 ×5, then 429', actual: statuses.join(', '), kind: 'setup' });
  }
  return { username, blocked };
}

export default defineChecks({
  checks: [
    {
      id: 'success-clears-failures',
      title: 'A successful log-in forgets earlier failures of that username',
      hint: 'Call recordSuccess(username) after a correct password and make it delete the username\'s entry.',
      timeoutMs: MANY_SCRYPTS_MS,
      run: async (t) => {
        const { username } = await failRepeatedly(t, 'typist', 4);
        const ok = await attempt(t, username, PASSWORD);
        t.expectEqual(ok.status, 200, 'After four wrong passwords the right one must still log in (200).');
        const again = await attempt(t, username, 'one more typo');
        const twice = await attempt(t, username, 'another typo');
        t.expectTrue(again.status === 401 && twice.status === 401, 'A user who typed the password wrong four times, then logged in, was locked out after two more typos. Clear the username\'s failures on success (recordSuccess) so only failures in a row count.', {
          expected: '401, 401',
          actual: `${again.status}, ${twice.status}`,
        });
      },
    },
    {
      id: 'sixth-failure-429',
      title: 'After five failed log-ins for a username the sixth attempt gets 429',
      hint: 'recordFailure adds one to a counter in a Map keyed by "user:" + username; secondsUntilAllowed returns > 0 once the counter reaches MAX_FAILURES.',
      timeoutMs: MANY_SCRYPTS_MS,
      // The failures of the check before count against this address too (ten allowed).
      freshServer: true,
      run: async (t) => {
        const { statuses, blocked } = await lockedOut(t);
        t.expectEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401], 'The first five wrong passwords must each answer 401 — the lock-out starts after five failures.');
        t.expectTrue(blocked.status === 429, 'The sixth wrong password in a row was not refused. After five failures answer 429 Too Many Requests: call secondsUntilAllowed(username, req.ip) first in POST /login and recordFailure after a wrong password.', {
          expected: '429',
          actual: describe(blocked),
        });
      },
    },
    {
      id: 'retry-after',
      title: 'The 429 says when to retry (Retry-After in seconds)',
      hint: "res.set('Retry-After', String(seconds)) — whole seconds until the window ends, at most 15 minutes.",
      timeoutMs: MANY_SCRYPTS_MS,
      run: async (t) => {
        const { blocked } = await requireLockout(t);
        const value = blocked.headers['retry-after'];
        const seconds = Number(value);
        t.expectTrue(value !== undefined && /^\d+$/.test(value) && seconds >= 1 && seconds <= 900, 'Send a Retry-After header with the 429: the number of whole seconds (1–900) until this username may try again.', {
          expected: 'Retry-After: <1…900>',
          actual: value === undefined ? '(no Retry-After header)' : `Retry-After: ${value}`,
        });
      },
    },
    {
      id: 'locked-even-with-right-password',
      title: 'While locked out, even the right password gets 429',
      hint: 'Check secondsUntilAllowed before looking at the password at all.',
      timeoutMs: MANY_SCRYPTS_MS,
      run: async (t) => {
        const { username } = await requireLockout(t);
        const res = await attempt(t, username, PASSWORD);
        t.expectTrue(res.status === 429, 'The right password still logged in during the lock-out, so an attacker just keeps guessing until one works. Refuse with 429 before checking the password.', {
          expected: '429',
          actual: describe(res),
        });
      },
    },
    {
      id: 'other-users-unaffected',
      title: "One user's lock-out does not block other users",
      hint: 'Key the lock-out by username, not one global counter.',
      timeoutMs: MANY_SCRYPTS_MS,
      run: async (t) => {
        await requireLockout(t);
        const other = await reusedUser(t, 'bystander', PASSWORD);
        const res = await attempt(t, other, PASSWORD);
        t.expectTrue(res.status === 200, "Another user could not log in while someone else was locked out. Count failures per username (\"user:\" + username).", {
          expected: '200',
          actual: describe(res),
        });
      },
    },
    {
      id: 'spraying-limited-per-ip',
      title: 'Ten failures from one address, over any usernames, get that address 429',
      hint: 'recordFailure also counts "ip:" + req.ip, and secondsUntilAllowed refuses once that reaches MAX_FAILURES_PER_IP — whichever username is tried.',
      timeoutMs: MANY_SCRYPTS_MS * 2,
      freshServer: true,
      run: async (t) => {
        const target = await reusedUser(t, 'sprayed', PASSWORD);
        const statuses: number[] = [];
        for (let i = 0; i < 10; i++) statuses.push((await attempt(t, uniqueName(`account${i}`), 'Summer2024!')).status);
        t.expectEqual(statuses, Array(10).fill(401), 'Each of the first ten failed log-ins from one address (all different usernames) must answer 401.');
        const res = await attempt(t, target, PASSWORD);
        t.expectTrue(res.status === 429, 'One address tried a password against ten different accounts and may go on: a lock-out per username never triggers against password spraying. Also count failures per address (req.ip) and answer 429 after MAX_FAILURES_PER_IP.', {
          expected: '429 for the eleventh attempt from the same address',
          actual: describe(res),
        });
      },
    },
    {
      id: 'memory-bounded',
      title: 'The limiter remembers at most MAX_TRACKED keys (login-limiter.test.js passes)',
      hint: 'Before adding a key when the Map holds MAX_TRACKED, delete the oldest: failures.delete(failures.keys().next().value). Also delete entries whose window has ended.',
      timeoutMs: 60_000,
      run: async (t) => {
        const shipped = await t.readFile('login-limiter.test.js');
        if (shipped === undefined || (await sha256Hex(shipped.replace(/\r\n/g, '\n'))) !== LIMITER_TEST_SHA256) {
          return t.fail('login-limiter.test.js has been changed. Put it back as the lesson gave it (reset the file): this check runs it to measure your limiter.');
        }
        const result = await t.runCommand('node', ['--test', 'login-limiter.test.js'], { timeoutMs: 50_000 });
        t.expectTrue(result.code === 0, 'An attacker who invents usernames (or addresses) makes the failures Map grow without end until the server runs out of memory. Keep at most MAX_TRACKED keys: forget ended windows, and when the Map is full drop the oldest entry. The test output says what it found.', {
          expected: 'node --test login-limiter.test.js passes',
          actual: `${result.stdout}${result.stderr}`.slice(-1500),
        });
      },
    },
    {
      id: 'lockout-ends',
      title: 'The lock-out ends when its 15-minute window has passed',
      hint: 'Store when the window ends (first failure + 15 minutes) and treat an entry whose window has ended as gone.',
      timeoutMs: MANY_SCRYPTS_MS,
      // Last, with a lock-out of its own on a fresh server: it moves the clock, and the spraying
      // check before it has used up this address's failures.
      freshServer: true,
      run: async (t) => {
        const { username, answers } = await failRepeatedly(t, 'latecomer', 6);
        if (answers[5]?.status !== 429) {
          throw new CheckFailure('this check needs a lock-out: five wrong passwords in a row, then 429 for the sixth attempt.', { expected: '401 ×5, then 429', actual: answers.map((a) => a.status).join(', '), kind: 'setup' });
        }
        // The window began at the first failure, a little before this check: 10 minutes on it
        // still runs, 15 minutes on it has surely ended.
        await t.clock.advance(10 * 60 * 1000);
        const during = await attempt(t, username, PASSWORD);
        t.expectTrue(during.status === 429, 'The lock-out ended after less than 15 minutes. Keep refusing until the window that began at the first failure has ended (WINDOW_MS).', {
          expected: '429 ten minutes after the lock-out began',
          actual: describe(during),
        });
        await t.clock.advance(5 * 60 * 1000 + 1_000);
        const after = await attempt(t, username, PASSWORD);
        t.expectTrue(after.status === 200, 'Fifteen minutes after the first failure the right password is still refused: the lock-out never ends, so anyone can lock any user out for good. Let an entry whose window has ended count as no failures.', {
          expected: '200 once the window has passed',
          actual: describe(after),
        });
      },
    },
  ],
});
