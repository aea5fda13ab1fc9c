import { defineChecks, type CheckContext, type HttpResponse } from '../../../src/checks/define.ts';
import { describe, send, signUp, uniqueName } from '../../_support/checks.ts';

const PASSWORD = 'correct horse battery staple';

const attempt = (t: CheckContext, username: string, password: string) =>
  send(t, { method: 'POST', path: '/login', json: { username, password } });

/** Signs a fresh user up and fails to log in `times` times; returns the user and the answers. */
async function failRepeatedly(t: CheckContext, times: number): Promise<{ username: string; answers: HttpResponse[] }> {
  const username = uniqueName('victim');
  await signUp(t, username, PASSWORD);
  const answers: HttpResponse[] = [];
  for (let i = 0; i < times; i++) answers.push(await attempt(t, username, `guess number ${i}`));
  return { username, answers };
}

async function lockedOut(t: CheckContext): Promise<{ username: string; blocked: HttpResponse }> {
  const { username, answers } = await failRepeatedly(t, 6);
  const statuses = answers.map((a) => a.status);
  t.expectEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401], 'The first five wrong passwords must each answer 401 — the limit starts after five failures.');
  const blocked = answers[5]!;
  t.expectTrue(blocked.status === 429, 'The sixth wrong password in a row was not refused. After five failures answer 429 Too Many Requests: call secondsUntilAllowed(username) first in POST /login and recordFailure after a wrong password.', {
    expected: '429',
    actual: describe(blocked),
  });
  return { username, blocked };
}

export default defineChecks({
  checks: [
    {
      id: 'sixth-failure-429',
      title: 'After five failed log-ins the sixth attempt gets 429',
      hint: 'recordFailure adds one to a counter in a Map keyed by username; secondsUntilAllowed returns > 0 once the counter reaches MAX_FAILURES.',
      timeoutMs: 15000,
      run: async (t) => {
        await lockedOut(t);
      },
    },
    {
      id: 'retry-after',
      title: 'The 429 says when to retry (Retry-After in seconds)',
      hint: "res.set('Retry-After', String(seconds)) — whole seconds until the window ends, at most 15 minutes.",
      timeoutMs: 15000,
      run: async (t) => {
        const { blocked } = await lockedOut(t);
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
      timeoutMs: 15000,
      run: async (t) => {
        const { username } = await lockedOut(t);
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
      hint: 'Key the counter by username, not one global counter (and not the IP alone: everyone behind one office router shares it).',
      timeoutMs: 15000,
      run: async (t) => {
        await lockedOut(t);
        const other = uniqueName('bystander');
        await signUp(t, other, PASSWORD);
        const res = await attempt(t, other, PASSWORD);
        t.expectTrue(res.status === 200, "Another user could not log in while someone else was locked out. Count failures per username (a Map keyed by the username).", {
          expected: '200',
          actual: describe(res),
        });
      },
    },
    {
      id: 'success-clears-failures',
      title: 'A successful log-in forgets earlier failures',
      hint: 'Call recordSuccess(username) after a correct password and make it delete the entry.',
      timeoutMs: 15000,
      run: async (t) => {
        const { username } = await failRepeatedly(t, 4);
        const ok = await attempt(t, username, PASSWORD);
        t.expectEqual(ok.status, 200, 'After four wrong passwords the right one must still log in (200).');
        const again = await attempt(t, username, "one more typo");
        const twice = await attempt(t, username, 'another typo');
        t.expectTrue(again.status === 401 && twice.status === 401, 'A user who typed the password wrong four times, then logged in, was locked out after two more typos. Clear the failures on success (recordSuccess) so only failures in a row count.', {
          expected: '401, 401',
          actual: `${again.status}, ${twice.status}`,
        });
      },
    },
  ],
});
