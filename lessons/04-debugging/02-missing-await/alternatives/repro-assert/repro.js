// The bug report as a program, with node:assert: a failed assertion is an uncaught error, and
// Node exits with 1 — bad for `git bisect run`; no error, exit 0 — good.
import assert from 'node:assert/strict';

const res = await fetch(`${process.env.BASE_URL}/users/1`);
assert.equal(res.status, 200);
assert.deepEqual(await res.json(), { id: 1, name: 'Ada Lovelace', email: 'ada@example.com', plan: 'pro' });
